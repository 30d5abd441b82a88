// The Features view: the tree, its commands, and its reactions to environment and key changes.
import * as vscode from 'vscode';
import type { Log } from '../../logging';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Prompts } from '../connection/prompts';
import { registerFeatureCommands, type OpenFeatureDocument } from './featureCommands';
import { FEATURES_VIEW_ID, FeaturesTree } from './featuresTree';

export { FeaturesTree } from './featuresTree';

export function registerFeaturesView(
  context: vscode.ExtensionContext,
  deps: { connection: Connection; guard: ProductionGuard; log: Log; prompts: Prompts; openFeature: OpenFeatureDocument },
): FeaturesTree {
  const tree = new FeaturesTree(deps.connection, deps.log);
  const view = vscode.window.createTreeView(FEATURES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false });
  tree.view = view;
  context.subscriptions.push(tree, view, deps.connection.onDidChange(() => tree.refresh()));
  registerFeatureCommands(context, { ...deps, tree });
  return tree;
}
