// planSaveCalls: the fewest calls for each kind of change, their bodies, and which may run at
// the same time.
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../../src/domain/document';
import { allCalls, planEditableView, planSaveCalls, type PlanCall, type PlanObject } from '../../../../src/domain/kelviq/plan';
import { basePlan, FEATURES, monthly } from './fixtures';

/** A draft (the most recent version is not the published one): no call has to go first. */
const DRAFT = basePlan({ plan: { isLatest: false } });

function calls(theirs: PlanObject, change: (doc: PlanObject) => JsonObject): PlanCall[][] {
  return planSaveCalls({ theirs, from: planEditableView(theirs), to: planEditableView(change(structuredClone(theirs))) }).stages;
}

const ids = (stages: PlanCall[][]) => stages.map((stage) => stage.map((c) => c.id));

describe('domain/kelviq/plan: planSaveCalls', () => {
  it('nothing changed: no call', () => {
    assert.deepEqual(calls(DRAFT, (d) => d), []);
  });

  it('plan fields: one PATCH with exactly the changed fields, each whole', () => {
    const stages = calls(DRAFT, (d) => ({ ...d, name: 'Pro', links: [], metadata: { tier: 2 } }));
    assert.deepEqual(ids(stages), [['plan']]);
    const [patch] = stages[0]!;
    assert.equal(patch!.method, 'PATCH');
    assert.equal(patch!.path, '/catalog/plans/pro-monthly/');
    assert.deepEqual(patch!.kind === 'updatePlan' && patch!.body, { name: 'Pro', links: [], metadata: { tier: 2 } });
  });

  it('one price changed: one bulk POST with the whole new list, without ids, defaults filled', () => {
    const stages = calls(DRAFT, (d) => ({ ...d, prices: [d.prices[0]!, { ...d.prices[1]!, trialPeriod: 7 }, { priceType: 'FREE', currency: 'GBP' }] }));
    assert.deepEqual(ids(stages), [['prices']]);
    const call = stages[0]![0]!;
    assert.equal(call.kind, 'setPrices');
    assert.equal(call.path, '/catalog/plans/pro-monthly/prices/bulk/');
    const body = call.kind === 'setPrices' ? call.body.prices : [];
    assert.deepEqual(body.map((p) => [p.currency, p.trialPeriod]), [['USD', 14], ['EUR', 7], ['GBP', 0]]);
    assert.ok(body.every((p) => !('id' in p)));
    assert.deepEqual(body[2], { priceType: 'FREE', currency: 'GBP', freeTrial: false, trialPeriod: 0, enabled: true, taxBehavior: 'UNSPECIFIED', chargeCatalogPrice: [] });
  });

  it('all prices removed: one bulk POST with an empty list; prices only reordered: no call', () => {
    const cleared = calls(DRAFT, (d) => ({ ...d, prices: [] }))[0]![0]!;
    assert.deepEqual(cleared.kind === 'setPrices' && cleared.body, { prices: [] });
    assert.deepEqual(calls(DRAFT, (d) => ({ ...d, prices: [...d.prices].reverse() })), []);
  });

  it('entitlements added: one POST for all of them, with the feature UUIDs', () => {
    const stages = calls(DRAFT, (d) => ({ ...d, entitlements: [...d.entitlements, { feature: 'seats', details: { value: 5 } }, { feature: 'audit-log', details: { value: true } }] }));
    assert.deepEqual(ids(stages), [['entitlements:add']]);
    const call = stages[0]![0]!;
    assert.equal(call.path, '/catalog/plans/pro-monthly/features/');
    assert.deepEqual(
      call.kind === 'addEntitlements' && call.body.planEntitlements.map((e) => [e.feature, e.details.value]),
      [
        [FEATURES.seats.id, 5],
        [FEATURES.audit.id, true],
      ],
    );
  });

  it('an entitlement changed: a PATCH of its details by feature identifier; removed: a DELETE', () => {
    const stages = calls(DRAFT, (d) => ({
      ...d,
      entitlements: [{ ...d.entitlements[0]!, details: { ...(d.entitlements[0]!.details as JsonObject), value: 20000 } }],
    }));
    assert.deepEqual(ids(stages), [['entitlement:api-calls:update', 'entitlement:sso:remove']]);
    const [patch, del] = stages[0]!;
    assert.equal(patch!.path, '/catalog/plans/pro-monthly/features/api-calls/');
    assert.equal(patch!.kind === 'updateEntitlement' && (patch!.body.details.value as number), 20000);
    assert.deepEqual([del!.method, del!.path], ['DELETE', '/catalog/plans/pro-monthly/features/sso/']);
  });

  it('a feature name changed in the text only (featureName): no call', () => {
    assert.deepEqual(calls(DRAFT, (d) => ({ ...d, entitlements: d.entitlements.map((e) => ({ ...e, featureName: 'x' })) })), []);
  });

  it('everything changed on a draft: one call per kind, all in one stage', () => {
    const stages = calls(DRAFT, (d) => ({
      ...d,
      description: 'new',
      prices: [{ ...d.prices[0]!, enabled: false }],
      entitlements: [{ feature: 'sso', details: { value: false } }, { feature: 'seats', details: { value: 3 } }],
    }));
    assert.deepEqual(ids(stages), [['plan', 'entitlements:add', 'entitlement:sso:update', 'prices', 'entitlement:api-calls:remove']]);
  });

  it('the most recent version published: the first call goes alone (it creates the draft), the rest follow in parallel', () => {
    const published = basePlan();
    const stages = calls(published, (d) => ({ ...d, name: 'Pro', prices: [d.prices[0]!], entitlements: [d.entitlements[0]!] }));
    assert.deepEqual(ids(stages), [['plan'], ['prices', 'entitlement:sso:remove']]);
    assert.deepEqual(ids(calls(published, (d) => ({ ...d, name: 'Pro' }))), [['plan']]);
  });

  it('prices charging a newly added feature wait for its POST; the DELETE of a charged feature waits for the prices', () => {
    const added = calls(DRAFT, (d) => ({
      ...d,
      entitlements: [...d.entitlements, { feature: 'seats', details: { value: 5 } }],
      prices: [monthly('USD', 29, { chargeCatalogPrice: [{ feature: FEATURES.seats.id, priceModel: 'PACKAGE', charges: [] }] })],
    }));
    assert.deepEqual(ids(added), [['entitlements:add'], ['prices']]);
    const charged = basePlan({ plan: { isLatest: false }, prices: [monthly('USD', 29, { chargeCatalogPrice: [{ feature: FEATURES.sso.id, priceModel: 'FLAT', charges: [] }] })] });
    const removed = calls(charged, (d) => ({ ...d, prices: [monthly('USD', 29)], entitlements: [d.entitlements[0]!] }));
    assert.deepEqual(ids(removed), [['prices'], ['entitlement:sso:remove']]);
  });

  it('identifiers are URL-encoded in paths', () => {
    const odd = basePlan({ plan: { identifier: 'pro/monthly ü', isLatest: false } });
    const [[call]] = calls(odd, (d) => ({ ...d, name: 'x' })) as [[PlanCall]];
    assert.equal(call.path, '/catalog/plans/pro%2Fmonthly%20%C3%BC/');
  });

  it('an added entitlement whose feature has no UUID: an error that names it', () => {
    assert.throws(() => calls(DRAFT, (d) => ({ ...d, entitlements: [...d.entitlements, { feature: 'nope', details: {} }] })), /“nope”.*no such feature/);
  });

  it('allCalls lists them in stage order', () => {
    const plan = planSaveCalls({ theirs: basePlan(), from: planEditableView(basePlan()), to: { ...planEditableView(basePlan()), name: 'x', prices: [] } });
    assert.deepEqual(allCalls(plan).map((c) => c.id), ['plan', 'prices']);
  });
});
