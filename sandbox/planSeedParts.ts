// Building blocks of the seeded features and plans (demo and generated): prices with their
// charges, entitlement details, and plan versions with fixed dates and ids.
import { DEFAULT_LICENSE, type EntitlementRecord, type FeatureRecord, type FeatureType, type JsonObject, type PlanRecord, type PlanVersionRecord, type PriceRecord } from './planRecords';
import { DAY_MS, SEED_BASE_DATE, seededHex, seededUuid } from './seededRandom';

export type ChargePeriod = 'ONE_TIME' | 'DAILY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
/** A price per currency: an amount > 0 is PAID, 0 is FREE, null is CUSTOM ("talk to sales"). */
export type PriceSpec = [currency: string, amount: number | null];

export interface UsageSpec {
  /** Feature identifier (a METER feature). */
  feature: string;
  model: 'PACKAGE' | 'TIERED' | 'VOLUME';
  /** PACKAGE: price per block; TIERED/VOLUME: unit price above `included`. */
  amount: number;
  blockSize?: number;
  included?: number;
}

export interface VersionSpec {
  name: string;
  description: string;
  prices: readonly PriceSpec[];
  period: ChargePeriod;
  trialDays?: number;
  /** [feature identifier, value]: true for BOOLEAN, a number, or null for unlimited. */
  entitlements?: ReadonlyArray<readonly [string, boolean | number | null]>;
  usage?: UsageSpec;
}

export interface Seeding {
  rand: () => number;
  /** Feature identifier → record. */
  features: ReadonlyMap<string, FeatureRecord>;
}

export function seededFeature(rand: () => number, identifier: string, name: string, featureType: FeatureType, description: string, extra: Partial<FeatureRecord> = {}): FeatureRecord {
  return {
    id: seededUuid(rand),
    identifier,
    name,
    description,
    featureType,
    featureDetails: {},
    meter: {},
    details: {},
    metadata: {},
    isArchived: false,
    modifiedOn: new Date(SEED_BASE_DATE - 200 * DAY_MS - Math.floor(rand() * 100 * DAY_MS)).toISOString(),
    ...extra,
  };
}

function featureId(seeding: Seeding, identifier: string): string {
  const feature = seeding.features.get(identifier);
  if (!feature) throw new Error(`seed: no feature ${identifier}`);
  return feature.id;
}

function usageCharge(seeding: Seeding, usage: UsageSpec, period: ChargePeriod): JsonObject {
  const feature = featureId(seeding, usage.feature);
  const base = { feature, priceModel: usage.model, reset: 'EVERY_MONTH', resetTime: 'BEGINNING_OF_PERIOD', hasUnlimitedUsage: false, paymentType: 'PAY_AS_YOU_GO' };
  if (usage.model === 'PACKAGE') {
    return { ...base, charges: [{ chargePeriod: period === 'YEARLY' ? 'MONTHLY' : period, priceData: { amount: usage.amount, block_size: usage.blockSize ?? 1000 } }] };
  }
  const tiers = [
    { flatAmount: 0, unitAmount: 0, upTo: usage.included ?? 0 },
    { flatAmount: 0, unitAmount: usage.amount, upTo: 'inf' },
  ];
  return { ...base, charges: [{ chargePeriod: 'MONTHLY', priceData: {}, tiers }] };
}

export function seededPrice(seeding: Seeding, [currency, amount]: PriceSpec, spec: VersionSpec): PriceRecord {
  const priceType = amount === null ? 'CUSTOM' : amount === 0 ? 'FREE' : 'PAID';
  const charges: JsonObject[] = [];
  if (priceType === 'PAID') {
    charges.push({ feature: null, priceModel: 'FLAT', charges: [{ chargePeriod: spec.period, priceData: { amount } }] });
    if (spec.usage) charges.push(usageCharge(seeding, spec.usage, spec.period));
  }
  return {
    id: seededUuid(seeding.rand),
    priceType,
    currency,
    freeTrial: spec.trialDays !== undefined,
    trialPeriod: spec.trialDays ?? 0,
    enabled: true,
    // Prices shown to EU and UK buyers include VAT; US prices do not.
    taxBehavior: currency === 'USD' ? 'EXCLUSIVE' : 'INCLUSIVE',
    chargeCatalogPrice: charges,
  };
}

export function seededEntitlement(seeding: Seeding, identifier: string, value: boolean | number | null): EntitlementRecord {
  const feature = seeding.features.get(identifier);
  if (!feature) throw new Error(`seed: no feature ${identifier}`);
  if (feature.featureType === 'BOOLEAN') return { feature: feature.id, details: { value: value === true } };
  const details: JsonObject = value === null ? { value: null, hasUnlimitedUsage: true } : { value, hasUnlimitedUsage: false };
  if (feature.featureType === 'METER') Object.assign(details, { reset: 'EVERY_MONTH', resetTime: 'BEGINNING_OF_PERIOD', hardLimit: false });
  return { feature: feature.id, details };
}

export function seededVersion(seeding: Seeding, version: number, spec: VersionSpec, ordering: number, createdAt: number, published: boolean): PlanVersionRecord {
  const createdOn = new Date(createdAt).toISOString();
  const publishedOn = published ? new Date(createdAt + 2 * 3_600_000).toISOString() : null;
  return {
    version,
    name: spec.name,
    description: spec.description,
    metadata: {},
    isVisible: true,
    license: { ...DEFAULT_LICENSE },
    links: [],
    files: [],
    ordering,
    details: published ? { stripeProductId: `prod_${seededHex(seeding.rand, 14)}` } : {},
    isImported: false,
    countries: [],
    createdOn,
    modifiedOn: publishedOn ?? new Date(createdAt + 30 * 60_000).toISOString(),
    publishedOn,
    prices: spec.prices.map((price) => seededPrice(seeding, price, spec)),
    entitlements: (spec.entitlements ?? []).map(([identifier, value]) => seededEntitlement(seeding, identifier, value)),
  };
}

export type PlanState = 'published' | 'published+draft' | 'draft';

/**
 * A plan: version 1 published some months before the seed date, or only a draft; with a
 * `draft` spec, a newer draft version 2 from the last days before it.
 */
export function seededPlan(seeding: Seeding, identifier: string, product: string, ordering: number, spec: VersionSpec, state: PlanState, draft?: VersionSpec): PlanRecord {
  const createdAt = SEED_BASE_DATE - 30 * DAY_MS - Math.floor(seeding.rand() * 150 * DAY_MS);
  const versions = [seededVersion(seeding, 1, spec, ordering, createdAt, state !== 'draft')];
  if (state === 'published+draft') {
    const v2 = seededVersion(seeding, 2, draft ?? spec, ordering, SEED_BASE_DATE - 1 * DAY_MS - Math.floor(seeding.rand() * 5 * DAY_MS), false);
    v2.details = { ...(versions[0] as PlanVersionRecord).details };
    versions.push(v2);
  }
  return { identifier, product, archived: false, versions };
}
