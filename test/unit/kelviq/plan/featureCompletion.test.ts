// Feature completion in a plan document: only on an entitlement's or a charge's `feature` value,
// offering identifiers or UUIDs of the environment's live features, replacing the string under
// the cursor (quotes and all).
import assert from 'node:assert/strict';
import { featureCompletionAt, type FeatureRef } from '../../../../src/domain/kelviq/plan';

const FEATURES: FeatureRef[] = [
  { id: '3a3e92ab-90a3-4f43-8e87-9d4c8c5a9c01', identifier: 'api-calls', name: 'API Calls', featureType: 'METER' },
  { id: '5b1c0d3e-2f4a-4b6c-8d9e-0f1a2b3c4d5e', identifier: 'seats', name: 'Seats', featureType: 'CUSTOMIZABLE' },
  { id: '7c2d1e4f-3a5b-4c7d-9e0f-1a2b3c4d5e6f', identifier: 'old', name: 'Old', featureType: 'BOOLEAN', archived: true },
];

const at = (text: string, marker: string): { text: string; offset: number } => ({ text: text.replace(marker, ''), offset: text.indexOf(marker) });

describe('domain/kelviq/plan: featureCompletionAt', () => {
  it('an entitlement’s feature offers the live features’ identifiers, replacing the string typed so far', () => {
    const { text, offset } = at('{"entitlements": [{"feature": "se|", "details": {}}]}', '|');
    const answer = featureCompletionAt(text, offset, FEATURES);
    assert.ok(answer);
    assert.deepEqual(answer.items.map((i) => i.insert), ['"api-calls"', '"seats"'], 'archived features are not offered');
    assert.equal(answer.items[1]!.detail, 'Seats (customizable limit)');
    assert.equal(text.slice(answer.replace.offset, answer.replace.offset + answer.replace.length), '"se"');
  });

  it('a charge’s feature offers UUIDs, named', () => {
    const { text, offset } = at('{"prices": [{"chargeCatalogPrice": [{"feature": |}]}]}', '|');
    const answer = featureCompletionAt(text, offset, FEATURES);
    assert.deepEqual(answer?.items.map((i) => i.label), [FEATURES[0]!.id, FEATURES[1]!.id]);
    assert.equal(answer?.items[0]!.detail, 'API Calls (api-calls, meter)');
    assert.deepEqual(answer?.replace, { offset, length: 0 });
  });

  for (const [what, doc] of [
    ['a key', '{"entitlements": [{"fea|ture": "x"}]}'],
    ['another field', '{"entitlements": [{"details": "|"}]}'],
    ['a top-level feature', '{"feature": "|"}'],
    ['a product’s plans', '{"plans": ["|"]}'],
  ] as const) {
    it(`nothing on ${what}`, () => {
      const { text, offset } = at(doc, '|');
      assert.equal(featureCompletionAt(text, offset, FEATURES), undefined);
    });
  }
});
