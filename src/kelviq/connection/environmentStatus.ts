// Keeps the environment visible: a status-bar item (production in the warning colour) and the
// context keys that drive the welcome view and menus.
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandTable';
import { plainText } from '../../domain/untrustedText';
import type { Connection } from './connection';
import { demoKeyOffer } from './demoKey';

export const CONTEXT_HAS_KEY = 'kelviq.hasApiKey';
export const CONTEXT_ENVIRONMENT = 'kelviq.environment';
/** Set API Key will fill in npm start's demo key (the welcome view says so). */
export const CONTEXT_DEMO_KEY = 'kelviq.demoKeyOffered';

export function registerEnvironmentStatus(context: vscode.ExtensionContext, connection: Connection): void {
  const item = vscode.window.createStatusBarItem('kelviq.environment', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Kelviq Environment';
  item.command = COMMANDS.switchEnvironment.id;
  context.subscriptions.push(item);

  const update = async () => {
    const result = connection.current();
    const hasKey = result.ok ? await connection.hasKey(result.environment) : false;
    await vscode.commands.executeCommand('setContext', CONTEXT_HAS_KEY, hasKey);
    await vscode.commands.executeCommand('setContext', CONTEXT_ENVIRONMENT, connection.currentId);
    await vscode.commands.executeCommand('setContext', CONTEXT_DEMO_KEY, result.ok && demoKeyOffer(result.environment, process.env) !== undefined);
    const label = result.ok ? result.environment.label : `${result.label} (not configured)`;
    item.text = `$(${connection.currentId === 'production' ? 'warning' : 'server-environment'}) Kelviq: ${label}`;
    item.tooltip = result.ok
      ? `Kelviq calls go to ${result.environment.baseUrl}${hasKey ? '' : ' (no API key set)'}. Click to switch.`
      : plainText(result.problem);
    item.backgroundColor = connection.currentId === 'production' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(connection.onDidChange(() => void update()));
  void update();
}
