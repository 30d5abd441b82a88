// Plans, prices, entitlements and features as the API returns them (the spec's CatalogPlan,
// PlanPrice, PlanFeatureEntitlement and CatalogFeature). Internal fields (`publishedOn`,
// `archived`) stay out.
import type { FeatureStore } from './featureStore';
import { publishedVersion, type EntitlementRecord, type FeatureRecord, type PlanRecord, type PlanVersionRecord, type PriceRecord } from './planRecords';

export function toCatalogPlan(plan: PlanRecord, version: PlanVersionRecord): Record<string, unknown> {
  return {
    identifier: plan.identifier,
    name: version.name,
    description: version.description,
    product: plan.product,
    metadata: structuredClone(version.metadata),
    version: version.version,
    // "True only for the currently published version."
    isLatest: publishedVersion(plan) === version,
    modifiedOn: version.modifiedOn,
    createdOn: version.createdOn,
    details: structuredClone(version.details),
    isVisible: version.isVisible,
    isImported: version.isImported,
    countries: [...version.countries],
    license: { ...version.license },
    links: structuredClone(version.links),
    files: version.files.map((file) => ({ ...file })),
    ordering: version.ordering,
  };
}

export function toPlanPrice(price: PriceRecord): Record<string, unknown> {
  return structuredClone(price) as unknown as Record<string, unknown>;
}

export function toCatalogFeature(feature: FeatureRecord): Record<string, unknown> {
  return structuredClone(feature) as unknown as Record<string, unknown>;
}

export function toEntitlement(entitlement: EntitlementRecord, features: FeatureStore): Record<string, unknown> {
  const feature = features.getIncludingArchived(entitlement.feature);
  return { feature: feature ? toCatalogFeature(feature) : { id: entitlement.feature }, details: structuredClone(entitlement.details) };
}
