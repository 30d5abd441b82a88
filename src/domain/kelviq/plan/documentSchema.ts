// The zod definition of a plan document: the single source for the type checks of
// validatePlanDocument and for the JSON Schema VS Code uses for hovers and completion
// (planJsonSchema.ts). Hover text comes from fieldDocs.ts, enum descriptions from planEnums.ts.
// What zod cannot say on one value (one PAID price per currency, trials, tiers, features that
// exist, limits on boolean features) is in planRules.ts.
import { z } from 'zod';
import { validationSchemas } from '../../document/validationSchemas';
import { fieldMeta } from '../../document/fieldDocs';
import { FIELD_DOCS } from './fieldDocs';
import {
  CHARGE_PERIODS,
  enumValues,
  LICENSE_DURATION_UNITS,
  PAYMENT_TYPES,
  PRICE_MODELS,
  PRICE_TYPES,
  RESETS,
  TAX_BEHAVIORS,
  THRESHOLD_TYPES,
  type EnumValue,
} from './planEnums';

const meta = (path: string): Record<string, unknown> => fieldMeta(FIELD_DOCS, path);

/** An enum with each value's description for completion and hover. */
function enumOf<V extends string>(path: string, list: readonly (EnumValue & { value: V })[]) {
  return z.enum(enumValues(list)).meta({
    ...meta(path),
    enumDescriptions: list.map((e) => e.description.replace(/`/g, '')),
    markdownEnumDescriptions: list.map((e) => `\`${e.value}\`: ${e.description}`),
  });
}

export const CURRENCY_CODE = /^[A-Z]{3}$/;
const record = z.record(z.string(), z.unknown());

const UsageAlerts = (prefix: string) =>
  z.strictObject({
    enabled: z.boolean().optional().meta(meta(`${prefix}.usageAlerts.enabled`)),
    thresholds: z.array(z.number()).optional().meta(meta(`${prefix}.usageAlerts.thresholds`)),
    thresholdType: enumOf(`${prefix}.usageAlerts.thresholdType`, THRESHOLD_TYPES).optional(),
  }).meta(meta(`${prefix}.usageAlerts`));

const CHARGE = 'prices.chargeCatalogPrice.charges';
export const TierDocument = z.strictObject({
  upTo: z.union([z.number().int(), z.string(), z.null()]).optional().meta(meta(`${CHARGE}.tiers.upTo`)),
  unitAmount: z.number().optional().meta(meta(`${CHARGE}.tiers.unitAmount`)),
  flatAmount: z.number().optional().meta(meta(`${CHARGE}.tiers.flatAmount`)),
});

export const ChargeDocument = z.strictObject({
  chargePeriod: enumOf(`${CHARGE}.chargePeriod`, CHARGE_PERIODS).optional(),
  priceData: record.optional().meta(meta(`${CHARGE}.priceData`)),
  tiers: z.array(TierDocument).optional().meta(meta(`${CHARGE}.tiers`)),
  advanced: record.optional().meta(meta(`${CHARGE}.advanced`)),
});

const CCP = 'prices.chargeCatalogPrice';
export const ChargeCatalogPriceDocument = z.strictObject({
  feature: z.string().nullable().optional().meta(meta(`${CCP}.feature`)),
  priceModel: enumOf(`${CCP}.priceModel`, PRICE_MODELS).optional(),
  paymentType: enumOf(`${CCP}.paymentType`, PAYMENT_TYPES).optional(),
  reset: enumOf(`${CCP}.reset`, RESETS).optional(),
  resetTime: z.string().nullable().optional().meta(meta(`${CCP}.resetTime`)),
  hasUnlimitedUsage: z.boolean().optional().meta(meta(`${CCP}.hasUnlimitedUsage`)),
  rollover: record.optional().meta(meta(`${CCP}.rollover`)),
  usageAlerts: UsageAlerts(CCP).optional(),
  charges: z.array(ChargeDocument).optional().meta(meta(`${CCP}.charges`)),
});

export const PriceDocument = z.strictObject({
  id: z.string().optional().meta(meta('prices.id')),
  priceType: enumOf('prices.priceType', PRICE_TYPES),
  currency: z.string().regex(CURRENCY_CODE).optional().meta(meta('prices.currency')),
  freeTrial: z.boolean().optional().meta(meta('prices.freeTrial')),
  trialPeriod: z.number().int().nonnegative().optional().meta(meta('prices.trialPeriod')),
  enabled: z.boolean().optional().meta(meta('prices.enabled')),
  taxBehavior: enumOf('prices.taxBehavior', TAX_BEHAVIORS).optional(),
  chargeCatalogPrice: z.array(ChargeCatalogPriceDocument).optional().meta(meta('prices.chargeCatalogPrice')),
});

/**
 * One entry of `files`: the fields the file PATCH takes (`PlanFileUpdateRequest`: `name` a string,
 * `ordering` a whole number, `enabled` a boolean) and the read-only `id`, `file` and
 * `downloadUrl`. `id` is optional here: an entry without one gets its own problem
 * (attachmentRules.ts). With a base, the read-only fields are compared with the base's file.
 */
export const FileDocument = z.strictObject({
  id: z.string().optional().meta(meta('files.id')),
  name: z.string().nullable().optional().meta(meta('files.name')),
  ordering: z.number().int().optional().meta(meta('files.ordering')),
  enabled: z.boolean().optional().meta(meta('files.enabled')),
  file: z.string().optional().meta(meta('files.file')),
  downloadUrl: z.string().optional().meta(meta('files.downloadUrl')),
});

const DETAILS = 'entitlements.details';
/** `PlanEntitlementDetails` allows any other key (its shape varies by feature type). */
export const DetailsDocument = z.looseObject({
  value: z.union([z.boolean(), z.number()]).optional().meta(meta(`${DETAILS}.value`)),
  hasUnlimitedUsage: z.boolean().optional().meta(meta(`${DETAILS}.hasUnlimitedUsage`)),
  hardLimit: z.boolean().optional().meta(meta(`${DETAILS}.hardLimit`)),
  reset: enumOf(`${DETAILS}.reset`, RESETS).optional(),
  resetTime: z.string().nullable().optional().meta(meta(`${DETAILS}.resetTime`)),
  rollover: record.optional().meta(meta(`${DETAILS}.rollover`)),
  usageAlerts: UsageAlerts(DETAILS).optional(),
  isInherited: z.boolean().optional().meta(meta(`${DETAILS}.isInherited`)),
  isValueOverridden: z.boolean().optional().meta(meta(`${DETAILS}.isValueOverridden`)),
}).meta(meta(DETAILS));

export const EntitlementDocument = z.strictObject({
  feature: z.string().min(1).meta(meta('entitlements.feature')),
  featureName: z.string().optional().meta(meta('entitlements.featureName')),
  details: DetailsDocument,
});

export const LicenseDocument = z.strictObject({
  enabled: z.boolean().optional().meta(meta('license.enabled')),
  activationLimitEnabled: z.boolean().optional().meta(meta('license.activationLimitEnabled')),
  activationLimit: z.number().int().min(1).optional().meta(meta('license.activationLimit')),
  hasExpiry: z.boolean().optional().meta(meta('license.hasExpiry')),
  durationValue: z.number().int().min(1).optional().meta(meta('license.durationValue')),
  durationUnit: enumOf('license.durationUnit', LICENSE_DURATION_UNITS).optional(),
}).meta(meta('license'));

export const LinkDocument = z.strictObject({
  name: z.string().optional().meta(meta('links.name')),
  url: z.string().optional().meta(meta('links.url')),
});

/** The fields a save sends, as a document holds them. */
export const EditableDocumentShape = {
  name: z.string().trim().min(1).meta(meta('name')),
  description: z.string().nullable().optional().meta(meta('description')),
  isVisible: z.boolean().optional().meta(meta('isVisible')),
  license: LicenseDocument.nullable().optional(),
  links: z.array(LinkDocument).nullable().optional().meta(meta('links')),
  metadata: record.nullable().optional().meta(meta('metadata')),
  prices: z.array(PriceDocument).meta(meta('prices')),
  entitlements: z.array(EntitlementDocument).meta(meta('entitlements')),
  files: z.array(FileDocument).nullable().optional().meta(meta('files')),
};

/** The fields kelviq sets, type-checked when the document's base is not known. */
export const ReadOnlyDocumentShape = {
  identifier: z.string().optional().meta(meta('identifier')),
  product: z.string().optional().meta(meta('product')),
  version: z.number().int().optional().meta(meta('version')),
  isLatest: z.boolean().optional().meta(meta('isLatest')),
  createdOn: z.string().optional().meta(meta('createdOn')),
  modifiedOn: z.string().optional().meta(meta('modifiedOn')),
  ordering: z.number().int().nullable().optional().meta(meta('ordering')),
  isImported: z.boolean().optional().meta(meta('isImported')),
  countries: z.array(z.string()).nullable().optional().meta(meta('countries')),
  details: record.nullable().optional().meta(meta('details')),
};

/** The whole document in display order (for the JSON Schema); fields the server adds pass through. */
export const PlanDocumentSchema = z
  .looseObject({
    identifier: ReadOnlyDocumentShape.identifier,
    product: ReadOnlyDocumentShape.product,
    ...EditableDocumentShape,
    ...Object.fromEntries(Object.entries(ReadOnlyDocumentShape).filter(([k]) => k !== 'identifier' && k !== 'product')),
  })
  .meta({
    title: 'kelviq plan',
    description:
      'A kelviq plan with its prices, entitlements and files. Edit the plan fields, the prices, the entitlements and the files\' names, order and availability, then save; the fields kelviq sets are read-only.',
  });

/**
 * The schema a document is checked with (domain/document/validationSchemas): with a base, the
 * read-only fields and the server's extra fields accept anything here (readOnlyCheck.ts compares
 * them with the base); without one they are type-checked.
 */
export const planValidationSchema = validationSchemas(ReadOnlyDocumentShape, EditableDocumentShape);
