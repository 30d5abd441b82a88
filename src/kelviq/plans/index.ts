// Plans in the Products view: a product row expands into its plans (published and drafts), and
// the plan commands (Open, Create, Publish with the difference shown first, Discard Draft).
import * as vscode from 'vscode';
import type { CatalogPlan } from '../../api';
import type { EnvironmentId } from '../../domain/environment';
import { PLAN_FEATURES_KEY, type PlanObject } from '../../domain/kelviq/plan/planObject';
import type { Log } from '../../logging';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Prompts } from '../connection/prompts';
import type { ProductsTree } from '../products/productsTree';
import { PlanCatalog } from './planCatalog';
import { PlanChildren } from './planChildren';
import { registerPlanCommands } from './planCommands';
import type { PlanDocuments } from './planDeps';
import { PLAN_VERSION_SCHEME, PlanVersionDocuments } from './planVersionDocuments';

export type { PlanDocuments } from './planDeps';

export interface PlansView {
  /** A plan document was saved: its row shows the saved version. */
  showSaved(environment: EnvironmentId, plan: PlanObject): void;
  /** The environments' plan lists the rows come from (other plan features put their writes' answers there). */
  readonly catalog: PlanCatalog;
}

export function registerPlans(
  context: vscode.ExtensionContext,
  deps: { connection: Connection; guard: ProductionGuard; log: Log; prompts: Prompts; tree: ProductsTree; documents: PlanDocuments },
): PlansView {
  const catalog = new PlanCatalog();
  const versions = new PlanVersionDocuments();
  deps.tree.children.push(new PlanChildren(deps.connection, catalog, deps.log));
  context.subscriptions.push(catalog, vscode.workspace.registerTextDocumentContentProvider(PLAN_VERSION_SCHEME, versions));
  registerPlanCommands(context, { ...deps, catalog, versions });
  return {
    catalog,
    showSaved(environment, plan) {
      // The plan's own fields, as the plan list has them (without prices, entitlements, features).
      const { prices: _prices, entitlements: _entitlements, [PLAN_FEATURES_KEY]: _features, ...fields } = plan;
      if (typeof fields.version === 'number' && typeof fields.name === 'string') catalog.upsert(environment, fields as unknown as CatalogPlan);
      if (typeof fields.product === 'string') deps.tree.refreshChildren(environment, fields.product);
    },
  };
}
