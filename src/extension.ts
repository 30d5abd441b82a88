// activate() only composes: build the shared services, register each feature, return a small API
// (used by the extension-host tests). Every disposable lands in context.subscriptions.
import * as vscode from 'vscode';
import { COMMANDS } from './commandTable';
import { registerApiKeyCommands } from './kelviq/connection/apiKeyCommands';
import { Connection } from './kelviq/connection/connection';
import { registerEnvironmentStatus } from './kelviq/connection/environmentStatus';
import { ProductionGuard } from './kelviq/connection/productionGuard';
import { registerProductDocuments, type ProductDocuments } from './documents';
import { createLog } from './logging';
import { registerProductsView, type ProductsTree } from './kelviq/products';
import { onDidShowMessage, userMessageEvents, type ShownMessage } from './userMessages';

export interface KelviqExtensionApi {
  readonly products: ProductsTree;
  readonly documents: ProductDocuments;
  readonly connection: Connection;
  /** Each notification or dialog the extension shows (outside src/documents), as shown. */
  readonly onDidShowMessage: vscode.Event<ShownMessage>;
}

export function activate(context: vscode.ExtensionContext): KelviqExtensionApi {
  const log = createLog(context);
  const connection = new Connection(context.secrets, log);
  const guard = new ProductionGuard();
  context.subscriptions.push(connection, userMessageEvents, vscode.commands.registerCommand(COMMANDS.showLog.id, () => log.show()));

  registerApiKeyCommands(context, connection, log);
  registerEnvironmentStatus(context, connection);
  // onSaved runs only after activation, when `products` exists.
  const documents = registerProductDocuments(context, { connection, guard, log, onSaved: (p) => products.upsert(p) });
  const products = registerProductsView(context, { connection, guard, log, openDocument: (env, id, label) => documents.open(env, id, label) });
  return { products, documents, connection, onDidShowMessage };
}

export function deactivate(): void {}
