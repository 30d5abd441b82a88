// The fields of a plan document: which ones a save sends (and by which call), which ones kelviq
// sets, and the order the document shows them in.

/** Plan fields the PATCH /catalog/plans/{identifier}/ takes (`fileKeys` is upload-only: not in the document). */
export const EDITABLE_PLAN_FIELDS = ['name', 'description', 'isVisible', 'license', 'links', 'metadata'] as const;
export type EditablePlanField = (typeof EDITABLE_PLAN_FIELDS)[number];

/** The plan's prices (POST …/prices/bulk/), entitlements (POST/PATCH/DELETE …/features/) and files (PATCH/DELETE …/file/{id}/). */
export const COLLECTION_FIELDS = ['prices', 'entitlements', 'files'] as const;

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
  'files',
  'version',
  'isLatest',
  'createdOn',
  'modifiedOn',
  'ordering',
  'isImported',
  'countries',
  'details',
];

/** A price's fields as the bulk endpoint takes them (`PlanPriceCreateRequest`). */
export const PRICE_FIELDS = ['priceType', 'currency', 'freeTrial', 'trialPeriod', 'enabled', 'taxBehavior', 'chargeCatalogPrice'] as const;
/** A price's fields kelviq sets (a new price has none). */
export const PRICE_READ_ONLY_FIELDS = ['id'] as const;

/** An entitlement's fields: the feature's identifier and the details the entitlement calls take. */
export const ENTITLEMENT_FIELDS = ['feature', 'details'] as const;
/** Shown for reading: the feature's name. */
export const ENTITLEMENT_READ_ONLY_FIELDS = ['featureName'] as const;

/** A file's fields PATCH …/file/{id}/ takes (`PlanFileUpdateRequest`). */
export const PLAN_FILE_FIELDS = ['name', 'ordering', 'enabled'] as const;
export type PlanFileField = (typeof PLAN_FILE_FIELDS)[number];
/** A file's fields kelviq sets: its id, its stored file (how files are matched) and its download link. */
export const PLAN_FILE_READ_ONLY_FIELDS = ['id', 'file', 'downloadUrl'] as const;

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
  'files.*': ['id', 'name', 'ordering', 'enabled', 'file', 'downloadUrl'],
};

export function isKnownPlanField(key: string): boolean {
  return DOCUMENT_FIELD_ORDER.includes(key);
}

export function isEditablePlanField(key: string): key is EditablePlanField {
  return (EDITABLE_PLAN_FIELDS as readonly string[]).includes(key);
}
