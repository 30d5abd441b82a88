// Runs an async function over items with at most `limit` in flight, keeping results in input
// order. The first failure aborts the others (through the signal handed to `fn`) and is the
// one rethrown once every worker has stopped; an aborted outer signal stops new work at once.

import { setMaxListeners } from 'node:events';

export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const controller = new AbortController();
  // Every request in flight listens to this signal; more than Node's default 10 is expected here.
  setMaxListeners(Math.max(10, limit + 1), controller.signal);
  const forward = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  let next = 0;
  let firstError: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !firstError) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!, index, controller.signal);
      } catch (error) {
        firstError ??= { error };
        controller.abort();
      }
    }
  };
  try {
    const workers = Array.from({ length: Math.max(1, Math.min(Math.floor(limit) || 1, items.length)) }, worker);
    await Promise.all(workers);
  } finally {
    signal?.removeEventListener('abort', forward);
  }
  if (firstError) throw firstError.error;
  return results;
}
