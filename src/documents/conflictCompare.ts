// Compare for a save conflict: a read-only document with the server's current version, opened in
// a diff editor against the user's (still dirty) document.
import * as vscode from 'vscode';
import type { ProductDetail } from '../api';
import { core } from '../coreLoader';

export const SERVER_VERSION_SCHEME = 'kelviq-server';

export class ConflictCompare implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly versions = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.versions.get(uri.toString()) ?? '';
  }

  async show(documentUri: vscode.Uri, theirs: ProductDetail): Promise<void> {
    const serverUri = documentUri.with({ scheme: SERVER_VERSION_SCHEME });
    this.versions.set(serverUri.toString(), core().serializeProduct(theirs));
    this.changed.fire(serverUri);
    const name = documentUri.path.split('/').pop() ?? 'product.json';
    await vscode.commands.executeCommand('vscode.diff', serverUri, documentUri, `${name} (server) ↔ ${name} (yours)`);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
