// Plan and feature document addresses: `kelviq:/<env>/plans/<identifier>/<label>.json` and
// `kelviq:/<env>/features/<uuid>/<label>.json` round-trip for every environment; anything else
// (traversal, stray segments, an unknown environment, an identifier the API cannot address, a
// feature id that is no UUID) parses to undefined, so no request is made for it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ENVIRONMENT_IDS } from '../../../src/domain/environment';
import { featurePath, parseFeaturePath, parsePlanPath, planPath } from '../../../src/domain/kelviq/planUri';

const FEATURE_ID = '3a3e92ab-90a3-4f43-8e87-9d4c8c5a9c01';

describe('domain/kelviq/planUri', () => {
  it('a plan path names the environment and the identifier; the label only dresses the tab', () => {
    assert.equal(planPath({ environment: 'sandbox', identifier: 'pro-monthly' }), '/sandbox/plans/pro-monthly/pro-monthly.json');
    assert.equal(planPath({ environment: 'custom', identifier: 'Pro_2' }, 'Pro Plan (monthly)'), '/custom/plans/Pro_2/pro-plan-monthly.json');
  });

  it('plan paths round-trip for every environment and every addressable identifier', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENVIRONMENT_IDS), fc.stringMatching(/^[-A-Za-z0-9_]{1,200}$/), fc.string(), (environment, identifier, label) => {
        assert.deepEqual(parsePlanPath(planPath({ environment, identifier }, label)), { environment, identifier });
      }),
    );
  });

  for (const path of [
    '/sandbox/plans/pro-monthly.json',
    '/sandbox/plans/pro-monthly/x/y.json',
    '/staging/plans/pro-monthly/x.json',
    '/sandbox/plans/pro%20monthly/x.json',
    '/sandbox/plans/../x.json',
    '/sandbox/plans/a.b/x.json',
    `/sandbox/plans/${'a'.repeat(201)}/x.json`,
    '/sandbox/plans/pro-monthly/x.txt',
    '/sandbox/products/pro-monthly/x.json',
  ]) {
    it(`no plan address: ${path.length > 60 ? `${path.slice(0, 60)}…` : path}`, () => assert.equal(parsePlanPath(path), undefined));
  }

  it('feature paths round-trip, the id lower-cased', () => {
    for (const environment of ENVIRONMENT_IDS) {
      const path = featurePath({ environment, featureId: FEATURE_ID.toUpperCase() }, 'API Calls');
      assert.equal(path, `/${environment}/features/${FEATURE_ID}/api-calls.json`);
      assert.deepEqual(parseFeaturePath(path), { environment, featureId: FEATURE_ID });
    }
  });

  for (const path of ['/sandbox/features/api-calls/x.json', `/sandbox/features/${FEATURE_ID}.json`, `/other/features/${FEATURE_ID}/x.json`, `/sandbox/plans/${FEATURE_ID}/x/y.json`]) {
    it(`no feature address: ${path}`, () => assert.equal(parseFeaturePath(path), undefined));
  }
});
