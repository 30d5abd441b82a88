// Reads what Publish Plan… compares: the plan's newest version (the draft) and its published
// version, each with its prices and entitlements, plus the environment's features, as the plan
// document is built from them (planObjectFrom). The published version's number is found by
// walking `?version=` down from the draft's until the version with `isLatest: true`.
import type { CatalogFeature, CatalogPlan, KelviqClient } from '../../api';
import { isApiError } from '../../apiErrors';
import { core } from '../../coreLoader';
import type { PlanObject } from '../../domain/kelviq/plan/planObject';
import type { PlanServerState } from '../../domain/kelviq/plan/planServerState';

export interface PlanReview {
  draft: { plan: CatalogPlan; object: PlanObject };
  /** Undefined when the plan was never published. */
  published?: { plan: CatalogPlan; object: PlanObject };
}

/** The published version below `draft`, or undefined (never published). Versions missing (404) are skipped. */
export async function publishedVersionBelow(client: KelviqClient, draft: CatalogPlan, signal: AbortSignal): Promise<CatalogPlan | undefined> {
  for (let version = draft.version - 1; version >= 1; version--) {
    try {
      const plan = await client.getPlan(draft.identifier, { version, signal });
      if (plan.isLatest) return plan;
    } catch (err) {
      if (!(isApiError(err) && err.kind === 'notFound')) throw err;
    }
  }
  return undefined;
}

async function objectOf(client: KelviqClient, plan: CatalogPlan, features: CatalogFeature[], signal: AbortSignal): Promise<PlanObject> {
  const options = { version: plan.version, signal };
  const [prices, entitlements] = await Promise.all([client.listAllPlanPrices(plan.identifier, options), client.listAllPlanEntitlements(plan.identifier, options)]);
  const state: PlanServerState = { plan, prices, entitlements, features };
  return core().planObjectFrom(state);
}

/** The draft (`newest`, as just read) and the published version of its plan, as plan objects. */
export async function readPlanReview(client: KelviqClient, newest: CatalogPlan, signal: AbortSignal): Promise<PlanReview> {
  const features = await client.listAllFeatures({ signal });
  const published = newest.isLatest ? newest : await publishedVersionBelow(client, newest, signal);
  const [draftObject, publishedObject] = await Promise.all([
    objectOf(client, newest, features, signal),
    published ? objectOf(client, published, features, signal) : Promise.resolve(undefined),
  ]);
  return { draft: { plan: newest, object: draftObject }, ...(published && publishedObject ? { published: { plan: published, object: publishedObject } } : {}) };
}
