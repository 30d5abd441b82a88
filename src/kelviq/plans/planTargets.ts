// Which plan a plan command acts on: a tree row (its environment), a plan document (the editor
// title bar passes its URI), `{ environment, identifier }` (tests, other extensions), or, from
// the palette, one picked from the current environment's plans. And which of the open documents
// show that plan (any label, any editor).
import * as vscode from 'vscode';
import type { CatalogPlan, KelviqClient } from '../../api';
import { ENVIRONMENT_IDS, type Environment, type EnvironmentId } from '../../domain/environment';
import { isPlanIdentifierText, parsePlanPath } from '../../domain/kelviq/planUri';
import { PRODUCT_SCHEME } from '../../domain/kelviq/productUri';
import type { Connection } from '../connection/connection';
import type { Prompts } from '../connection/prompts';
import type { PlanCatalog } from './planCatalog';
import { planPickTexts } from './planRowTexts';
import { PlanNode } from './planTreeItems';

export type PlanTarget = PlanNode | vscode.Uri | { environment?: EnvironmentId; identifier: string } | string | undefined;

export interface ResolvedPlan {
  environment: Environment;
  client: KelviqClient;
  identifier: string;
}

function addressOf(target: PlanTarget, fallback: EnvironmentId): { environment: EnvironmentId; identifier: string } | undefined {
  if (!target) return undefined;
  if (target instanceof PlanNode) return { environment: target.environment, identifier: target.plan.identifier };
  if (target instanceof vscode.Uri) return target.scheme === PRODUCT_SCHEME ? parsePlanPath(target.path) : undefined;
  if (typeof target === 'string') return isPlanIdentifierText(target) ? { environment: fallback, identifier: target } : undefined;
  if (typeof target === 'object' && typeof target.identifier === 'string' && isPlanIdentifierText(target.identifier)) {
    const environment = target.environment !== undefined && ENVIRONMENT_IDS.includes(target.environment) ? target.environment : fallback;
    return { environment, identifier: target.identifier };
  }
  return undefined;
}

/** The plan `target` names, or the one picked among the plans `offer` accepts; undefined when none. */
export async function resolvePlan(
  deps: { connection: Connection; catalog: PlanCatalog; prompts: Prompts },
  target: PlanTarget,
  title: string,
  offer: (plan: CatalogPlan) => boolean,
  noneOffered = 'No plan here has a draft',
): Promise<ResolvedPlan | undefined> {
  const address = addressOf(target, deps.connection.currentId);
  const { client, environment } = await deps.connection.client(address?.environment);
  if (address) return { client, environment, identifier: address.identifier };
  const plans = (await deps.catalog.plans(environment.id, client)).filter(offer);
  const items = plans.map((plan) => ({ ...planPickTexts(plan), identifier: plan.identifier }));
  const picked = await deps.prompts.pick(items, {
    title: `${title} (${environment.label})`,
    placeHolder: items.length > 0 ? 'Type to filter by name or identifier' : noneOffered,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked && { client, environment, identifier: picked.identifier };
}

/** The open documents of that plan (one object may be open under several labels). */
export function openPlanDocuments(environment: EnvironmentId, identifier: string): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((doc) => {
    if (doc.uri.scheme !== PRODUCT_SCHEME || doc.isClosed) return false;
    const address = parsePlanPath(doc.uri.path);
    return address?.environment === environment && address.identifier === identifier;
  });
}
