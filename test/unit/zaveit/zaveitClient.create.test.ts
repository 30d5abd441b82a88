// Creating products against the Zaveit sandbox: what the server assigns, that a create is never
// retried (not even on 429), and the ambiguous failure (the product was created but the answer
// was lost): the client does not retry, says so, and findProductsByName finds the product.
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { isAmbiguousCreateFailure } from '../../../src/api/zaveit/zaveitErrors';
import { createZaveitTemplate, zaveitCreateBody } from '../../../src/domain/zaveit/product';
import { rejectsWith } from '../api/support';
import { SEED_CREATE_REQUEST } from './seedExamples';
import { assertNoToken, makeZaveitClient, startTestZaveit, useZaveitSandbox } from './support';

const OBJECT_ID = /^[0-9a-f]{24}$/;

describe('api/zaveit: ZaveitClient creates (Zaveit sandbox)', () => {
  const ctx = useZaveitSandbox();
  const posts = (): number => ctx.sandbox.journal.find('POST', '/v2/product').length;

  it('creates the documented example: id, variant _ids, country/currency _ids, created/updated, __v 0', async () => {
    const created = await ctx.t.client.createProduct(SEED_CREATE_REQUEST);
    assert.equal(created.name, 'Test product');
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.match(String(created.products?.[0]?._id), OBJECT_ID);
    assert.match(String(created.country?._id), OBJECT_ID);
    assert.equal(created.currency?.title, undefined, 'the title is not echoed back');
    assert.equal(created.created, created.updated);
    assert.equal(created.__v, 0);
    assert.deepEqual(ctx.sandbox.journal.entries()[0]?.body, SEED_CREATE_REQUEST);
  });

  it('the new-product template, turned into a create body, is accepted', async () => {
    const template = createZaveitTemplate({ currency: 'EUR', country: 'DE' });
    const created = await ctx.t.client.createProduct(zaveitCreateBody(template));
    assert.equal(created.currency?.code, 'EUR');
    assert.equal(ctx.sandbox.store.get(created.id)?.name, 'New product');
  });

  it('refuses a body the docs do not show before sending (strict), naming the field', async () => {
    const error = await rejectsWith(ctx.t.client.createProduct({ ...SEED_CREATE_REQUEST, shop_enabled: true } as never), 'validation');
    assert.match(error.message, /^The product cannot be created: shop_enabled: is not a field the API accepts\. Nothing was sent\.$/);
    assert.equal(posts(), 0);
  });

  it('a wrong type is refused before sending; a 400 in the documented {message, error} shape carries the server words', async () => {
    const error = await rejectsWith(ctx.t.client.createProduct({ name: 'Bad', subscription_term: 1.5 } as never), 'validation');
    assert.equal(error.fieldErrors.subscription_term?.[0], 'Invalid input: expected int, received number');
    assert.equal(posts(), 0);
    ctx.sandbox.faults.add({ method: 'POST', status: 400, body: { message: 'Product validation failed: sku taken', error: { message: 'Product validation failed: sku taken', status: 400 } } });
    const server = await rejectsWith(ctx.t.client.createProduct({ name: 'X' }), 'badRequest');
    assert.equal(server.message, 'Product validation failed: sku taken');
  });

  it('is not retried on 429, 503 or 500: one POST each', async () => {
    for (const status of [429, 503, 500]) {
      ctx.sandbox.journal.clear();
      ctx.sandbox.faults.add({ method: 'POST', status, ...(status === 429 ? { retryAfter: '0' } : {}) });
      await assert.rejects(ctx.t.client.createProduct({ name: `Once ${status}` }));
      assert.equal(posts(), 1, `status ${status}`);
    }
    assert.deepEqual(ctx.t.retries, []);
  });

  it('a reset after the server created it: no retry, ambiguous, and findProductsByName finds it', async () => {
    ctx.sandbox.switches.nextWriteAnswer = 'reset';
    const startedAt = Date.now();
    const error = await rejectsWith(ctx.t.client.createProduct({ ...SEED_CREATE_REQUEST, name: 'Landed Anyway' }), 'network');
    assert.equal(posts(), 1, 'never retried');
    assert.equal(error.retryable, false);
    assert.match(error.message, /may or may not have been applied/);
    assert.equal(isAmbiguousCreateFailure(error), true);
    const found = await ctx.t.client.findProductsByName('  landed anyway ', { createdAfterMs: startedAt - 1_000 });
    assert.deepEqual(found.products.map((p) => p.name), ['Landed Anyway']);
    assert.equal(found.complete, true);
  });

  it('a timeout after the server created it: no retry, ambiguous, found by name', async () => {
    await ctx.t.client.close();
    ctx.t = makeZaveitClient(ctx.sandbox.baseUrl, { timeoutMs: 300 });
    ctx.sandbox.switches.nextWriteAnswer = 'silence';
    const error = await rejectsWith(ctx.t.client.createProduct({ name: 'Slow Create' }), 'timeout');
    assert.equal(posts(), 1);
    assert.equal(isAmbiguousCreateFailure(error), true);
    assert.equal((await ctx.t.client.findProductsByName('Slow Create')).products.length, 1);
  });

  it('a reset before the server saw it (a fault answers instead): ambiguous too, and the lookup finds nothing', async () => {
    ctx.sandbox.faults.add({ method: 'POST', reset: true });
    const error = await rejectsWith(ctx.t.client.createProduct({ name: 'Never Landed' }), 'network');
    assert.equal(isAmbiguousCreateFailure(error), true, 'the client cannot tell: it must look');
    assert.deepEqual(await ctx.t.client.findProductsByName('Never Landed'), { products: [], complete: true });
  });

  it('findProductsByName works when the server ignores search and paging (filters locally), newest first', async () => {
    await ctx.t.client.createProduct({ name: 'Twin' });
    await ctx.t.client.createProduct({ name: 'TWIN ' }); // sent trimmed, as the strict create schema does
    ctx.sandbox.switches.paging = 'ignore';
    ctx.sandbox.switches.search = 'ignore';
    const found = await ctx.t.client.findProductsByName('Twin');
    assert.deepEqual(found.products.map((p) => p.name), ['TWIN', 'Twin']);
    ctx.sandbox.switches.paging = 'honour';
    const bounded = await ctx.t.client.findProductsByName('Twin', { maxPages: 1 });
    assert.equal(bounded.complete, true, 'one page held everything');
    await rejectsWith(ctx.t.client.findProductsByName('   '), 'validation');
  });

  it('not ambiguous: refused connections, rejected input, 4xx answers, cancelled before sending', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const closed = makeZaveitClient(`http://127.0.0.1:${port}`, { maxRetries: 0 });
    try {
      const refused = await rejectsWith(closed.client.createProduct({ name: 'X' }), 'network');
      assert.equal(refused.code, 'ECONNREFUSED');
      assert.equal(isAmbiguousCreateFailure(refused), false);
    } finally {
      await closed.client.close();
    }
    assert.equal(isAmbiguousCreateFailure(await rejectsWith(ctx.t.client.createProduct({ name: '' }), 'validation')), false);
    ctx.sandbox.faults.add({ method: 'POST', status: 409, body: { message: 'Conflict' } });
    assert.equal(isAmbiguousCreateFailure(await rejectsWith(ctx.t.client.createProduct({ name: 'X' }), 'conflict')), false);
    const aborted = new AbortController();
    aborted.abort();
    assert.equal(isAmbiguousCreateFailure(await rejectsWith(ctx.t.client.createProduct({ name: 'X' }, { signal: aborted.signal }), 'cancelled')), false);
    assert.equal(isAmbiguousCreateFailure(new Error('not an ApiError')), false);
  });

  it('a cancel while the create is in flight is ambiguous', async () => {
    ctx.sandbox.latencyMs = 1_000;
    const controller = new AbortController();
    const pending = ctx.t.client.createProduct({ name: 'In Flight' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejectsWith(pending, 'cancelled');
    assert.equal(isAmbiguousCreateFailure(error), true);
    assertNoToken(error);
  });

  it('a search stopped at its bound says it is not complete', async () => {
    const big = await startTestZaveit('generated:250');
    const { client } = makeZaveitClient(big.baseUrl);
    try {
      big.switches.search = 'ignore';
      const found = await client.findProductsByName('No Such Product', { maxPages: 2 });
      assert.deepEqual(found, { products: [], complete: false });
      assert.equal(big.journal.length, 2);
    } finally {
      await client.close();
      await big.close();
    }
  });
});
