// Prices, plan entitlements and features through KelviqClient against the real sandbox over
// loopback HTTP: the server's rules come back as fieldErrors, the feature UUID / identifier
// addressing is kept apart before sending, and the retry rules hold for these routes.
import assert from 'node:assert/strict';
import type { PlanPriceInput } from '../../../src/api/kelviq/priceSchemas';
import { rejectsWith, useSandboxClient } from './support';

describe('api/kelviq: KelviqClient prices, entitlements and features (sandbox)', () => {
  const ctx = useSandboxClient();
  const feature = (identifier: string): string => ctx.sandbox.store.features.all().find((f) => f.identifier === identifier)!.id;
  const paid = (currency: string, amount: number): PlanPriceInput => ({
    priceType: 'PAID', currency, chargeCatalogPrice: [{ feature: null, priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount } }] }],
  });
  const count = (method: string, part: string): number => ctx.sandbox.journal.find(method, part).length;

  describe('prices', () => {
    it('lists a version\'s prices and replaces them in bulk (a published plan gets a draft)', async () => {
      const published = await ctx.t.client.listPlanPrices('pro-monthly', { version: 1 });
      assert.deepEqual(published.results.map((p) => p.currency), ['USD', 'EUR', 'GBP']);
      assert.deepEqual(ctx.sandbox.journal.entries()[0]?.query, { version: '1', page_size: '100' });
      const stored = await ctx.t.client.setPlanPrices('pro-annual', [paid('USD', 300), { priceType: 'FREE', currency: 'EUR' }]);
      assert.deepEqual(stored.map((p) => [p.priceType, p.currency]), [['PAID', 'USD'], ['FREE', 'EUR']]);
      assert.deepEqual(await ctx.t.client.getPlan('pro-annual').then((p) => [p.version, p.isLatest]), [2, false]);
      assert.equal((await ctx.t.client.listPlanPrices('pro-annual')).count, 2);
    });

    it('two PAID prices in one currency: the server\'s 400 as a validation error on `prices`; nothing changed', async () => {
      const before = await ctx.t.client.listPlanPrices('pro-monthly');
      const error = await rejectsWith(ctx.t.client.setPlanPrices('pro-monthly', [paid('USD', 1), paid('USD', 2)]), 'validation');
      assert.equal(error.status, 400);
      assert.deepEqual(error.fieldErrors.prices, ['Duplicate currency among PAID prices: USD.']);
      assert.match(error.message, /^prices: Duplicate currency among PAID prices: USD\.$/);
      assert.deepEqual(await ctx.t.client.listPlanPrices('pro-monthly'), before);
    });

    it('nested server errors keep their path (prices.1.chargeCatalogPrice.0.feature)', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const usage: PlanPriceInput = { priceType: 'PAID', currency: 'EUR', chargeCatalogPrice: [{ feature: missing, priceModel: 'PACKAGE' }] };
      const error = await rejectsWith(ctx.t.client.setPlanPrices('pro-annual', [paid('USD', 1), usage]), 'validation');
      assert.deepEqual(error.fieldErrors['prices.1.chargeCatalogPrice.0.feature'], [`Invalid pk "${missing}" - object does not exist.`]);
      assert.equal((await ctx.t.client.getPlan('pro-annual')).version, 1, 'all or nothing: no draft');
    });

    it('refuses a body the spec does not allow before sending', async () => {
      const c = ctx.t.client;
      const cases: Array<[Promise<unknown>, string]> = [
        [c.setPlanPrices('pro-monthly', [{ priceType: 'GRATIS' as never }]), 'prices.0.priceType'],
        [c.setPlanPrices('pro-monthly', [{ priceType: 'PAID', currency: 'US Dollar' }]), 'prices.0.currency'],
        [c.setPlanPrices('pro-monthly', [{ priceType: 'PAID', amount: 5 } as never]), 'prices.0.amount'],
        [c.setPlanPrices('pro-monthly', [{ priceType: 'PAID', chargeCatalogPrice: [{ feature: 'api-calls' }] }]), 'prices.0.chargeCatalogPrice.0.feature'],
        [c.setPlanPrices('pro-monthly', [{ priceType: 'PAID', trialPeriod: -1 }]), 'prices.0.trialPeriod'],
        [c.listPlanPrices('pro-monthly', { version: -1 }), 'version'],
        [c.listPlanPrices('pro monthly'), 'identifier'],
      ];
      for (const [call, field] of cases) {
        const error = await rejectsWith(call, 'validation');
        assert.ok(field in error.fieldErrors, `${field} in ${JSON.stringify(error.fieldErrors)}`);
      }
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('prices/bulk (POST) is not retried after it may have landed, but is after a 429', async () => {
      ctx.sandbox.faults.add({ method: 'POST', path: '/prices/bulk/', status: 503 });
      await rejectsWith(ctx.t.client.setPlanPrices('pro-monthly', [paid('USD', 1)]), 'server');
      ctx.sandbox.faults.add({ method: 'POST', path: '/prices/bulk/', status: 429, retryAfter: '0' });
      await ctx.t.client.setPlanPrices('pro-monthly', [paid('USD', 1)]);
      assert.deepEqual(ctx.sandbox.journal.find('POST').map((e) => e.status), [503, 429, 200]);
    });
  });

  describe('entitlements', () => {
    it('add by feature UUID (answers the draft), update and remove by feature identifier', async () => {
      const page = await ctx.t.client.listPlanEntitlements('pro-annual');
      assert.deepEqual(page.results.map((e) => e.feature.identifier), ['dashboards', 'api-calls', 'priority-support']);
      const draft = await ctx.t.client.addPlanEntitlements('pro-annual', [{ feature: feature('sso').toUpperCase(), details: { value: true } }]);
      assert.deepEqual([draft.version, draft.isLatest], [2, false]);
      assert.deepEqual(ctx.sandbox.journal.find('POST', '/features/')[0]?.body, { planEntitlements: [{ feature: feature('sso'), details: { value: true } }] });
      const updated = await ctx.t.client.updatePlanEntitlement('pro-annual', 'api-calls', { value: 400_000, usageAlerts: { enabled: true, thresholds: [80], thresholdType: 'PERCENTAGE' } });
      assert.equal(updated.details.value, 400_000);
      assert.equal(ctx.sandbox.journal.entries().at(-1)?.path, '/api/v1/catalog/plans/pro-annual/features/api-calls/');
      await ctx.t.client.removePlanEntitlement('pro-annual', 'dashboards');
      assert.deepEqual((await ctx.t.client.listPlanEntitlements('pro-annual')).results.map((e) => e.feature.identifier), ['api-calls', 'priority-support', 'sso']);
      assert.equal((await ctx.t.client.listPlanEntitlements('pro-annual', { version: 1 })).count, 3);
      const gone = await rejectsWith(ctx.t.client.removePlanEntitlement('pro-annual', 'dashboards'), 'notFound');
      assert.equal(gone.message, 'Plan pro-annual does not exist, or has no entitlement for the feature dashboards.');
    });

    it('keeps the addressing apart before sending: a UUID in the PATCH/DELETE path, an identifier in the POST body', async () => {
      const uuid = feature('api-calls');
      const patch = await rejectsWith(ctx.t.client.updatePlanEntitlement('pro-annual', uuid, { value: 1 }), 'validation');
      assert.match(patch.message, /not its UUID/);
      assert.deepEqual(Object.keys(patch.fieldErrors), ['featureIdentifier']);
      await rejectsWith(ctx.t.client.removePlanEntitlement('pro-annual', uuid.toUpperCase()), 'validation');
      const add = await rejectsWith(ctx.t.client.addPlanEntitlements('pro-annual', [{ feature: 'api-calls', details: {} }]), 'validation');
      assert.ok('planEntitlements.0.feature' in add.fieldErrors);
      await rejectsWith(ctx.t.client.addPlanEntitlements('pro-annual', []), 'validation');
      await rejectsWith(ctx.t.client.updatePlanEntitlement('pro-annual', 'api-calls', { value: 'lots' as never }), 'validation');
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('the server\'s rules come back as fieldErrors: an archived feature, a value of the wrong type', async () => {
      const error = await rejectsWith(ctx.t.client.addPlanEntitlements('pro-annual', [{ feature: feature('legacy-exports'), details: {} }, { feature: feature('sso'), details: { value: 3 } }]), 'validation');
      assert.deepEqual(Object.keys(error.fieldErrors), ['planEntitlements.0.feature', 'planEntitlements.1.details.value']);
      const patch = await rejectsWith(ctx.t.client.updatePlanEntitlement('pro-annual', 'priority-support', { value: 2 }), 'validation');
      assert.deepEqual(patch.fieldErrors['details.value'], ['Must be a valid boolean.']);
    });

    it('remove (DELETE) is retried; a 404 after an attempt that may have landed is success; add (POST) is not retried', async () => {
      const plan = ctx.sandbox.store.plans.get('pro-annual')!;
      ctx.sandbox.store.plans.removeEntitlement(plan, 'dashboards'); // the first attempt landed, its answer was lost
      ctx.sandbox.faults.add({ method: 'DELETE', status: 504 });
      await ctx.t.client.removePlanEntitlement('pro-annual', 'dashboards');
      assert.deepEqual(ctx.sandbox.journal.find('DELETE').map((e) => e.status), [504, 404]);
      ctx.sandbox.faults.add({ method: 'POST', reset: true });
      await rejectsWith(ctx.t.client.addPlanEntitlements('pro-annual', [{ feature: feature('sso'), details: { value: true } }]), 'network');
      assert.equal(count('POST', '/features/'), 1);
      ctx.sandbox.faults.add({ method: 'PATCH', status: 503 });
      await rejectsWith(ctx.t.client.updatePlanEntitlement('pro-annual', 'api-calls', { value: 1 }), 'server');
      assert.equal(count('PATCH', '/features/'), 1);
    });
  });

  describe('features', () => {
    it('lists (search, paged), creates, gets and archives', async () => {
      const page = await ctx.t.client.listFeatures({ search: 'calls', pageSize: 5 });
      assert.deepEqual(page.results.map((f) => f.identifier), ['api-calls']);
      assert.deepEqual(ctx.sandbox.journal.entries()[0]?.query, { search: 'calls', page_size: '5' });
      const created = await ctx.t.client.createFeature({
        name: 'Storage', featureType: 'METER', description: 'GB stored.',
        featureDetails: { featureSubType: 'PRE_AGGREGATED_USAGE', units: { singular: 'GB', plural: 'GB' } },
      });
      assert.deepEqual([created.identifier, created.featureType, created.isArchived], ['storage', 'METER', false]);
      assert.equal((await ctx.t.client.getFeature(created.id.toUpperCase())).name, 'Storage');
      await ctx.t.client.archiveFeature(created.id);
      assert.equal((await rejectsWith(ctx.t.client.getFeature(created.id), 'notFound')).message, `Feature ${created.id} does not exist or was archived.`);
      assert.equal((await rejectsWith(ctx.t.client.archiveFeature(created.id), 'badRequest')).message, 'Already archived.');
    });

    it('the METER rules are the server\'s: a 400 naming featureDetails.featureSubType', async () => {
      const error = await rejectsWith(ctx.t.client.createFeature({ name: 'Events', featureType: 'METER', featureDetails: { units: {} } }), 'validation');
      assert.deepEqual(error.fieldErrors['featureDetails.featureSubType'], ['This field is required.']);
    });

    it('checks ids and bodies before sending; archive is retried and "Already archived." after an ambiguous failure is success', async () => {
      await rejectsWith(ctx.t.client.getFeature('api-calls'), 'validation');
      await rejectsWith(ctx.t.client.archiveFeature('not-a-uuid'), 'validation');
      await rejectsWith(ctx.t.client.createFeature({ name: 'X', featureType: 'NUMBER' as never }), 'validation');
      await rejectsWith(ctx.t.client.createFeature({ name: 'X', featureType: 'BOOLEAN', id: 'x' } as never), 'validation');
      await rejectsWith(ctx.t.client.listFeatures({ page: 0 }), 'validation');
      assert.equal(ctx.sandbox.journal.length, 0);
      const id = feature('sso');
      ctx.sandbox.store.features.archive(id);
      ctx.sandbox.faults.add({ method: 'DELETE', reset: true });
      await ctx.t.client.archiveFeature(id);
      assert.deepEqual(ctx.sandbox.journal.find('DELETE').map((e) => e.status), [0, 400]);
    });
  });

  it('every call honours an aborted signal: cancelled, nothing sent', async () => {
    const signal = AbortSignal.abort();
    const c = ctx.t.client;
    const calls = [
      c.listPlanPrices('pro-monthly', { signal }), c.setPlanPrices('pro-monthly', [paid('USD', 1)], { signal }),
      c.listPlanEntitlements('pro-monthly', { signal }), c.addPlanEntitlements('pro-monthly', [{ feature: feature('sso'), details: {} }], { signal }),
      c.updatePlanEntitlement('pro-monthly', 'api-calls', { value: 1 }, { signal }), c.removePlanEntitlement('pro-monthly', 'api-calls', { signal }),
      c.listFeatures({ signal }), c.getFeature(feature('sso'), { signal }), c.createFeature({ name: 'X', featureType: 'BOOLEAN' }, { signal }),
      c.archiveFeature(feature('sso'), { signal }),
    ];
    for (const call of calls) await rejectsWith(call, 'cancelled');
    assert.equal(ctx.sandbox.journal.length, 0);
  });

  it('aborting during a request rejects promptly', async () => {
    ctx.sandbox.latencyMs = 1_000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    await rejectsWith(ctx.t.client.listPlanEntitlements('pro-monthly', { signal: controller.signal }), 'cancelled');
    assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
  });
});
