// zod schemas for kelviq features (GET/POST /catalog/features/, GET/DELETE /catalog/features/{pk}/).
// Responses are loose (a server that adds fields must not break the client); the create body is
// strict except where the spec itself allows any keys (featureDetails, meter, metadata).
import { z } from 'zod';
import { IDENTIFIER_PATTERN } from './catalogConstants';
import { PageSchema } from './schemas';

export const FEATURE_TYPES = ['BOOLEAN', 'CUSTOMIZABLE', 'METER'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

/** A JSON object whose keys the spec leaves open (`additionalProperties: true`). */
export const JsonObjectSchema = z.record(z.string(), z.unknown());

export const CatalogFeatureSchema = z.looseObject({
  id: z.string(),
  identifier: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  featureType: z.string(), // BOOLEAN | CUSTOMIZABLE | METER; the server may know newer types
  featureDetails: JsonObjectSchema.optional(),
  meter: JsonObjectSchema.optional(),
  details: JsonObjectSchema.optional(),
  metadata: JsonObjectSchema.optional(),
  isArchived: z.boolean().optional(),
  modifiedOn: z.string().optional(),
});
export type CatalogFeature = z.infer<typeof CatalogFeatureSchema>;

export const FeaturePageSchema = PageSchema(CatalogFeatureSchema);
export type FeaturePage = z.infer<typeof FeaturePageSchema>;

/**
 * POST /catalog/features/. For METER features the server also needs `featureDetails.featureSubType`
 * (PRE_AGGREGATED_USAGE or RAW_EVENTS) and `units`, and for RAW_EVENTS a `meter`: it says so itself.
 */
export const FeatureCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required.'),
  featureType: z.enum(FEATURE_TYPES),
  identifier: z.string().regex(IDENTIFIER_PATTERN, 'Use lowercase letters, digits and hyphens (a slug).').optional(),
  description: z.string().optional(),
  featureDetails: JsonObjectSchema.optional(),
  meter: JsonObjectSchema.optional(),
  metadata: JsonObjectSchema.optional(),
});
export type FeatureCreate = z.input<typeof FeatureCreateSchema>;
