// The enumerations of kelviq plans, prices and entitlements (from the OpenAPI spec's Plans, Plan
// Entitlements and Features schemas), each value with the description completion and hover show.
// The spec lists the values without saying what they mean; where a description goes beyond the
// spec's own words it gives the usual meaning of the term and says so.

export interface EnumValue {
  readonly value: string;
  /** Plain text. */
  readonly description: string;
}

function values<const V extends string>(entries: readonly (readonly [V, string])[]): readonly (EnumValue & { value: V })[] {
  return entries.map(([value, description]) => ({ value, description }));
}

export const PRICE_TYPES = values([
  ['FREE', 'Customers pay nothing for this plan in this currency.'],
  ['PAID', 'Customers are charged as `chargeCatalogPrice` says. At most one PAID price per currency.'],
  ['CUSTOM', 'No fixed amount is shown (the usual meaning: the price is agreed with each customer).'],
] as const);

export const TAX_BEHAVIORS = values([
  ['INCLUSIVE', 'The amounts include tax.'],
  ['EXCLUSIVE', 'Tax is added on top of the amounts.'],
  ['UNSPECIFIED', 'Not specified for this price.'],
] as const);

export const PRICE_MODELS = values([
  ['FLAT', 'A fixed amount per charge period: `priceData.amount`.'],
  ['PACKAGE', 'An amount per block of units: `priceData.amount` per `priceData.block_size` units.'],
  ['TIERED', 'Tiered (usual meaning: each unit is priced by the tier it falls in). `priceData.currency`, amounts in `tiers`.'],
  ['VOLUME', 'Volume (usual meaning: every unit is priced by the tier the total quantity falls in). Amounts in `tiers`.'],
  ['STAIRSTEP', 'Stair-step (usual meaning: one flat amount, the tier the total quantity falls in). Amounts in `tiers`.'],
] as const);

export const RESETS = values([
  ['NEVER', 'Usage is never reset.'],
  ['EVERY_DAY', 'Usage resets every day.'],
  ['EVERY_28_DAYS', 'Usage resets every 28 days.'],
  ['EVERY_MONTH', 'Usage resets every month.'],
  ['EVERY_QUARTER', 'Usage resets every quarter.'],
  ['EVERY_YEAR', 'Usage resets every year.'],
] as const);

export const PAYMENT_TYPES = values([
  ['ADVANCE_COMMITMENT', 'Paid in advance for a committed quantity.'],
  ['PAY_AS_YOU_GO', 'Billed for the usage after it happened.'],
] as const);

export const CHARGE_PERIODS = values([
  ['ONE_TIME', 'Charged once.'],
  ['DAILY', 'Charged every day.'],
  ['MONTHLY', 'Charged every month.'],
  ['QUARTERLY', 'Charged every quarter.'],
  ['YEARLY', 'Charged every year.'],
] as const);

export const FEATURE_TYPES = values([
  ['BOOLEAN', 'An on/off flag: the entitlement `value` is `true` or `false`.'],
  ['CUSTOMIZABLE', 'A numeric limit: the entitlement `value` is a number.'],
  ['METER', 'Usage-based metering: the entitlement `value` is a number.'],
] as const);

export const THRESHOLD_TYPES = values([
  ['PERCENTAGE', 'Thresholds are percentages of the limit (1–100).'],
  ['BALANCE', 'Thresholds are absolute usage values.'],
] as const);

export const LICENSE_DURATION_UNITS = values([
  ['DAY', 'Days.'],
  ['MONTH', 'Months.'],
  ['YEAR', 'Years.'],
] as const);

type ValueOf<L extends readonly EnumValue[]> = L[number]['value'];
export type PriceType = ValueOf<typeof PRICE_TYPES>;
export type TaxBehavior = ValueOf<typeof TAX_BEHAVIORS>;
export type PriceModel = ValueOf<typeof PRICE_MODELS>;
export type Reset = ValueOf<typeof RESETS>;
export type PaymentType = ValueOf<typeof PAYMENT_TYPES>;
export type ChargePeriod = ValueOf<typeof CHARGE_PERIODS>;
export type FeatureType = ValueOf<typeof FEATURE_TYPES>;

/** The values of a list, as zod's z.enum takes them. */
export function enumValues<V extends string>(list: readonly (EnumValue & { value: V })[]): [V, ...V[]] {
  return list.map((entry) => entry.value) as [V, ...V[]];
}

/** Price models whose amounts are in `tiers`. */
export const TIERED_MODELS: readonly PriceModel[] = ['TIERED', 'VOLUME', 'STAIRSTEP'];
