// The plan document: built from the server state (plan retrieve + prices + entitlements +
// features), written in a fixed order, the features carried beside it and never written.
import assert from 'node:assert/strict';
import {
  featuresOf,
  PLAN_FEATURES_KEY,
  planModel,
  planObjectFrom,
  PlanServerStateSchema,
  serializePlan,
} from '../../../../src/domain/kelviq/plan';
import { basePlan, FEATURES, serverState } from './fixtures';

describe('domain/kelviq/plan: the plan document', () => {
  it('holds the plan fields, the prices as served and the entitlements by feature identifier with the feature name', () => {
    const plan = basePlan();
    assert.equal(plan.identifier, 'pro-monthly');
    assert.equal(plan.prices.length, 2);
    assert.equal(plan.prices[0]!.id, 'price-usd');
    assert.deepEqual(
      plan.entitlements.map((e) => [e.feature, e.featureName]),
      [
        ['api-calls', 'API Calls'],
        ['sso', 'Single sign-on'],
      ],
    );
    assert.deepEqual((plan.entitlements[0]!.details as Record<string, unknown>).value, 10000);
  });

  it('carries the environment features (and those only known from entitlements, e.g. archived) beside the document, not in its text', () => {
    const archived = { id: 'aa3e92ab-90a3-4f43-8e87-9d4c8c5a9c02', identifier: 'legacy', name: 'Legacy', featureType: 'BOOLEAN', isArchived: true };
    const state = serverState({ entitlements: [{ feature: archived, details: { value: true } }] });
    const plan = planObjectFrom(state);
    const features = featuresOf(plan)!;
    assert.deepEqual(features.map((f) => f.identifier).sort(), ['api-calls', 'audit-log', 'legacy', 'seats', 'sso']);
    assert.equal(features.find((f) => f.identifier === 'legacy')?.archived, true);
    assert.equal(features.find((f) => f.identifier === 'seats')?.id, FEATURES.seats.id);
    const text = serializePlan(plan);
    assert.ok(!text.includes(PLAN_FEATURES_KEY));
    assert.ok(!text.includes(FEATURES.seats.id), 'an unused feature is not in the text');
    // It survives a JSON round trip (the mechanism keeps the base in workspace storage).
    assert.deepEqual(featuresOf(JSON.parse(JSON.stringify(plan)) as Record<string, unknown>), features);
    assert.equal(featuresOf(JSON.parse(text) as Record<string, unknown>), undefined);
  });

  it('the server state schema accepts the spec-shaped answers and keeps unknown fields', () => {
    const state = serverState({ plan: { futureField: 1 } });
    const parsed = PlanServerStateSchema.parse(state);
    assert.equal(parsed.plan.futureField, 1);
    assert.throws(() => PlanServerStateSchema.parse({ ...state, plan: { name: 'no identifier' } }));
  });

  describe('serializePlan', () => {
    it('same plan in, same text out, whatever the key order the server used', () => {
      const plan = basePlan();
      const shuffled = Object.fromEntries(Object.entries(plan).reverse()) as typeof plan;
      const reversedPrice = Object.fromEntries(Object.entries(plan.prices[0]!).reverse());
      const other = planObjectFrom(serverState({ prices: [reversedPrice, serverState().prices[1]!] }));
      assert.equal(serializePlan(plan), serializePlan(other));
      assert.equal(serializePlan(shuffled), serializePlan(plan));
      assert.ok(serializePlan(plan).endsWith('}\n'));
    });

    it('plan fields first, then prices, entitlements and files, then what kelviq sets, then server extras sorted', () => {
      const text = serializePlan(basePlan({ plan: { zeta: 1, alpha: 2 } }));
      const order = ['"identifier"', '"name"', '"description"', '"isVisible"', '"prices"', '"entitlements"', '"files"', '"version"', '"modifiedOn"', '"alpha"', '"zeta"'];
      const at = order.map((key) => text.indexOf(`\n  ${key}`));
      assert.deepEqual([...at].sort((a, b) => a - b), at, at.join(','));
      assert.ok(text.indexOf('"id": "price-usd"') < text.indexOf('"priceType"'));
      assert.ok(text.indexOf('"feature": "api-calls"') < text.indexOf('"featureName": "API Calls"'));
    });

    it('a missing or null description is shown as ""', () => {
      assert.match(serializePlan(basePlan({ plan: { description: null } })), /"description": ""/);
    });
  });

  describe('planModel', () => {
    it('versions are modifiedOn and version; modifiedAt in ms; names fall back to the identifier', () => {
      const plan = basePlan();
      assert.deepEqual(planModel.versionFields, ['modifiedOn', 'version']);
      assert.equal(planModel.modifiedAt(plan), Date.parse('2025-04-12T08:21:14.910Z'));
      assert.equal(planModel.modifiedAt({ ...plan, modifiedOn: 'not a date' }), 0);
      assert.equal(planModel.nameOf(plan), 'Pro Monthly');
      assert.equal(planModel.nameOf({ identifier: 'pro-monthly', name: ' ' }), 'pro-monthly');
      assert.equal(planModel.noun, 'plan');
    });

    it('merge rules: prices by currency, entitlements by feature identifier', () => {
      assert.equal(planModel.mergeRules.idKeyOf(['prices']), 'currency');
      assert.equal(planModel.mergeRules.idKeyOf(['entitlements']), 'feature');
      assert.equal(planModel.mergeRules.idKeyOf(['links']), undefined);
    });
  });
});
