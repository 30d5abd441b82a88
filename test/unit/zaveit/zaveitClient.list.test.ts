// Listing against the Zaveit sandbox over real loopback HTTP: both body shapes, paging honoured
// or ignored (and said so in the result), listing everything (bounded, cancellable, each id
// once), and a server that ignores ~page but honours ~perPage (a raw loopback server).
import assert from 'node:assert/strict';
import { filterProducts, localPage } from '../../../src/api/zaveit/listPage';
import { rejectsWith, sendJson, startRawServer } from '../api/support';
import { makeZaveitClient, useZaveitSandbox } from './support';

describe('api/zaveit: ZaveitClient lists (Zaveit sandbox)', () => {
  const ctx = useZaveitSandbox();

  it('sends ~page, ~perPage and ~search with a Bearer token and reads the documented bare array', async () => {
    const page = await ctx.t.client.listProducts({ page: 1, perPage: 5, search: 'Cloud backup' });
    assert.equal(page.shape, 'array');
    assert.deepEqual(page.items.map((p) => p.name), ['Cloud Backup Pro']);
    assert.equal(page.unpaged, false);
    assert.equal(page.hasMore, false);
    const [entry] = ctx.sandbox.journal.entries();
    assert.equal(entry?.path, '/v2/product');
    assert.deepEqual(entry?.query, { '~page': '1', '~perPage': '5', '~search': 'Cloud backup' });
    assert.equal(entry?.headers.authorization, 'Bearer <redacted>');
    assert.equal(entry?.authorized, true);
  });

  it('pages: a full page says hasMore, the last one does not', async () => {
    const first = await ctx.t.client.listProducts({ page: 1, perPage: 5 });
    const third = await ctx.t.client.listProducts({ page: 3, perPage: 5, previousPageIds: first.items.map((p) => p.id) });
    assert.equal(first.items.length, 5);
    assert.equal(first.hasMore, true);
    assert.equal(third.items.length, 2);
    assert.equal(third.hasMore, false);
    assert.equal(third.unpaged, false);
  });

  it('reads {data: [...]} the same way', async () => {
    ctx.sandbox.switches.listShape = 'data';
    const page = await ctx.t.client.listProducts({ page: 1, perPage: 3 });
    assert.equal(page.shape, 'data');
    assert.equal(page.items.length, 3);
    assert.equal(page.hasMore, true);
  });

  it('a server that ignores paging: more items than perPage → unpaged, with everything it sent', async () => {
    ctx.sandbox.switches.paging = 'ignore';
    const page = await ctx.t.client.listProducts({ page: 1, perPage: 5 });
    assert.equal(page.unpaged, true);
    assert.equal(page.unpagedReason, 'tooMany');
    assert.equal(page.hasMore, false);
    assert.equal(page.items.length, 12);
    // The caller then filters and pages locally.
    assert.deepEqual(filterProducts(page.items, 'setup').map((p) => p.name), ['Laptop Setup Service']);
    assert.deepEqual(localPage(page.items, 3, 5).items.length, 2);
  });

  it('a server that ignores paging and search: unpaged, and filterProducts does the search', async () => {
    ctx.sandbox.switches.paging = 'ignore';
    ctx.sandbox.switches.search = 'ignore';
    const page = await ctx.t.client.listProducts({ page: 1, perPage: 100, search: 'PMT-25' });
    assert.equal(page.items.length, 12, 'the server ignored the search');
    assert.deepEqual(filterProducts(page.items, page.search).map((p) => p.name), ['Password Manager Teams']);
  });

  it('listAllProducts pages until a short page, each id once', async () => {
    const pages: number[] = [];
    const all = await ctx.t.client.listAllProducts({ perPage: 5, onPage: (added) => pages.push(added.length) });
    assert.equal(all.items.length, 12);
    assert.equal(new Set(all.items.map((p) => p.id)).size, 12);
    assert.deepEqual(pages, [5, 5, 2]);
    assert.equal(all.requests, 3);
    assert.equal(all.unpaged, false);
    assert.equal(all.truncated, false);
  });

  it('listAllProducts stops after an empty page when the total is a multiple of perPage', async () => {
    const all = await ctx.t.client.listAllProducts({ perPage: 6 });
    assert.equal(all.items.length, 12);
    assert.equal(all.requests, 3);
  });

  it('listAllProducts against a server that ignores paging: one request, unpaged', async () => {
    ctx.sandbox.switches.paging = 'ignore';
    ctx.sandbox.switches.listShape = 'data';
    const all = await ctx.t.client.listAllProducts({ perPage: 5 });
    assert.equal(all.items.length, 12);
    assert.equal(all.unpaged, true);
    assert.equal(all.requests, 1);
    assert.equal(all.shape, 'data');
  });

  it('listAllProducts is bounded: maxPages and maxItems stop it, and say so', async () => {
    const byPages = await ctx.t.client.listAllProducts({ perPage: 2, maxPages: 2 });
    assert.equal(byPages.items.length, 4);
    assert.equal(byPages.truncated, true);
    const byItems = await ctx.t.client.listAllProducts({ perPage: 5, maxItems: 7 });
    assert.equal(byItems.items.length, 7);
    assert.equal(byItems.truncated, true);
  });

  it('listAllProducts is cancellable between pages and during a request', async () => {
    const controller = new AbortController();
    const cancelledAfterFirst = ctx.t.client.listAllProducts({ perPage: 2, signal: controller.signal, onPage: () => controller.abort() });
    await rejectsWith(cancelledAfterFirst, 'cancelled');
    assert.equal(ctx.sandbox.journal.length, 1);
    ctx.sandbox.latencyMs = 2_000;
    const slow = new AbortController();
    const started = Date.now();
    const pending = ctx.t.client.listAllProducts({ signal: slow.signal });
    setTimeout(() => slow.abort(), 50);
    await rejectsWith(pending, 'cancelled');
    assert.ok(Date.now() - started < 1_000, 'cancelled promptly');
  });

  it('rejects a page number that is not a whole number ≥ 1 before sending', async () => {
    const error = await rejectsWith(ctx.t.client.listProducts({ page: 0 }), 'validation');
    assert.match(error.message, /page: must be a whole number of at least 1 \(got 0\)\. Nothing was sent\./);
    assert.equal(ctx.sandbox.journal.length, 0);
  });

  it('a body that is neither an array nor {data: [...]} is a badResponse naming the problem', async () => {
    ctx.sandbox.faults.add({ method: 'GET', status: 200, body: { products: [] } });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'badResponse');
    assert.match(error.message, /unexpected answer to GET \/v2\/product\?~page=1&~perPage=100: data: /);
  });
});

describe('api/zaveit: a server that ignores ~page but honours ~perPage (raw loopback server)', () => {
  const products = Array.from({ length: 7 }, (_, i) => ({ id: `p${i + 1}`, name: `Product ${i + 1}` }));

  it('page 2 repeating page 1 → unpaged "repeated"; listAllProducts then fetches everything once without paging', async () => {
    const server = await startRawServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const perPage = Number(url.searchParams.get('~perPage') ?? products.length);
      sendJson(res, 200, url.searchParams.has('~perPage') ? products.slice(0, perPage) : products);
    });
    const { client } = makeZaveitClient(server.baseUrl.replace('/api/v1', ''));
    try {
      const first = await client.listProducts({ page: 1, perPage: 3 });
      const second = await client.listProducts({ page: 2, perPage: 3, previousPageIds: first.items.map((p) => p.id) });
      assert.equal(second.unpaged, true);
      assert.equal(second.unpagedReason, 'repeated');
      assert.equal(second.hasMore, false);
      const all = await client.listAllProducts({ perPage: 3 });
      assert.deepEqual(all.items.map((p) => p.id), products.map((p) => p.id));
      assert.equal(all.unpaged, true);
      assert.deepEqual(server.requests.slice(-3).map((r) => r.url), ['/v2/product?~page=1&~perPage=3', '/v2/product?~page=2&~perPage=3', '/v2/product']);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('items repeated within and across pages are kept once', async () => {
    const server = await startRawServer((req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('~page'));
      const body = page === 1 ? [products[0], products[0], products[1]] : page === 2 ? [products[1], products[2], products[3]] : [];
      sendJson(res, 200, { data: body });
    });
    const { client } = makeZaveitClient(server.baseUrl.replace('/api/v1', ''));
    try {
      const all = await client.listAllProducts({ perPage: 3 });
      assert.deepEqual(all.items.map((p) => p.id), ['p1', 'p2', 'p3', 'p4']);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
