// zod schemas for a plan's prices (GET …/prices/, POST …/prices/bulk/). A price is per currency,
// with its charges (`chargeCatalogPrice`: the plan itself when `feature` is null, or one feature).
// Responses are loose; the bulk body strict, except the objects the spec leaves open.
import { z } from 'zod';
import { JsonObjectSchema } from './featureSchemas';
import { UUID_PATTERN } from './paths';
import { PageSchema } from './schemas';

export const PRICE_TYPES = ['FREE', 'PAID', 'CUSTOM'] as const;
export const TAX_BEHAVIORS = ['INCLUSIVE', 'EXCLUSIVE', 'UNSPECIFIED'] as const;
export const PRICE_MODELS = ['FLAT', 'PACKAGE', 'TIERED', 'VOLUME', 'STAIRSTEP'] as const;
export const RESET_PERIODS = ['NEVER', 'EVERY_DAY', 'EVERY_28_DAYS', 'EVERY_MONTH', 'EVERY_QUARTER', 'EVERY_YEAR'] as const;
export const CHARGE_PERIODS = ['ONE_TIME', 'DAILY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const;

export const UsageAlertsInputSchema = z.strictObject({
  enabled: z.boolean().optional(),
  thresholds: z.array(z.number()).optional(),
  thresholdType: z.enum(['PERCENTAGE', 'BALANCE']).optional(),
});

export const PlanChargeSchema = z.looseObject({
  chargePeriod: z.string().optional(),
  priceData: JsonObjectSchema.optional(),
  tiers: z.array(z.looseObject({})).optional(),
  advanced: JsonObjectSchema.optional(),
});

export const PlanChargeCatalogPriceSchema = z.looseObject({
  feature: z.string().nullable().optional(),
  priceModel: z.string().optional(),
  charges: z.array(PlanChargeSchema).optional(),
});

export const PlanPriceSchema = z.looseObject({
  id: z.string(),
  priceType: z.string(),
  currency: z.string().optional(),
  freeTrial: z.boolean().optional(),
  trialPeriod: z.number().int().optional(),
  enabled: z.boolean().optional(),
  taxBehavior: z.string().optional(),
  chargeCatalogPrice: z.array(PlanChargeCatalogPriceSchema).optional(),
});
export type PlanPrice = z.infer<typeof PlanPriceSchema>;

export const PlanPricePageSchema = PageSchema(PlanPriceSchema);
export type PlanPricePage = z.infer<typeof PlanPricePageSchema>;

const TierInputSchema = z.strictObject({
  flatAmount: z.number().optional(),
  unitAmount: z.number().optional(),
  /** A whole number, or "inf" for an unbounded last tier. */
  upTo: z.union([z.number().int(), z.string()]).nullable().optional(),
});

const ChargeInputSchema = z.strictObject({
  chargePeriod: z.enum(CHARGE_PERIODS).optional(),
  priceData: JsonObjectSchema.optional(),
  tiers: z.array(TierInputSchema).optional(),
  advanced: JsonObjectSchema.optional(),
});

const ChargeCatalogPriceInputSchema = z.strictObject({
  feature: z.string().regex(UUID_PATTERN, 'Use the feature id (a UUID).').nullable().optional(),
  priceModel: z.enum(PRICE_MODELS).optional(),
  reset: z.enum(RESET_PERIODS).optional(),
  resetTime: z.string().nullable().optional(),
  hasUnlimitedUsage: z.boolean().optional(),
  paymentType: z.enum(['ADVANCE_COMMITMENT', 'PAY_AS_YOU_GO']).optional(),
  rollover: JsonObjectSchema.optional(),
  usageAlerts: UsageAlertsInputSchema.optional(),
  charges: z.array(ChargeInputSchema).optional(),
});

/**
 * One price of a prices/bulk/ body. Business rules (one PAID price per currency, features that
 * exist) are the server's to check: its 400 comes back as fieldErrors.
 */
export const PlanPriceInputSchema = z.strictObject({
  priceType: z.enum(PRICE_TYPES),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'Use a three-letter ISO 4217 code such as USD.').optional(),
  freeTrial: z.boolean().optional(),
  trialPeriod: z.number().int().min(0).optional(),
  enabled: z.boolean().optional(),
  taxBehavior: z.enum(TAX_BEHAVIORS).optional(),
  chargeCatalogPrice: z.array(ChargeCatalogPriceInputSchema).optional(),
});
export type PlanPriceInput = z.input<typeof PlanPriceInputSchema>;

export const PlanPricesBulkSchema = z.strictObject({ prices: z.array(PlanPriceInputSchema) });

export const PlanPricesBulkResultSchema = z.looseObject({ prices: z.array(PlanPriceSchema) });
