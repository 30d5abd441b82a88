// What a plan document is built from: the server's answers, typed from the OpenAPI spec (Plans,
// Plan Entitlements and Features) with zod schemas of our own, so this domain needs nothing from
// src/api. Loose, as answers are: unknown fields are kept, and only what the document relies on
// is required. The request bodies the save sends are typed here too.
//
// Note: the spec has no `PlanRetrieve`; GET /catalog/plans/{identifier}/ answers a `CatalogPlan`.
import { z } from 'zod';

const record = z.record(z.string(), z.unknown());

export const CatalogFeatureSchema = z.looseObject({
  id: z.string(),
  identifier: z.string(),
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  featureType: z.string().optional(),
  featureDetails: record.nullable().optional(),
  isArchived: z.boolean().optional(),
  modifiedOn: z.string().optional(),
});
export type CatalogFeature = z.infer<typeof CatalogFeatureSchema>;

/** `CatalogPlan`: the answer of GET /catalog/plans/{identifier}/ (the most recent version). */
export const CatalogPlanSchema = z.looseObject({
  identifier: z.string(),
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  product: z.string().optional(),
  metadata: record.nullable().optional(),
  version: z.number().optional(),
  isLatest: z.boolean().optional(),
  modifiedOn: z.string().optional(),
  createdOn: z.string().optional(),
  details: record.nullable().optional(),
  isVisible: z.boolean().optional(),
  isImported: z.boolean().optional(),
  countries: z.array(z.string()).nullable().optional(),
  license: record.nullable().optional(),
  links: z.array(record).nullable().optional(),
  files: z.array(record).nullable().optional(),
  ordering: z.number().nullable().optional(),
});
export type CatalogPlan = z.infer<typeof CatalogPlanSchema>;

/** `PlanPrice`: one element of GET …/prices/ (one per currency). */
export const PlanPriceSchema = z.looseObject({
  id: z.string().optional(),
  priceType: z.string().optional(),
  currency: z.string().nullable().optional(),
  freeTrial: z.boolean().nullable().optional(),
  trialPeriod: z.number().nullable().optional(),
  enabled: z.boolean().nullable().optional(),
  taxBehavior: z.string().nullable().optional(),
  chargeCatalogPrice: z.array(record).nullable().optional(),
});
export type PlanPrice = z.infer<typeof PlanPriceSchema>;

/** `PlanFeatureEntitlement`: one element of GET …/features/ (the feature in full, and the details). */
export const PlanEntitlementSchema = z.looseObject({
  feature: CatalogFeatureSchema,
  details: record.nullable().optional(),
});
export type PlanEntitlement = z.infer<typeof PlanEntitlementSchema>;

/**
 * Everything one plan document shows, as the server gives it: the plan (retrieve), its prices
 * (prices list, all pages), its entitlements (plan entitlements list, all pages) and the
 * environment's features (features list, all pages; archived features are not in it).
 */
export const PlanServerStateSchema = z.object({
  plan: CatalogPlanSchema,
  prices: z.array(PlanPriceSchema),
  entitlements: z.array(PlanEntitlementSchema),
  features: z.array(CatalogFeatureSchema),
});
export type PlanServerState = z.infer<typeof PlanServerStateSchema>;

/** `PlanUpdateRequest`: PATCH /catalog/plans/{identifier}/ (the fields the document edits). */
export interface PlanUpdateBody {
  name?: string;
  description?: string;
  metadata?: Record<string, unknown>;
  isVisible?: boolean;
  license?: Record<string, unknown>;
  links?: Record<string, unknown>[];
}

/** `PlanFileUpdateRequest`: PATCH …/file/{id}/ (the fields the document edits). */
export interface PlanFilePatchBody {
  name?: string;
  ordering?: number;
  enabled?: boolean;
}

/** `PlanPriceBulkRequest`: POST …/prices/bulk/ replaces every price of the plan. */
export interface PriceBulkBody {
  prices: Record<string, unknown>[];
}

/** `PlanFeaturesCreateRequest`: POST …/features/ appends entitlements; `feature` is the feature's UUID. */
export interface EntitlementsAddBody {
  planEntitlements: { feature: string; details: Record<string, unknown> }[];
}

/** `PlanFeaturePatchRequest`: PATCH …/features/{feature identifier}/. */
export interface EntitlementPatchBody {
  details: Record<string, unknown>;
}
