// Product documents: the `kelviq:` file system, diagnostics and quick fixes, conflict compare.
import * as vscode from 'vscode';
import type { ProductDetail } from '../api';
import type { Connection } from '../kelviq/connection/connection';
import type { ProductionGuard } from '../kelviq/connection/productionGuard';
import type { EnvironmentId } from '../domain/environment';
import { PRODUCT_SCHEME } from '../domain/kelviq/productUri';
import type { Log } from '../logging';
import { ConflictCompare, SERVER_VERSION_SCHEME } from './conflictCompare';
import { ProductDiagnostics } from './productDiagnostics';
import { ProductDocumentStates } from './productDocumentState';
import { ProductFileSystem } from './productFileSystem';
import { isProductDocument, productUri } from './productUris';
import { ProductSaver } from './saveProduct';

export interface ProductDocuments {
  open(environment: EnvironmentId, productId: string, label?: string): Promise<vscode.TextEditor>;
  uriFor(environment: EnvironmentId, productId: string, label?: string): vscode.Uri;
}

export function registerProductDocuments(
  context: vscode.ExtensionContext,
  deps: { connection: Connection; guard: ProductionGuard; log: Log; onSaved: (product: ProductDetail) => void },
): ProductDocuments {
  const states = new ProductDocumentStates();
  const diagnostics = new ProductDiagnostics(states);
  const compare = new ConflictCompare();
  const saver = new ProductSaver(deps.connection, states, deps.guard, compare, deps.log, {
    onProblemsChanged: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc) diagnostics.update(doc);
    },
    onSaved: deps.onSaved,
  });
  const fs = new ProductFileSystem(deps.connection, states, saver, deps.log);

  context.subscriptions.push(
    diagnostics,
    compare,
    fs,
    vscode.workspace.registerFileSystemProvider(PRODUCT_SCHEME, fs, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(SERVER_VERSION_SCHEME, compare),
    vscode.languages.registerCodeActionsProvider({ scheme: PRODUCT_SCHEME }, diagnostics, {
      providedCodeActionKinds: ProductDiagnostics.providedCodeActionKinds,
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => diagnostics.update(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) diagnostics.changed(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (!isProductDocument(doc.uri)) return;
      diagnostics.forget(doc.uri);
      states.delete(doc.uri.toString());
    }),
  );
  for (const doc of vscode.workspace.textDocuments) diagnostics.update(doc);

  const uriFor = (environment: EnvironmentId, productId: string, label?: string) => productUri(environment, productId, label ?? productId);
  return {
    uriFor,
    async open(environment, productId, label) {
      const uri = uriFor(environment, productId, label);
      const doc = await vscode.workspace.openTextDocument(uri);
      return vscode.window.showTextDocument(doc, { preview: false });
    },
  };
}
