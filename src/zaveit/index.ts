// The Zaveit backend's VS Code side, composed: connection (base URL + token), session status,
// the Products view and the `zaveit:` documents. extension.ts calls registerZaveit once.
import type * as vscode from 'vscode';
import type { ConflictCompare } from '../documents';
import type { Log } from '../logging';
import { registerSessionStatus, type ZaveitSessionStatus } from './connection/sessionStatus';
import { registerTokenCommands } from './connection/tokenCommands';
import { ZaveitConnection } from './connection/zaveitConnection';
import { registerZaveitDocuments, type ZaveitDocuments } from './documents';
import { registerZaveitProductsView, type ZaveitProductsTree } from './products';

export interface ZaveitExtensionApi {
  readonly connection: ZaveitConnection;
  readonly status: ZaveitSessionStatus;
  readonly products: ZaveitProductsTree;
  readonly documents: ZaveitDocuments;
}

export function registerZaveit(context: vscode.ExtensionContext, deps: { compare: ConflictCompare; log: Log }): ZaveitExtensionApi {
  const connection = new ZaveitConnection(context.secrets, context.globalState, deps.log);
  context.subscriptions.push(connection);
  registerTokenCommands(context, connection, deps.log);
  const status = registerSessionStatus(context, connection, deps.log);
  // onSaved runs only after activation, when `products` exists.
  const documents = registerZaveitDocuments(context, { connection, status, compare: deps.compare, log: deps.log, onSaved: (origin, p) => products.showSaved(origin, p) });
  const products = registerZaveitProductsView(context, { connection, status, log: deps.log, documents });
  return { connection, status, products, documents };
}
