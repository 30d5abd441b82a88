// The demo catalog's features and plans. Four products have hand-written pricing: Pulseboard
// (free / pro monthly / pro yearly in USD, EUR and GBP, a metered API-calls overage, a published
// plan with a newer draft, a draft-only team plan), Beacon CRM (EUR first, a CUSTOM "talk to
// sales" plan), Geofeed API (RAW_EVENTS meter, tiered overage) and Uptime Sentinel. Every other
// plan identifier of the demo products gets plausible prices from its name and tax code.
import type { FeatureRecord, PlanRecord } from './planRecords';
import { seededFeature, seededPlan, type ChargePeriod, type PlanState, type PriceSpec, type Seeding, type VersionSpec } from './planSeedParts';
import { prng, pick } from './seededRandom';
import type { ProductRecord, ProductSettings } from './store';

export function demoFeatures(): FeatureRecord[] {
  const rand = prng(0x66656174);
  const calls = { featureSubType: 'PRE_AGGREGATED_USAGE', units: { singular: 'call', plural: 'calls' } };
  const lookups = { featureSubType: 'RAW_EVENTS', units: { singular: 'lookup', plural: 'lookups' } };
  const lookupMeter = { aggregation: { function: 'COUNT', field: null }, filters: [{ property: 'endpoint', operator: 'EQUALS', value: 'lookup' }] };
  return [
    seededFeature(rand, 'dashboards', 'Dashboards', 'CUSTOMIZABLE', 'Number of dashboards a workspace can have.'),
    seededFeature(rand, 'team-seats', 'Team seats', 'CUSTOMIZABLE', 'Users who can sign in to the workspace.'),
    seededFeature(rand, 'sso', 'Single sign-on (SAML)', 'BOOLEAN', 'SAML 2.0 single sign-on with Okta, Entra ID or Google.'),
    seededFeature(rand, 'priority-support', 'Priority support', 'BOOLEAN', 'Answers within four business hours.'),
    seededFeature(rand, 'api-calls', 'API calls', 'METER', 'Number of API calls per billing cycle.', { featureDetails: calls }),
    seededFeature(rand, 'geo-lookups', 'Geo lookups', 'METER', 'IP lookups counted from raw request events.', { featureDetails: lookups, meter: lookupMeter }),
    seededFeature(rand, 'contacts', 'Contacts', 'CUSTOMIZABLE', 'Contacts stored in the CRM.'),
    seededFeature(rand, 'email-sequences', 'Email sequences', 'BOOLEAN', 'Automated multi-step email sequences.'),
    seededFeature(rand, 'monitors', 'Monitors', 'CUSTOMIZABLE', 'HTTP, TCP and cron monitors.'),
    seededFeature(rand, 'status-pages', 'Status pages', 'CUSTOMIZABLE', 'Hosted public status pages.'),
    seededFeature(rand, 'legacy-exports', 'Legacy CSV exports', 'BOOLEAN', 'Retired: replaced by scheduled exports.', { isArchived: true }),
  ];
}

interface HandWritten {
  spec: VersionSpec;
  state?: PlanState;
  draft?: VersionSpec;
}

const TRIPLE = (usd: number, eur: number, gbp: number): PriceSpec[] => [['USD', usd], ['EUR', eur], ['GBP', gbp]];

const PULSEBOARD_PRO: VersionSpec = {
  name: 'Pulseboard Pro (monthly)', description: 'For growing teams: 25 dashboards and 250,000 API calls a month, then $0.50 per 1,000.',
  prices: TRIPLE(29, 27, 24), period: 'MONTHLY',
  entitlements: [['dashboards', 25], ['api-calls', 250_000], ['priority-support', false]],
  usage: { feature: 'api-calls', model: 'PACKAGE', amount: 0.5, blockSize: 1000 },
};

/** Plans by product identifier, in the product's plan order (published ones must match seed.ts). */
const HAND_WRITTEN: Record<string, Record<string, HandWritten>> = {
  pulseboard: {
    'pulseboard-free': { spec: { name: 'Pulseboard Free', description: 'Three dashboards and 10,000 API calls a month, free forever.', prices: [['USD', 0], ['EUR', 0]], period: 'MONTHLY', entitlements: [['dashboards', 3], ['api-calls', 10_000]] } },
    'pro-monthly': {
      spec: PULSEBOARD_PRO,
      state: 'published+draft',
      draft: { ...PULSEBOARD_PRO, prices: TRIPLE(32, 30, 26), entitlements: [['dashboards', 30], ['api-calls', 300_000], ['priority-support', true]] },
    },
    'pro-annual': { spec: { ...PULSEBOARD_PRO, name: 'Pulseboard Pro (yearly)', description: 'Pro billed yearly: two months free.', prices: TRIPLE(290, 270, 240), period: 'YEARLY', trialDays: 14 } },
    'pulseboard-team-monthly': {
      state: 'draft',
      spec: { name: 'Pulseboard Team (monthly)', description: 'Unlimited dashboards, 10 seats and SSO. Not launched yet.', prices: [['USD', 79], ['EUR', 74]], period: 'MONTHLY', entitlements: [['dashboards', null], ['team-seats', 10], ['sso', true], ['api-calls', 1_000_000]] },
    },
  },
  'beacon-crm': {
    'beacon-growth-monthly': { spec: { name: 'Beacon Growth (monthly)', description: 'Five seats and 10,000 contacts with email sequences.', prices: [['EUR', 49], ['USD', 55], ['GBP', 42]], period: 'MONTHLY', trialDays: 14, entitlements: [['team-seats', 5], ['contacts', 10_000], ['email-sequences', true]] } },
    'beacon-growth-annual': { spec: { name: 'Beacon Growth (yearly)', description: 'Growth billed yearly.', prices: [['EUR', 490], ['USD', 550], ['GBP', 420]], period: 'YEARLY', entitlements: [['team-seats', 5], ['contacts', 10_000], ['email-sequences', true]] } },
    'beacon-scale': { spec: { name: 'Beacon Scale', description: 'Unlimited contacts, SSO and a named success manager. Talk to sales.', prices: [['EUR', null], ['USD', null]], period: 'YEARLY', entitlements: [['team-seats', null], ['contacts', null], ['email-sequences', true], ['sso', true], ['priority-support', true]] } },
  },
  'geofeed-api': {
    'geofeed-hobby': { spec: { name: 'Geofeed Hobby', description: '1,000 lookups a month for side projects.', prices: [['USD', 0]], period: 'MONTHLY', entitlements: [['geo-lookups', 1_000]] } },
    'geofeed-startup': { spec: { name: 'Geofeed Startup', description: '100,000 lookups included, then $0.40 per 1,000.', prices: [['USD', 19], ['EUR', 18]], period: 'MONTHLY', entitlements: [['geo-lookups', 100_000]], usage: { feature: 'geo-lookups', model: 'TIERED', amount: 0.0004, included: 100_000 } } },
    'geofeed-volume': { spec: { name: 'Geofeed Volume', description: 'Volume pricing for millions of lookups, with an SLA.', prices: [['USD', 199], ['EUR', 189]], period: 'MONTHLY', entitlements: [['geo-lookups', 5_000_000], ['priority-support', true]], usage: { feature: 'geo-lookups', model: 'VOLUME', amount: 0.0002, included: 5_000_000 } } },
  },
  'uptime-sentinel': {
    'sentinel-free': { spec: { name: 'Sentinel Free', description: 'Five monitors checked every five minutes.', prices: [['USD', 0], ['EUR', 0]], period: 'MONTHLY', entitlements: [['monitors', 5], ['status-pages', 0]] } },
    'pro-monthly-sentinel': { spec: { name: 'Sentinel Pro (monthly)', description: '50 monitors, one-minute checks and a status page.', prices: [['USD', 15], ['EUR', 14]], period: 'MONTHLY', entitlements: [['monitors', 50], ['status-pages', 1]] } },
    'sentinel-annual': { spec: { name: 'Sentinel Pro (yearly)', description: 'Pro billed yearly.', prices: [['USD', 150], ['EUR', 140]], period: 'YEARLY', entitlements: [['monitors', 50], ['status-pages', 1]] } },
  },
};

const ONE_TIME_TAX_CODES = new Set(['software', 'ebook', 'videogame', 'training', 'digitalgraphic']);
const MONTHLY_AMOUNTS = [5, 9, 12, 19, 29, 39, 49, 79, 99];
const ONE_TIME_AMOUNTS = [9, 19, 29, 39, 49, 79, 99, 149, 199];

/** "inkwell-plus-monthly" → "Inkwell Plus Monthly". */
const titleOf = (identifier: string): string => identifier.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** Prices for a plan known only by its identifier: the period from its name or the product's tax code. */
function templated(rand: () => number, identifier: string, product: ProductRecord, currency: string): VersionSpec {
  const period: ChargePeriod = /annual|yearly/.test(identifier) ? 'YEARLY' : /monthly|weekly/.test(identifier) ? 'MONTHLY' : ONE_TIME_TAX_CODES.has(product.taxCode) ? 'ONE_TIME' : 'MONTHLY';
  const amount = /free|hobby/.test(identifier) ? 0 : period === 'ONE_TIME' ? pick(rand, ONE_TIME_AMOUNTS) : pick(rand, MONTHLY_AMOUNTS) * (period === 'YEARLY' ? 10 : 1);
  const currencies = [...new Set(['USD', currency, ...(rand() < 0.5 ? ['EUR'] : [])])];
  return { name: titleOf(identifier), description: `${product.name}: ${titleOf(identifier)}.`, prices: currencies.map((c): PriceSpec => [c, amount === 0 ? 0 : Math.round(amount * (c === 'USD' ? 1 : 0.92))]), period };
}

/** Every demo product's plans: its `plans` identifiers published, plus the hand-written drafts. */
export function demoPlans(products: readonly ProductRecord[], settings: Readonly<Record<string, ProductSettings>>, features: readonly FeatureRecord[]): PlanRecord[] {
  const seeding: Seeding = { rand: prng(0x706c616e), features: new Map(features.map((f) => [f.identifier, f])) };
  const plans: PlanRecord[] = [];
  for (const product of products) {
    const written = HAND_WRITTEN[product.identifier] ?? {};
    const identifiers = [...new Set([...product.plans, ...Object.keys(written)])];
    identifiers.forEach((identifier, ordering) => {
      const hand = written[identifier];
      const spec = hand?.spec ?? templated(seeding.rand, identifier, product, settings[product.id]?.currency ?? 'USD');
      plans.push(seededPlan(seeding, identifier, product.id, ordering, spec, hand?.state ?? 'published', hand?.draft));
    });
  }
  return plans;
}
