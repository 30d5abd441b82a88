// The fields of a plan document: which ones a save sends (and by which call), which ones kelviq
// sets, and the order the document shows them in.

/** Plan fields the PATCH /catalog/plans/{identifier}/ takes (`fileKeys` is upload-only: not in the document). */
export const EDITABLE_PLAN_FIELDS = ['name', 'description', 'isVisible', 'license', 'links', 'metadata'] as const;
export type EditablePlanField = (typeof EDITABLE_PLAN_FIELDS)[number];

/** The plan's prices (POST …/prices/bulk/) and entitlements (POST/PATCH/DELETE …/features/). */
export const COLLECTION_FIELDS = ['prices', 'entitlements'] as const;

/**
 * Plan fields kelviq sets, or the PATCH does not take: shown, never sent. `identifier` and
 * `product` are fixed at creation; `ordering` is in the create request only.
 */
export const READ_ONLY_PLAN_FIELDS = [
  'identifier',
  'product',
  'version',
  'isLatest',
  'createdOn',
  'modifiedOn',
  'ordering',
  'isImported',
  'countries',
  'details',
  'files',
] as const;

/** Known fields in document order; fields the server adds follow, sorted. */
export const DOCUMENT_FIELD_ORDER: readonly string[] = [
  'identifier',
  'product',
  'name',
  'description',
  'isVisible',
  'license',
  'links',
  'metadata',
  'prices',
  'entitlements',
  'version',
  'isLatest',
  'createdOn',
  'modifiedOn',
  'ordering',
  'isImported',
  'countries',
  'details',
  'files',
];

/** A price's fields as the bulk endpoint takes them (`PlanPriceCreateRequest`). */
export const PRICE_FIELDS = ['priceType', 'currency', 'freeTrial', 'trialPeriod', 'enabled', 'taxBehavior', 'chargeCatalogPrice'] as const;
/** A price's fields kelviq sets (a new price has none). */
export const PRICE_READ_ONLY_FIELDS = ['id'] as const;

/** An entitlement's fields: the feature's identifier and the details the entitlement calls take. */
export const ENTITLEMENT_FIELDS = ['feature', 'details'] as const;
/** Shown for reading: the feature's name. */
export const ENTITLEMENT_READ_ONLY_FIELDS = ['featureName'] as const;

/** Key order of nested objects, by key path (`*` = an array element). */
export const NESTED_ORDER: Readonly<Record<string, readonly string[]>> = {
  'prices.*': [...PRICE_READ_ONLY_FIELDS, ...PRICE_FIELDS],
  'prices.*.chargeCatalogPrice.*': ['feature', 'priceModel', 'paymentType', 'reset', 'resetTime', 'hasUnlimitedUsage', 'rollover', 'usageAlerts', 'charges'],
  'prices.*.chargeCatalogPrice.*.charges.*': ['chargePeriod', 'priceData', 'tiers', 'advanced'],
  'prices.*.chargeCatalogPrice.*.charges.*.tiers.*': ['upTo', 'unitAmount', 'flatAmount'],
  'entitlements.*': ['feature', 'featureName', 'details'],
  'entitlements.*.details': ['value', 'hasUnlimitedUsage', 'hardLimit', 'reset', 'resetTime', 'rollover', 'usageAlerts', 'isInherited', 'isValueOverridden'],
  license: ['enabled', 'activationLimitEnabled', 'activationLimit', 'hasExpiry', 'durationValue', 'durationUnit'],
  'links.*': ['name', 'url'],
};

export function isKnownPlanField(key: string): boolean {
  return DOCUMENT_FIELD_ORDER.includes(key);
}

export function isEditablePlanField(key: string): key is EditablePlanField {
  return (EDITABLE_PLAN_FIELDS as readonly string[]).includes(key);
}
