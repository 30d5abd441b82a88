// The stored shapes of features, plans, plan versions, prices and entitlements (what the state
// file keeps), close to the vendor's CatalogFeature / CatalogPlan / PlanPrice schemas.

export const FEATURE_TYPES = ['BOOLEAN', 'CUSTOMIZABLE', 'METER'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];
export type JsonObject = Record<string, unknown>;

export interface FeatureRecord {
  id: string;
  identifier: string;
  name: string;
  description: string;
  featureType: FeatureType;
  featureDetails: JsonObject;
  meter: JsonObject;
  /** Read-only in the API; `{}` here. */
  details: JsonObject;
  metadata: JsonObject;
  isArchived: boolean;
  modifiedOn: string;
}

export type PriceType = 'FREE' | 'PAID' | 'CUSTOM';
export type TaxBehavior = 'INCLUSIVE' | 'EXCLUSIVE' | 'UNSPECIFIED';

export interface PriceRecord {
  id: string;
  priceType: PriceType;
  currency: string;
  freeTrial: boolean;
  trialPeriod: number;
  enabled: boolean;
  taxBehavior: TaxBehavior;
  /** PlanChargeCatalogPrice objects as validated (feature UUIDs, price models, charges). */
  chargeCatalogPrice: JsonObject[];
}

export interface EntitlementRecord {
  /** Feature UUID. */
  feature: string;
  details: JsonObject;
}

export interface LicenseConfig {
  enabled?: boolean;
  activationLimit?: number;
  activationLimitEnabled?: boolean;
  durationUnit?: 'DAY' | 'MONTH' | 'YEAR';
  durationValue?: number;
  hasExpiry?: boolean;
}

export interface PlanLink {
  name?: string;
  url?: string;
}

export interface PlanFileRecord {
  id: string;
  name: string;
  file: string;
  ordering: number;
  enabled: boolean;
}

/** One version of a plan. Draft: never published. Published: `publishedOn` set. */
export interface PlanVersionRecord {
  version: number;
  name: string;
  description: string;
  metadata: JsonObject;
  isVisible: boolean;
  license: LicenseConfig;
  links: PlanLink[];
  files: PlanFileRecord[];
  ordering: number | null;
  /** Provider-side ids (`stripeProductId`), set on first publish. */
  details: JsonObject;
  isImported: boolean;
  countries: string[];
  createdOn: string;
  modifiedOn: string;
  /** When this version was published; null for a draft. */
  publishedOn: string | null;
  prices: PriceRecord[];
  entitlements: EntitlementRecord[];
}

/** A plan: one identifier, one product, its versions oldest first. */
export interface PlanRecord {
  identifier: string;
  /** Product UUID. */
  product: string;
  archived: boolean;
  versions: PlanVersionRecord[];
}

export const DEFAULT_LICENSE: Readonly<LicenseConfig> = {
  enabled: false,
  activationLimit: 1,
  activationLimitEnabled: false,
  durationUnit: 'YEAR',
  durationValue: 1,
  hasExpiry: false,
};

export function latestVersion(plan: PlanRecord): PlanVersionRecord {
  const latest = plan.versions[plan.versions.length - 1];
  if (!latest) throw new Error(`Plan ${plan.identifier} has no versions`);
  return latest;
}

/** The currently published version (the API's `isLatest=true`), if any. */
export function publishedVersion(plan: PlanRecord): PlanVersionRecord | undefined {
  for (let i = plan.versions.length - 1; i >= 0; i--) {
    const version = plan.versions[i];
    if (version?.publishedOn) return version;
  }
  return undefined;
}

export function isDraft(version: PlanVersionRecord): boolean {
  return version.publishedOn === null;
}
