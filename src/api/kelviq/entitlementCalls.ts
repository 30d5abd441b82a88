// A plan's feature entitlements. Mind the addressing: add names features by UUID (in the body),
// update and remove by the feature's *identifier* (in the path); a UUID there is refused before
// sending. Every change lands on the plan's draft (a published plan gets a new one).
import type { CallOptions } from '../http/types';
import { alreadyRemoved, callOptions, checkBody, checkCounters, checkInput, type KelviqCallContext } from './callSupport';
import {
  PlanEntitlementPageSchema, PlanEntitlementPatchSchema, PlanEntitlementsAddSchema, PlanEntitlementUpdateResultSchema,
  type EntitlementDetailsInput, type PlanEntitlementInput, type PlanEntitlementPage, type PlanEntitlementUpdateResult,
} from './entitlementSchemas';
import { listAllPages, type ListAllOptions } from './listAll';
import { checkPlanIdentifier, planNotFound } from './planCalls';
import { isFeatureIdentifier, planEntitlementPath, planItemsPath, planPath, PLANS_PATH } from './planPaths';
import { CatalogPlanSchema, type CatalogPlan } from './planSchemas';
import type { ListPlanItemsOptions } from './priceCalls';

function checkFeatureIdentifier(ctx: KelviqCallContext, method: 'PATCH' | 'DELETE', featureIdentifier: string): void {
  checkInput(ctx, isFeatureIdentifier(featureIdentifier as unknown), method, `${PLANS_PATH}{identifier}/features/{feature_id}/`, 'featureIdentifier', featureIdentifier,
    "a feature identifier (a slug such as api-calls; this path takes the feature's identifier, not its UUID)");
}

function entitlementNotFound(identifier: string, featureIdentifier: string): string {
  return `Plan ${identifier} does not exist, or has no entitlement for the feature ${featureIdentifier}.`;
}

export async function listPlanEntitlements(ctx: KelviqCallContext, identifier: string, options: ListPlanItemsOptions = {}): Promise<PlanEntitlementPage> {
  checkPlanIdentifier(ctx, 'GET', identifier, 'features/');
  const path = planItemsPath(identifier, 'features/', options);
  checkCounters(ctx, 'GET', path, { version: options.version, page: options.page }, `Cannot list the entitlements of plan ${identifier}`);
  return ctx.http.request({ method: 'GET', path, response: PlanEntitlementPageSchema, notFoundMessage: planNotFound(identifier, options.version), ...callOptions(options) });
}

/** Every entitlement of the plan (of `version`, else of its newest version), over all pages; cancellable. */
export async function listAllPlanEntitlements(
  ctx: KelviqCallContext,
  identifier: string,
  options: ListAllOptions<PlanEntitlementPage['results'][number]> & { version?: number } = {},
): Promise<PlanEntitlementPage['results']> {
  const version = options.version !== undefined ? { version: options.version } : {};
  return listAllPages((query) => listPlanEntitlements(ctx, identifier, { ...query, ...version }), options, {
    environmentLabel: ctx.environmentLabel,
    basePath: ctx.http.basePath,
    noun: `entitlements of plan ${identifier}`,
    firstPagePath: (query) => planItemsPath(identifier, 'features/', { ...query, ...version }),
    advice: 'The plan has too many entitlements to show in one document.',
    keyOf: (entitlement) => entitlement.feature.identifier,
  });
}

/** Adds entitlements (features by UUID), all or nothing; answers the plan's draft. */
export async function addPlanEntitlements(ctx: KelviqCallContext, identifier: string, entitlements: readonly PlanEntitlementInput[], options: CallOptions = {}): Promise<CatalogPlan> {
  checkPlanIdentifier(ctx, 'POST', identifier, 'features/');
  const path = planPath(identifier, 'features/');
  const body = checkBody(ctx, 'POST', path, PlanEntitlementsAddSchema, { planEntitlements: entitlements }, 'The entitlements cannot be added');
  const planEntitlements = body.planEntitlements.map((e) => ({ ...e, feature: e.feature.toLowerCase() }));
  return ctx.http.request({ method: 'POST', path, body: { planEntitlements }, response: CatalogPlanSchema, notFoundMessage: planNotFound(identifier), ...callOptions(options) });
}

/** Changes the `details` of one entitlement, the feature named by its identifier. */
export async function updatePlanEntitlement(ctx: KelviqCallContext, identifier: string, featureIdentifier: string, details: EntitlementDetailsInput, options: CallOptions = {}): Promise<PlanEntitlementUpdateResult> {
  checkPlanIdentifier(ctx, 'PATCH', identifier, 'features/{feature_id}/');
  checkFeatureIdentifier(ctx, 'PATCH', featureIdentifier);
  const path = planEntitlementPath(identifier, featureIdentifier);
  const body = checkBody(ctx, 'PATCH', path, PlanEntitlementPatchSchema, { details }, 'The entitlement cannot be saved');
  return ctx.http.request({ method: 'PATCH', path, body, response: PlanEntitlementUpdateResultSchema, notFoundMessage: entitlementNotFound(identifier, featureIdentifier), ...callOptions(options) });
}

/** Removes one entitlement, the feature named by its identifier. A 404 after an ambiguous failure is success. */
export async function removePlanEntitlement(ctx: KelviqCallContext, identifier: string, featureIdentifier: string, options: CallOptions = {}): Promise<void> {
  checkPlanIdentifier(ctx, 'DELETE', identifier, 'features/{feature_id}/');
  checkFeatureIdentifier(ctx, 'DELETE', featureIdentifier);
  await ctx.http.request<void>({
    method: 'DELETE', path: planEntitlementPath(identifier, featureIdentifier), response: 'ignore',
    notFoundMessage: entitlementNotFound(identifier, featureIdentifier), acceptAfterAmbiguousFailure: alreadyRemoved, ...callOptions(options),
  });
}
