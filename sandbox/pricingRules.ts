// The business rules behind prices/bulk/ and plan entitlements that the vendor states in prose
// (the spec's schemas cannot): at most one PAID price per currency, existing features only, a
// non-FLAT price model names its feature, an entitlement's `value` fits its feature's type. Each
// check runs on the whole request before anything is stored: all or nothing. Errors are shaped
// like DRF's nested ones (drfErrors.ts).
import { addDrfError, hasErrors, type DrfErrors } from './drfErrors';
import type { FeatureStore } from './featureStore';
import type { EntitlementRecord, FeatureType, JsonObject, PlanVersionRecord, PriceType, TaxBehavior } from './planRecords';
import type { PriceInput } from './planStore';

/** A PlanPriceCreateRequest item as validated by the spec schema. */
export interface PriceItem {
  priceType: PriceType;
  currency?: string;
  freeTrial?: boolean;
  trialPeriod?: number;
  enabled?: boolean;
  taxBehavior?: TaxBehavior;
  chargeCatalogPrice?: JsonObject[];
}

export interface EntitlementItem {
  feature: string;
  details: JsonObject;
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: DrfErrors };

const CURRENCY = /^[A-Z]{3}$/;
const invalidPk = (pk: unknown): string => `Invalid pk "${String(pk)}" - object does not exist.`;

/** `prices` of a bulk request, with the defaults filled in (currency: the product's settings currency). */
export function checkPrices(prices: readonly PriceItem[], features: FeatureStore, defaultCurrency: string): Checked<PriceInput[]> {
  const errors: DrfErrors = {};
  const body = { prices };
  const out = prices.map((item, i): PriceInput => {
    const currency = item.currency ?? defaultCurrency;
    if (!CURRENCY.test(currency)) addDrfError(errors, body, ['prices', i, 'currency'], `"${currency}" is not a valid choice.`);
    if (item.trialPeriod !== undefined && item.trialPeriod < 0) {
      addDrfError(errors, body, ['prices', i, 'trialPeriod'], 'Ensure this value is greater than or equal to 0.');
    }
    (item.chargeCatalogPrice ?? []).forEach((charge, j) => {
      const where = ['prices', i, 'chargeCatalogPrice', j, 'feature'];
      const model = typeof charge.priceModel === 'string' ? charge.priceModel : 'FLAT';
      if (charge.feature === undefined || charge.feature === null) {
        if (model !== 'FLAT') addDrfError(errors, body, where, `This field is required for ${model} pricing.`);
      } else if (!features.get(String(charge.feature).toLowerCase())) {
        addDrfError(errors, body, where, invalidPk(charge.feature));
      }
    });
    return {
      priceType: item.priceType,
      currency,
      freeTrial: item.freeTrial ?? false,
      trialPeriod: item.trialPeriod ?? 0,
      enabled: item.enabled ?? true,
      taxBehavior: item.taxBehavior ?? 'UNSPECIFIED',
      chargeCatalogPrice: (item.chargeCatalogPrice ?? []).map((charge) =>
        typeof charge.feature === 'string' ? { ...charge, feature: charge.feature.toLowerCase() } : { ...charge },
      ),
    };
  });
  if (hasErrors(errors)) return { ok: false, errors };
  // As a serializer's validate_prices: only once every item is valid on its own.
  const paid = new Set<string>();
  const duplicates = new Set<string>();
  for (const price of out) {
    if (price.priceType !== 'PAID') continue;
    if (paid.has(price.currency)) duplicates.add(price.currency);
    paid.add(price.currency);
  }
  if (duplicates.size > 0) return { ok: false, errors: { prices: [`Duplicate currency among PAID prices: ${[...duplicates].join(', ')}.`] } };
  return { ok: true, value: out };
}

/** Why an entitlement's `details.value` does not fit its feature, or undefined. */
export function valueProblem(featureType: FeatureType, details: JsonObject): string | undefined {
  const value = details.value;
  if (value === undefined || value === null) return undefined;
  if (featureType === 'BOOLEAN') return typeof value === 'boolean' ? undefined : 'Must be a valid boolean.';
  return typeof value === 'number' && Number.isFinite(value) ? undefined : 'A valid number is required.';
}

/** `planEntitlements` of an add request, against the plan's newest version. */
export function checkEntitlements(items: readonly EntitlementItem[], latest: PlanVersionRecord, features: FeatureStore): Checked<EntitlementRecord[]> {
  const errors: DrfErrors = {};
  const body = { planEntitlements: items };
  const present = new Set(latest.entitlements.map((e) => e.feature));
  const out = items.map((item, i): EntitlementRecord => {
    const id = item.feature.toLowerCase();
    const feature = features.get(id);
    if (!feature) {
      addDrfError(errors, body, ['planEntitlements', i, 'feature'], invalidPk(item.feature));
    } else if (present.has(id)) {
      addDrfError(errors, body, ['planEntitlements', i, 'feature'], `Feature "${feature.identifier}" is already on this plan.`);
    } else {
      const problem = valueProblem(feature.featureType, item.details);
      if (problem) addDrfError(errors, body, ['planEntitlements', i, 'details', 'value'], problem);
    }
    present.add(id);
    return { feature: id, details: structuredClone(item.details) };
  });
  return hasErrors(errors) ? { ok: false, errors } : { ok: true, value: out };
}
