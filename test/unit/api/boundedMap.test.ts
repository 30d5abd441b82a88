import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { mapBounded } from '../../../src/api/http/boundedMap';

describe('api/http/boundedMap: mapBounded', () => {
  it('keeps input order and never exceeds the limit', async () => {
    let active = 0;
    let peak = 0;
    const items = Array.from({ length: 20 }, (_, i) => i);
    const out = await mapBounded(items, 3, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await delay((n * 7) % 11);
      active--;
      return n * 2;
    });
    assert.deepEqual(out, items.map((n) => n * 2));
    assert.equal(peak, 3);
  });

  it('rethrows the first failure and aborts the others', async () => {
    const aborted: number[] = [];
    await assert.rejects(
      mapBounded([1, 2, 3, 4, 5, 6], 3, async (n, _i, signal) => {
        if (n === 2) throw new Error('boom');
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 5_000);
          signal.addEventListener('abort', () => {
            clearTimeout(t);
            aborted.push(n);
            resolve();
          });
        });
        if (signal.aborted) throw new Error(`cancelled ${n}`);
        return n;
      }),
      /^Error: boom$/,
    );
    assert.deepEqual(aborted.sort(), [1, 3]);
  });

  it('stops taking new items once the outer signal fires', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = mapBounded(
      Array.from({ length: 50 }, (_, i) => i),
      2,
      async (n, _i, signal) => {
        started.push(n);
        if (n === 3) controller.abort();
        if (signal.aborted) throw new Error('cancelled');
        await delay(1);
        return n;
      },
      controller.signal,
    );
    await assert.rejects(run, /cancelled/);
    assert.ok(started.length <= 6, `started ${started.length}`);
  });

  it('handles an empty list and a silly limit', async () => {
    assert.deepEqual(await mapBounded([], 4, async () => 1), []);
    assert.deepEqual(await mapBounded([1, 2], 0, async (n) => n), [1, 2]);
  });
});
