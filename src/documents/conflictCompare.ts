// Compare for a save conflict: a read-only document with the server's current version, opened in
// a diff editor against the user's (still dirty) document.
import * as vscode from 'vscode';

export const SERVER_VERSION_SCHEME = 'catalog-server-version';

export class ConflictCompare implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly versions = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.versions.get(uri.toString()) ?? '';
  }

  async show(documentUri: vscode.Uri, serverText: string): Promise<void> {
    const serverUri = vscode.Uri.from({ scheme: SERVER_VERSION_SCHEME, path: `/${documentUri.scheme}${documentUri.path}` });
    this.versions.set(serverUri.toString(), serverText);
    this.changed.fire(serverUri);
    const name = documentUri.path.split('/').pop() ?? 'document.json';
    await vscode.commands.executeCommand('vscode.diff', serverUri, documentUri, `${name} (server) ↔ ${name} (yours)`);
  }

  /** Forgets the server versions of a closed document. */
  forget(documentUri: vscode.Uri): void {
    this.versions.delete(vscode.Uri.from({ scheme: SERVER_VERSION_SCHEME, path: `/${documentUri.scheme}${documentUri.path}` }).toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
