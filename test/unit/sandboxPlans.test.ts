// The sandbox's plan endpoints over real loopback HTTP with plain fetch, against the vendor's
// documents: drafts and versions, isLatest, the product's published plans, the unfiltered paged
// list, publish (400 without a price, 428 with the billing provider disconnected), discard and
// archive; the switches hook; the journal and fault rules on the new routes.
import * as assert from 'node:assert/strict';
import { DEFAULT_SWITCHES, DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox';
import { api, call, hook, json, paid, productId, type Json, type Page } from './sandboxHttp';

const PLANS = '/catalog/plans/';

describe('sandbox: plans, versions, publish and discard', function () {
  let sb: Sandbox;

  before(async () => {
    sb = await startSandbox({ port: 0, keys: { [DEMO_API_KEY]: 'Demo User' } });
  });
  after(() => sb.close());
  beforeEach(() => {
    sb.reset();
    sb.journal.clear();
    sb.faults.clear();
  });

  const createDraft = async (body: Json = {}): Promise<Json> => {
    const [status, plan] = await call(sb, PLANS, { method: 'POST', json: { name: 'Pulseboard Scale', product: productId(sb, 'pulseboard'), ...body } });
    assert.equal(status, 201, JSON.stringify(plan));
    return plan;
  };

  describe('list', () => {
    it('has one row per plan, drafts included (their newest version), ordered by identifier', async () => {
      const page = await json<Page>(await api(sb, PLANS));
      assert.equal(page.count, 47);
      const identifiers = page.results.map((p) => String(p.identifier));
      assert.deepEqual(identifiers, [...identifiers].sort());
      assert.equal(new Set(identifiers).size, 47);
      const byId = new Map(page.results.map((p) => [p.identifier, p]));
      assert.deepEqual([byId.get('pro-monthly')?.version, byId.get('pro-monthly')?.isLatest], [2, false], 'the newer draft of a published plan');
      assert.deepEqual([byId.get('pulseboard-team-monthly')?.version, byId.get('pulseboard-team-monthly')?.isLatest], [1, false], 'a draft-only plan');
      assert.deepEqual([byId.get('pro-annual')?.version, byId.get('pro-annual')?.isLatest], [1, true]);
    });

    it('pages as DRF does and has no product filter (a product parameter is ignored)', async () => {
      const first = await json<Page>(await api(sb, `${PLANS}?page_size=10`));
      assert.equal(first.results.length, 10);
      assert.equal(first.next, `${sb.origin}/api/v1/catalog/plans/?page=2&page_size=10`);
      const last = await json<Page>(await api(sb, `${PLANS}?page=5&page_size=10`));
      assert.equal(last.results.length, 7);
      assert.equal(last.next, null);
      assert.equal((await api(sb, `${PLANS}?page=6&page_size=10`)).status, 404);
      const filtered = await json<Page>(await api(sb, `${PLANS}?product=${productId(sb, 'pulseboard')}`));
      assert.equal(filtered.count, 47);
    });

    it("leaves out archived plans and the plans of archived products; the product's plans list only published ones", async () => {
      const pulseboard = productId(sb, 'pulseboard');
      assert.deepEqual((await json(await api(sb, `/catalog/products/${pulseboard}/`))).plans, ['pulseboard-free', 'pro-monthly', 'pro-annual']);
      sb.store.archive(pulseboard);
      const page = await json<Page>(await api(sb, PLANS));
      assert.equal(page.count, 43);
      assert.ok(!page.results.some((p) => p.product === pulseboard));
      assert.equal((await api(sb, `${PLANS}pro-monthly/`)).status, 404);
    });
  });

  describe('retrieve and ?version=', () => {
    it('answers the newest version by default, any version on request, 404 for one that does not exist', async () => {
      const [, newest] = await call(sb, `${PLANS}pro-monthly/`);
      assert.deepEqual([newest.version, newest.isLatest], [2, false]);
      const [, v1] = await call(sb, `${PLANS}pro-monthly/?version=1`);
      assert.deepEqual([v1.version, v1.isLatest], [1, true]);
      assert.equal(v1.identifier, 'pro-monthly');
      assert.equal(v1.product, productId(sb, 'pulseboard'));
      assert.equal((await api(sb, `${PLANS}pro-monthly/?version=3`)).status, 404);
      assert.equal((await api(sb, `${PLANS}no-such-plan/`)).status, 404);
    });

    it('refuses a version that is not an integer, as the spec types it (ajv)', async () => {
      for (const bad of ['abc', '1.5', '']) {
        const [status, body] = await call(sb, `${PLANS}pro-monthly/?version=${bad}`);
        assert.equal(status, 400, bad);
        assert.deepEqual(body, { version: ['A valid integer is required.'] });
      }
      assert.equal((await api(sb, `${PLANS}pro-monthly/prices/?version=x`)).status, 400);
      assert.equal((await api(sb, `${PLANS}pro-monthly/features/?version=x`)).status, 400);
    });
  });

  describe('create', () => {
    it('creates an unpublished draft, version 1, with a unique slug; not among the product\'s plans', async () => {
      sb.storage.put('tmp/abc/terms.pdf', '%PDF', 'application/pdf');
      const plan = await createDraft({ metadata: { tier: 'scale' }, links: [{ name: 'Pricing', url: 'https://pulseboard.example.com/pricing' }], fileKeys: ['tmp/abc/terms.pdf'] });
      assert.deepEqual([plan.identifier, plan.version, plan.isLatest], ['pulseboard-scale', 1, false]);
      assert.deepEqual(plan.metadata, { tier: 'scale' });
      assert.deepEqual((plan.files as Json[]).map((f) => [f.name, f.ordering, f.enabled]), [['terms.pdf', 0, true]]);
      assert.equal((await createDraft()).identifier, 'pulseboard-scale-2');
      assert.ok(!((await json(await api(sb, `/catalog/products/${productId(sb, 'pulseboard')}/`))).plans as string[]).includes('pulseboard-scale'));
      assert.equal((await json<Page>(await api(sb, PLANS))).count, 49);
    });

    it('rejects a taken identifier and a product that does not exist, field-keyed', async () => {
      const [taken, takenBody] = await call(sb, PLANS, { method: 'POST', json: { name: 'X', product: productId(sb, 'pulseboard'), identifier: 'pro-monthly' } });
      assert.equal(taken, 400);
      assert.deepEqual(takenBody, { identifier: ['plan with this identifier already exists.'] });
      const missing = '00000000-0000-4000-8000-000000000000';
      const [status, body] = await call(sb, PLANS, { method: 'POST', json: { name: 'X', product: missing } });
      assert.equal(status, 400);
      assert.deepEqual(body, { product: [`Invalid pk "${missing}" - object does not exist.`] });
    });

    it('refuses bodies the spec forbids (ajv against PlanCreateRequest), nested errors as DRF nests them', async () => {
      const product = productId(sb, 'pulseboard');
      const cases: Array<[unknown, unknown]> = [
        [{}, { name: ['This field is required.'], product: ['This field is required.'] }],
        [{ name: 'X', product: 'pulseboard' }, { product: ['Must be a valid UUID.'] }],
        [{ name: 'X', product, isVisible: 'yes' }, { isVisible: ['Must be a valid boolean.'] }],
        [{ name: 'X', product, ordering: 1.5 }, { ordering: ['A valid integer is required.'] }],
        [{ name: 'X', product, license: { durationUnit: 'WEEK', activationLimit: 0 } }, { license: { durationUnit: ['"WEEK" is not a valid choice.'], activationLimit: ['Ensure this value is greater than or equal to 1.'] } }],
        [{ name: 'X', product, links: [{ name: 'ok', url: 'https://x.example' }, { url: 'not a url' }] }, { links: [{}, { url: ['Enter a valid URL.'] }] }],
        [{ name: 'X', product, fileKeys: [1] }, { fileKeys: ['Not a valid string.'] }],
        [[], { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] }],
      ];
      for (const [body, expected] of cases) {
        const [status, answer] = await call(sb, PLANS, { method: 'POST', json: body });
        assert.equal(status, 400, JSON.stringify(body));
        assert.deepEqual(answer, expected, JSON.stringify(body));
      }
      assert.equal((await json<Page>(await api(sb, PLANS))).count, 47);
    });
  });

  describe('update: drafts and versions', () => {
    it('an edit of a published plan makes a draft version 2 (prices and entitlements copied); the next edit changes that draft', async () => {
      const [status, draft] = await call(sb, `${PLANS}pro-annual/`, { method: 'PATCH', json: { name: 'Pulseboard Pro (annual)', identifier: 'hijack', product: 'x' } });
      assert.equal(status, 200);
      assert.deepEqual([draft.identifier, draft.version, draft.isLatest, draft.name], ['pro-annual', 2, false, 'Pulseboard Pro (annual)']);
      const [, v1] = await call(sb, `${PLANS}pro-annual/?version=1`);
      assert.deepEqual([v1.name, v1.isLatest], ['Pulseboard Pro (yearly)', true]);
      const v1Prices = (await json<Page>(await api(sb, `${PLANS}pro-annual/prices/?version=1`))).results;
      const v2Prices = (await json<Page>(await api(sb, `${PLANS}pro-annual/prices/`))).results;
      assert.deepEqual(v2Prices.map((p) => [p.currency, p.priceType]), v1Prices.map((p) => [p.currency, p.priceType]));
      assert.ok(v2Prices.every((p, i) => p.id !== v1Prices[i]?.id), 'the draft has prices of its own');
      assert.equal((await json<Page>(await api(sb, `${PLANS}pro-annual/features/`))).count, 3);
      const [, again] = await call(sb, `${PLANS}pro-annual/`, { method: 'PATCH', json: { description: 'Yearly.' } });
      assert.deepEqual([again.version, again.name, again.description], [2, 'Pulseboard Pro (annual)', 'Yearly.']);
      assert.ok(String(again.modifiedOn) > String(draft.modifiedOn));
    });

    it('?version= names the version to update: only the newest; an unknown one is 404', async () => {
      const [status, body] = await call(sb, `${PLANS}pro-monthly/?version=1`, { method: 'PATCH', json: { name: 'Old' } });
      assert.equal(status, 400);
      assert.deepEqual(body, { version: ['Only the latest version (2) can be updated.'] });
      assert.equal((await call(sb, `${PLANS}pro-monthly/?version=2`, { method: 'PATCH', json: { name: 'New' } }))[1].name, 'New');
      assert.equal((await api(sb, `${PLANS}pro-monthly/?version=7`, { method: 'PATCH', json: { name: 'X' } })).status, 404);
    });

    it('a rejected edit of a published plan makes no draft', async () => {
      const [status, body] = await call(sb, `${PLANS}pro-annual/`, { method: 'PATCH', json: { isVisible: 'no', license: { hasExpiry: 3 } } });
      assert.equal(status, 400);
      assert.deepEqual(body, { isVisible: ['Must be a valid boolean.'], license: { hasExpiry: ['Must be a valid boolean.'] } });
      assert.deepEqual((await call(sb, `${PLANS}pro-annual/`))[1].version, 1);
    });
  });

  describe('publish', () => {
    it('publishes the draft: it becomes isLatest, the version before is demoted, the product lists it', async () => {
      const [status, body] = await call(sb, `${PLANS}pro-monthly/publish/`, { method: 'POST', json: { updateFeatures: true, updatePricing: false } });
      assert.equal(status, 200);
      assert.deepEqual(body, { status: 'published' });
      assert.deepEqual(sb.journal.find('POST', '/publish/')[0]?.body, { updateFeatures: true, updatePricing: false });
      assert.deepEqual(((await call(sb, `${PLANS}pro-monthly/`))[1] as Json).isLatest, true);
      assert.deepEqual((await call(sb, `${PLANS}pro-monthly/?version=1`))[1].isLatest, false);
      const [, team] = await call(sb, `${PLANS}pulseboard-team-monthly/publish/`, { method: 'POST' });
      assert.deepEqual(team, { status: 'published' });
      const product = await json(await api(sb, `/catalog/products/${productId(sb, 'pulseboard')}/`));
      assert.deepEqual(product.plans, ['pulseboard-free', 'pro-monthly', 'pro-annual', 'pulseboard-team-monthly']);
      assert.match(String(((await call(sb, `${PLANS}pulseboard-team-monthly/`))[1].details as Json).stripeProductId), /^prod_[0-9a-f]{14}$/);
    });

    it('400 when the draft has no price, and when there is nothing to publish', async () => {
      const plan = await createDraft();
      const [status, body] = await call(sb, `${PLANS}${String(plan.identifier)}/publish/`, { method: 'POST', json: {} });
      assert.equal(status, 400);
      assert.deepEqual(body, { detail: 'Plan has no price. Add at least one price before publishing.' });
      assert.equal((await call(sb, `${PLANS}pro-annual/publish/`, { method: 'POST' }))[0], 400);
      assert.deepEqual((await call(sb, `${PLANS}pro-annual/publish/`, { method: 'POST' }))[1], { detail: 'Plan is already published.' });
      await call(sb, `${PLANS}${String(plan.identifier)}/prices/bulk/`, { method: 'POST', json: { prices: [paid('USD', 99)] } });
      assert.deepEqual((await call(sb, `${PLANS}${String(plan.identifier)}/publish/`, { method: 'POST' }))[1], { status: 'published' });
    });

    it('refuses flags that are not booleans (ajv against PlanPublishRequest)', async () => {
      const [status, body] = await call(sb, `${PLANS}pro-monthly/publish/`, { method: 'POST', json: { updateFeatures: 'yes' } });
      assert.equal(status, 400);
      assert.deepEqual(body, { updateFeatures: ['Must be a valid boolean.'] });
    });

    it('428 while the billingProvider switch says disconnected; the draft stays a draft', async () => {
      assert.deepEqual(await json(await hook(sb, 'switches')), { ...DEFAULT_SWITCHES, billingProvider: 'connected' });
      const set = await hook(sb, 'switches', 'POST', { billingProvider: 'disconnected' });
      assert.equal(set.status, 200);
      assert.deepEqual(await json(set), { ...DEFAULT_SWITCHES, billingProvider: 'disconnected' });
      const [status, body] = await call(sb, `${PLANS}pro-monthly/publish/`, { method: 'POST' });
      assert.equal(status, 428);
      assert.deepEqual(body, { detail: 'Billing provider not authenticated.' });
      assert.deepEqual((await call(sb, `${PLANS}pro-monthly/`))[1].isLatest, false);
      // Validation comes first: a plan without a price is still a 400.
      const plan = await createDraft();
      assert.equal((await api(sb, `${PLANS}${String(plan.identifier)}/publish/`, { method: 'POST' })).status, 400);
      sb.switches.billingProvider = 'connected';
      assert.equal((await api(sb, `${PLANS}pro-monthly/publish/`, { method: 'POST' })).status, 200);
    });

    it('the switches hook needs the control token, refuses unknown switches and values, and reset turns it back', async () => {
      assert.equal((await hook(sb, 'switches', 'POST', { billingProvider: 'disconnected' }, null)).status, 401);
      assert.equal((await hook(sb, 'switches', 'POST', { billingProvider: 'disconnected' }, 'wrong-token')).status, 401);
      assert.equal(sb.switches.billingProvider, 'connected');
      const bad = await hook(sb, 'switches', 'POST', { billingProvider: 'off', paging: 'ignore' });
      assert.equal(bad.status, 400);
      assert.deepEqual(await json(bad), { billingProvider: ['Must be one of: connected, disconnected.'], paging: ['Unknown switch.'] });
      await hook(sb, 'switches', 'POST', { billingProvider: 'disconnected' });
      assert.equal(((await json(await hook(sb, 'info'))).switches as Json).billingProvider, 'disconnected');
      await hook(sb, 'reset', 'POST');
      assert.equal(sb.switches.billingProvider, 'connected');
    });
  });

  describe('discard and archive', () => {
    it('discard deletes the newest draft; the published version stays; again → 400', async () => {
      const res = await api(sb, `${PLANS}pro-monthly/discard/`, { method: 'DELETE' });
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
      const [, plan] = await call(sb, `${PLANS}pro-monthly/`);
      assert.deepEqual([plan.version, plan.isLatest, plan.name], [1, true, 'Pulseboard Pro (monthly)']);
      assert.equal((await json<Page>(await api(sb, `${PLANS}pro-monthly/prices/`))).results.find((p) => p.currency === 'USD')?.chargeCatalogPrice !== undefined, true);
      const [status, body] = await call(sb, `${PLANS}pro-monthly/discard/`, { method: 'DELETE' });
      assert.equal(status, 400);
      assert.deepEqual(body, { detail: 'Plan is already published; cannot be discarded.' });
    });

    it('discarding a plan that was never published removes it, and frees its identifier', async () => {
      assert.equal((await api(sb, `${PLANS}pulseboard-team-monthly/discard/`, { method: 'DELETE' })).status, 204);
      assert.equal((await api(sb, `${PLANS}pulseboard-team-monthly/`)).status, 404);
      assert.equal((await createDraft({ identifier: 'pulseboard-team-monthly' })).version, 1);
    });

    it('archive hides every version: 204, then 404 and gone from the lists, then 400 Already archived', async () => {
      const res = await api(sb, `${PLANS}pro-annual/`, { method: 'DELETE' });
      assert.equal(res.status, 204);
      assert.equal((await api(sb, `${PLANS}pro-annual/`)).status, 404);
      assert.equal((await api(sb, `${PLANS}pro-annual/?version=1`)).status, 404);
      assert.ok(!(await json<Page>(await api(sb, PLANS))).results.some((p) => p.identifier === 'pro-annual'));
      assert.deepEqual((await json(await api(sb, `/catalog/products/${productId(sb, 'pulseboard')}/`))).plans, ['pulseboard-free', 'pro-monthly']);
      assert.deepEqual(await call(sb, `${PLANS}pro-annual/`, { method: 'DELETE' }), [400, { detail: 'Already archived.' }]);
      assert.equal((await call(sb, PLANS, { method: 'POST', json: { name: 'X', product: productId(sb, 'pulseboard'), identifier: 'pro-annual' } }))[0], 400, 'an archived plan keeps its identifier');
    });

    it('405 with Allow for methods a plan route does not have', async () => {
      const res = await api(sb, `${PLANS}pro-monthly/publish/`, { method: 'GET' });
      assert.equal(res.status, 405);
      assert.equal(res.headers.get('allow'), 'POST, OPTIONS');
      assert.equal((await api(sb, `${PLANS}pro-monthly/`, { method: 'PUT', json: {} })).headers.get('allow'), 'GET, PATCH, DELETE, HEAD, OPTIONS');
      assert.equal((await api(sb, `${PLANS}pro-monthly/`, { key: null })).status, 401);
    });
  });

  describe('journal and faults on the plan routes', () => {
    it('journals plan requests with their bodies; a glob fault fails only the publish route', async () => {
      sb.faults.add({ method: 'POST', path: 'glob:/api/v1/catalog/plans/*/publish/', status: 503 });
      const failed = await api(sb, `${PLANS}pro-monthly/publish/`, { method: 'POST', json: { updatePricing: true } });
      assert.equal(failed.status, 503);
      assert.equal((await api(sb, `${PLANS}pro-monthly/prices/bulk/`, { method: 'POST', json: { prices: [paid('USD', 30)] } })).status, 200);
      assert.equal((await api(sb, `${PLANS}pro-monthly/publish/`, { method: 'POST', json: { updatePricing: true } })).status, 200);
      const entries = sb.journal.entries();
      assert.deepEqual(entries.map((e) => [e.method, e.path, e.status, e.fault !== undefined]), [
        ['POST', '/api/v1/catalog/plans/pro-monthly/publish/', 503, true],
        ['POST', '/api/v1/catalog/plans/pro-monthly/prices/bulk/', 200, false],
        ['POST', '/api/v1/catalog/plans/pro-monthly/publish/', 200, false],
      ]);
      assert.deepEqual(entries[0]?.body, { updatePricing: true });
    });
  });
});
