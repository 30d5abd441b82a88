// Retry rules, timeouts and cancellation against the real sandbox.
import assert from 'node:assert/strict';
import type { RetryInfo } from '../../../src/api/http/types';
import { makeClient, rejectsWith, useSandboxClient } from './support';

describe('api/kelviq: KelviqClient retries, timeouts, cancellation (sandbox)', () => {
  const ctx = useSandboxClient();

  const count = (method: string): number => ctx.sandbox.journal.find(method, '/catalog/products/').length;

  describe('429', () => {
    it('waits for Retry-After (delta-seconds), then succeeds', async () => {
      await ctx.t.client.close();
      ctx.t = makeClient(ctx.sandbox.baseUrl, { maxRetryDelayMs: 5_000 });
      ctx.sandbox.faults.add({ method: 'GET', retryAfter: '1' });
      const started = Date.now();
      const page = await ctx.t.client.listProducts();
      const elapsed = Date.now() - started;
      assert.equal(page.count, 36);
      assert.ok(elapsed >= 950, `waited only ${elapsed} ms`);
      assert.deepEqual(ctx.t.retries.map((r) => [r.attempt, r.delayMs, r.reason, r.status]), [[1, 1000, 'rateLimited', 429]]);
      assert.deepEqual(ctx.t.log.map((e) => [e.attempt, e.status]), [[1, 429], [2, 200]]);
    });

    it('caps Retry-After at maxRetryDelayMs', async () => {
      ctx.sandbox.faults.add({ method: 'GET', retryAfter: '3600' });
      await ctx.t.client.listProducts();
      assert.deepEqual(ctx.t.retries.map((r) => r.delayMs), [50]);
    });

    it('without Retry-After: bounded exponential backoff, at most maxRetries, then rateLimited', async () => {
      ctx.sandbox.faults.add({ method: 'GET', status: 429, times: 0 });
      const error = await rejectsWith(ctx.t.client.listProducts(), 'rateLimited');
      assert.equal(count('GET'), 4);
      assert.equal(error.attempts, 4);
      assert.equal(error.retryable, true);
      assert.match(error.message, /limiting the request rate \(429\).*\(4 attempts\)$/);
      const delays = ctx.t.retries.map((r) => r.delayMs);
      assert.equal(delays.length, 3);
      assert.ok(delays[0]! >= 2 && delays[0]! <= 5, `${delays[0]}`); // base 5: [2.5, 5]
      assert.ok(delays[2]! >= 10 && delays[2]! <= 20, `${delays[2]}`); // 5·2² = 20: [10, 20]
    });

    it('is retried for a create too (the server did not process it): one product', async () => {
      ctx.sandbox.faults.add({ method: 'POST', status: 429 });
      const created = await ctx.t.client.createProduct({ name: 'Once Only', taxCode: 'saas' });
      assert.equal(count('POST'), 2);
      assert.equal(ctx.sandbox.store.list().filter((p) => p.name === 'Once Only').length, 1);
      assert.equal(created.name, 'Once Only');
    });

    it('is retried for PATCH', async () => {
      ctx.sandbox.faults.add({ method: 'PATCH', status: 429, retryAfter: '0' });
      await ctx.t.client.updateProduct(ctx.productId, { description: 'after throttling' });
      assert.equal(count('PATCH'), 2);
    });
  });

  describe('5xx, resets and the methods', () => {
    for (const status of [502, 503, 504]) {
      it(`GET ${status} → retried, then succeeds`, async () => {
        ctx.sandbox.faults.add({ method: 'GET', status, times: 2 });
        await ctx.t.client.getProduct(ctx.productId);
        assert.equal(count('GET'), 3);
        assert.deepEqual(ctx.t.retries.map((r) => [r.reason, r.status]), [['server', status], ['server', status]]);
      });

      it(`POST ${status} → a create is never retried`, async () => {
        ctx.sandbox.faults.add({ method: 'POST', status, times: 0 });
        const error = await rejectsWith(ctx.t.client.createProduct({ name: 'Maybe', taxCode: 'saas' }), 'server');
        assert.equal(count('POST'), 1);
        assert.equal(error.retryable, false);
        assert.match(error.message, new RegExp(`^Kelviq \\(Sandbox\\) answered ${status} .* The change may or may not have been applied: refresh before trying again\\.$`));
        assert.equal(ctx.t.retries.length, 0);
      });

      it(`PATCH ${status} → not retried`, async () => {
        ctx.sandbox.faults.add({ method: 'PATCH', status, times: 0 });
        await rejectsWith(ctx.t.client.updateProduct(ctx.productId, { name: 'N' }), 'server');
        assert.equal(count('PATCH'), 1);
      });
    }

    it('503 honours Retry-After too', async () => {
      ctx.sandbox.faults.add({ method: 'GET', status: 503, retryAfter: '0' });
      await ctx.t.client.listProducts();
      assert.deepEqual(ctx.t.retries.map((r) => r.delayMs), [0]);
    });

    it('a connection reset: GET retried; POST and PATCH not', async () => {
      ctx.sandbox.faults.add({ method: 'GET', reset: true });
      await ctx.t.client.listProducts();
      assert.equal(count('GET'), 2);

      ctx.sandbox.faults.add({ method: 'POST', reset: true });
      const post = await rejectsWith(ctx.t.client.createProduct({ name: 'Reset', taxCode: 'saas' }), 'network');
      assert.equal(count('POST'), 1);
      assert.match(post.message, /connection was closed before the answer arrived.*may or may not have been applied/);

      ctx.sandbox.faults.add({ method: 'PATCH', reset: true });
      await rejectsWith(ctx.t.client.updateProduct(ctx.productId, { name: 'R' }), 'network');
      assert.equal(count('PATCH'), 1);
    });

    it('DELETE (archive) 503 → retried, archived once', async () => {
      ctx.sandbox.faults.add({ method: 'DELETE', status: 503 });
      await ctx.t.client.archiveProduct(ctx.productId);
      assert.deepEqual(ctx.sandbox.journal.find('DELETE').map((e) => e.status), [503, 204]);
      assert.equal(ctx.sandbox.store.get(ctx.productId), undefined);
    });

    it('DELETE: "Already archived." after an answer that may have landed → success', async () => {
      ctx.sandbox.store.archive(ctx.productId); // as if the first attempt landed and only its answer was lost
      ctx.sandbox.faults.add({ method: 'DELETE', status: 502 });
      await ctx.t.client.archiveProduct(ctx.productId);
      assert.deepEqual(ctx.sandbox.journal.find('DELETE').map((e) => e.status), [502, 400]);
    });

    it('DELETE: "Already archived." after a 429 (which cannot have landed) → still an error', async () => {
      ctx.sandbox.store.archive(ctx.productId);
      ctx.sandbox.faults.add({ method: 'DELETE', status: 429 });
      const error = await rejectsWith(ctx.t.client.archiveProduct(ctx.productId), 'badRequest');
      assert.equal(error.message, 'Already archived.');
    });

    it('onRetry: the client hook and the per-call hook both hear every wait', async () => {
      const perCall: RetryInfo[] = [];
      ctx.sandbox.faults.add({ method: 'GET', status: 503, times: 2 });
      await ctx.t.client.getProduct(ctx.productId, { onRetry: (info) => perCall.push(info) });
      assert.equal(perCall.length, 2);
      assert.deepEqual(perCall, ctx.t.retries);
      assert.deepEqual(perCall.map((r) => r.attempt), [1, 2]);
      assert.equal(perCall[0]?.path, `/api/v1/catalog/products/${ctx.productId}/`);
    });

    it('maxRetries: 0 disables retries', async () => {
      await ctx.t.client.close();
      ctx.t = makeClient(ctx.sandbox.baseUrl, { maxRetries: 0 });
      ctx.sandbox.faults.add({ method: 'GET', status: 503 });
      const error = await rejectsWith(ctx.t.client.listProducts(), 'server');
      assert.equal(error.attempts, 1);
      assert.equal(count('GET'), 1);
    });
  });

  describe('timeouts', () => {
    beforeEach(async () => {
      await ctx.t.client.close();
      ctx.t = makeClient(ctx.sandbox.baseUrl, { timeoutMs: 100 });
    });

    it('GET: per attempt, retried, then timeout', async () => {
      ctx.sandbox.faults.add({ method: 'GET', delayMs: 400, times: 0 });
      const started = Date.now();
      const error = await rejectsWith(ctx.t.client.listProducts(), 'timeout');
      const elapsed = Date.now() - started;
      assert.match(error.message, /^Kelviq \(Sandbox\) did not answer GET \/api\/v1\/catalog\/products\/\?page_size=100 within 100 ms\. \(4 attempts\)$/);
      assert.equal(error.retryable, true);
      assert.ok(elapsed >= 400 && elapsed < 1_500, `took ${elapsed} ms`);
      assert.deepEqual(ctx.t.log.map((e) => e.error?.includes('within 100 ms')), [true, true, true, true]);
    });

    it('GET: a slow first attempt, a fast second → success', async () => {
      ctx.sandbox.faults.add({ method: 'GET', delayMs: 400 });
      assert.equal((await ctx.t.client.listProducts()).count, 36);
      assert.deepEqual(ctx.t.retries.map((r) => r.reason), ['timeout']);
    });

    it('POST: one attempt only; the message says it may have been created', async () => {
      ctx.sandbox.faults.add({ method: 'POST', delayMs: 300 });
      const error = await rejectsWith(ctx.t.client.createProduct({ name: 'Slow', taxCode: 'saas' }), 'timeout');
      assert.equal(error.retryable, false);
      assert.match(error.message, /may or may not have been applied/);
      await new Promise((r) => setTimeout(r, 350));
      assert.equal(count('POST'), 1);
    });
  });

  describe('cancellation', () => {
    it('an already-aborted signal rejects without a request', async () => {
      await rejectsWith(ctx.t.client.listProducts({ signal: AbortSignal.abort() }), 'cancelled');
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('aborting during a request rejects promptly', async () => {
      ctx.sandbox.latencyMs = 1_000;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      const started = Date.now();
      const error = await rejectsWith(ctx.t.client.getProduct(ctx.productId, { signal: controller.signal }), 'cancelled');
      assert.ok(Date.now() - started < 300, `took ${Date.now() - started} ms`);
      assert.equal(error.retryable, false);
      assert.equal(ctx.t.retries.length, 0);
    });

    it('aborting during a rate-limit wait rejects promptly', async () => {
      await ctx.t.client.close();
      ctx.t = makeClient(ctx.sandbox.baseUrl, { maxRetryDelayMs: 10_000 });
      const controller = new AbortController();
      ctx.sandbox.faults.add({ method: 'GET', retryAfter: '10' });
      const started = Date.now();
      const run = ctx.t.client.listProducts({ signal: controller.signal, onRetry: () => setTimeout(() => controller.abort(), 20) });
      await rejectsWith(run, 'cancelled');
      assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
      assert.equal(count('GET'), 1);
    });

    it('close(): later calls reject cancelled without a request', async () => {
      await ctx.t.client.close();
      const error = await rejectsWith(ctx.t.client.listProducts(), 'cancelled');
      assert.match(error.message, /client was closed/);
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('dispose(): a call in flight rejects cancelled', async () => {
      ctx.sandbox.latencyMs = 1_000;
      const run = ctx.t.client.listProducts();
      setTimeout(() => ctx.t.client.dispose(), 30);
      const started = Date.now();
      await rejectsWith(run, 'cancelled');
      assert.ok(Date.now() - started < 500);
    });
  });
});
