// The Products view: the tree, its commands, and its reactions to environment and key changes.
import * as vscode from 'vscode';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Log } from '../../logging';
import { registerProductCommands, type OpenProductDocument } from './productCommands';
import { ProductFileDrops } from './productFileDrops';
import { PRODUCTS_VIEW_ID, ProductsTree } from './productsTree';

export { ProductsTree } from './productsTree';

export function registerProductsView(
  context: vscode.ExtensionContext,
  deps: { connection: Connection; guard: ProductionGuard; log: Log; openDocument: OpenProductDocument },
): ProductsTree {
  const tree = new ProductsTree(deps.connection, deps.log);
  const view = vscode.window.createTreeView(PRODUCTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false, dragAndDropController: new ProductFileDrops(tree) });
  tree.view = view;
  context.subscriptions.push(tree, view, deps.connection.onDidChange(() => tree.refresh()));
  registerProductCommands(context, { ...deps, tree });
  return tree;
}
