// Plans through KelviqClient against the real sandbox over loopback HTTP: list and listAllPlans,
// versions, create/update/publish/discard/archive, the errors the API documents (400, 428), the
// checks made before sending, and the retry rules for these routes.
import assert from 'node:assert/strict';
import type { CatalogPlan } from '../../../src/api/kelviq/planSchemas';
import { makeClient, rejectsWith, useSandboxClient } from './support';

describe('api/kelviq: KelviqClient plans (sandbox)', () => {
  const ctx = useSandboxClient();
  const pulseboard = (): string => ctx.sandbox.store.list().find((p) => p.identifier === 'pulseboard')!.id;
  const usd = (amount: number) => ({ priceType: 'PAID' as const, currency: 'USD', chargeCatalogPrice: [{ feature: null, priceModel: 'FLAT' as const, charges: [{ chargePeriod: 'MONTHLY' as const, priceData: { amount } }] }] });

  describe('lists', () => {
    it('listPlans sends page and page size and reads drafts too (isLatest false)', async () => {
      const page = await ctx.t.client.listPlans({ page: 2, pageSize: 10 });
      assert.equal(page.count, 47);
      assert.equal(page.results.length, 10);
      assert.deepEqual(ctx.sandbox.journal.entries()[0]?.query, { page: '2', page_size: '10' });
      const all = await ctx.t.client.listPlans();
      assert.equal(ctx.sandbox.journal.entries()[1]?.query.page_size, '100');
      const draft = all.results.find((p) => p.identifier === 'pulseboard-team-monthly');
      assert.deepEqual([draft?.version, draft?.isLatest], [1, false]);
    });

    it('listAllPlans loads every page once, in order, each plan once, and reports progress', async () => {
      const progress: number[] = [];
      const all = await ctx.t.client.listAllPlans({ pageSize: 10, concurrency: 3, onPage: (_items, loaded) => progress.push(loaded) });
      const direct = (await ctx.t.client.listPlans()).results.map((p) => p.identifier);
      assert.deepEqual(all.map((p) => p.identifier), direct);
      assert.deepEqual(ctx.sandbox.journal.find('GET').slice(0, -1).map((e) => Number(e.query.page)).sort((a, b) => a - b), [1, 2, 3, 4, 5]);
      assert.equal(progress.at(-1), 47);
    });

    it('listAllPlans refetches from page 1 when a plan appears while it pages', async () => {
      let created = false;
      const all = await ctx.t.client.listAllPlans({
        pageSize: 10,
        onPage: () => {
          if (created) return;
          created = true; // sorts first: every later plan moves a place down
          ctx.sandbox.store.plans.create({ name: 'AAA early plan', product: pulseboard() });
        },
      });
      assert.equal(all.length, 48);
      assert.equal(all[0]?.identifier, 'aaa-early-plan');
      assert.equal(new Set(all.map((p: CatalogPlan) => p.identifier)).size, 48);
    });

    it('listAllPlans is cancellable', async () => {
      ctx.sandbox.latencyMs = 200;
      const controller = new AbortController();
      const started = Date.now();
      await rejectsWith(ctx.t.client.listAllPlans({ pageSize: 5, concurrency: 2, signal: controller.signal, onPage: () => controller.abort() }), 'cancelled');
      assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
    });
  });

  describe('versions and writes', () => {
    it('getPlan: the newest version by default, a given version on request, notFound naming it', async () => {
      assert.deepEqual(await ctx.t.client.getPlan('pro-monthly').then((p) => [p.version, p.isLatest]), [2, false]);
      assert.deepEqual(await ctx.t.client.getPlan('pro-monthly', { version: 1 }).then((p) => [p.version, p.isLatest]), [1, true]);
      assert.equal(ctx.sandbox.journal.entries()[1]?.query.version, '1');
      const error = await rejectsWith(ctx.t.client.getPlan('pro-monthly', { version: 5 }), 'notFound');
      assert.equal(error.message, 'Plan pro-monthly has no version 5, or does not exist.');
      assert.equal((await rejectsWith(ctx.t.client.getPlan('no-such-plan'), 'notFound')).message, 'Plan no-such-plan does not exist or was archived.');
    });

    it('createPlan makes a draft; updatePlan of a published plan answers the new draft version', async () => {
      const created = await ctx.t.client.createPlan({ name: 'Pulseboard Scale', product: pulseboard().toUpperCase(), description: 'Big.', metadata: { tier: 3 }, isVisible: false, ordering: 9 });
      assert.deepEqual([created.identifier, created.version, created.isLatest, created.isVisible], ['pulseboard-scale', 1, false, false]);
      assert.equal((ctx.sandbox.journal.find('POST')[0]?.body as { product: string }).product, pulseboard(), 'sent lower-case');
      const draft = await ctx.t.client.updatePlan('pro-annual', { name: 'Pro yearly', license: { enabled: true, durationUnit: 'YEAR', durationValue: 1 } });
      assert.deepEqual([draft.version, draft.isLatest, draft.name, draft.license?.enabled], [2, false, 'Pro yearly', true]);
      assert.equal((await ctx.t.client.getPlan('pro-annual', { version: 1 })).isLatest, true);
      const older = await rejectsWith(ctx.t.client.updatePlan('pro-annual', { name: 'x' }, { version: 1 }), 'validation');
      assert.equal(older.status, 400);
      assert.deepEqual(older.fieldErrors.version, ['Only the latest version (2) can be updated.']);
    });

    it('publishPlan sends the flags; 400 without a price (badRequest), 428 when the billing provider is disconnected (conflict)', async () => {
      assert.deepEqual(await ctx.t.client.publishPlan('pro-monthly', { updateFeatures: true, updatePricing: true }), { status: 'published' });
      assert.deepEqual(ctx.sandbox.journal.find('POST', '/publish/')[0]?.body, { updateFeatures: true, updatePricing: true });
      assert.equal((await ctx.t.client.getPlan('pro-monthly')).isLatest, true);
      const again = await rejectsWith(ctx.t.client.publishPlan('pro-monthly'), 'badRequest');
      assert.equal(again.message, 'Plan is already published.');
      const plan = await ctx.t.client.createPlan({ name: 'Unpriced', product: pulseboard() });
      const noPrice = await rejectsWith(ctx.t.client.publishPlan(plan.identifier), 'badRequest');
      assert.equal(noPrice.status, 400);
      assert.equal(noPrice.message, 'Plan has no price. Add at least one price before publishing.');
      await ctx.t.client.setPlanPrices(plan.identifier, [usd(9)]);
      ctx.sandbox.switches.billingProvider = 'disconnected';
      const disconnected = await rejectsWith(ctx.t.client.publishPlan(plan.identifier), 'conflict');
      assert.equal(disconnected.status, 428);
      assert.equal(disconnected.message, 'Billing provider not authenticated.');
      assert.equal(ctx.sandbox.journal.find('POST', '/publish/').length, 4, 'a 428 is not retried');
      ctx.sandbox.switches.billingProvider = 'connected';
      assert.deepEqual(await ctx.t.client.publishPlan(plan.identifier), { status: 'published' });
    });

    it('discardPlanDraft drops the draft (the published version stays); archivePlan hides the plan', async () => {
      await ctx.t.client.discardPlanDraft('pro-monthly');
      assert.deepEqual(await ctx.t.client.getPlan('pro-monthly').then((p) => [p.version, p.isLatest]), [1, true]);
      assert.equal((await rejectsWith(ctx.t.client.discardPlanDraft('pro-monthly'), 'badRequest')).message, 'Plan is already published; cannot be discarded.');
      await ctx.t.client.archivePlan('pro-annual');
      await rejectsWith(ctx.t.client.getPlan('pro-annual'), 'notFound');
      assert.equal((await rejectsWith(ctx.t.client.archivePlan('pro-annual'), 'badRequest')).message, 'Already archived.');
      assert.deepEqual((await ctx.t.client.getProduct(pulseboard())).plans, ['pulseboard-free', 'pro-monthly']);
    });
  });

  describe('checks before sending', () => {
    it('refuses malformed identifiers, versions, pages and bodies without a request', async () => {
      const c = ctx.t.client;
      const cases: Array<[Promise<unknown>, string]> = [
        [c.getPlan('../products'), 'identifier'],
        [c.getPlan('pro monthly'), 'identifier'],
        [c.updatePlan('', { name: 'x' }), 'identifier'],
        [c.publishPlan('a/b'), 'identifier'],
        [c.discardPlanDraft('?x'), 'identifier'],
        [c.archivePlan('%2e%2e'), 'identifier'],
        [c.getPlan('pro-monthly', { version: 0 }), 'version'],
        [c.updatePlan('pro-monthly', { name: 'x' }, { version: 1.5 }), 'version'],
        [c.listPlans({ page: 0 }), 'page'],
        [c.createPlan({ name: 'x', product: 'pulseboard' }), 'product'],
        [c.createPlan({ name: ' ', product: pulseboard() }), 'name'],
        [c.createPlan({ name: 'x', product: pulseboard(), identifier: 'Not A Slug' }), 'identifier'],
        [c.updatePlan('pro-monthly', { identifier: 'x' } as never), 'identifier'],
        [c.updatePlan('pro-monthly', { links: [{ url: 'not a url' }] }), 'links.0.url'],
        [c.updatePlan('pro-monthly', { license: { durationUnit: 'WEEK' as never } }), 'license.durationUnit'],
        [c.publishPlan('pro-monthly', { updateFeatures: 'yes' as never }), 'updateFeatures'],
        [c.publishPlan('pro-monthly', { force: true } as never), 'force'],
      ];
      for (const [call, field] of cases) {
        const error = await rejectsWith(call, 'validation');
        assert.ok(field in error.fieldErrors, `${field} in ${JSON.stringify(error.fieldErrors)}`);
        assert.equal(error.attempts, 0);
      }
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('every plan call honours an aborted signal: cancelled, nothing sent', async () => {
      const signal = AbortSignal.abort();
      const c = ctx.t.client;
      const calls = [
        c.listPlans({ signal }), c.listAllPlans({ signal }), c.getPlan('pro-monthly', { signal }), c.createPlan({ name: 'x', product: pulseboard() }, { signal }),
        c.updatePlan('pro-monthly', { name: 'x' }, { signal }), c.archivePlan('pro-monthly', { signal }), c.publishPlan('pro-monthly', {}, { signal }),
        c.discardPlanDraft('pro-monthly', { signal }),
      ];
      for (const call of calls) await rejectsWith(call, 'cancelled');
      assert.equal(ctx.sandbox.journal.length, 0);
    });
  });

  describe('retries', () => {
    const count = (method: string, part: string): number => ctx.sandbox.journal.find(method, part).length;

    it('GET plan: 503 retried; publish (POST): 503 and a reset are not retried, a 429 is', async () => {
      ctx.sandbox.faults.add({ method: 'GET', path: '/catalog/plans/', status: 503, times: 2 });
      await ctx.t.client.getPlan('pro-monthly');
      assert.equal(count('GET', '/catalog/plans/'), 3);
      ctx.sandbox.faults.add({ method: 'POST', path: '/publish/', status: 503 });
      const error = await rejectsWith(ctx.t.client.publishPlan('pro-monthly'), 'server');
      assert.match(error.message, /may or may not have been applied/);
      ctx.sandbox.faults.add({ method: 'POST', path: '/publish/', reset: true });
      await rejectsWith(ctx.t.client.publishPlan('pro-monthly'), 'network');
      assert.equal(count('POST', '/publish/'), 2);
      ctx.sandbox.faults.add({ method: 'POST', path: '/publish/', status: 429, retryAfter: '0' });
      assert.deepEqual(await ctx.t.client.publishPlan('pro-monthly'), { status: 'published' });
      assert.equal(count('POST', '/publish/'), 4);
    });

    it('createPlan is never retried after it may have landed; updatePlan (PATCH) neither', async () => {
      ctx.sandbox.faults.add({ method: 'POST', status: 502 });
      await rejectsWith(ctx.t.client.createPlan({ name: 'Once', product: pulseboard() }), 'server');
      ctx.sandbox.faults.add({ method: 'PATCH', reset: true });
      await rejectsWith(ctx.t.client.updatePlan('pro-monthly', { name: 'x' }), 'network');
      assert.deepEqual([count('POST', '/catalog/plans/'), count('PATCH', '/catalog/plans/')], [1, 1]);
    });

    it('discard and archive (DELETE) are retried; the answer that says an earlier attempt landed is success', async () => {
      ctx.sandbox.store.plans.discard(ctx.sandbox.store.plans.get('pro-monthly')!); // the first attempt landed…
      ctx.sandbox.faults.add({ method: 'DELETE', status: 502 }); // …and its answer was lost
      await ctx.t.client.discardPlanDraft('pro-monthly');
      assert.deepEqual(ctx.sandbox.journal.find('DELETE').map((e) => e.status), [502, 400]);
      ctx.sandbox.store.plans.discard(ctx.sandbox.store.plans.get('pulseboard-team-monthly')!);
      ctx.sandbox.faults.add({ method: 'DELETE', reset: true });
      await ctx.t.client.discardPlanDraft('pulseboard-team-monthly'); // a draft-only plan is gone: 404
      ctx.sandbox.store.plans.archive('pro-annual');
      ctx.sandbox.faults.add({ method: 'DELETE', status: 503 });
      await ctx.t.client.archivePlan('pro-annual');
      assert.deepEqual(ctx.sandbox.journal.find('DELETE').map((e) => e.status), [502, 400, 0, 404, 503, 400]);
    });

    it('a 400 from discard without an earlier ambiguous attempt stays an error', async () => {
      await ctx.t.client.close();
      ctx.t = makeClient(ctx.sandbox.baseUrl);
      ctx.sandbox.faults.add({ method: 'DELETE', status: 429, retryAfter: '0' });
      await rejectsWith(ctx.t.client.discardPlanDraft('pro-annual'), 'badRequest');
    });
  });
});
