// activate() only composes: build the shared services, register each feature, return a small API
// (used by the extension-host tests). Every disposable lands in context.subscriptions.
import * as vscode from 'vscode';
import { COMMANDS } from './commandTable';
import { registerConflictCompare } from './documents';
import { registerApiKeyCommands } from './kelviq/connection/apiKeyCommands';
import { Connection } from './kelviq/connection/connection';
import { registerEnvironmentCommands } from './kelviq/connection/environmentCommands';
import { registerEnvironmentStatus } from './kelviq/connection/environmentStatus';
import { ProductionGuard } from './kelviq/connection/productionGuard';
import { SwitchablePrompts } from './kelviq/connection/prompts';
import { registerKelviqDocuments, type KelviqDocuments } from './kelviq/documents';
import { registerPlans } from './kelviq/plans';
import { registerFeaturesView, type FeaturesTree } from './kelviq/features';
import { registerProductsView, type ProductsTree } from './kelviq/products';
import { registerProductSettings } from './kelviq/settings';
import { registerProductImages } from './kelviq/images';
import { registerPlanFiles } from './kelviq/planFiles';
import { createLog } from './logging';
import { onDidShowMessage, userMessageEvents, type ShownMessage } from './userMessages';
import { registerZaveit, type ZaveitExtensionApi } from './zaveit';

export interface KelviqExtensionApi {
  readonly products: ProductsTree;
  readonly features: FeaturesTree;
  readonly documents: KelviqDocuments;
  readonly connection: Connection;
  readonly zaveit: ZaveitExtensionApi;
  /** Extension-host tests only (ExtensionMode.Test): answer the connection commands' and Create Feature's prompts. */
  readonly prompts?: Pick<SwitchablePrompts, 'answerWith'>;
  /** Each notification or dialog the extension shows, as shown. */
  readonly onDidShowMessage: vscode.Event<ShownMessage>;
}

export function activate(context: vscode.ExtensionContext): KelviqExtensionApi {
  const log = createLog(context);
  const connection = new Connection(context.secrets, log);
  const guard = new ProductionGuard();
  const compare = registerConflictCompare(context);
  const prompts = new SwitchablePrompts();
  context.subscriptions.push(connection, userMessageEvents, vscode.commands.registerCommand(COMMANDS.showLog.id, () => log.show()));

  registerApiKeyCommands(context, connection, log, prompts);
  registerEnvironmentCommands(context, connection, log, prompts);
  registerEnvironmentStatus(context, connection);
  // onSaved and onPlanSaved run only after activation, when `products` and `plans` exist.
  const documents = registerKelviqDocuments(context, {
    connection, guard, compare, log, onSaved: (env, p) => products.showSaved(env, p), onPlanSaved: (env, p) => plans.showSaved(env, p),
  });
  const products = registerProductsView(context, { connection, guard, log, openDocument: (env, id, label) => documents.open(env, id, label) });
  const plans = registerPlans(context, { connection, guard, log, prompts, tree: products, documents });
  registerProductSettings(context, { connection, documents, tree: products, log });
  const refreshDocuments = () => documents.checkForRemoteChanges({ force: true });
  registerProductImages(context, { connection, guard, prompts, tree: products, log, refreshDocuments });
  registerPlanFiles(context, { connection, guard, prompts, tree: products, catalog: plans.catalog, log, refreshDocuments });
  const features = registerFeaturesView(context, { connection, guard, log, prompts, openFeature: (env, id, label) => documents.openFeature(env, id, label) });
  const zaveit = registerZaveit(context, { compare, log });
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  return { products, features, documents, connection, zaveit, onDidShowMessage, ...(testing ? { prompts } : {}) };
}

export function deactivate(): void {}
