// Reads what Publish Plan… compares: the plan's newest version (the draft) and its published
// version, each with its prices and entitlements, plus the environment's features, as the plan
// document is built from them (planObjectFrom). The published version's number is found by
// walking `?version=` down from the draft's until the version with `isLatest: true`.
import type { CatalogFeature, CatalogPlan, KelviqClient } from '../../api';
import { isApiError } from '../../apiErrors';
import { planObjectFrom, type PlanObject } from '../../domain/kelviq/plan/planObject';
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
  return planObjectFrom(state);
}

/** The draft (the newest version) and the published version of `identifier`, as plan objects. */
export async function readPlanReview(client: KelviqClient, identifier: string, signal: AbortSignal): Promise<PlanReview> {
  const [draft, features] = await Promise.all([client.getPlan(identifier, { signal }), client.listAllFeatures({ signal })]);
  if (draft.isLatest) {
    // Nothing to publish: the newest version is the live one.
    const object = await objectOf(client, draft, features, signal);
    return { draft: { plan: draft, object }, published: { plan: draft, object } };
  }
  const published = await publishedVersionBelow(client, draft, signal);
  const [draftObject, publishedObject] = await Promise.all([
    objectOf(client, draft, features, signal),
    published ? objectOf(client, published, features, signal) : Promise.resolve(undefined),
  ]);
  return { draft: { plan: draft, object: draftObject }, ...(published && publishedObject ? { published: { plan: published, object: publishedObject } } : {}) };
}
