// Price normalisation: a price as the bulk endpoint takes it, with the server's defaults filled
// in, so that a hand-written price that leaves a field out never differs from the server's
// version of it (which has every field). A field that is missing or null takes its default.
//
// The spec documents no defaults (an assumption, to check against the real server). The
// price-level values are those of the spec's `PlanPriceCreateRequest` example (`freeTrial: false`,
// `trialPeriod: 0`, `enabled: true`), and for `taxBehavior` the enum's own "not said" value,
// `"UNSPECIFIED"` (the example shows `"EXCLUSIVE"`; the sandbox fills in the same default). The nested ones are "off" values (no feature = the plan itself,
// no reset time, no unlimited usage, no rollover, no charges, no tiers, nothing advanced). A
// nested field without an "off" value (`priceModel`, `reset`, `paymentType`, `usageAlerts`) is
// left as written. Each default is in the tables below and nowhere else.
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { PRICE_FIELDS } from './planFields';
import { defineField } from '../../document/jsonShapes';

export const PRICE_DEFAULTS: Readonly<JsonObject> = {
  freeTrial: false,
  trialPeriod: 0,
  enabled: true,
  taxBehavior: 'UNSPECIFIED',
  chargeCatalogPrice: [],
};

/** Per element of `chargeCatalogPrice`. */
export const CHARGE_CATALOG_PRICE_DEFAULTS: Readonly<JsonObject> = { feature: null, resetTime: null, hasUnlimitedUsage: false, rollover: {}, charges: [] };

/** Per element of `charges`. */
export const CHARGE_DEFAULTS: Readonly<JsonObject> = { tiers: [], advanced: {} };

/** Per entitlement's `details`: the flags are off unless given. */
export const ENTITLEMENT_DETAIL_DEFAULTS: Readonly<JsonObject> = {
  hasUnlimitedUsage: false,
  hardLimit: false,
  isInherited: false,
  isValueOverridden: false,
};

/** `object` with each default filled where the field is missing or null; other fields as they are. */
export function withDefaults(object: JsonObject, defaults: Readonly<JsonObject>): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(object)) defineField(out, key, object[key]);
  for (const [key, value] of Object.entries(defaults)) {
    if (out[key] === undefined || out[key] === null) defineField(out, key, structuredClone(value));
  }
  return out;
}

function normalizeCharge(charge: unknown): unknown {
  return isPlainObject(charge) ? withDefaults(charge, CHARGE_DEFAULTS) : charge;
}

function normalizeChargeCatalogPrice(entry: unknown): unknown {
  if (!isPlainObject(entry)) return entry;
  const out = withDefaults(entry, CHARGE_CATALOG_PRICE_DEFAULTS);
  if (Array.isArray(out.charges)) out.charges = out.charges.map(normalizeCharge);
  return out;
}

/**
 * The editable, comparable form of a price: the bulk request's fields only (no `id`, nor
 * fields the server adds), in a fixed order, defaults filled; `currency` stays out when absent.
 */
export function normalizePrice(price: unknown): unknown {
  if (!isPlainObject(price)) return price;
  const filled = withDefaults(price, PRICE_DEFAULTS);
  const out: JsonObject = {};
  for (const field of PRICE_FIELDS) {
    const value = Object.hasOwn(filled, field) ? filled[field] : undefined;
    if (value === undefined || (field === 'currency' && value === null)) continue;
    defineField(out, field, field === 'chargeCatalogPrice' && Array.isArray(value) ? value.map(normalizeChargeCatalogPrice) : value);
  }
  return out;
}

/** An entitlement's `details`, with the flags filled (missing or null details: `{}` plus the flags). */
export function normalizeDetails(details: unknown): unknown {
  if (details === undefined || details === null) return withDefaults({}, ENTITLEMENT_DETAIL_DEFAULTS);
  return isPlainObject(details) ? withDefaults(details, ENTITLEMENT_DETAIL_DEFAULTS) : details;
}
