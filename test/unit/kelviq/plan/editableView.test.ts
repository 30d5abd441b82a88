// The editable view: the PATCH's plan fields, prices as the bulk endpoint takes them with the
// server's defaults filled, entitlements as {feature, details}. An untouched document, or a
// hand-written price that leaves defaults out, never differs from the server's version.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffJson, mergeJson } from '../../../../src/domain/document';
import { CHARGE_CATALOG_PRICE_DEFAULTS, CHARGE_DEFAULTS, PLAN_MERGE_RULES, planEditableView, planObjectFrom, PRICE_DEFAULTS, serializePlan } from '../../../../src/domain/kelviq/plan';
import { basePlan, monthly, serverState } from './fixtures';

const view = planEditableView;
const diff = (a: Record<string, unknown>, b: Record<string, unknown>) => diffJson(view(a), view(b), PLAN_MERGE_RULES);

/** A price as someone writes it by hand: only what matters. */
const HAND_WRITTEN = { priceType: 'PAID', currency: 'GBP', chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: 25 } }] }] };

const HAND_WRITTEN_USD = { priceType: 'PAID', currency: 'USD', chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: 9 } }] }] };

/** The same price as the server answers it afterwards: every field, defaults included, and an id. */
const AS_SERVED = {
  id: 'price-gbp',
  priceType: 'PAID',
  currency: 'GBP',
  freeTrial: false,
  trialPeriod: 0,
  enabled: true,
  taxBehavior: 'UNSPECIFIED',
  chargeCatalogPrice: [
    { feature: null, priceModel: 'FLAT', resetTime: null, hasUnlimitedUsage: false, rollover: {}, charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: 25 }, tiers: [], advanced: {} }] },
  ],
};

describe('domain/kelviq/plan: planEditableView and price normalisation', () => {
  it('an untouched document has the same view as the server object', () => {
    const plan = basePlan();
    const parsed = JSON.parse(serializePlan(plan)) as Record<string, unknown>;
    assert.deepEqual(view(parsed), view(plan));
    assert.deepEqual(diff(plan, parsed), []);
  });

  it('a hand-written price that leaves the defaults out never differs from the server\'s version of it', () => {
    const mine = { ...basePlan(), prices: [HAND_WRITTEN] };
    const theirs = planObjectFrom(serverState({ prices: [AS_SERVED] }));
    assert.deepEqual(diff(theirs, mine), []);
  });

  it('property: each defaulted field written out, null or left out, at every level, gives the same view', () => {
    const spelling = (defaults: Readonly<Record<string, unknown>>) =>
      fc.record(Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, fc.constantFrom(v, null, undefined)])) as Record<string, fc.Arbitrary<unknown>>);
    const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    fc.assert(
      fc.property(spelling(PRICE_DEFAULTS), spelling(CHARGE_CATALOG_PRICE_DEFAULTS), spelling(CHARGE_DEFAULTS), (price, entry, charge) => {
        const written = {
          ...drop(price),
          priceType: 'PAID',
          currency: 'USD',
          chargeCatalogPrice: [{ ...drop(entry), priceModel: 'FLAT', charges: [{ ...drop(charge), chargePeriod: 'MONTHLY', priceData: { amount: 9 } }] }],
        };
        assert.deepEqual(diff({ prices: [written] }, { prices: [HAND_WRITTEN_USD] }), []);
      }),
    );
  });

  it('null from the server is the same as a field left out', () => {
    const withNulls = { ...AS_SERVED, freeTrial: null, trialPeriod: null, enabled: null, taxBehavior: null, chargeCatalogPrice: [{ ...AS_SERVED.chargeCatalogPrice[0], rollover: null, charges: null }] };
    const left = { ...AS_SERVED, chargeCatalogPrice: [{ ...AS_SERVED.chargeCatalogPrice[0], charges: [] }] };
    assert.deepEqual(diff({ prices: [withNulls] }, { prices: [left] }), []);
  });

  it('fills the defaults the spec\'s create example gives, and nothing else at the price level', () => {
    assert.deepEqual(PRICE_DEFAULTS, { freeTrial: false, trialPeriod: 0, enabled: true, taxBehavior: 'UNSPECIFIED', chargeCatalogPrice: [] });
    const [price] = view({ prices: [{ priceType: 'FREE', currency: 'USD' }] }).prices as Record<string, unknown>[];
    assert.deepEqual(price, { priceType: 'FREE', currency: 'USD', freeTrial: false, trialPeriod: 0, enabled: true, taxBehavior: 'UNSPECIFIED', chargeCatalogPrice: [] });
  });

  it('writing a default explicitly is no change; changing one is', () => {
    const plan = basePlan();
    const explicit = { ...plan, prices: plan.prices.map((p) => ({ ...p, enabled: true })) };
    assert.deepEqual(diff(plan, explicit), []);
    const changed = { ...plan, prices: plan.prices.map((p, i) => (i === 0 ? { ...p, taxBehavior: 'INCLUSIVE' } : p)) };
    assert.deepEqual(
      diff(plan, changed).map((c) => [c.path, c.before, c.after]),
      [[['prices', { key: 'currency', id: 'USD' }, 'taxBehavior'], 'EXCLUSIVE', 'INCLUSIVE']],
    );
  });

  it('price ids and fields the server adds are not editable; reordering prices or entitlements is no change', () => {
    const plan = basePlan({ prices: [monthly('USD', 29, { createdOn: 'x' }), monthly('EUR', 27)] });
    const prices = view(plan).prices as Record<string, unknown>[];
    assert.ok(prices.every((p) => !('id' in p) && !('createdOn' in p)));
    assert.deepEqual(diff(plan, { ...plan, prices: [...plan.prices].reverse(), entitlements: [...plan.entitlements].reverse() }), []);
  });

  it('entitlements are {feature, details} with the flags filled; featureName is left out', () => {
    const mine = { ...basePlan(), entitlements: [{ feature: 'api-calls', details: { value: 10000, reset: 'EVERY_MONTH' } }, { feature: 'sso', featureName: 'Single sign-on', details: { value: true } }] };
    assert.deepEqual(view(mine).entitlements, [
      { feature: 'api-calls', details: { value: 10000, reset: 'EVERY_MONTH', hasUnlimitedUsage: false, hardLimit: false, isInherited: false, isValueOverridden: false } },
      { feature: 'sso', details: { value: true, hasUnlimitedUsage: false, hardLimit: false, isInherited: false, isValueOverridden: false } },
    ]);
    assert.deepEqual(diff(basePlan(), mine), []);
  });

  it('plan fields: only the PATCH\'s; description null or missing is "", links [] and metadata {}', () => {
    const v = view({ ...basePlan({ plan: { description: null, links: null } }), metadata: undefined });
    assert.deepEqual(Object.keys(v), ['name', 'description', 'isVisible', 'license', 'links', 'metadata', 'prices', 'entitlements', 'files']);
    assert.equal(v.description, '');
    assert.deepEqual([v.links, v.metadata], [[], {}]);
  });

  it('merges prices by currency and entitlements by feature: a colleague\'s change to another one is kept', () => {
    const base = basePlan();
    const mine = { ...base, prices: base.prices.map((p) => (p.currency === 'USD' ? { ...p, trialPeriod: 7 } : p)), entitlements: [...base.entitlements, { feature: 'seats', details: { value: 5 } }] };
    const theirs = {
      ...base,
      prices: base.prices.map((p) => (p.currency === 'EUR' ? { ...p, id: 'new-id', enabled: false } : { ...p, id: 'other-id' })),
      entitlements: base.entitlements.map((e) => (e.feature === 'api-calls' ? { ...e, details: { value: 20000 } } : e)),
    };
    const merged = mergeJson(view(base), view(mine), view(theirs), PLAN_MERGE_RULES);
    assert.deepEqual(merged.conflicts, []);
    const value = merged.value as Record<string, Record<string, unknown>[]>;
    assert.equal(value.prices!.find((p) => p.currency === 'USD')!.trialPeriod, 7);
    assert.equal(value.prices!.find((p) => p.currency === 'EUR')!.enabled, false);
    assert.equal((value.entitlements!.find((e) => e.feature === 'api-calls')!.details as Record<string, unknown>).value, 20000);
    assert.ok(value.entitlements!.some((e) => e.feature === 'seats'));
  });
});
