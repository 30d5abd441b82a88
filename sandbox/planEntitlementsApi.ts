// A plan's feature entitlements. The documented quirk: POST names features by UUID
// (`planEntitlements[].feature`), PATCH and DELETE by the feature's *identifier* in the path.
// Every change lands on the draft (a published plan gets a new one); POST is all or nothing.
import { badRequest, NOT_FOUND, paginate, readBody, readVersion, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import { mediaUrls } from './mediaUrls';
import { latestVersion, type JsonObject } from './planRecords';
import { toCatalogPlan, toEntitlement } from './planSerializers';
import { checkEntitlements, valueProblem, type EntitlementItem } from './pricingRules';
import type { Route } from './router';

function list(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const version = readVersion(req, '/catalog/plans/{identifier}/features/', 'GET');
  if (!version.ok) return version.reply;
  const plan = ctx.store.plans.get(identifier);
  const record = plan && ctx.store.plans.version(plan, version.value);
  return record ? paginate(req, record.entitlements, (e) => toEntitlement(e, ctx.store.features)) : NOT_FOUND;
}

function add(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  if (!plan) return NOT_FOUND;
  const input = readBody<{ planEntitlements: EntitlementItem[] }>(req, 'PlanFeaturesCreateRequest');
  if (!input.ok) return input.reply;
  const checked = checkEntitlements(input.value.planEntitlements, latestVersion(plan), ctx.store.features);
  if (!checked.ok) return badRequest(checked.errors);
  const draft = ctx.store.plans.addEntitlements(plan, checked.value);
  return { status: 201, body: toCatalogPlan(plan, draft, mediaUrls(req, ctx.switches)) };
}

function update(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '', featureIdentifier = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  const current = plan && ctx.store.plans.entitlement(latestVersion(plan), featureIdentifier);
  if (!plan || !current) return NOT_FOUND;
  const input = readBody<{ details: JsonObject }>(req, 'PlanFeaturePatchRequest');
  if (!input.ok) return input.reply;
  const feature = ctx.store.features.getIncludingArchived(current.feature);
  const problem = feature && valueProblem(feature.featureType, input.value.details);
  if (problem) return badRequest({ details: { value: [problem] } });
  const updated = ctx.store.plans.updateEntitlement(plan, featureIdentifier, input.value.details);
  // The spec gives no schema for this answer; its example is `{"details": {…}}`.
  return updated ? { status: 200, body: { details: structuredClone(updated.details) } } : NOT_FOUND;
}

function remove(_req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '', featureIdentifier = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  if (!plan || !ctx.store.plans.removeEntitlement(plan, featureIdentifier)) return NOT_FOUND;
  return { status: 204 };
}

export const ENTITLEMENT_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/features\/$/, name: 'Plan Feature List', methods: { GET: list, POST: add } },
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/features\/([^/]+)\/$/, name: 'Plan Feature Detail', methods: { PATCH: update, DELETE: remove } },
];
