// Products and settings against the real sandbox over loopback HTTP.
import assert from 'node:assert/strict';
import type { Sandbox } from '../../../sandbox';
import { MISSING_ID, TEST_KEY, assertNoSecret, makeClient, rejectsWith, resetSandbox, startTestSandbox, type Recorded } from './support';

describe('api/kelviq: KelviqClient products (sandbox)', () => {
  let sandbox: Sandbox;
  let t: Recorded;

  before(async () => {
    sandbox = await startTestSandbox('demo');
  });
  after(async () => {
    await sandbox.close();
  });
  beforeEach(() => {
    resetSandbox(sandbox);
    t = makeClient(sandbox.baseUrl);
  });
  afterEach(async () => {
    await t.client.close();
  });

  describe('listProducts', () => {
    it('sends the key, the page and the clamped page size, and validates the page', async () => {
      const page = await t.client.listProducts({ page: 2, pageSize: 5 });
      assert.equal(page.count, 36);
      assert.equal(page.results.length, 5);
      const [entry] = sandbox.journal.find('GET', '/catalog/products/');
      assert.ok(entry);
      assert.equal(entry.path, '/api/v1/catalog/products/');
      assert.deepEqual(entry.query, { page: '2', page_size: '5' });
      assert.equal(entry.authorized, true);
      assert.equal(entry.headers.accept, 'application/json');
    });

    it('clamps pageSize to 1..100', async () => {
      await t.client.listProducts({ pageSize: 1000 });
      await t.client.listProducts({ pageSize: -3 });
      assert.deepEqual(sandbox.journal.entries().map((e) => e.query.page_size), ['100', '1']);
    });

    it('searches (encoded) and returns only matches', async () => {
      const page = await t.client.listProducts({ search: 'pro' });
      assert.deepEqual(page.results.map((p) => p.name).sort(), ['Ledgerline', 'Ship It Weekly', 'Starfall Tactics']);
      const none = await t.client.listProducts({ search: 'no such thing & more' });
      assert.equal(none.count, 0);
      assert.equal(sandbox.journal.entries()[1]?.query.search, 'no such thing & more');
    });

    it('keeps fields the server adds (loose schemas)', async () => {
      sandbox.faults.add({ method: 'GET', path: '/catalog/products/', status: 200, body: { count: 1, next: null, previous: null, results: [{ id: MISSING_ID, identifier: 'x', name: 'X', taxCode: 'saas', modifiedOn: '2026-01-01T00:00:00Z', archivedOn: null, badge: { color: 'red' } }], facets: { saas: 1 } } });
      const page = await t.client.listProducts();
      assert.deepEqual(page.results[0]?.badge, { color: 'red' });
      assert.equal(page.results[0]?.archivedOn, null);
      assert.deepEqual(page.facets, { saas: 1 });
    });

    it('rejects a bad page number before sending anything', async () => {
      for (const page of [0, -1, 1.5, Number.NaN]) {
        const error = await rejectsWith(t.client.listProducts({ page }), 'validation');
        assert.deepEqual(Object.keys(error.fieldErrors), ['page']);
      }
      assert.equal(sandbox.journal.length, 0);
    });

    it('logs one entry per attempt with the request id and no key or origin', async () => {
      await t.client.listProducts({ pageSize: 3 });
      assert.equal(t.log.length, 1);
      const [entry] = t.log;
      assert.equal(entry?.method, 'GET');
      assert.equal(entry?.path, '/api/v1/catalog/products/?page_size=3');
      assert.equal(entry?.status, 200);
      assert.equal(entry?.attempt, 1);
      assert.equal(entry?.error, undefined);
      assert.equal(entry?.requestId, sandbox.journal.entries()[0]?.requestId);
      assert.ok(typeof entry?.durationMs === 'number' && entry.durationMs >= 0);
      assert.ok(!JSON.stringify(t.log).includes(TEST_KEY));
      assert.ok(!JSON.stringify(t.log).includes(sandbox.origin));
    });
  });

  describe('single products', () => {
    it('gets a product with its plans', async () => {
      const [first] = (await t.client.listProducts({ search: 'Pulseboard' })).results;
      assert.ok(first);
      const detail = await t.client.getProduct(first.id);
      assert.equal(detail.name, 'Pulseboard');
      assert.deepEqual(detail.plans, ['pulseboard-free', 'pro-monthly', 'pro-annual']);
    });

    it('accepts an upper-case id (sent lower-case)', async () => {
      const [first] = (await t.client.listProducts({ pageSize: 1 })).results;
      assert.ok(first);
      assert.equal((await t.client.getProduct(first.id.toUpperCase())).id, first.id);
    });

    it('404 → notFound naming the product', async () => {
      const error = await rejectsWith(t.client.getProduct(MISSING_ID), 'notFound');
      assert.equal(error.message, `Product ${MISSING_ID} does not exist or was archived.`);
      assert.equal(error.status, 404);
      assert.equal(error.method, 'GET');
      assert.equal(error.path, `/api/v1/catalog/products/${MISSING_ID}/`);
      assert.equal(error.requestId, sandbox.journal.entries()[0]?.requestId);
      assert.equal(error.retryable, false);
    });

    it('rejects a malformed id without a request', async () => {
      for (const id of ['nope', '../settings', `${MISSING_ID}/x`, '']) {
        const calls = [t.client.getProduct(id), t.client.updateProduct(id, { name: 'x' }), t.client.archiveProduct(id), t.client.getProductSettings(id), t.client.updateProductSettings(id, { vpn: true })];
        for (const call of calls) {
          const error = await rejectsWith(call, 'validation');
          assert.match(error.message, /is not a product id/);
          assert.deepEqual(Object.keys(error.fieldErrors), ['id']);
          assert.equal(error.attempts, 0);
        }
      }
      assert.equal(sandbox.journal.length, 0);
      assert.equal(t.log.length, 0);
    });

    it('creates (201), updates (200) and archives (204) a product', async () => {
      const created = await t.client.createProduct({ name: '  Orbit Analytics  ', taxCode: 'saas_business', identifier: 'orbit-analytics', description: 'Charts.' });
      assert.equal(created.name, 'Orbit Analytics');
      assert.equal(created.identifier, 'orbit-analytics');
      assert.deepEqual(sandbox.journal.find('POST')[0]?.body, { name: 'Orbit Analytics', taxCode: 'saas_business', identifier: 'orbit-analytics', description: 'Charts.' });
      assert.equal(sandbox.journal.find('POST')[0]?.headers['content-type'], 'application/json');

      const updated = await t.client.updateProduct(created.id, { description: 'Better charts.', taxCode: 'saas' });
      assert.equal(updated.description, 'Better charts.');
      assert.equal(updated.taxCode, 'saas');

      await t.client.archiveProduct(created.id);
      assert.equal(sandbox.journal.find('DELETE')[0]?.status, 204);
      await rejectsWith(t.client.getProduct(created.id), 'notFound');
      const again = await rejectsWith(t.client.archiveProduct(created.id), 'badRequest');
      assert.equal(again.message, 'Already archived.');
    });

    it('validates request bodies strictly before sending', async () => {
      const bad: Array<[Promise<unknown>, string]> = [
        [t.client.createProduct({ name: '', taxCode: 'saas' }), 'name'],
        [t.client.createProduct({ name: 'X', taxCode: 'xyz' as never }), 'taxCode'],
        [t.client.createProduct({ name: 'X', taxCode: 'saas', identifier: 'Not A Slug' }), 'identifier'],
        [t.client.createProduct({ name: 'X', taxCode: 'saas', id: MISSING_ID } as never), 'id'],
        [t.client.updateProduct(MISSING_ID, { identifier: 'x' } as never), 'identifier'],
        [t.client.updateProductSettings(MISSING_ID, { productUrl: 'not a url' }), 'productUrl'],
      ];
      for (const [call, field] of bad) {
        const error = await rejectsWith(call, 'validation');
        assert.ok(field in error.fieldErrors, `${field} in ${JSON.stringify(error.fieldErrors)}`);
        assert.match(error.message, /Nothing was sent\.$/);
        assert.equal(error.status, undefined);
      }
      assert.equal(sandbox.journal.length, 0);
    });

    it('reads and updates settings', async () => {
      const [first] = (await t.client.listProducts({ pageSize: 1 })).results;
      assert.ok(first);
      const before = await t.client.getProductSettings(first.id);
      assert.equal(typeof before.vpn, 'boolean');
      const after = await t.client.updateProductSettings(first.id, { vpn: !before.vpn, productUrl: 'https://example.com/p' });
      assert.equal(after.vpn, !before.vpn);
      assert.equal(after.productUrl, 'https://example.com/p');
      assert.deepEqual(sandbox.journal.find('PATCH', '/settings/')[0]?.body, { vpn: !before.vpn, productUrl: 'https://example.com/p' });
    });

    it('server-side validation errors carry fieldErrors and name the first problem', async () => {
      // The sandbox validates against the vendor spec; the identifier is unique per catalog.
      const [first] = (await t.client.listProducts({ pageSize: 1 })).results;
      assert.ok(first);
      const error = await rejectsWith(t.client.createProduct({ name: 'Dup', taxCode: 'saas', identifier: first.identifier }), 'validation');
      assert.equal(error.status, 400);
      assert.ok(error.fieldErrors.identifier?.length, JSON.stringify(error.fieldErrors));
      assert.match(error.message, /^identifier: /);
      assertNoSecret(error);
    });
  });
});
