import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('extension', () => {
  it('activates in the real VS Code and registers its commands', async () => {
    const ext = vscode.extensions.getExtension('kelviq-catalog.kelviq-catalog');
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('kelviq.showLog'));
  });
});
