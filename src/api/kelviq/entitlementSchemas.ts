// zod schemas for a plan's feature entitlements (…/features/, …/features/{feature_id}/). The add
// body names features by UUID; the entitlement's `details` are an open object whose `value` is a
// boolean for BOOLEAN features and a number for CUSTOMIZABLE and METER ones.
import { z } from 'zod';
import { CatalogFeatureSchema, JsonObjectSchema } from './featureSchemas';
import { UUID_PATTERN } from './paths';
import { RESET_PERIODS, UsageAlertsInputSchema } from './priceSchemas';
import { PageSchema } from './schemas';

export const EntitlementDetailsSchema = z.looseObject({
  value: z.unknown().optional(),
  hasUnlimitedUsage: z.boolean().optional(),
  reset: z.string().optional(),
  resetTime: z.string().nullable().optional(),
  hardLimit: z.boolean().optional(),
});
export type EntitlementDetails = z.infer<typeof EntitlementDetailsSchema>;

export const PlanEntitlementSchema = z.looseObject({
  feature: CatalogFeatureSchema,
  details: EntitlementDetailsSchema,
});
export type PlanEntitlement = z.infer<typeof PlanEntitlementSchema>;

export const PlanEntitlementPageSchema = PageSchema(PlanEntitlementSchema);
export type PlanEntitlementPage = z.infer<typeof PlanEntitlementPageSchema>;

/** The spec's PlanEntitlementDetails: known keys typed, others allowed (`additionalProperties: true`). */
export const EntitlementDetailsInputSchema = z.looseObject({
  value: z.union([z.boolean(), z.number()]).nullable().optional(),
  hasUnlimitedUsage: z.boolean().optional(),
  reset: z.enum(RESET_PERIODS).optional(),
  resetTime: z.string().nullable().optional(),
  rollover: JsonObjectSchema.optional(),
  usageAlerts: UsageAlertsInputSchema.optional(),
  hardLimit: z.boolean().optional(),
  isInherited: z.boolean().optional(),
  isValueOverridden: z.boolean().optional(),
});
export type EntitlementDetailsInput = z.input<typeof EntitlementDetailsInputSchema>;

export const PlanEntitlementInputSchema = z.strictObject({
  /** The feature's UUID (PATCH and DELETE use its identifier instead). */
  feature: z.string().regex(UUID_PATTERN, 'Use the feature id (a UUID), not its identifier.'),
  details: EntitlementDetailsInputSchema,
});
export type PlanEntitlementInput = z.input<typeof PlanEntitlementInputSchema>;

export const PlanEntitlementsAddSchema = z.strictObject({
  planEntitlements: z.array(PlanEntitlementInputSchema).min(1, 'Give at least one entitlement.'),
});

export const PlanEntitlementPatchSchema = z.strictObject({ details: EntitlementDetailsInputSchema });

/** The PATCH answer: the spec gives only an example, `{"details": {…}}`. */
export const PlanEntitlementUpdateResultSchema = z.looseObject({ details: EntitlementDetailsSchema });
export type PlanEntitlementUpdateResult = z.infer<typeof PlanEntitlementUpdateResultSchema>;
