// The backend-neutral document mechanism: each backend calls registerCatalogDocuments once for
// its URI scheme with its document kinds, and gets one file system, one set of diagnostics, one
// save contract and one remote-change watcher, the same for every kind.
import * as vscode from 'vscode';
import type { Log } from '../logging';
import { CatalogFileSystem } from './catalogFileSystem';
import { ConflictCompare, SERVER_VERSION_SCHEME } from './conflictCompare';
import { DocumentDiagnostics } from './documentDiagnostics';
import { DocumentEntries } from './documentEntries';
import type { AnyDocumentKind } from './documentKind';
import { DocumentSaver } from './documentSaver';
import { ReadOnlyDecorations } from './readOnlyDecorations';
import { RemoteChanges } from './remoteChanges';

export type { ConflictCompare } from './conflictCompare';
export type { DocumentKind, DocumentRemote, DocumentTarget, WriteConfirmation } from './documentKind';

export interface CatalogDocuments {
  /** Opens the document at `uri`, or shows the open document of the same object (whatever its URI). */
  open(uri: vscode.Uri): Promise<vscode.TextEditor>;
  /** Checks the visible documents for server changes now (also runs on focus and every minute). */
  checkForRemoteChanges(options?: { force?: boolean }): Promise<void>;
}

/** The one provider of server versions shown beside a conflicting document, for all backends. */
export function registerConflictCompare(context: vscode.ExtensionContext): ConflictCompare {
  const compare = new ConflictCompare();
  context.subscriptions.push(compare, vscode.workspace.registerTextDocumentContentProvider(SERVER_VERSION_SCHEME, compare));
  return compare;
}

export function registerCatalogDocuments(
  context: vscode.ExtensionContext,
  deps: { scheme: string; source: string; kinds: readonly AnyDocumentKind[]; compare: ConflictCompare; log: Log },
): CatalogDocuments {
  const entries = new DocumentEntries(context.workspaceState);
  const diagnostics = new DocumentDiagnostics(entries, deps.source);
  const conflictCompare = deps.compare;
  const refresh = (uri: vscode.Uri) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) diagnostics.update(doc);
  };
  const saver = new DocumentSaver(entries, conflictCompare, deps.log, { onProblemsChanged: refresh });
  const fs = new CatalogFileSystem(deps.kinds, entries, saver, deps.log);
  const remote = new RemoteChanges(fs, entries, (doc) => diagnostics.update(doc), deps.log);
  const ours = (uri: vscode.Uri) => uri.scheme === deps.scheme;
  const readOnly = new ReadOnlyDecorations(entries, ours);

  context.subscriptions.push(
    diagnostics,
    fs,
    remote,
    readOnly,
    vscode.workspace.registerFileSystemProvider(deps.scheme, fs, { isCaseSensitive: true }),
    vscode.languages.registerCodeActionsProvider({ scheme: deps.scheme }, diagnostics, {
      providedCodeActionKinds: DocumentDiagnostics.providedCodeActionKinds,
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!ours(doc.uri)) return;
      diagnostics.update(doc);
      readOnly.refresh(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (ours(e.document.uri) && e.contentChanges.length > 0) diagnostics.changed(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (!ours(doc.uri)) return;
      fs.savedByVsCode(doc.uri);
      diagnostics.update(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (!ours(doc.uri)) return;
      diagnostics.forget(doc.uri);
      conflictCompare.forget(doc.uri);
      entries.forget(doc.uri);
    }),
  );
  entries.prune(openTabUris());
  for (const doc of vscode.workspace.textDocuments) if (ours(doc.uri)) diagnostics.update(doc);
  readOnly.refreshVisible();

  const objectKeyOf = (uri: vscode.Uri): string | undefined => {
    for (const kind of deps.kinds) {
      const address = kind.parse(uri);
      if (address !== undefined) return `${kind.id}:${kind.objectKey(address)}`;
    }
    return undefined;
  };

  return {
    async open(uri) {
      const key = objectKeyOf(uri);
      const open = key ? vscode.workspace.textDocuments.find((d) => ours(d.uri) && !d.isClosed && objectKeyOf(d.uri) === key) : undefined;
      const doc = open ?? (await vscode.workspace.openTextDocument(uri));
      return vscode.window.showTextDocument(doc, { preview: false });
    },
    checkForRemoteChanges: (options) => remote.check(undefined, options?.force ?? false),
  };
}

/** Every URI a tab shows (text and diff editors), so stored entries of closed documents can go. */
function openTabUris(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) uris.add(input.uri.toString());
      else if (input instanceof vscode.TabInputTextDiff) {
        uris.add(input.original.toString());
        uris.add(input.modified.toString());
      }
    }
  }
  return uris;
}
