// zod schemas for kelviq plans (/catalog/plans/…): the versioned CatalogPlan, its page, and the
// create / update / publish bodies. Responses are loose; request bodies strict, except the
// objects the spec leaves open (metadata).
import { z } from 'zod';
import { IDENTIFIER_PATTERN } from './catalogConstants';
import { JsonObjectSchema } from './featureSchemas';
import { UUID_PATTERN } from './paths';
import { PageSchema } from './schemas';

export const LicenseConfigSchema = z.looseObject({
  enabled: z.boolean().optional(),
  activationLimit: z.number().int().optional(),
  activationLimitEnabled: z.boolean().optional(),
  durationUnit: z.string().optional(),
  durationValue: z.number().int().optional(),
  hasExpiry: z.boolean().optional(),
});
export type LicenseConfig = z.infer<typeof LicenseConfigSchema>;

export const PlanLinkSchema = z.looseObject({ name: z.string().optional(), url: z.string().optional() });
export type PlanLink = z.infer<typeof PlanLinkSchema>;

export const PlanFileSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  file: z.string().optional(),
  ordering: z.number().int().optional(),
  enabled: z.boolean().optional(),
  downloadUrl: z.string().optional(),
});
export type PlanFile = z.infer<typeof PlanFileSchema>;

/** One version of a plan. `isLatest` is true only for the published version; a draft has false. */
export const CatalogPlanSchema = z.looseObject({
  identifier: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  product: z.string(),
  metadata: JsonObjectSchema.optional(),
  version: z.number().int(),
  isLatest: z.boolean(),
  modifiedOn: z.string(),
  createdOn: z.string().optional(),
  details: JsonObjectSchema.optional(),
  isVisible: z.boolean().optional(),
  isImported: z.boolean().optional(),
  countries: z.array(z.string()).optional(),
  license: LicenseConfigSchema.optional(),
  links: z.array(PlanLinkSchema).optional(),
  files: z.array(PlanFileSchema).optional(),
  ordering: z.number().int().nullable().optional(),
});
export type CatalogPlan = z.infer<typeof CatalogPlanSchema>;

export const PlanPageSchema = PageSchema(CatalogPlanSchema);
export type PlanPage = z.infer<typeof PlanPageSchema>;

const LicenseConfigInputSchema = z.strictObject({
  enabled: z.boolean().optional(),
  activationLimit: z.number().int().min(1).optional(),
  activationLimitEnabled: z.boolean().optional(),
  durationUnit: z.enum(['DAY', 'MONTH', 'YEAR']).optional(),
  durationValue: z.number().int().min(1).optional(),
  hasExpiry: z.boolean().optional(),
});

const PlanLinkInputSchema = z.strictObject({ name: z.string().optional(), url: z.url().optional() });

const planFields = {
  description: z.string().optional(),
  metadata: JsonObjectSchema.optional(),
  isVisible: z.boolean().optional(),
  license: LicenseConfigInputSchema.optional(),
  links: z.array(PlanLinkInputSchema).optional(),
  fileKeys: z.array(z.string()).optional(),
};

/** POST /catalog/plans/: the new plan is a draft (version 1, isLatest false) until published. */
export const PlanCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required.'),
  product: z.string().regex(UUID_PATTERN, 'Use the product id (a UUID).'),
  identifier: z.string().regex(IDENTIFIER_PATTERN, 'Use lowercase letters, digits and hyphens (a slug).').optional(),
  ordering: z.number().int().optional(),
  ...planFields,
});
export type PlanCreate = z.input<typeof PlanCreateSchema>;

/** PATCH /catalog/plans/{identifier}/: a published plan gets a new draft version; a draft is changed. */
export const PlanUpdateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name cannot be empty.').optional(),
  ...planFields,
});
export type PlanUpdate = z.input<typeof PlanUpdateSchema>;

/** POST …/publish/: whether existing customers move to the new features and pricing. */
export const PlanPublishSchema = z.strictObject({
  updateFeatures: z.boolean().optional(),
  updatePricing: z.boolean().optional(),
});
export type PlanPublish = z.input<typeof PlanPublishSchema>;

export const PlanPublishResultSchema = z.looseObject({ status: z.string().optional() });
export type PlanPublishResult = z.infer<typeof PlanPublishResultSchema>;
