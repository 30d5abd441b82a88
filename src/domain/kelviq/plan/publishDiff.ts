// publishDiff: what publishing a plan's draft changes, in words a pricing person reads in the
// confirmation ("USD price: 29 / month → 32 / month", "“Dashboards”: 25 → 30"). It compares the
// editable views (editableView.ts) of the published version and the draft, so ids and dates that
// every new version changes are not reported. Names, values and identifiers are catalog data:
// quoted or plain text here; the dialog passes each line through plainText once more.
// Pure: unit-tested.
import { deepEqual } from '../../document/deepEqual';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { quoted, plainText } from '../../untrustedText';
import { PLAN_MERGE_RULES, planEditableView } from './editableView';
import { fieldDoc } from './fieldDocs';
import { fileLabel } from './planFiles';
import { PLAN_FILE_FIELDS } from './planFields';
import { featuresOf, type FeatureRef } from './planObject';
import { records } from './planPaths';
import { priceSummary } from './priceSummary';
import { diffJson, type JsonChange } from '../../document/jsonDiff';

export interface PublishDiff {
  /** One sentence per change, plan fields first, then prices by currency, then entitlements, then files. */
  lines: string[];
  /** No difference in what the document edits (the versions may still differ in fields kelviq sets). */
  empty: boolean;
}

const VALUE_LENGTH = 60;

/** A value as a short phrase: numbers en-US, booleans on/off, text quoted. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'not set';
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(value);
  if (typeof value === 'string') return value === '' ? 'empty' : quoted(value, VALUE_LENGTH);
  if (Array.isArray(value) && value.length === 0) return 'none';
  if (isPlainObject(value) && Object.keys(value).length === 0) return 'none';
  return plainText(JSON.stringify(value), VALUE_LENGTH);
}

/** "Activation limit" for `license.activationLimit`; the path itself for keys without a title. */
function fieldTitle(docPath: string, key: string): string {
  return fieldDoc(docPath)?.title ?? plainText(key, 40);
}

function change(what: string, before: unknown, after: unknown): string {
  return `${what}: ${describeValue(before)} → ${describeValue(after)}`;
}

/** The plan's own fields (name, visibility, license, links, metadata). */
function fieldLines(changes: readonly JsonChange[]): string[] {
  const lines: string[] = [];
  for (const c of changes) {
    const [field, ...rest] = c.path;
    if (typeof field !== 'string' || field === 'prices' || field === 'entitlements' || field === 'files') continue;
    if (field === 'isVisible') {
      lines.push(`Visibility: ${visibility(c.before)} → ${visibility(c.after)}`);
    } else if (field === 'metadata' && rest.length > 0) {
      lines.push(change(`Metadata ${quoted(String(rest[0]), 40)}`, c.before, c.after));
    } else if (rest.length > 0 && rest.every((s): s is string => typeof s === 'string')) {
      lines.push(change(`${fieldTitle(field, field)} › ${fieldTitle([field, ...rest].join('.'), rest.join('.'))}`, c.before, c.after));
    } else {
      lines.push(change(fieldTitle(field, field), c.before, c.after));
    }
  }
  return lines;
}

function visibility(value: unknown): string {
  return value === false ? 'hidden' : 'visible';
}

function featureNameOf(features: ReadonlyMap<string, FeatureRef>, key: string): string {
  const feature = features.get(key);
  return feature ? quoted(feature.name) : quoted(key);
}

/** The charges of a price: the plan's own (feature null), and per feature UUID. */
function chargesByFeature(price: JsonObject | undefined): Map<string | null, JsonObject[]> {
  const out = new Map<string | null, JsonObject[]>();
  for (const entry of records(price?.chargeCatalogPrice)) {
    const feature = typeof entry.feature === 'string' ? entry.feature.toLowerCase() : null;
    out.set(feature, [...(out.get(feature) ?? []), entry]);
  }
  return out;
}

const PRICE_FIELD_WORDS: Readonly<Record<string, string>> = {
  priceType: 'price type',
  freeTrial: 'free trial',
  trialPeriod: 'trial days',
  enabled: 'offered',
  taxBehavior: 'tax behaviour',
};

/** One price that exists in both versions (matched by currency). */
function changedPriceLines(currency: string, before: JsonObject, after: JsonObject, features: ReadonlyMap<string, FeatureRef>): string[] {
  const lines: string[] = [];
  const label = `${plainText(currency, 10)} price`;
  const summaryBefore = priceSummary([before]);
  const summaryAfter = priceSummary([after]);
  if (summaryBefore !== summaryAfter) lines.push(`${label}: ${summaryBefore} → ${summaryAfter}`);
  for (const field of Object.keys(PRICE_FIELD_WORDS)) {
    if (!deepEqual(before[field], after[field])) lines.push(change(`${label}, ${PRICE_FIELD_WORDS[field]}`, before[field], after[field]));
  }
  const chargesBefore = chargesByFeature(before);
  const chargesAfter = chargesByFeature(after);
  for (const feature of new Set([...chargesBefore.keys(), ...chargesAfter.keys()])) {
    const a = chargesBefore.get(feature);
    const b = chargesAfter.get(feature);
    if (deepEqual(a, b)) continue;
    const what = feature === null ? 'the plan charge' : `the usage charge for ${featureNameById(features, feature)}`;
    if (!a) lines.push(`${label}: adds ${what}`);
    else if (!b) lines.push(`${label}: drops ${what}`);
    else if (feature !== null || summaryBefore === summaryAfter) lines.push(`${label}: changes ${what}`);
  }
  return lines;
}

function featureNameById(features: ReadonlyMap<string, FeatureRef>, id: string): string {
  for (const feature of features.values()) if (feature.id.toLowerCase() === id) return quoted(feature.name);
  return 'a feature';
}

function priceLines(before: unknown, after: unknown, features: ReadonlyMap<string, FeatureRef>): string[] {
  const a = records(before);
  const b = records(after);
  const byCurrency = (list: JsonObject[]) => {
    const map = new Map<string, JsonObject>();
    for (const price of list) if (typeof price.currency === 'string' && !map.has(price.currency)) map.set(price.currency, price);
    return map.size === list.length ? map : undefined;
  };
  const ca = byCurrency(a);
  const cb = byCurrency(b);
  if (!ca || !cb) {
    // Prices without a currency (or two in one) cannot be matched: say it of the whole list.
    return deepEqual(a, b) ? [] : [`Prices: ${priceSummary(a)} → ${priceSummary(b)}`];
  }
  const lines: string[] = [];
  for (const [currency, price] of cb) {
    const old = ca.get(currency);
    if (!old) lines.push(`New ${plainText(currency, 10)} price: ${priceSummary([price])}`);
    else if (!deepEqual(old, price)) lines.push(...changedPriceLines(currency, old, price, features));
  }
  for (const [currency, price] of ca) if (!cb.has(currency)) lines.push(`${plainText(currency, 10)} price removed (was ${priceSummary([price])})`);
  return lines;
}

const DETAIL_WORDS: Readonly<Record<string, string>> = {
  value: 'limit',
  hasUnlimitedUsage: 'unlimited',
  hardLimit: 'hard limit',
  reset: 'usage reset',
  resetTime: 'reset time',
  rollover: 'rollover',
  usageAlerts: 'usage alerts',
  isInherited: 'inherited',
  isValueOverridden: 'value overridden',
};

function entitlementLines(before: unknown, after: unknown, features: ReadonlyMap<string, FeatureRef>): string[] {
  const key = (e: JsonObject) => (typeof e.feature === 'string' ? e.feature : JSON.stringify(e.feature));
  const a = new Map(records(before).map((e) => [key(e), e]));
  const b = new Map(records(after).map((e) => [key(e), e]));
  const lines: string[] = [];
  for (const [feature, entitlement] of b) {
    const name = featureNameOf(features, feature);
    const old = a.get(feature);
    const details = isPlainObject(entitlement.details) ? entitlement.details : {};
    if (!old) {
      lines.push(`Adds ${name}${details.value === undefined ? '' : `: ${describeValue(details.value)}`}`);
      continue;
    }
    const oldDetails = isPlainObject(old.details) ? old.details : {};
    for (const field of new Set([...Object.keys(oldDetails), ...Object.keys(details)])) {
      if (deepEqual(oldDetails[field], details[field])) continue;
      const word = Object.hasOwn(DETAIL_WORDS, field) ? DETAIL_WORDS[field] : plainText(field, 40);
      lines.push(field === 'value' ? change(name, oldDetails[field], details[field]) : change(`${name}, ${word}`, oldDetails[field], details[field]));
    }
  }
  for (const [feature] of a) if (!b.has(feature)) lines.push(`Removes ${featureNameOf(features, feature)}`);
  return lines;
}

function featureMap(...objects: JsonObject[]): Map<string, FeatureRef> {
  const map = new Map<string, FeatureRef>();
  for (const object of objects) {
    for (const feature of featuresOf(object) ?? []) if (!map.has(feature.identifier)) map.set(feature.identifier, feature);
    // An entitlement names its feature even when the environment's list no longer has it.
    for (const e of records(object.entitlements)) {
      if (typeof e.feature === 'string' && typeof e.featureName === 'string' && !map.has(e.feature)) {
        map.set(e.feature, { id: '', identifier: e.feature, name: e.featureName, featureType: undefined });
      }
    }
  }
  return map;
}

/** What a plan that was never published goes live with. */
function firstPublishLines(view: JsonObject, features: ReadonlyMap<string, FeatureRef>): string[] {
  const lines = ['Not published before: publishing makes this plan live.', `Prices: ${priceSummary(view.prices)}`];
  const granted = records(view.entitlements).map((e) => {
    const details = isPlainObject(e.details) ? e.details : {};
    const name = featureNameOf(features, typeof e.feature === 'string' ? e.feature : '');
    return details.value === undefined ? name : `${name} ${describeValue(details.value)}`;
  });
  lines.push(granted.length === 0 ? 'Entitlements: none' : `Entitlements: ${granted.join(', ')}`);
  const files = records(view.files).map((f) => quoted(fileLabel(f, 'file'), VALUE_LENGTH));
  if (files.length > 0) lines.push(`Files: ${files.join(', ')}`);
  lines.push(`Visibility: ${visibility(view.isVisible)}`);
  return lines;
}

/** Files added (an upload), removed, or changed (name, ordering, enabled), matched by stored file. */
function fileLines(before: unknown, after: unknown): string[] {
  const old = new Map(records(before).filter((f) => typeof f.file === 'string').map((f) => [f.file as string, f]));
  const now = new Map(records(after).filter((f) => typeof f.file === 'string').map((f) => [f.file as string, f]));
  const name = (f: JsonObject): string => quoted(fileLabel(f, 'file'), VALUE_LENGTH);
  const lines: string[] = [];
  for (const [key, f] of now) {
    const was = old.get(key);
    if (!was) {
      lines.push(`File added: ${name(f)}`);
      continue;
    }
    const parts = PLAN_FILE_FIELDS.filter((k) => !deepEqual(was[k], f[k])).map((k) => `${fieldDoc(`files.${k}`)?.title.toLowerCase() ?? k} ${describeValue(was[k])} → ${describeValue(f[k])}`);
    if (parts.length > 0) lines.push(`File ${name(was)}: ${parts.join('; ')}`);
  }
  for (const [key, f] of old) if (!now.has(key)) lines.push(`File removed: ${name(f)}`);
  return lines;
}

/**
 * The difference between the published version (undefined when the plan was never published) and
 * the draft: plan objects (planObjectFrom) or parsed documents.
 */
export function publishDiff(published: JsonObject | undefined, draft: JsonObject): PublishDiff {
  const features = featureMap(draft, ...(published ? [published] : []));
  const after = planEditableView(draft);
  if (!published) return { lines: firstPublishLines(after, features), empty: false };
  const before = planEditableView(published);
  const changes = diffJson(before, after, PLAN_MERGE_RULES);
  const lines = [
    ...fieldLines(changes),
    ...priceLines(before.prices, after.prices, features),
    ...entitlementLines(before.entitlements, after.entitlements, features),
    ...fileLines(before.files, after.files),
  ];
  if (lines.length === 0) return { lines: ['No difference in the plan’s fields, prices, entitlements or files.'], empty: true };
  return { lines, empty: false };
}
