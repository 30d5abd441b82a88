// planSaveCalls: the fewest API calls that take a plan from one editable view (`from`, the
// server's) to another (`to`, the merge result), and which of them may run at the same time.
// Pure: the VS Code side runs the calls.
//
//   plan fields changed     → one PATCH /catalog/plans/{identifier}/ with the changed fields
//   any price changed       → one POST …/prices/bulk/ with the whole new list (it replaces them)
//   entitlements added      → one POST …/features/ with all of them (the feature's UUID)
//   an entitlement changed  → one PATCH …/features/{feature identifier}/ each, `details` whole
//   an entitlement removed  → one DELETE …/features/{feature identifier}/ each
//
// Order (stages run one after the other; the calls of one stage may run in parallel):
// - when the most recent version is published (`isLatest`), the first write creates a new draft
//   version, so one call goes alone first and the rest follow on that draft;
// - prices whose charges name a feature being added go after the POST that adds it, and the
//   DELETE of an entitlement whose feature the old prices charged for goes after the prices
//   (assumed: kelviq may refuse a charge for a feature the plan does not have).
import { deepEqual } from '../../document/deepEqual';
import type { SaveRequest } from '../../document/documentModel';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { quoted } from '../../untrustedText';
import { featuresOf } from './planObject';
import { EDITABLE_PLAN_FIELDS, type EditablePlanField } from './planFields';
import { records } from './planPaths';
import type { EntitlementPatchBody, EntitlementsAddBody, PlanUpdateBody, PriceBulkBody } from './planServerState';

interface CallBase {
  /** Stable within a plan: `plan`, `prices`, `entitlements:add`, `entitlement:<identifier>:update|remove`. */
  id: string;
  path: string;
}
export type PlanCall =
  | (CallBase & { kind: 'updatePlan'; method: 'PATCH'; body: PlanUpdateBody; fields: EditablePlanField[] })
  | (CallBase & { kind: 'setPrices'; method: 'POST'; body: PriceBulkBody })
  | (CallBase & { kind: 'addEntitlements'; method: 'POST'; body: EntitlementsAddBody; features: string[] })
  | (CallBase & { kind: 'updateEntitlement'; method: 'PATCH'; body: EntitlementPatchBody; feature: string })
  | (CallBase & { kind: 'removeEntitlement'; method: 'DELETE'; feature: string });

export interface PlanSavePlan {
  /** Run one after the other; the calls of one stage may run in parallel. Empty: nothing to send. */
  stages: PlanCall[][];
}

export type PlanSaveInput = Pick<SaveRequest, 'theirs' | 'from' | 'to'>;

export function planEndpoints(identifier: string): { plan: string; prices: string; features: string; feature: (identifier: string) => string } {
  const plan = `/catalog/plans/${encodeURIComponent(identifier)}/`;
  return { plan, prices: `${plan}prices/bulk/`, features: `${plan}features/`, feature: (f) => `${plan}features/${encodeURIComponent(f)}/` };
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function byFeature(view: JsonObject): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const e of records(view.entitlements)) {
    if (typeof e.feature !== 'string' || map.has(e.feature)) throw new Error('The entitlements cannot be saved: each needs its own feature identifier.');
    map.set(e.feature, e);
  }
  return map;
}

function detailsOf(e: JsonObject | undefined): Record<string, unknown> {
  return e && isPlainObject(e.details) ? e.details : {};
}

/** Feature UUIDs the prices' charges name. */
function chargedFeatures(view: JsonObject): Set<string> {
  return new Set(records(view.prices).flatMap((p) => records(p.chargeCatalogPrice).map((c) => c.feature).filter((f): f is string => typeof f === 'string')));
}

function calls(input: PlanSaveInput): PlanCall[] {
  const { theirs, from, to } = input;
  const identifier = typeof theirs.identifier === 'string' ? theirs.identifier : '';
  if (!identifier) throw new Error('The plan cannot be saved: the server\'s plan has no identifier.');
  const paths = planEndpoints(identifier);
  const out: PlanCall[] = [];

  const fields = EDITABLE_PLAN_FIELDS.filter((f) => own(to, f) !== undefined && !deepEqual(own(from, f), own(to, f)));
  if (fields.length > 0) {
    const body = Object.fromEntries(fields.map((f) => [f, own(to, f)])) as PlanUpdateBody;
    out.push({ id: 'plan', kind: 'updatePlan', method: 'PATCH', path: paths.plan, body, fields });
  }

  const before = byFeature(from);
  const after = byFeature(to);
  const added = [...after.keys()].filter((f) => !before.has(f));
  if (added.length > 0) {
    const ids = new Map((featuresOf(theirs) ?? []).map((f) => [f.identifier, f.id]));
    const planEntitlements = added.map((feature) => {
      const id = ids.get(feature);
      if (!id) throw new Error(`The entitlement for ${quoted(feature)} cannot be added: this environment has no such feature.`);
      return { feature: id, details: detailsOf(after.get(feature)) };
    });
    out.push({ id: 'entitlements:add', kind: 'addEntitlements', method: 'POST', path: paths.features, body: { planEntitlements }, features: added });
  }
  for (const [feature, entitlement] of after) {
    const old = before.get(feature);
    if (old && !deepEqual(detailsOf(old), detailsOf(entitlement))) {
      out.push({ id: `entitlement:${feature}:update`, kind: 'updateEntitlement', method: 'PATCH', path: paths.feature(feature), body: { details: detailsOf(entitlement) }, feature });
    }
  }

  const prices = Array.isArray(to.prices) ? to.prices : undefined;
  if (prices && !sameList(from.prices, prices)) {
    out.push({ id: 'prices', kind: 'setPrices', method: 'POST', path: paths.prices, body: { prices: prices.filter(isPlainObject) } });
  }
  for (const feature of before.keys()) {
    if (!after.has(feature)) out.push({ id: `entitlement:${feature}:remove`, kind: 'removeEntitlement', method: 'DELETE', path: paths.feature(feature), feature });
  }
  return out;
}

/** Prices lists that differ only in order are the same (they are one per currency). */
function sameList(a: unknown, b: unknown[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  const rest = [...b];
  return a.every((item) => {
    const i = rest.findIndex((other) => deepEqual(item, other));
    if (i < 0) return false;
    rest.splice(i, 1);
    return true;
  });
}

/** The calls each call must wait for (see the header). */
function dependencies(input: PlanSaveInput, list: readonly PlanCall[]): Map<PlanCall, PlanCall[]> {
  const deps = new Map<PlanCall, PlanCall[]>(list.map((c) => [c, []]));
  const ids = new Map((featuresOf(input.theirs) ?? []).map((f) => [f.identifier, f.id]));
  const prices = list.find((c) => c.kind === 'setPrices');
  const add = list.find((c) => c.kind === 'addEntitlements');
  if (prices && add?.kind === 'addEntitlements') {
    const charged = chargedFeatures(input.to);
    if (add.features.some((f) => charged.has(ids.get(f) ?? ''))) deps.get(prices)!.push(add);
  }
  if (prices) {
    const charged = chargedFeatures(input.from);
    for (const c of list) if (c.kind === 'removeEntitlement' && charged.has(ids.get(c.feature) ?? '')) deps.get(c)!.push(prices);
  }
  if (input.theirs.isLatest === true && list.length > 1) for (const c of list.slice(1)) deps.get(c)!.push(list[0]!);
  return deps;
}

/** The calls that take `from` to `to`, in stages. */
export function planSaveCalls(input: PlanSaveInput): PlanSavePlan {
  const list = calls(input);
  const deps = dependencies(input, list);
  const level = new Map<PlanCall, number>();
  const levelOf = (c: PlanCall): number => {
    let l = level.get(c);
    if (l === undefined) level.set(c, (l = Math.max(-1, ...deps.get(c)!.map(levelOf)) + 1));
    return l;
  };
  const stages: PlanCall[][] = [];
  for (const c of list) (stages[levelOf(c)] ??= []).push(c);
  return { stages };
}

/** Every call of a plan, in stage order. */
export function allCalls(plan: PlanSavePlan): PlanCall[] {
  return plan.stages.flat();
}
