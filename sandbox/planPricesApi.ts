// A plan's prices: the list (`?version=`, paged) and prices/bulk/, which replaces all of them at
// once: validated whole first (pricingRules.ts), so a rejected request changes nothing — not even
// the new draft a published plan would otherwise get.
import { badRequest, NOT_FOUND, paginate, readBody, readVersion, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import { toPlanPrice } from './planSerializers';
import { checkPrices, type PriceItem } from './pricingRules';
import type { Route } from './router';

function list(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const version = readVersion(req, '/catalog/plans/{identifier}/prices/');
  if (!version.ok) return version.reply;
  const plan = ctx.store.plans.get(identifier);
  const record = plan && ctx.store.plans.version(plan, version.value);
  return record ? paginate(req, record.prices, toPlanPrice) : NOT_FOUND;
}

function bulk(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  if (!plan) return NOT_FOUND;
  const input = readBody<{ prices: PriceItem[] }>(req, 'PlanPriceBulkRequest');
  if (!input.ok) return input.reply;
  const checked = checkPrices(input.value.prices, ctx.store.features, ctx.store.currencyOf(plan.product));
  if (!checked.ok) return badRequest(checked.errors);
  const draft = ctx.store.plans.setPrices(plan, checked.value);
  return { status: 200, body: { prices: draft.prices.map(toPlanPrice) } };
}

export const PRICE_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/prices\/$/, name: 'Plan Price List', methods: { GET: list } },
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/prices\/bulk\/$/, name: 'Plan Price Bulk', methods: { POST: bulk } },
];
