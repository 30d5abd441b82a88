// The plan figures: opening a plan document (the plan, the environment's features, its prices and
// its entitlements) and saving a one-price change, through the extension's client and plan sync
// (domain/kelviq/plan/planSync) versus the same data read, and the same write sent, with raw
// undici. Each pass works on plans of its own, created here.
import type { CallOptions } from '../../src/api/http/types';
import { planModel, readPlan, writePlan, type PlanObject } from '../../src/domain/kelviq/plan';
import { interleave, perCall, summarize } from '../lib/stats';
import { BUDGETS, comparedRow, type Row } from '../model';
import { check, type NetworkContext } from './context';
import { saveWithModel } from './saveFlow';

type Json = Record<string, unknown>;
const flat = (currency: string, amount: number): Json => ({
  priceType: 'PAID', currency, chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount } }] }],
});
const PRICES = [flat('USD', 29), flat('EUR', 27), flat('GBP', 24)];

/** A published plan with three prices and (when the catalog has features) two entitlements. */
async function benchPlan(ctx: NetworkContext, identifier: string): Promise<void> {
  const product = (await ctx.raw.page(1)).results[0];
  check(product !== undefined, 'the catalog has a product');
  await ctx.client.createPlan({ product: String(product!.id), name: `Bench ${identifier}`, identifier } as never);
  await ctx.client.setPlanPrices(identifier, PRICES as never);
  const limits = (await ctx.client.listAllFeatures()).filter((f) => f.featureType === 'CUSTOMIZABLE').slice(0, 2);
  if (limits.length > 0) await ctx.client.addPlanEntitlements(identifier, limits.map((f) => ({ feature: f.id, details: { value: 10 } })) as never);
  await ctx.client.publishPlan(identifier, {});
}

const planPaths = (identifier: string): string[] => [
  `/catalog/plans/${identifier}/`,
  '/catalog/features/?page_size=100',
  `/catalog/plans/${identifier}/prices/?page_size=100`,
  `/catalog/plans/${identifier}/features/?page_size=100`,
];

/** As the editor opens a plan document: read, serialise, validate (the diagnostics run on open). */
async function openLikeExtension(ctx: NetworkContext, identifier: string): Promise<void> {
  const plan = await readPlan<CallOptions>(ctx.client, identifier, {});
  const text = planModel.serialize(plan);
  check(planModel.validate(text, plan).filter((p) => p.severity === 'error').length === 0, 'an opened plan document has no problems');
}

export async function planOpenFigure(ctx: NetworkContext): Promise<Row> {
  const identifier = `bench-open-${ctx.latencyMs}`;
  await benchPlan(ctx, identifier);
  const runs = await interleave(
    {
      ext: () => perCall(ctx.batch, () => openLikeExtension(ctx, identifier)),
      raw: () => perCall(ctx.batch, () => Promise.all(planPaths(identifier).map((path) => ctx.raw.json('GET', path)))),
    },
    ctx.reps,
    ctx.warmup,
  );
  return comparedRow({ id: 'planOpen', label: 'open a plan', pass: ctx.pass, idealLabel: '4 raw GETs at once', budget: BUDGETS.planOpen }, runs.ext, runs.raw);
}

/** The plan text with the USD price set to `amount`. */
function withUsd(plan: PlanObject, amount: number): string {
  const prices = plan.prices.map((p) => (p.currency === 'USD' ? { ...p, chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount } }] }] } : p));
  return planModel.serialize({ ...plan, prices });
}

export async function planSaveFigures(ctx: NetworkContext): Promise<Row[]> {
  const mine = `bench-save-${ctx.latencyMs}`;
  const raw = `bench-raw-${ctx.latencyMs}`;
  await benchPlan(ctx, mine);
  await benchPlan(ctx, raw);
  let base = await readPlan<CallOptions>(ctx.client, mine, {});
  let n = 0;
  const saveOnce = async (): Promise<void> => {
    const amount = 30 + (++n % 50);
    const saved = await saveWithModel(planModel, {
      fetch: () => readPlan<CallOptions>(ctx.client, mine, {}),
      send: (request) => writePlan<CallOptions>(ctx.client, mine, request, {}, {}),
    }, base, withUsd(base, amount));
    base = saved.base;
  };
  await ctx.sandbox.clearJournal();
  await saveOnce();
  const requests = await ctx.sandbox.journal();
  ctx.diagnostics[`plan save requests ${ctx.pass}`] = requests.map((r) => `${r.method} ${r.path} → ${r.status}`);
  const writes = requests.filter((r) => r.method !== 'GET');
  check(writes.length === 1 && writes[0]!.path.endsWith('/prices/bulk/'), `a one-price save writes one bulk POST (${writes.map((w) => w.path).join(', ')})`);
  const runs = await interleave(
    {
      ext: () => perCall(ctx.batch, saveOnce),
      raw: () => perCall(ctx.batch, () => ctx.raw.json('POST', `/catalog/plans/${raw}/prices/bulk/`, { prices: [flat('USD', 30 + (++n % 50)), PRICES[1], PRICES[2]] })),
    },
    ctx.reps,
    ctx.warmup,
  );
  return [
    {
      id: 'planSaveRequests',
      label: 'requests per plan save',
      pass: ctx.pass,
      unit: 'requests',
      ext: summarize([requests.length]),
      note: requests.map((r) => r.method).join(' + '),
    },
    comparedRow({ id: 'planSave', label: 'save a one-price change', pass: ctx.pass, idealLabel: '1 raw bulk POST', budget: BUDGETS.planSave }, runs.ext, runs.raw),
  ];
}

/**
 * Expanding a product in the tree: its detail (the published plans) and every plan of the
 * environment (the drafts; the plan list has no product filter), as the tree's plan catalog loads
 * them, against the same pages and GET sent raw at the same concurrency.
 */
export async function planExpandFigure(ctx: NetworkContext): Promise<Row> {
  const product = String((await ctx.raw.page(1)).results[0]?.id);
  const expand = async (): Promise<void> => {
    const [detail, plans] = await Promise.all([ctx.client.getProduct(product), ctx.client.listAllPlans()]);
    check(plans.length >= 100 && Array.isArray(detail.plans), `the catalog has plans (${plans.length})`);
    void plans.filter((p) => p.product === product);
  };
  const runs = await interleave(
    {
      ext: () => perCall(ctx.loadAllBatch, expand),
      raw: () => perCall(ctx.loadAllBatch, () => Promise.all([ctx.raw.json('GET', `/catalog/products/${product}/`), ctx.raw.listAll(16, 'plans')])),
    },
    ctx.reps,
    ctx.warmup,
  );
  return comparedRow({ id: 'planExpand', label: 'expand a product (all plans listed)', pass: ctx.pass, idealLabel: 'raw, the same pages at 16', budget: BUDGETS.loadAll }, runs.ext, runs.raw);
}
