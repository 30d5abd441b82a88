// planWithEditable: after a save that landed in part, the base takes the landed editable view and
// keeps what the view leaves out, so the unsaved text (which still shows the price ids and
// feature names it came with) checks out against it and differs from it only by the unsaved part.
import assert from 'node:assert/strict';
import { diffJson } from '../../../../src/domain/document';
import { PLAN_FEATURES_KEY, PLAN_MERGE_RULES, planEditableView, planWithEditable, serializePlan, validatePlanDocument } from '../../../../src/domain/kelviq/plan';
import { basePlan, FEATURES, monthly } from './fixtures';

describe('domain/kelviq/plan: planWithEditable', () => {
  const base = basePlan({
    prices: [monthly('USD', 29), monthly('EUR', 27)],
    entitlements: [{ feature: FEATURES.seats, details: { value: 10 } }],
  });

  it('takes the view’s editable values and keeps ids, feature names, server fields and the features', () => {
    const view = planEditableView(base);
    const prices = view.prices as Record<string, unknown>[];
    prices[0] = { ...prices[0], enabled: false };
    const next = planWithEditable(base, { ...view, name: 'Renamed', prices });
    assert.equal(next.name, 'Renamed');
    assert.deepEqual(next.prices.map((p) => p.id), base.prices.map((p) => p.id));
    assert.equal(next.prices[0]!.enabled, false);
    assert.deepEqual(next.entitlements.map((e) => e.featureName), base.entitlements.map((e) => e.featureName));
    assert.equal(next.modifiedOn, base.modifiedOn);
    assert.deepEqual(next[PLAN_FEATURES_KEY], base[PLAN_FEATURES_KEY]);
    assert.deepEqual(planEditableView(next), planEditableView({ ...base, name: 'Renamed', prices: next.prices }));
  });

  it('the text of the old base, with the landed change typed in, has no problems against the new base and no change left', () => {
    const view = planEditableView(base);
    const landed = planWithEditable(base, { ...view, description: 'Landed' });
    const text = serializePlan({ ...base, description: 'Landed' });
    assert.deepEqual(validatePlanDocument(text, landed).filter((p) => p.severity === 'error'), []);
    assert.deepEqual(diffJson(planEditableView(landed), planEditableView(JSON.parse(text) as Record<string, unknown>), PLAN_MERGE_RULES), []);
  });

  it('a new price (no base price in its currency) has no id, and a field the view lacks is gone', () => {
    const view = planEditableView({ ...base, metadata: { a: 1 } });
    const { metadata: _gone, ...rest } = view;
    const next = planWithEditable({ ...base, metadata: { a: 1 } }, { ...rest, prices: [...(view.prices as unknown[]), (planEditableView({ prices: [monthly('GBP', 25)] }).prices as unknown[])[0]] as unknown[] });
    assert.equal(Object.hasOwn(next, 'metadata'), false);
    assert.equal(next.prices.find((p) => p.currency === 'GBP')!.id, undefined);
  });
});
