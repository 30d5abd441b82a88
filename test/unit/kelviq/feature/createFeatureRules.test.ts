// Create Feature…'s rules: each box's check as you type (specific messages), the suggestions the
// boxes start with, and the request bodies the answers make, which the client's own schema and
// the sandbox (validating against the vendor's spec) accept.
import * as assert from 'node:assert/strict';
import { FeatureCreateSchema } from '../../../../src/api/kelviq/featureSchemas';
import { slugify } from '../../../../src/domain/catalog';
import {
  checkEventField,
  checkFeatureIdentifier,
  checkFeatureName,
  checkUnit,
  featureCreateBody,
  suggestPlural,
  type NewFeatureAnswers,
} from '../../../../src/kelviq/features/createFeatureRules';
import type { Sandbox } from '../../../../sandbox';
import { makeClient, startTestSandbox } from '../../api/support';

describe('kelviq/features: Create Feature… checks as you type', () => {
  it('name: required, at most 255 characters', () => {
    assert.equal(checkFeatureName('API calls'), undefined);
    assert.equal(checkFeatureName(''), 'A feature needs a name.');
    assert.equal(checkFeatureName('   '), 'A feature needs a name.');
    assert.equal(checkFeatureName('x'.repeat(255)), undefined);
    assert.equal(checkFeatureName('x'.repeat(256)), 'At most 255 characters (this is 256).');
  });

  const taken = new Set(['api-calls', 'sso']);
  const cases: Array<[string, RegExp | undefined]> = [
    ['', undefined],
    ['api-calls-v2', undefined],
    ['seats_2', undefined],
    ['  padded  ', undefined],
    ['api calls', /^No spaces: join words with hyphens/],
    ['API-Calls', /^Lowercase only, e\.g\. “api-calls”\.$/],
    ['api.calls', /^Use only lowercase letters, digits, hyphens and underscores/],
    ['émoji', /^Use only lowercase letters/],
    ['-calls', /^Start and end with a letter or digit/],
    ['calls-', /^Start and end with a letter or digit/],
    ['api--calls', /^Start and end with a letter or digit, with single hyphens/],
    ['api-calls', /^Sandbox already has a feature with the identifier “api-calls”: choose another\.$/],
  ];
  for (const [value, expected] of cases) {
    it(`identifier ${JSON.stringify(value)}: ${expected ? expected.source.slice(0, 50) : 'accepted'}`, () => {
      const message = checkFeatureIdentifier(value, taken, 'Sandbox');
      if (expected === undefined) assert.equal(message, undefined);
      else assert.match(message ?? '(accepted)', expected);
    });
  }

  it('identifier: a hostile value cannot bring a link into the message', () => {
    const message = checkFeatureIdentifier('[X](command:y)', new Set(), 'Sandbox') ?? '';
    assert.ok(!message.includes('](command:'), message);
    const upper = checkFeatureIdentifier('[X](COMMAND:Y)', new Set(), 'Sandbox') ?? '';
    assert.ok(!/command:/i.test(upper), upper);
  });

  it('the identifier box starts with the slug of the name, which it accepts', () => {
    for (const name of ['API calls', 'Single sign-on (SAML)', 'Über Seats 2']) {
      const slug = slugify(name);
      assert.ok(slug.length > 0);
      assert.equal(checkFeatureIdentifier(slug, new Set(), 'Sandbox'), undefined, `${name} → ${slug}`);
    }
  });

  it('units: both forms required', () => {
    assert.equal(checkUnit('call', 'singular'), undefined);
    assert.equal(checkUnit(' ', 'singular'), "Enter the unit's singular form, e.g. call.");
    assert.equal(checkUnit('', 'plural'), "Enter the unit's plural form, e.g. calls.");
    assert.equal(checkUnit('x'.repeat(101), 'plural'), 'At most 100 characters.');
  });

  it('the plural box starts with an English plural', () => {
    assert.deepEqual(['call', 'query', 'day', 'box', 'match', 'GB', ''].map(suggestPlural), ['calls', 'queries', 'days', 'boxes', 'matches', 'GBs', '']);
  });

  it('summed property: required, no spaces', () => {
    assert.equal(checkEventField('tokens'), undefined);
    assert.equal(checkEventField(''), 'Enter the event property to add up, e.g. tokens.');
    assert.match(checkEventField('total tokens') ?? '', /no spaces/);
  });
});

describe('kelviq/features: the bodies Create Feature… sends', () => {
  const boolean: NewFeatureAnswers = { name: ' Single sign-on ', featureType: 'BOOLEAN', identifier: ' sso-saml ', description: '' };
  const limit: NewFeatureAnswers = { name: 'Seats', featureType: 'CUSTOMIZABLE', identifier: '', description: ' Users who can sign in. ' };
  const preAggregated: NewFeatureAnswers = {
    name: 'API calls', featureType: 'METER', identifier: 'api-calls-2', description: '',
    meter: { subType: 'PRE_AGGREGATED_USAGE', singular: 'call', plural: 'calls' },
  };
  const rawCount: NewFeatureAnswers = { ...preAggregated, identifier: 'lookups', meter: { subType: 'RAW_EVENTS', singular: 'lookup', plural: 'lookups', aggregation: 'COUNT' } };
  const rawSum: NewFeatureAnswers = { ...preAggregated, identifier: 'tokens', meter: { subType: 'RAW_EVENTS', singular: 'token', plural: 'tokens', aggregation: 'SUM', field: ' tokens ' } };

  it('trims, and leaves out an empty identifier and description', () => {
    assert.deepEqual(featureCreateBody(boolean), { name: 'Single sign-on', featureType: 'BOOLEAN', identifier: 'sso-saml' });
    assert.deepEqual(featureCreateBody(limit), { name: 'Seats', featureType: 'CUSTOMIZABLE', description: 'Users who can sign in.' });
  });

  it('a METER carries its kind and units; a RAW_EVENTS meter its aggregation and (no) filters', () => {
    assert.deepEqual(featureCreateBody(preAggregated).featureDetails, { featureSubType: 'PRE_AGGREGATED_USAGE', units: { singular: 'call', plural: 'calls' } });
    assert.equal(featureCreateBody(preAggregated).meter, undefined);
    assert.deepEqual(featureCreateBody(rawCount).meter, { aggregation: { function: 'COUNT', field: null }, filters: [] });
    assert.deepEqual(featureCreateBody(rawSum).meter, { aggregation: { function: 'SUM', field: 'tokens' }, filters: [] });
  });

  it('meter answers of a non-METER feature are not sent', () => {
    const body = featureCreateBody({ ...boolean, meter: preAggregated.meter! });
    assert.equal(body.featureDetails, undefined);
    assert.equal(body.meter, undefined);
  });

  it('every body passes the client’s own check', () => {
    for (const answers of [boolean, limit, preAggregated, rawCount, rawSum]) assert.ok(FeatureCreateSchema.safeParse(featureCreateBody(answers)).success, answers.name);
  });

  describe('against the sandbox (which checks the vendor spec and the METER rules)', () => {
    let sandbox: Sandbox;
    before(async () => {
      sandbox = await startTestSandbox('empty');
    });
    after(async () => {
      await sandbox.close();
    });

    it('creates each kind of feature as asked', async () => {
      const { client } = makeClient(sandbox.baseUrl);
      for (const answers of [boolean, limit, preAggregated, rawCount, rawSum]) {
        const created = await client.createFeature(featureCreateBody(answers));
        assert.equal(created.featureType, answers.featureType);
        assert.equal(created.name, answers.name.trim());
      }
      const all = await client.listAllFeatures();
      assert.deepEqual(all.map((f) => f.identifier).sort(), ['api-calls-2', 'lookups', 'seats', 'sso-saml', 'tokens']);
    });
  });
});
