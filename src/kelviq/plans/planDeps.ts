// What the plan commands share: the connection, the production guard, the prompts (tests answer
// them), the plan list, the Products tree, the plan documents and the comparison documents.
import type * as vscode from 'vscode';
import type { CatalogPlan } from '../../api';
import type { EnvironmentId } from '../../domain/environment';
import type { Log } from '../../logging';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Prompts } from '../connection/prompts';
import type { ProductsTree } from '../products/productsTree';
import type { PlanCatalog } from './planCatalog';
import type { PlanVersionDocuments } from './planVersionDocuments';

/** The plan documents (the plan document kind, src/kelviq/documents). */
export interface PlanDocuments {
  openPlan(environment: EnvironmentId, identifier: string, label?: string): Promise<vscode.TextEditor>;
  /** Reloads clean visible documents whose object changed on the server; dirty ones get a note. */
  checkForRemoteChanges(options?: { force?: boolean }): Promise<void>;
}

export interface PlanDeps {
  connection: Connection;
  guard: ProductionGuard;
  log: Log;
  prompts: Prompts;
  catalog: PlanCatalog;
  tree: ProductsTree;
  documents: PlanDocuments;
  versions: PlanVersionDocuments;
}

/** After a plan write: the list holds the server's newest version, the product row shows it, open clean documents reload. */
export async function showPlanChanged(deps: PlanDeps, environment: EnvironmentId, identifier: string, product: string | undefined, latest: CatalogPlan | undefined): Promise<void> {
  if (latest) deps.catalog.upsert(environment, latest);
  else deps.catalog.remove(environment, identifier);
  const productId = latest?.product ?? product;
  if (productId) deps.tree.refreshChildren(environment, productId);
  await deps.documents.checkForRemoteChanges({ force: true });
}
