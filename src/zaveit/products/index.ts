// The Zaveit Products view: the tree, its commands, and its reactions to URL and token changes.
import * as vscode from 'vscode';
import type { Log } from '../../logging';
import type { ZaveitSessionStatus } from '../connection/sessionStatus';
import type { ZaveitConnection } from '../connection/zaveitConnection';
import { registerZaveitProductCommands, type ZaveitDocumentOpener } from './zaveitProductCommands';
import { ZAVEIT_PRODUCTS_VIEW_ID, ZaveitProductsTree } from './zaveitProductsTree';

export { ZaveitProductsTree } from './zaveitProductsTree';
export type { ZaveitDocumentOpener } from './zaveitProductCommands';

export function registerZaveitProductsView(
  context: vscode.ExtensionContext,
  deps: { connection: ZaveitConnection; status: ZaveitSessionStatus; log: Log; documents: ZaveitDocumentOpener },
): ZaveitProductsTree {
  const tree = new ZaveitProductsTree(deps.connection, deps.status, deps.log);
  const view = vscode.window.createTreeView(ZAVEIT_PRODUCTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false });
  tree.view = view;
  context.subscriptions.push(tree, view, deps.connection.onDidChange(() => tree.refresh()));
  registerZaveitProductCommands(context, { ...deps, tree });
  return tree;
}
