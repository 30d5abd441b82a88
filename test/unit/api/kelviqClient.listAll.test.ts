// listAllProducts against the real sandbox: order, bounded concurrency, progress, cancellation.
import assert from 'node:assert/strict';
import type { Product } from '../../../src/api/kelviq/schemas';
import { makeClient, rejectsWith, startTestSandbox, useSandboxClient } from './support';

describe('api/kelviq: KelviqClient.listAllProducts (sandbox)', () => {
  const ctx = useSandboxClient();

  it('loads every page in order with bounded concurrency and reports progress', async () => {
    const progress: Array<[number, number, number]> = [];
    const intervals: Array<[number, number]> = [];
    await ctx.t.client.close();
    ctx.t = makeClient(ctx.sandbox.baseUrl, { onRequest: (e) => intervals.push([performance.now() - e.durationMs, performance.now() - 3]) }); // 3 ms slack for rounding
    ctx.sandbox.latencyMs = 30; // so concurrent pages overlap
    const all = await ctx.t.client.listAllProducts({ pageSize: 5, concurrency: 3, onPage: (items, loaded, total) => progress.push([items.length, loaded, total]) });
    const expected = (await ctx.t.client.listProducts({ pageSize: 100 })).results.map((p) => p.id);
    assert.deepEqual(all.map((p) => p.id), expected);
    assert.equal(all.length, 36);
    const pages = ctx.sandbox.journal.find('GET').slice(0, -1).map((e) => Number(e.query.page));
    assert.deepEqual(pages.sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(progress.length, 8);
    assert.deepEqual(progress.at(-1)?.slice(1), [36, 36]);
    assert.deepEqual(progress.map((p) => p[0]).sort((a, b) => a - b), [1, 5, 5, 5, 5, 5, 5, 5]);
    const peak = maxOverlap(intervals.slice(1, 8));
    assert.equal(peak, 3, `peak concurrency ${peak}`);
  });

  it('asks for 100 per page by default and never follows the http:// next links', async () => {
    const big = await startTestSandbox('generated:250');
    const c = makeClient(big.baseUrl);
    try {
      const all = await c.client.listAllProducts({});
      assert.equal(all.length, 250);
      assert.equal(new Set(all.map((p: Product) => p.id)).size, 250);
      assert.deepEqual(big.journal.entries().map((e) => `${e.query.page}/${e.query.page_size}`).sort(), ['1/100', '2/100', '3/100']);
    } finally {
      await c.client.close();
      await big.close();
    }
  });

  it('passes search to every page', async () => {
    const all = await ctx.t.client.listAllProducts({ search: 'a', pageSize: 4 });
    const direct = await ctx.t.client.listProducts({ search: 'a' });
    assert.deepEqual(all.map((p) => p.id), direct.results.map((p) => p.id));
    assert.ok(ctx.sandbox.journal.entries().every((e) => e.query.search === 'a'));
  });

  it('returns [] for an empty catalog after one request', async () => {
    const empty = await startTestSandbox('empty');
    const c = makeClient(empty.baseUrl);
    try {
      assert.deepEqual(await c.client.listAllProducts(), []);
      assert.equal(empty.journal.length, 1);
    } finally {
      await c.client.close();
      await empty.close();
    }
  });

  it('fails with the first real error (not a cancellation of its siblings)', async () => {
    ctx.sandbox.faults.add({ method: 'GET', path: 'page=3&', status: 500, times: 0 });
    const error = await rejectsWith(ctx.t.client.listAllProducts({ pageSize: 5, concurrency: 2 }), 'server');
    assert.equal(error.status, 500);
  });

  describe('a catalog that changes between two page requests (page-number paging drifts)', () => {
    const liveIds = () => ctx.sandbox.store.list().map((p) => p.id);

    it('a product archived after page 1 was served: none slips between two pages, none archived stays', async () => {
      const before = liveIds();
      // Archiving the first product shifts every later one a place up: the old 6th product moves
      // onto page 1, which was already fetched.
      ctx.sandbox.faults.add({ method: 'GET', path: 'page=1&', mutate: { archive: [before[0]!] } });
      const all = await ctx.t.client.listAllProducts({ pageSize: 5 });
      assert.deepEqual(all.map((p) => p.id), liveIds());
      assert.ok(all.some((p) => p.id === before[5]), 'the product that moved onto page 1 is listed');
      assert.ok(!all.some((p) => p.id === before[0]), 'the archived product is not');
    });

    it('a product created after page 1 was served, sorting first: it is listed', async () => {
      ctx.sandbox.faults.add({ method: 'GET', path: 'page=1&', mutate: { create: [{ name: '0 Created Meanwhile', taxCode: 'saas' }] } });
      const all = await ctx.t.client.listAllProducts({ pageSize: 5 });
      assert.deepEqual(all.map((p) => p.id), liveIds());
      assert.equal(all[0]?.name, '0 Created Meanwhile');
    });

    it('refetches once, page 1 on, at the page size the server served, and reports the latest count', async () => {
      const before = liveIds();
      ctx.sandbox.faults.add({ method: 'GET', path: 'page=3&', mutate: { archive: [before[0]!, before[1]!] } });
      const totals: number[] = [];
      const all = await ctx.t.client.listAllProducts({ pageSize: 5, concurrency: 1, onPage: (_items, _loaded, total) => totals.push(total) });
      assert.deepEqual(all.map((p) => p.id), liveIds());
      const pages = ctx.sandbox.journal.find('GET').map((e) => `${e.query.page}/${e.query.page_size}`);
      // pages 1..8 of 36, the counts moved (34 from page 4 on), then pages 1..7 of 34 again
      assert.deepEqual(pages, ['1/5', '2/5', '3/5', '4/5', '5/5', '6/5', '7/5', '8/5', '1/5', '2/5', '3/5', '4/5', '5/5', '6/5', '7/5']);
      assert.equal(totals.at(-1), 34);
    });

    it('a steady catalog is fetched once', async () => {
      await ctx.t.client.listAllProducts({ pageSize: 5 });
      assert.equal(ctx.sandbox.journal.length, 8);
    });
  });

  it('is cancellable: rejects promptly with kind cancelled and stops requesting', async () => {
    ctx.sandbox.latencyMs = 200;
    const controller = new AbortController();
    const started = Date.now();
    const run = ctx.t.client.listAllProducts({ pageSize: 2, concurrency: 2, signal: controller.signal, onPage: () => controller.abort() });
    const error = await rejectsWith(run, 'cancelled');
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
    assert.match(error.message, /^Cancelled: GET /);
    await new Promise((r) => setTimeout(r, 250));
    assert.ok(ctx.sandbox.journal.length <= 3, `${ctx.sandbox.journal.length} requests reached the server`);
  });
});

/** The most intervals open at once. */
function maxOverlap(intervals: Array<[number, number]>): number {
  const events = intervals.flatMap(([start, end]) => [[start, 1], [end, -1]] as Array<[number, number]>);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, delta] of events) peak = Math.max(peak, (open += delta));
  return peak;
}
