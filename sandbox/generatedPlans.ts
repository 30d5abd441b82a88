// Plans for the generated catalogs: `generated:N:P` spreads P plans over the N products (10,000
// products and 30,000 plans for the benchmark): each product gets free, pro-monthly, pro-annual,
// then team-… plans in turn; every seventh plan also has a newer draft, every 23rd is a draft only.
// Deterministic. (`generated:N` has no plans at all.)
import type { FeatureRecord, PlanRecord } from './planRecords';
import { seededFeature, seededPlan, type PlanState, type PriceSpec, type Seeding, type VersionSpec } from './planSeedParts';
import { prng } from './seededRandom';
import type { ProductRecord } from './store';

export const SLOT_NAMES = ['free', 'pro-monthly', 'pro-annual', 'team-monthly', 'team-annual'] as const;
const AMOUNTS = [9, 12, 19, 29, 39, 49];

export function generatedFeatures(): FeatureRecord[] {
  const rand = prng(0x67666561);
  return [
    seededFeature(rand, 'seats', 'Seats', 'CUSTOMIZABLE', 'Users per workspace.'),
    seededFeature(rand, 'projects', 'Projects', 'CUSTOMIZABLE', 'Projects per workspace.'),
    seededFeature(rand, 'sso', 'Single sign-on', 'BOOLEAN', 'SAML single sign-on.'),
    seededFeature(rand, 'api-calls', 'API calls', 'METER', 'API calls per month.', { featureDetails: { featureSubType: 'PRE_AGGREGATED_USAGE', units: { singular: 'call', plural: 'calls' } } }),
  ];
}

const titleOf = (slot: string): string => slot.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** Specs are read-only inputs of seededPlan: one per slot, currencies and amount, shared by many plans. */
const specCache = new Map<string, VersionSpec>();

function slotSpec(rand: () => number, slot: string, euro: boolean): VersionSpec {
  const amountIndex = Math.floor(rand() * AMOUNTS.length);
  const key = `${slot} ${euro} ${amountIndex}`;
  let spec = specCache.get(key);
  if (spec) return spec;
  const currencies = euro ? ['USD', 'EUR'] : ['USD'];
  const team = slot.startsWith('team');
  const yearly = /annual/.test(slot);
  const amount = slot === 'free' ? 0 : (AMOUNTS[amountIndex] as number) * (team ? 3 : 1) * (yearly ? 10 : 1);
  spec = {
    name: titleOf(slot),
    description: slot === 'free' ? 'Free tier.' : `${team ? 'Team' : 'Pro'} tier, billed ${yearly ? 'yearly' : 'monthly'}.`,
    prices: currencies.map((c): PriceSpec => [c, c === 'USD' ? amount : Math.round(amount * 0.92)]),
    period: yearly ? 'YEARLY' : 'MONTHLY',
    entitlements: slot === 'free' ? [['seats', 1], ['projects', 3]] : [['seats', team ? 25 : 5], ['projects', team ? null : 20], ['api-calls', team ? 1_000_000 : 100_000], ...(team ? [['sso', true] as const] : [])],
  };
  specCache.set(key, spec);
  return spec;
}

/** `planCount` plans spread over `products`, round robin. */
export function generatedPlans(products: readonly ProductRecord[], features: readonly FeatureRecord[], planCount: number): PlanRecord[] {
  const seeding: Seeding = { rand: prng(0x67706c00 + products.length + planCount), features: new Map(features.map((f) => [f.identifier, f])) };
  const plans: PlanRecord[] = [];
  if (products.length === 0) return plans;
  for (let j = 0; j < planCount; j++) {
    const product = products[j % products.length] as ProductRecord;
    const index = Math.floor(j / products.length);
    const slot = SLOT_NAMES[index] ?? `plan-${index + 1}`;
    const state: PlanState = j % 23 === 13 ? 'draft' : j % 7 === 3 ? 'published+draft' : 'published';
    const shared = slotSpec(seeding.rand, SLOT_NAMES[index] ? slot : 'pro-monthly', j % 2 === 1);
    const spec = { ...shared, name: `${product.name} ${SLOT_NAMES[index] ? shared.name : `Plan ${index + 1}`}` };
    const draft = state === 'published+draft' ? { ...spec, prices: spec.prices.map(([c, a]): PriceSpec => [c, a === null || a === 0 ? a : Math.round(a * 1.1)]) } : undefined;
    plans.push(seededPlan(seeding, `${product.identifier}-${slot}`, product.id, index, spec, state, draft));
  }
  return plans;
}
