import assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/http/errors';
import { computeBackoff, isAmbiguous, isRetryAllowed, parseRetryAfter, retryDelay, sleep, type FailureClass } from '../../../src/api/http/retry';

describe('api/http/retry: parseRetryAfter', () => {
  const now = Date.parse('2026-05-20T10:00:00Z');
  const cases: Array<[string | string[] | undefined | null, number | undefined]> = [
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 7 ', 7000],
    ['1.5', 1500],
    [['2', '9'], 2000],
    ['Wed, 20 May 2026 10:00:05 GMT', 5000],
    ['Wed, 20 May 2026 09:59:00 GMT', 0], // in the past: retry now
    ['Wednesday, 20-May-26 10:00:03 GMT', 3000], // RFC 850
    ['Wed May 20 10:00:02 2026', 2000], // asctime: GMT although it says no zone
    ['-5', undefined],
    ['soon', undefined],
    ['12abc', undefined],
    ['', undefined],
    [undefined, undefined],
    [null, undefined],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${String(expected)}`, () => assert.equal(parseRetryAfter(value, now), expected));
  }
});

describe('api/http/retry: computeBackoff', () => {
  const cases: Array<[attempt: number, base: number, max: number, random: number, expected: number]> = [
    [1, 500, 30_000, 0, 250],
    [1, 500, 30_000, 1, 500],
    [2, 500, 30_000, 0, 500],
    [3, 500, 30_000, 0.5, 1500],
    [4, 500, 30_000, 1, 4000],
    [10, 500, 30_000, 1, 30_000], // capped
    [10, 500, 30_000, 0, 15_000], // jitter stays within the cap
    [100, 500, 30_000, 1, 30_000], // no overflow
    [0, 500, 30_000, 1, 500], // attempt < 1 is treated as 1
    [1, 0, 30_000, 1, 0],
    [2, 500, 30_000, 7, 1000], // random out of range is clamped
  ];
  for (const [attempt, base, max, random, expected] of cases) {
    it(`attempt ${attempt}, base ${base}, cap ${max}, random ${random} → ${expected}`, () =>
      assert.equal(computeBackoff(attempt, base, max, () => random), expected));
  }
  it('defaults to Math.random jitter within [ceiling/2, ceiling]', () => {
    for (let i = 0; i < 200; i++) {
      const d = computeBackoff(3, 100, 10_000);
      assert.ok(d >= 200 && d <= 400, String(d));
    }
  });
});

describe('api/http/retry: retryDelay', () => {
  const cases: Array<[retryAfter: number | undefined, expected: number]> = [
    [2000, 2000],
    [0, 0],
    [120_000, 30_000], // Retry-After capped at maxRetryDelayMs
    [undefined, 1000], // backoff: attempt 2, base 500, random 1
  ];
  for (const [retryAfter, expected] of cases) {
    it(`Retry-After ${String(retryAfter)} → ${expected}`, () => assert.equal(retryDelay(2, retryAfter, 500, 30_000, () => 1), expected));
  }
});

describe('api/http/retry: isRetryAllowed (the policy table)', () => {
  const failures: FailureClass[] = ['rateLimited', 'unavailable', 'notSent', 'connectionLost', 'timeout'];
  const table: Record<string, Record<FailureClass, boolean>> = {
    GET: { rateLimited: true, unavailable: true, notSent: true, connectionLost: true, timeout: true },
    DELETE: { rateLimited: true, unavailable: true, notSent: true, connectionLost: true, timeout: true },
    PATCH: { rateLimited: true, unavailable: false, notSent: true, connectionLost: false, timeout: false },
    POST: { rateLimited: true, unavailable: false, notSent: false, connectionLost: false, timeout: false },
  };
  for (const [method, row] of Object.entries(table)) {
    for (const failure of failures) {
      it(`${method} × ${failure} → ${row[failure] ? 'retried' : 'not retried'}`, () => {
        assert.equal(isRetryAllowed(method, failure), row[failure]);
        assert.equal(isRetryAllowed(method.toLowerCase(), failure), row[failure]);
      });
    }
  }
  it('ambiguous failures are the ones after which the server may have acted', () => {
    assert.deepEqual(failures.filter(isAmbiguous), ['unavailable', 'connectionLost', 'timeout']);
  });
});

describe('api/http/retry: sleep', () => {
  const cancelled = (): Error => new ApiError({ kind: 'cancelled', message: 'Cancelled', method: 'GET', path: '/' });
  it('resolves after the delay', async () => {
    const started = Date.now();
    await sleep(30, undefined, cancelled);
    assert.ok(Date.now() - started >= 25);
  });
  it('rejects at once when the signal is already aborted', async () => {
    await assert.rejects(sleep(10_000, AbortSignal.abort(), cancelled), (e: ApiError) => e.kind === 'cancelled');
  });
  it('rejects promptly when the signal fires during the wait', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(sleep(10_000, controller.signal, cancelled), (e: ApiError) => e.kind === 'cancelled');
    assert.ok(Date.now() - started < 1000);
  });
});
