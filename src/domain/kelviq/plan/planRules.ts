// The checks of a plan document that go beyond one value's type, each on the exact node: at most
// one PAID price per currency (the bulk endpoint rejects more), free trials, tier bounds, ISO 4217
// codes, features that exist in the environment, one entitlement per feature, the kind of value
// each feature type takes, and editable fields a save cannot remove. A problem on a price or an
// entitlement exactly as the server has it is not reported: it is the server's data, not an edit.
import type { Node } from 'jsonc-parser';
import type { DocumentProblem } from '../../document/documentProblem';
import { suggestField } from '../../document/fieldSuggestion';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { listFields } from '../../document/problemWording';
import { problemAt, removedFieldsProblem, unknownCodeProblem } from '../../document/ruleProblems';
import { pathLabel, type Segment } from '../../document/segmentPath';
import { currencyCodes } from '../../isoCodes';
import { CURRENCY_CODE } from './documentSchema';
import { TIERED_MODELS, type PriceModel } from './planEnums';
import type { FeatureRef } from './planObject';
import { records, type Untouched } from './planPaths';

export interface RuleContext {
  root: Node;
  /** The document's value (read-only top-level fields may be stubs: rules never read them). */
  doc: JsonObject;
  base: JsonObject | undefined;
  /** The environment's features (and those of the base's entitlements); undefined when not known. */
  features: readonly FeatureRef[] | undefined;
  untouched: Untouched;
}

type Problem = DocumentProblem;

/** The document's prices with their indices, skipping ones the server has exactly so. */
function editedPrices(ctx: RuleContext): [JsonObject, number][] {
  const list = Array.isArray(ctx.doc.prices) ? ctx.doc.prices : [];
  return list.flatMap((p: unknown, i: number): [JsonObject, number][] => (isPlainObject(p) && !ctx.untouched.price(i) ? [[p, i]] : []));
}

function editedEntitlements(ctx: RuleContext): [JsonObject, number][] {
  const list = Array.isArray(ctx.doc.entitlements) ? ctx.doc.entitlements : [];
  return list.flatMap((e: unknown, i: number): [JsonObject, number][] => (isPlainObject(e) && !ctx.untouched.entitlement(i) ? [[e, i]] : []));
}

/** Two PAID prices in one currency: the bulk endpoint rejects the whole list. */
export function paidCurrencyProblems(ctx: RuleContext): Problem[] {
  const byCurrency = new Map<string, number[]>();
  (Array.isArray(ctx.doc.prices) ? ctx.doc.prices : []).forEach((p: unknown, i: number) => {
    if (isPlainObject(p) && p.priceType === 'PAID' && typeof p.currency === 'string') byCurrency.set(p.currency, [...(byCurrency.get(p.currency) ?? []), i]);
  });
  const out: Problem[] = [];
  for (const [currency, indices] of byCurrency) {
    if (indices.length < 2) continue;
    for (const i of indices) {
      if (ctx.untouched.price(i)) continue;
      const others = listFields(indices.filter((j) => j !== i).map((j) => `prices[${j}]`));
      out.push(...problemAt(ctx.root, ['prices', i, 'currency'], 'invalid-value', `${others} is also a PAID price in ${currency}: a plan has at most one PAID price per currency (kelviq rejects the list).`));
    }
  }
  return out;
}

/** `trialPeriod` days need `freeTrial: true`, and a free trial needs days. */
export function trialProblems(ctx: RuleContext): Problem[] {
  return editedPrices(ctx).flatMap(([p, i]): Problem[] => {
    // A value of the wrong type is a type problem already; no second one about the trial.
    if ((p.trialPeriod != null && typeof p.trialPeriod !== 'number') || (p.freeTrial != null && typeof p.freeTrial !== 'boolean')) return [];
    const days = typeof p.trialPeriod === 'number' ? p.trialPeriod : 0;
    if (days > 0 && p.freeTrial !== true) {
      return problemAt(ctx.root, ['prices', i, 'trialPeriod'], 'invalid-value', `\`prices[${i}].trialPeriod\` is ${days} days, but the price has no free trial: set \`freeTrial\` to true, or \`trialPeriod\` to 0.`);
    }
    if (p.freeTrial === true && days <= 0) {
      return problemAt(ctx.root, ['prices', i, 'freeTrial'], 'invalid-value', `\`prices[${i}].freeTrial\` is true, but \`trialPeriod\` gives it no days: set the trial's length in days.`);
    }
    return [];
  });
}

/** A tier's upper bound: a whole number ≥ 1, or Infinity for "inf" / null; undefined when malformed. */
function upperBound(upTo: unknown): number | undefined {
  if (upTo === null || upTo === 'inf') return Infinity;
  return typeof upTo === 'number' && Number.isInteger(upTo) ? upTo : undefined;
}

function tierListProblems(ctx: RuleContext, path: Segment[], tiers: unknown[]): Problem[] {
  const out: Problem[] = [];
  let previous = 0;
  tiers.forEach((tier, t) => {
    if (!isPlainObject(tier)) return;
    const upToPath = [...path, t, 'upTo'];
    const label = pathLabel(upToPath);
    const bound = upperBound(tier.upTo);
    if (tier.upTo === undefined) {
      out.push(...problemAt(ctx.root, [...path, t], 'required', `\`${pathLabel([...path, t])}\` has no \`upTo\`: give its upper bound, or "inf" for the last tier.`));
    } else if (bound === undefined) {
      out.push(...problemAt(ctx.root, upToPath, 'invalid-value', `\`${label}\` must be a whole number or "inf".`));
    } else if (previous === Infinity) {
      out.push(...problemAt(ctx.root, upToPath, 'invalid-value', `\`${label}\`: this tier comes after the unbounded one (up to "inf"), so it overlaps it and is never reached. Remove it or move it before that tier.`));
    } else if (bound <= previous) {
      const what = t === 0 ? 'must be at least 1' : `overlaps the tier before it (up to ${previous}): each tier's \`upTo\` must be above the previous one's`;
      out.push(...problemAt(ctx.root, upToPath, 'invalid-value', `\`${label}\` (${bound}) ${what}.`));
    }
    if (bound !== undefined && bound > previous) previous = bound;
  });
  const last = tiers[tiers.length - 1];
  const lastBound = isPlainObject(last) ? upperBound(last.upTo) : undefined;
  if (lastBound !== undefined && lastBound !== Infinity && previous !== Infinity) {
    const label = pathLabel([...path, tiers.length - 1, 'upTo']);
    out.push(...problemAt(ctx.root, [...path, tiers.length - 1, 'upTo'], 'invalid-value', `\`${label}\` leaves a gap: quantities above ${lastBound} are in no tier. Make the last tier's \`upTo\` "inf".`));
  }
  return out;
}

/** Tiered models: tiers in ascending order, no overlap, the last one unbounded (no gap above it). */
export function tierProblems(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  for (const [price, i] of editedPrices(ctx)) {
    (Array.isArray(price.chargeCatalogPrice) ? price.chargeCatalogPrice : []).forEach((entry: unknown, j: number) => {
      if (!isPlainObject(entry) || !TIERED_MODELS.includes(entry.priceModel as PriceModel)) return;
      (Array.isArray(entry.charges) ? entry.charges : []).forEach((charge: unknown, k: number) => {
        if (!isPlainObject(charge) || !Array.isArray(charge.tiers) || charge.tiers.length === 0) return;
        out.push(...tierListProblems(ctx, ['prices', i, 'chargeCatalogPrice', j, 'charges', k, 'tiers'], charge.tiers));
      });
    });
  }
  return out;
}

/** A well-formed code the runtime does not know as an ISO 4217 currency in use: a warning (kelviq may know more). */
export function currencyCodeProblems(ctx: RuleContext): Problem[] {
  const known = currencyCodes();
  if (known.length === 0) return [];
  return editedPrices(ctx).flatMap(([p, i]): Problem[] =>
    typeof p.currency === 'string' && CURRENCY_CODE.test(p.currency) ? unknownCodeProblem(ctx.root, ['prices', i, 'currency'], p.currency, known, 'an ISO 4217 currency code in use') : [],
  );
}

/** Entitlements: a feature of this environment, not archived when newly added, each feature once. */
export function featureProblems(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const baseFeatures = new Set(records(ctx.base?.entitlements).map((e) => e.feature));
  const byIdentifier = new Map((ctx.features ?? []).map((f) => [f.identifier, f]));
  const seen = new Set<string>();
  (Array.isArray(ctx.doc.entitlements) ? ctx.doc.entitlements : []).forEach((e: unknown, i: number) => {
    if (!isPlainObject(e) || typeof e.feature !== 'string') return;
    const path = ['entitlements', i, 'feature'];
    if (seen.has(e.feature)) {
      out.push(...problemAt(ctx.root, path, 'invalid-value', `\`${e.feature}\` has another entitlement above: a plan has one entitlement per feature.`));
      return;
    }
    seen.add(e.feature);
    if (!ctx.features || ctx.untouched.entitlement(i)) return;
    const feature = byIdentifier.get(e.feature);
    if (!feature) {
      const suggestion = suggestField(e.feature, [...byIdentifier.keys()]);
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
      out.push(...problemAt(ctx.root, path, 'invalid-value', `No feature \`${e.feature}\` in this environment: an entitlement needs an existing feature's identifier.${hint}`, { data: suggestion ? { suggestion } : undefined }));
    } else if (feature.archived && !baseFeatures.has(e.feature)) {
      out.push(...problemAt(ctx.root, path, 'invalid-value', `The feature \`${e.feature}\` is archived: it cannot be added to a plan.`));
    }
  });
  return out;
}

/** BOOLEAN features are on/off (no limit); CUSTOMIZABLE and METER features take a number. */
export function entitlementValueProblems(ctx: RuleContext): Problem[] {
  if (!ctx.features) return [];
  const types = new Map(ctx.features.map((f) => [f.identifier, f.featureType]));
  return editedEntitlements(ctx).flatMap(([e, i]): Problem[] => {
    const details = isPlainObject(e.details) ? e.details : undefined;
    const type = typeof e.feature === 'string' ? types.get(e.feature) : undefined;
    if (!details || details.value === undefined) return [];
    const path = ['entitlements', i, 'details', 'value'];
    if (type === 'BOOLEAN' && typeof details.value === 'number') {
      return problemAt(ctx.root, path, 'invalid-value', `\`${String(e.feature)}\` is a BOOLEAN feature: it is on or off (\`true\` / \`false\`) and takes no limit.`);
    }
    if ((type === 'CUSTOMIZABLE' || type === 'METER') && typeof details.value === 'boolean') {
      return problemAt(ctx.root, path, 'invalid-value', `\`${String(e.feature)}\` is a ${type} feature: its value is a limit (a number), not \`${String(details.value)}\`.`);
    }
    return [];
  });
}

/** Price charges naming a feature UUID that is not a feature of this environment. */
export function chargeFeatureProblems(ctx: RuleContext): Problem[] {
  if (!ctx.features) return [];
  const ids = new Set(ctx.features.map((f) => f.id));
  return editedPrices(ctx).flatMap(([p, i]) =>
    (Array.isArray(p.chargeCatalogPrice) ? p.chargeCatalogPrice : []).flatMap((entry: unknown, j: number) =>
      isPlainObject(entry) && typeof entry.feature === 'string' && !ids.has(entry.feature)
        ? problemAt(ctx.root, ['prices', i, 'chargeCatalogPrice', j, 'feature'], 'invalid-value', `No feature with the UUID "${entry.feature}" in this environment: use a feature's \`id\`, or null for the plan itself.`)
        : [],
    ),
  );
}

/** With a base: `isVisible` and `license` cannot be removed (a PATCH can only change them). */
export function removedFieldProblems(ctx: RuleContext): Problem[] {
  const base = ctx.base;
  if (!base) return [];
  const removed = ['isVisible', 'license'].filter((f) => base[f] !== undefined && base[f] !== null && ctx.doc[f] === undefined);
  return removedFieldsProblem(ctx.root, base, removed, 'the plan');
}
