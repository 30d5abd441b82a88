// Products and settings against the real sandbox over loopback HTTP.
import assert from 'node:assert/strict';
import { MISSING_ID, TEST_KEY, assertNoSecret, rejectsWith, useSandboxClient } from './support';

describe('api/kelviq: KelviqClient products (sandbox)', () => {
  const ctx = useSandboxClient();

  describe('listProducts', () => {
    it('sends the key, the page and the clamped page size, and validates the page', async () => {
      const page = await ctx.t.client.listProducts({ page: 2, pageSize: 5 });
      assert.equal(page.count, 36);
      assert.equal(page.results.length, 5);
      const [entry] = ctx.sandbox.journal.find('GET', '/catalog/products/');
      assert.ok(entry);
      assert.equal(entry.path, '/api/v1/catalog/products/');
      assert.deepEqual(entry.query, { page: '2', page_size: '5' });
      assert.equal(entry.authorized, true);
      assert.equal(entry.headers.accept, 'application/json');
    });

    it('clamps pageSize to 1..100', async () => {
      await ctx.t.client.listProducts({ pageSize: 1000 });
      await ctx.t.client.listProducts({ pageSize: -3 });
      assert.deepEqual(ctx.sandbox.journal.entries().map((e) => e.query.page_size), ['100', '1']);
    });

    it('searches (encoded) and returns only matches', async () => {
      const page = await ctx.t.client.listProducts({ search: 'pro' });
      assert.deepEqual(page.results.map((p) => p.name).sort(), ['Ledgerline', 'Ship It Weekly', 'Starfall Tactics']);
      const none = await ctx.t.client.listProducts({ search: 'no such thing & more' });
      assert.equal(none.count, 0);
      assert.equal(ctx.sandbox.journal.entries()[1]?.query.search, 'no such thing & more');
    });

    it('keeps fields the server adds (loose schemas)', async () => {
      ctx.sandbox.faults.add({ method: 'GET', path: '/catalog/products/', status: 200, body: { count: 1, next: null, previous: null, results: [{ id: MISSING_ID, identifier: 'x', name: 'X', taxCode: 'saas', modifiedOn: '2026-01-01T00:00:00Z', archivedOn: null, badge: { color: 'red' } }], facets: { saas: 1 } } });
      const page = await ctx.t.client.listProducts();
      assert.deepEqual(page.results[0]?.badge, { color: 'red' });
      assert.equal(page.results[0]?.archivedOn, null);
      assert.deepEqual(page.facets, { saas: 1 });
    });

    it('rejects a bad page number before sending anything', async () => {
      for (const page of [0, -1, 1.5, Number.NaN]) {
        const error = await rejectsWith(ctx.t.client.listProducts({ page }), 'validation');
        assert.deepEqual(Object.keys(error.fieldErrors), ['page']);
      }
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('logs one entry per attempt with the request id and no key or origin', async () => {
      await ctx.t.client.listProducts({ pageSize: 3 });
      assert.equal(ctx.t.log.length, 1);
      const [entry] = ctx.t.log;
      assert.equal(entry?.method, 'GET');
      assert.equal(entry?.path, '/api/v1/catalog/products/?page_size=3');
      assert.equal(entry?.status, 200);
      assert.equal(entry?.attempt, 1);
      assert.equal(entry?.error, undefined);
      assert.equal(entry?.requestId, ctx.sandbox.journal.entries()[0]?.requestId);
      assert.ok(typeof entry?.durationMs === 'number' && entry.durationMs >= 0);
      assert.ok(!JSON.stringify(ctx.t.log).includes(TEST_KEY));
      assert.ok(!JSON.stringify(ctx.t.log).includes(ctx.sandbox.origin));
    });
  });

  describe('single products', () => {
    it('gets a product with its plans', async () => {
      const [first] = (await ctx.t.client.listProducts({ search: 'Pulseboard' })).results;
      assert.ok(first);
      const detail = await ctx.t.client.getProduct(first.id);
      assert.equal(detail.name, 'Pulseboard');
      assert.deepEqual(detail.plans, ['pulseboard-free', 'pro-monthly', 'pro-annual']);
    });

    it('accepts an upper-case id (sent lower-case)', async () => {
      const [first] = (await ctx.t.client.listProducts({ pageSize: 1 })).results;
      assert.ok(first);
      assert.equal((await ctx.t.client.getProduct(first.id.toUpperCase())).id, first.id);
    });

    it('404 → notFound naming the product', async () => {
      const error = await rejectsWith(ctx.t.client.getProduct(MISSING_ID), 'notFound');
      assert.equal(error.message, `Product ${MISSING_ID} does not exist or was archived.`);
      assert.equal(error.status, 404);
      assert.equal(error.method, 'GET');
      assert.equal(error.path, `/api/v1/catalog/products/${MISSING_ID}/`);
      assert.equal(error.requestId, ctx.sandbox.journal.entries()[0]?.requestId);
      assert.equal(error.retryable, false);
    });

    it('rejects a malformed id without a request', async () => {
      for (const id of ['nope', '../settings', `${MISSING_ID}/x`, '']) {
        const calls = [ctx.t.client.getProduct(id), ctx.t.client.updateProduct(id, { name: 'x' }), ctx.t.client.archiveProduct(id), ctx.t.client.getProductSettings(id), ctx.t.client.updateProductSettings(id, { vpn: true })];
        for (const call of calls) {
          const error = await rejectsWith(call, 'validation');
          assert.match(error.message, /is not a product id/);
          assert.deepEqual(Object.keys(error.fieldErrors), ['id']);
          assert.equal(error.attempts, 0);
        }
      }
      assert.equal(ctx.sandbox.journal.length, 0);
      assert.equal(ctx.t.log.length, 0);
    });

    it('creates (201), updates (200) and archives (204) a product', async () => {
      const created = await ctx.t.client.createProduct({ name: '  Orbit Analytics  ', taxCode: 'saas_business', identifier: 'orbit-analytics', description: 'Charts.' });
      assert.equal(created.name, 'Orbit Analytics');
      assert.equal(created.identifier, 'orbit-analytics');
      assert.deepEqual(ctx.sandbox.journal.find('POST')[0]?.body, { name: 'Orbit Analytics', taxCode: 'saas_business', identifier: 'orbit-analytics', description: 'Charts.' });
      assert.equal(ctx.sandbox.journal.find('POST')[0]?.headers['content-type'], 'application/json');

      const updated = await ctx.t.client.updateProduct(created.id, { description: 'Better charts.', taxCode: 'saas' });
      assert.equal(updated.description, 'Better charts.');
      assert.equal(updated.taxCode, 'saas');

      await ctx.t.client.archiveProduct(created.id);
      assert.equal(ctx.sandbox.journal.find('DELETE')[0]?.status, 204);
      await rejectsWith(ctx.t.client.getProduct(created.id), 'notFound');
      const again = await rejectsWith(ctx.t.client.archiveProduct(created.id), 'badRequest');
      assert.equal(again.message, 'Already archived.');
    });

    it('validates request bodies strictly before sending', async () => {
      const bad: Array<[Promise<unknown>, string]> = [
        [ctx.t.client.createProduct({ name: '', taxCode: 'saas' }), 'name'],
        [ctx.t.client.createProduct({ name: 'X', taxCode: 'xyz' as never }), 'taxCode'],
        [ctx.t.client.createProduct({ name: 'X', taxCode: 'saas', identifier: 'Not A Slug' }), 'identifier'],
        [ctx.t.client.createProduct({ name: 'X', taxCode: 'saas', id: MISSING_ID } as never), 'id'],
        [ctx.t.client.updateProduct(MISSING_ID, { identifier: 'x' } as never), 'identifier'],
        [ctx.t.client.updateProductSettings(MISSING_ID, { productUrl: 'not a url' }), 'productUrl'],
      ];
      for (const [call, field] of bad) {
        const error = await rejectsWith(call, 'validation');
        assert.ok(field in error.fieldErrors, `${field} in ${JSON.stringify(error.fieldErrors)}`);
        assert.match(error.message, /Nothing was sent\.$/);
        assert.equal(error.status, undefined);
      }
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('reads and updates settings', async () => {
      const [first] = (await ctx.t.client.listProducts({ pageSize: 1 })).results;
      assert.ok(first);
      const before = await ctx.t.client.getProductSettings(first.id);
      assert.equal(typeof before.vpn, 'boolean');
      const after = await ctx.t.client.updateProductSettings(first.id, { vpn: !before.vpn, productUrl: 'https://example.com/p' });
      assert.equal(after.vpn, !before.vpn);
      assert.equal(after.productUrl, 'https://example.com/p');
      assert.deepEqual(ctx.sandbox.journal.find('PATCH', '/settings/')[0]?.body, { vpn: !before.vpn, productUrl: 'https://example.com/p' });
    });

    it('server-side validation errors carry fieldErrors and name the first problem', async () => {
      // The sandbox validates against the vendor spec; the identifier is unique per catalog.
      const [first] = (await ctx.t.client.listProducts({ pageSize: 1 })).results;
      assert.ok(first);
      const error = await rejectsWith(ctx.t.client.createProduct({ name: 'Dup', taxCode: 'saas', identifier: first.identifier }), 'validation');
      assert.equal(error.status, 400);
      assert.ok(error.fieldErrors.identifier?.length, JSON.stringify(error.fieldErrors));
      assert.match(error.message, /^identifier: /);
      assertNoSecret(error);
    });
  });
});
