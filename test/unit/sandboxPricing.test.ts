// The sandbox's prices, plan entitlements and features over real loopback HTTP with plain fetch:
// prices/bulk/ is all or nothing and refuses two PAID prices in one currency; entitlements are
// added by feature UUID and patched/deleted by feature identifier; features cannot be updated and
// are archived; bodies the spec forbids are refused by the ajv validation, as DRF words it.
import * as assert from 'node:assert/strict';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox';
import { api, call, featureId, json, paid, type Json, type Page } from './sandboxHttp';

const PLANS = '/catalog/plans/';
const FEATURES = '/catalog/features/';

describe('sandbox: prices, plan entitlements and features', function () {
  let sb: Sandbox;

  before(async () => {
    sb = await startSandbox({ port: 0, keys: { [DEMO_API_KEY]: 'Demo User' } });
  });
  after(() => sb.close());
  beforeEach(() => {
    sb.reset();
    sb.journal.clear();
  });

  const versions = (identifier: string): number => sb.store.plans.getIncludingArchived(identifier)?.versions.length ?? 0;
  const bulk = (identifier: string, prices: unknown): Promise<[number, Json]> => call(sb, `${PLANS}${identifier}/prices/bulk/`, { method: 'POST', json: { prices } });

  it('a product\'s new settings currency re-enables its disabled prices in that currency on its plans\' newest versions, and nothing else', async () => {
    const plan = sb.store.plans.get('pro-monthly')!;
    const latest = plan.versions[plan.versions.length - 1]!;
    for (const price of latest.prices) price.enabled = false;
    const versionCount = plan.versions.length;
    const settings = `/catalog/products/${plan.product}/settings/`;
    const enabled = () => latest.prices.filter((p) => p.enabled).map((p) => p.currency);
    assert.equal((await call(sb, settings, { method: 'PATCH', json: { vpn: false } }))[0], 200);
    assert.deepEqual(enabled(), [], 'another setting re-enables nothing');
    assert.equal((await call(sb, settings, { method: 'PATCH', json: { currency: 'EUR' } }))[0], 200);
    assert.deepEqual(enabled(), ['EUR']);
    assert.equal(plan.versions.length, versionCount, 'in place: no new draft');
  });

  describe('prices', () => {
    it('lists a version\'s prices: the newest by default, ?version= for another', async () => {
      const draft = await json<Page>(await api(sb, `${PLANS}pro-monthly/prices/`));
      assert.deepEqual(draft.results.map((p) => p.currency), ['USD', 'EUR', 'GBP']);
      const amount = (p: Json | undefined) => (((p?.chargeCatalogPrice as Json[])[0]?.charges as Json[])[0]?.priceData as Json).amount;
      assert.equal(amount(draft.results[0]), 32);
      const published = await json<Page>(await api(sb, `${PLANS}pro-monthly/prices/?version=1`));
      assert.equal(amount(published.results[0]), 29);
      assert.equal((await api(sb, `${PLANS}pro-monthly/prices/?version=9`)).status, 404);
    });

    it('bulk replaces every price of the draft and answers them with new ids', async () => {
      const [status, body] = await bulk('pro-monthly', [paid('USD', 35, { freeTrial: true, trialPeriod: 7 }), { priceType: 'FREE' }]);
      assert.equal(status, 200);
      const prices = body.prices as Json[];
      assert.deepEqual(prices.map((p) => [p.priceType, p.currency, p.freeTrial, p.trialPeriod, p.enabled, p.taxBehavior]), [
        ['PAID', 'USD', true, 7, true, 'UNSPECIFIED'],
        ['FREE', 'USD', false, 0, true, 'UNSPECIFIED'], // the product's settings currency
      ]);
      assert.ok(prices.every((p) => /^[0-9a-f-]{36}$/.test(String(p.id))));
      assert.equal(versions('pro-monthly'), 2, 'the existing draft was changed');
      assert.deepEqual((await json<Page>(await api(sb, `${PLANS}pro-monthly/prices/`))).results, prices);
    });

    it('bulk on a published plan attaches the prices to a new draft; the published version keeps its own', async () => {
      const before = await json<Page>(await api(sb, `${PLANS}pro-annual/prices/`));
      const [status] = await bulk('pro-annual', [paid('USD', 300), paid('EUR', 280)]);
      assert.equal(status, 200);
      assert.deepEqual([versions('pro-annual'), (await call(sb, `${PLANS}pro-annual/`))[1].version], [2, 2]);
      assert.deepEqual((await json<Page>(await api(sb, `${PLANS}pro-annual/prices/?version=1`))).results, before.results);
      assert.equal((await json<Page>(await api(sb, `${PLANS}pro-annual/prices/`))).count, 2);
    });

    it('two PAID prices in one currency are a 400; FREE and PAID in one currency are fine', async () => {
      const [status, body] = await bulk('pro-monthly', [paid('USD', 30), paid('EUR', 28), paid('USD', 35)]);
      assert.equal(status, 400);
      assert.deepEqual(body, { prices: ['Duplicate currency among PAID prices: USD.'] });
      assert.equal((await bulk('pro-monthly', [paid('USD', 30), { priceType: 'FREE', currency: 'USD' }, { priceType: 'CUSTOM', currency: 'USD' }]))[0], 200);
    });

    it('is all or nothing: one bad price changes nothing, and a published plan gets no draft', async () => {
      const before = await json<Page>(await api(sb, `${PLANS}pro-annual/prices/`));
      const unknownFeature = '00000000-0000-4000-8000-000000000000';
      const usage = { priceType: 'PAID', currency: 'EUR', chargeCatalogPrice: [{ feature: unknownFeature, priceModel: 'PACKAGE', charges: [] }] };
      const [status, body] = await bulk('pro-annual', [paid('USD', 1), usage, paid('GBP', 1), paid('USD', 2)]);
      assert.equal(status, 400);
      assert.deepEqual(body, { prices: [{}, { chargeCatalogPrice: [{ feature: [`Invalid pk "${unknownFeature}" - object does not exist.`] }] }, {}, {}] });
      assert.equal(versions('pro-annual'), 1);
      assert.deepEqual(await json<Page>(await api(sb, `${PLANS}pro-annual/prices/`)), before);
      const [, draftBefore] = await call(sb, `${PLANS}pro-monthly/prices/`);
      assert.equal((await bulk('pro-monthly', [paid('USD', 1), paid('USD', 2)]))[0], 400);
      assert.deepEqual((await call(sb, `${PLANS}pro-monthly/prices/`))[1], draftBefore);
    });

    it('states the rules the spec states in prose: non-FLAT models name a feature; currencies are ISO codes', async () => {
      const [status, body] = await bulk('pro-monthly', [{ priceType: 'PAID', currency: 'usd', chargeCatalogPrice: [{ priceModel: 'TIERED' }] }]);
      assert.equal(status, 400);
      assert.deepEqual(body, { prices: [{ currency: ['"usd" is not a valid choice.'], chargeCatalogPrice: [{ feature: ['This field is required for TIERED pricing.'] }] }] });
      const meter = featureId(sb, 'api-calls');
      const tiers = [{ upTo: 1000, unitAmount: 0 }, { upTo: 'inf', unitAmount: 0.001 }, { upTo: null, flatAmount: 5 }];
      assert.equal((await bulk('pro-monthly', [{ priceType: 'PAID', currency: 'USD', chargeCatalogPrice: [{ feature: meter.toUpperCase(), priceModel: 'TIERED', charges: [{ chargePeriod: 'MONTHLY', tiers }] }] }]))[0], 200);
    });

    it('refuses bodies the spec forbids (ajv against PlanPriceBulkRequest), nested as DRF nests them', async () => {
      const cases: Array<[unknown, unknown]> = [
        [{}, { prices: ['This field is required.'] }],
        [{ prices: 'USD 10' }, { prices: ['Expected a list of items but got type "str".'] }],
        [{ prices: [paid('USD', 1), { currency: 'EUR' }] }, { prices: [{}, { priceType: ['This field is required.'] }] }],
        [{ prices: [{ priceType: 'GRATIS' }] }, { prices: [{ priceType: ['"GRATIS" is not a valid choice.'] }] }],
        [{ prices: [{ priceType: 'PAID', taxBehavior: 'VAT', trialPeriod: '14' }] }, { prices: [{ taxBehavior: ['"VAT" is not a valid choice.'], trialPeriod: ['A valid integer is required.'] }] }],
        [{ prices: [{ priceType: 'PAID', chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'WEEKLY' }] }] }] }, { prices: [{ chargeCatalogPrice: [{ charges: [{ chargePeriod: ['"WEEKLY" is not a valid choice.'] }] }] }] }],
        [{ prices: [{ priceType: 'PAID', chargeCatalogPrice: [{ feature: 'api-calls' }] }] }, { prices: [{ chargeCatalogPrice: [{ feature: ['Must be a valid UUID.'] }] }] }],
        [{ prices: [{ priceType: 'PAID', chargeCatalogPrice: [{ charges: [{ tiers: [{ upTo: true }] }] }] }] }, { prices: [{ chargeCatalogPrice: [{ charges: [{ tiers: [{ upTo: ['A valid integer is required.'] }] }] }] }] }],
      ];
      for (const [body, expected] of cases) {
        const [status, answer] = await call(sb, `${PLANS}pro-monthly/prices/bulk/`, { method: 'POST', json: body });
        assert.equal(status, 400, JSON.stringify(body));
        assert.deepEqual(answer, expected, JSON.stringify(body));
      }
      assert.equal((await api(sb, `${PLANS}pro-monthly/prices/bulk/`, { method: 'POST', body: 'prices=1', headers: { 'content-type': 'text/plain' } })).status, 415);
      assert.equal((await api(sb, `${PLANS}no-such-plan/prices/bulk/`, { method: 'POST', json: { prices: [] } })).status, 404);
    });
  });

  describe('entitlements: POST by feature UUID, PATCH and DELETE by feature identifier', () => {
    it('lists entitlements with their whole feature', async () => {
      const page = await json<Page<{ feature: Json; details: Json }>>(await api(sb, `${PLANS}pro-monthly/features/?version=1`));
      assert.deepEqual(page.results.map((e) => [e.feature.identifier, e.feature.featureType, e.details.value]), [
        ['dashboards', 'CUSTOMIZABLE', 25], ['api-calls', 'METER', 250_000], ['priority-support', 'BOOLEAN', false],
      ]);
      assert.equal(page.results[0]?.feature.id, featureId(sb, 'dashboards'));
    });

    it('POST takes feature UUIDs; an identifier there is refused by the spec (format uuid)', async () => {
      const sso = featureId(sb, 'sso');
      const [status, plan] = await call(sb, `${PLANS}pro-annual/features/`, { method: 'POST', json: { planEntitlements: [{ feature: sso, details: { value: true } }] } });
      assert.equal(status, 201);
      assert.deepEqual([plan.identifier, plan.version, plan.isLatest], ['pro-annual', 2, false], 'a published plan gets a draft');
      const identifiers = (await json<Page<{ feature: Json }>>(await api(sb, `${PLANS}pro-annual/features/`))).results.map((e) => e.feature.identifier);
      assert.deepEqual(identifiers, ['dashboards', 'api-calls', 'priority-support', 'sso']);
      assert.equal((await json<Page>(await api(sb, `${PLANS}pro-annual/features/?version=1`))).count, 3);
      const [byIdentifier, body] = await call(sb, `${PLANS}pro-annual/features/`, { method: 'POST', json: { planEntitlements: [{ feature: 'team-seats', details: { value: 3 } }] } });
      assert.equal(byIdentifier, 400);
      assert.deepEqual(body, { planEntitlements: [{ feature: ['Must be a valid UUID.'] }] });
    });

    it('POST is all or nothing: unknown, archived or repeated features and values of the wrong type', async () => {
      const seats = featureId(sb, 'team-seats');
      const legacy = featureId(sb, 'legacy-exports');
      const missing = '00000000-0000-4000-8000-000000000000';
      const items = [
        { feature: seats, details: { value: 5 } },
        { feature: missing, details: {} },
        { feature: legacy, details: { value: true } },
        { feature: featureId(sb, 'dashboards'), details: { value: 1 } },
        { feature: featureId(sb, 'sso'), details: { value: 'yes' } },
        { feature: seats, details: { value: 6 } },
      ];
      const [status, body] = await call(sb, `${PLANS}pro-annual/features/`, { method: 'POST', json: { planEntitlements: items } });
      assert.equal(status, 400);
      assert.deepEqual(body, {
        planEntitlements: [
          {},
          { feature: [`Invalid pk "${missing}" - object does not exist.`] },
          { feature: [`Invalid pk "${legacy}" - object does not exist.`] },
          { feature: ['Feature "dashboards" is already on this plan.'] },
          { details: { value: ['Must be a valid boolean.'] } },
          { feature: ['Feature "team-seats" is already on this plan.'] },
        ],
      });
      assert.equal(versions('pro-annual'), 1, 'nothing was added, no draft made');
      const [missingDetails, why] = await call(sb, `${PLANS}pro-annual/features/`, { method: 'POST', json: { planEntitlements: [{ feature: seats }] } });
      assert.equal(missingDetails, 400);
      assert.deepEqual(why, { planEntitlements: [{ details: ['This field is required.'] }] });
    });

    it('PATCH by identifier merges the details (a published plan gets a draft); by UUID it is a 404', async () => {
      const route = `${PLANS}pro-annual/features/api-calls/`;
      const [status, body] = await call(sb, route, { method: 'PATCH', json: { details: { value: 500_000, hardLimit: true } } });
      assert.equal(status, 200);
      assert.deepEqual(body, { details: { value: 500_000, hasUnlimitedUsage: false, reset: 'EVERY_MONTH', resetTime: 'BEGINNING_OF_PERIOD', hardLimit: true } });
      assert.equal(versions('pro-annual'), 2);
      const v1 = await json<Page<{ feature: Json; details: Json }>>(await api(sb, `${PLANS}pro-annual/features/?version=1`));
      assert.equal(v1.results.find((e) => e.feature.identifier === 'api-calls')?.details.value, 250_000);
      const byUuid = await api(sb, `${PLANS}pro-annual/features/${featureId(sb, 'api-calls')}/`, { method: 'PATCH', json: { details: { value: 1 } } });
      assert.equal(byUuid.status, 404);
      assert.equal((await api(sb, `${PLANS}pro-annual/features/sso/`, { method: 'PATCH', json: { details: { value: true } } })).status, 404, 'not on the plan');
    });

    it('PATCH validates against PlanFeaturePatchRequest and the feature type, and makes no draft when refused', async () => {
      const route = `${PLANS}pro-annual/features/dashboards/`;
      assert.deepEqual(await call(sb, route, { method: 'PATCH', json: {} }), [400, { details: ['This field is required.'] }]);
      assert.deepEqual(await call(sb, route, { method: 'PATCH', json: { details: { reset: 'HOURLY' } } }), [400, { details: { reset: ['"HOURLY" is not a valid choice.'] } }]);
      assert.deepEqual(await call(sb, route, { method: 'PATCH', json: { details: { value: 'many' } } }), [400, { details: { value: ['A valid number is required.'] } }]);
      assert.equal(versions('pro-annual'), 1);
    });

    it('DELETE by identifier: 204 (on a draft), then 404; by UUID a 404', async () => {
      assert.equal((await api(sb, `${PLANS}pro-annual/features/${featureId(sb, 'dashboards')}/`, { method: 'DELETE' })).status, 404);
      const res = await api(sb, `${PLANS}pro-annual/features/dashboards/`, { method: 'DELETE' });
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
      assert.equal(versions('pro-annual'), 2);
      assert.deepEqual((await json<Page<{ feature: Json }>>(await api(sb, `${PLANS}pro-annual/features/`))).results.map((e) => e.feature.identifier), ['api-calls', 'priority-support']);
      assert.equal((await api(sb, `${PLANS}pro-annual/features/dashboards/`, { method: 'DELETE' })).status, 404);
    });
  });

  describe('features', () => {
    it('lists live features by name, searchable and paged; archived ones are left out', async () => {
      const page = await json<Page>(await api(sb, FEATURES));
      assert.equal(page.count, 10);
      assert.ok(!page.results.some((f) => f.identifier === 'legacy-exports'));
      const names = page.results.map((f) => String(f.name));
      assert.deepEqual(names, [...names].sort());
      assert.deepEqual((await json<Page>(await api(sb, `${FEATURES}?search=lookup`))).results.map((f) => f.identifier), ['geo-lookups']);
      assert.equal((await json<Page>(await api(sb, `${FEATURES}?page=2&page_size=4`))).results.length, 4);
    });

    it('creates features with a unique slug (archived ones keep theirs) and the METER rules', async () => {
      const [status, created] = await call(sb, FEATURES, { method: 'POST', json: { name: 'Audit log', featureType: 'BOOLEAN', metadata: { category: 'security' } } });
      assert.equal(status, 201);
      assert.deepEqual([created.identifier, created.isArchived, created.description, created.featureDetails, created.meter], ['audit-log', false, '', {}, {}]);
      assert.deepEqual(await call(sb, FEATURES, { method: 'POST', json: { name: 'X', featureType: 'BOOLEAN', identifier: 'legacy-exports' } }), [400, { identifier: ['feature with this identifier already exists.'] }]);
      const meter = { name: 'Events', featureType: 'METER' };
      assert.deepEqual(await call(sb, FEATURES, { method: 'POST', json: meter }), [400, { featureDetails: ['This field is required for METER features.'] }]);
      assert.deepEqual(await call(sb, FEATURES, { method: 'POST', json: { ...meter, featureDetails: { featureSubType: 'SAMPLED' } } }), [400, { featureDetails: { featureSubType: ['"SAMPLED" is not a valid choice.'], units: ['This field is required.'] } }]);
      const raw = { ...meter, featureDetails: { featureSubType: 'RAW_EVENTS', units: { singular: 'event', plural: 'events' } } };
      assert.deepEqual(await call(sb, FEATURES, { method: 'POST', json: raw }), [400, { meter: ['This field is required for RAW_EVENTS meters.'] }]);
      assert.deepEqual(await call(sb, FEATURES, { method: 'POST', json: { ...raw, meter: { aggregation: { function: 'COUNT' } } } }), [400, { meter: { filters: ['This field is required.'] } }]);
      assert.equal((await call(sb, FEATURES, { method: 'POST', json: { ...raw, meter: { aggregation: { function: 'COUNT' }, filters: [] } } }))[0], 201);
    });

    it('refuses bodies the spec forbids (ajv against FeatureCreateRequest)', async () => {
      const cases: Array<[unknown, unknown]> = [
        [{}, { name: ['This field is required.'], featureType: ['This field is required.'] }],
        [{ name: 'X', featureType: 'NUMBER' }, { featureType: ['"NUMBER" is not a valid choice.'] }],
        [{ name: 'X', featureType: 'BOOLEAN', featureDetails: 'none' }, { featureDetails: ['Expected a dictionary of items but got type "str".'] }],
        [{ name: ' ', featureType: 'BOOLEAN', identifier: 'not a slug' }, { name: ['This field may not be blank.'], identifier: ['Enter a valid "slug" consisting of letters, numbers, underscores or hyphens.'] }],
      ];
      for (const [body, expected] of cases) assert.deepEqual(await call(sb, FEATURES, { method: 'POST', json: body }), [400, expected], JSON.stringify(body));
      assert.equal(sb.store.features.size, 10);
    });

    it('retrieves by UUID, archives (204, then 404, then 400), and has no update (405)', async () => {
      const id = featureId(sb, 'api-calls');
      assert.equal((await call(sb, `${FEATURES}${id}/`))[1].identifier, 'api-calls');
      assert.equal((await api(sb, `${FEATURES}api-calls/`)).status, 404, 'by UUID only');
      const patch = await api(sb, `${FEATURES}${id}/`, { method: 'PATCH', json: { name: 'Calls' } });
      assert.equal(patch.status, 405);
      assert.equal(patch.headers.get('allow'), 'GET, DELETE, HEAD, OPTIONS');
      assert.equal((await api(sb, `${FEATURES}${id}/`, { method: 'DELETE' })).status, 204);
      assert.equal((await api(sb, `${FEATURES}${id}/`)).status, 404);
      assert.deepEqual(await call(sb, `${FEATURES}${id}/`, { method: 'DELETE' }), [400, { detail: 'Already archived.' }]);
      // Plans that grant it keep the entitlement; its feature shows as archived.
      const page = await json<Page<{ feature: Json }>>(await api(sb, `${PLANS}pro-monthly/features/`));
      assert.equal(page.results.find((e) => e.feature.id === id)?.feature.isArchived, true);
    });
  });
});
