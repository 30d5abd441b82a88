// afterPartialSave: when some calls of a save succeeded and others did not, what is on the server,
// what is still unsaved, the message, and a retry that sends only the rest.
import assert from 'node:assert/strict';
import { diffJson, type JsonObject } from '../../../../src/domain/document';
import { afterPartialSave, allCalls, PLAN_MERGE_RULES, planEditableView, planSaveCalls, type PlanObject } from '../../../../src/domain/kelviq/plan';
import { basePlan } from './fixtures';

function save(theirs: PlanObject, change: (doc: PlanObject) => JsonObject) {
  const input = { theirs, from: planEditableView(theirs), to: planEditableView(change(structuredClone(theirs))) };
  return { input, plan: planSaveCalls(input) };
}

const EVERYTHING = (d: PlanObject): JsonObject => ({
  ...d,
  name: 'Pro (2025)',
  prices: [{ ...d.prices[0]!, trialPeriod: 7 }],
  entitlements: [{ feature: 'sso', details: { value: false } }, { feature: 'seats', details: { value: 3 } }],
});

describe('domain/kelviq/plan: afterPartialSave', () => {
  it('some calls succeeded: the saved view has exactly their effects; the rest is unsaved; the retry sends only the rest', () => {
    const { input, plan } = save(basePlan({ plan: { isLatest: false } }), EVERYTHING);
    assert.deepEqual(allCalls(plan).map((c) => c.id), ['plan', 'entitlements:add', 'entitlement:sso:update', 'prices', 'entitlement:api-calls:remove']);
    const result = afterPartialSave(input, plan, ['plan', 'prices', 'entitlement:api-calls:remove']);
    assert.equal(result.saved.name, 'Pro (2025)');
    assert.deepEqual(result.saved.prices, input.to.prices);
    assert.deepEqual((result.saved.entitlements as JsonObject[]).map((e) => e.feature), ['sso']);
    assert.deepEqual(
      result.unsaved.map((c) => c.path),
      [
        ['entitlements', { key: 'feature', id: 'sso' }, 'details', 'value'],
        ['entitlements', { key: 'feature', id: 'seats' }],
      ],
    );
    assert.deepEqual(allCalls(result.retry).map((c) => c.id), ['entitlements:add', 'entitlement:sso:update']);
    assert.equal(
      result.message,
      'Saved the plan\'s name; the prices (USD); the removal of the entitlement for “api-calls”. Not saved: the new entitlement for “seats”; the change to the entitlement for “sso”. Saving again sends only what was not saved.',
    );
  });

  it('the saved view plus the retry reach the target: applying the retry\'s calls leaves nothing unsaved', () => {
    const { input, plan } = save(basePlan({ plan: { isLatest: false } }), EVERYTHING);
    const first = afterPartialSave(input, plan, ['entitlements:add']);
    const second = afterPartialSave({ ...input, from: first.saved }, first.retry, allCalls(first.retry).map((c) => c.id));
    assert.deepEqual(second.unsaved, []);
    assert.deepEqual(diffJson(second.saved, input.to, PLAN_MERGE_RULES), []);
    assert.deepEqual(second.retry.stages, []);
  });

  it('on a published plan, once the first call made the draft, the retry no longer waits for one', () => {
    const { input, plan } = save(basePlan(), (d) => ({ ...d, name: 'x', description: 'y', prices: [], entitlements: [] }));
    assert.deepEqual(plan.stages.map((s) => s.map((c) => c.id)), [['plan'], ['prices', 'entitlement:api-calls:remove', 'entitlement:sso:remove']]);
    const result = afterPartialSave(input, plan, ['plan', 'entitlement:sso:remove']);
    assert.deepEqual(result.retry.stages.map((s) => s.map((c) => c.id)), [['prices', 'entitlement:api-calls:remove']]);
    assert.match(result.message, /^Saved the plan's name and description; the removal of the entitlement for “sso”\. Not saved: the prices \(all removed\); the removal of the entitlement for “api-calls”\./);
    assert.match(result.message, /A new draft version of the plan was created; publish it/);
  });

  it('nothing succeeded: nothing saved, everything in the retry', () => {
    const { input, plan } = save(basePlan(), (d) => ({ ...d, name: 'x' }));
    const result = afterPartialSave(input, plan, []);
    assert.deepEqual(result.saved, input.from);
    assert.equal(result.message, 'Nothing was saved. Not saved: the plan\'s name. Saving again sends all of it.');
    assert.deepEqual(result.retry, plan);
  });

  it('everything succeeded: saved is the target, nothing unsaved', () => {
    const { input, plan } = save(basePlan({ plan: { isLatest: false } }), EVERYTHING);
    const result = afterPartialSave(input, plan, allCalls(plan).map((c) => c.id));
    assert.deepEqual(result.unsaved, []);
    assert.deepEqual(result.retry.stages, []);
    assert.match(result.message, /^Saved /);
    assert.doesNotMatch(result.message, /Not saved/);
  });
});
