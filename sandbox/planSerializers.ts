// Plans, prices, entitlements and features as the API returns them (the spec's CatalogPlan,
// PlanPrice, PlanFeatureEntitlement and CatalogFeature). Internal fields (`publishedOn`,
// `archived`) stay out.
import type { FeatureStore } from './featureStore';
import type { MediaUrls } from './mediaUrls';
import { publishedVersion, type EntitlementRecord, type FeatureRecord, type PlanFileRecord, type PlanRecord, type PlanVersionRecord, type PriceRecord } from './planRecords';

/** The spec's PlanFile: `file` a URL on the sandbox's storage, `downloadUrl` the API's download route (both from the request's Host). */
export function toPlanFile(identifier: string, file: PlanFileRecord, urls: MediaUrls): Record<string, unknown> {
  return { id: file.id, name: file.name, file: urls.file(file.file), ordering: file.ordering, enabled: file.enabled, downloadUrl: urls.download(identifier, file.id) };
}

export function toCatalogPlan(plan: PlanRecord, version: PlanVersionRecord, urls: MediaUrls): Record<string, unknown> {
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
    files: version.files.map((file) => toPlanFile(plan.identifier, file, urls)),
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
