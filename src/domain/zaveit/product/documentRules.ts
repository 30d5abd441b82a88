// The checks of a Zaveit product document that go beyond one value's type: quantity bounds
// (min ≤ default ≤ max, max null = unlimited) for the product and each variant, unique
// non-empty SKUs, an http(s) management URL, variant ids, known country and currency codes, and
// editable fields removed from a document whose base has them. Each problem is on the exact
// node; a problem the base already had (the server's data, untouched) is not reported.
import type { Node } from 'jsonc-parser';
import { EDITABLE_FIELDS } from '../../../api/zaveit/productFields';
import type { DocumentProblem } from '../../document/documentProblem';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { listFields } from '../../document/problemWording';
import { problemAt, removedFieldsProblem, unknownCodeProblem } from '../../document/ruleProblems';
import { pathLabel, type Segment } from '../../document/segmentPath';
import { isNewVariantId, unchangedAt, valueAt } from './documentPaths';
import { COUNTRY_CODE, CURRENCY_CODE } from './documentSchema';
import { countryCodes, currencyCodes, currencyName } from '../../isoCodes';

export interface RuleContext {
  root: Node;
  /** The document's value (server-owned fields may be stubs: rules never read them). */
  doc: JsonObject;
  base: JsonObject | undefined;
}

type Problem = DocumentProblem;

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function variants(ctx: RuleContext): unknown[] {
  return Array.isArray(ctx.doc.products) ? ctx.doc.products : [];
}

/** min ≤ default ≤ max for one quantity object (max null or absent: no upper limit). */
function boundsProblems(ctx: RuleContext, path: Segment[]): Problem[] {
  const amount = valueAt(ctx.doc, path);
  if (!isPlainObject(amount) || unchangedAt(ctx.base, ctx.doc, path)) return [];
  const min = num(amount.min);
  const def = num(amount.default);
  const max = num(amount.max);
  const label = pathLabel(path);
  const out: Problem[] = [];
  if (min !== undefined && max !== undefined && min > max) {
    out.push(...problemAt(ctx.root, [...path, 'max'], 'invalid-value', `\`${label}.max\` (${max}) is below \`${label}.min\` (${min}). Use null for no upper limit.`));
  }
  if (def !== undefined && min !== undefined && def < min) {
    out.push(...problemAt(ctx.root, [...path, 'default'], 'invalid-value', `\`${label}.default\` (${def}) is below \`${label}.min\` (${min}).`));
  } else if (def !== undefined && max !== undefined && def > max) {
    out.push(...problemAt(ctx.root, [...path, 'default'], 'invalid-value', `\`${label}.default\` (${def}) is above \`${label}.max\` (${max}).`));
  }
  return out;
}

export function amountProblems(ctx: RuleContext): Problem[] {
  return [boundsProblems(ctx, ['amount']), ...variants(ctx).map((_, i) => boundsProblems(ctx, ['products', i, 'amount']))].flat();
}

/** Every variant needs a SKU, and no two variants share one. */
export function skuProblems(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const byValue = new Map<string, number[]>();
  variants(ctx).forEach((variant, i) => {
    if (!isPlainObject(variant) || typeof variant.sku !== 'string') return;
    const sku = variant.sku.trim();
    if (!sku) {
      if (!unchangedAt(ctx.base, ctx.doc, ['products', i, 'sku'])) {
        out.push(...problemAt(ctx.root, ['products', i, 'sku'], 'required', `\`products[${i}].sku\` cannot be empty: every variant needs a SKU.`));
      }
      return;
    }
    byValue.set(sku, [...(byValue.get(sku) ?? []), i]);
  });
  for (const [sku, indices] of byValue) {
    if (indices.length < 2) continue;
    const others = (i: number) => listFields(indices.filter((j) => j !== i).map((j) => `products[${j}]`));
    for (const i of indices) {
      if (unchangedAt(ctx.base, ctx.doc, ['products', i, 'sku'])) continue;
      out.push(...problemAt(ctx.root, ['products', i, 'sku'], 'invalid-value', `SKU ${JSON.stringify(sku)} is also used by ${others(i)}: each variant needs its own SKU.`));
    }
  }
  return out;
}

/** `managementLink.url`: empty, or an absolute http(s) URL. */
export function urlProblems(ctx: RuleContext): Problem[] {
  const url = valueAt(ctx.doc, ['managementLink', 'url']);
  if (typeof url !== 'string' || url === '' || unchangedAt(ctx.base, ctx.doc, ['managementLink', 'url'])) return [];
  let ok = false;
  try {
    const parsed = new URL(url);
    ok = (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '' && url.trim() === url;
  } catch {
    ok = false;
  }
  return ok ? [] : problemAt(ctx.root, ['managementLink', 'url'], 'invalid-value', '`managementLink.url` must be an http:// or https:// URL (such as "https://portal.example.com"), or "" for no link.');
}

/**
 * A variant's `_id` is how saves match it: `""` (or none) for a new variant; with a base,
 * otherwise one of the base's variant ids. No id twice. (Without a base any id passes: a
 * create sends every variant as new.)
 */
export function variantIdProblems(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const baseIds = new Set(
    ctx.base && Array.isArray(ctx.base.products) ? ctx.base.products.map((v) => (isPlainObject(v) ? v._id : undefined)).filter((id): id is string => typeof id === 'string' && id !== '') : [],
  );
  const seen = new Set<string>();
  variants(ctx).forEach((variant, i) => {
    if (!isPlainObject(variant) || typeof variant._id !== 'string' || isNewVariantId(variant._id)) return;
    const id = variant._id;
    const path: Segment[] = ['products', i, '_id'];
    if (seen.has(id)) {
      out.push(...problemAt(ctx.root, path, 'invalid-value', `Variant id ${JSON.stringify(id)} appears twice. Use "" for a new variant: the server assigns its id.`));
    } else if (ctx.base && !baseIds.has(id)) {
      out.push(...problemAt(ctx.root, path, 'invalid-value', `\`products[${i}]._id\` ${JSON.stringify(id)} is not the id of a variant of this product. Use "" for a new variant: the server assigns its id.`));
    }
    seen.add(id);
  });
  return out;
}

/** Well-formed codes that are not ISO codes the runtime knows: a warning (the server may know more). */
export function codeProblems(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const check = (path: Segment[], pattern: RegExp, known: readonly { code: string }[], what: string): void => {
    const code = valueAt(ctx.doc, path);
    if (typeof code !== 'string' || !pattern.test(code) || known.length === 0 || unchangedAt(ctx.base, ctx.doc, path)) return;
    out.push(...unknownCodeProblem(ctx.root, path, code, known, what));
  };
  check(['country', 'code'], COUNTRY_CODE, countryCodes(), 'an ISO 3166-1 country code');
  check(['currency', 'code'], CURRENCY_CODE, currencyCodes(), 'an ISO 4217 currency code in use');
  return out;
}

/** With a base: changing only `currency.title` is not saved (the server does not return it). */
export function currencyTitleProblems(ctx: RuleContext): Problem[] {
  if (!ctx.base) return [];
  const title = valueAt(ctx.doc, ['currency', 'title']);
  if (typeof title !== 'string' || unchangedAt(ctx.base, ctx.doc, ['currency', 'title'])) return [];
  const code = valueAt(ctx.doc, ['currency', 'code']);
  const name = typeof code === 'string' ? currencyName(code) : undefined;
  const sent = name ? ` (for ${String(code)}: "${name}")` : '';
  return problemAt(
    ctx.root,
    ['currency', 'title'],
    'invalid-value',
    `\`currency.title\` is not saved: the server does not return it. When \`currency.code\` changes, the currency's English name is sent${sent}.`,
    { severity: 'warning' },
  );
}

/** With a base: an editable field the base has may not disappear (a removal is not something an update can send). */
export function removedFieldProblems(ctx: RuleContext): Problem[] {
  if (!ctx.base) return [];
  const base = ctx.base;
  const removed = EDITABLE_FIELDS.filter((f) => base[f] !== undefined && f !== 'description' && f !== 'name' && ctx.doc[f] === undefined);
  return removedFieldsProblem(ctx.root, base, removed, 'the product');
}
