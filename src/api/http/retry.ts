// Retry policy and timing: which failures may be retried for which method, how long to wait
// (Retry-After or capped exponential backoff with jitter), and a cancellable sleep. Pure except
// for `sleep`.

/** Why an attempt failed, as far as retrying is concerned. */
export type FailureClass =
  | 'rateLimited' // 429: the server refused without processing
  | 'unavailable' // 502/503/504: a gateway or an overloaded server; the request may have been processed
  | 'notSent' // connection refused / connect timeout / DNS try-again: the request never left
  | 'connectionLost' // reset or closed after sending, or the response was cut off
  | 'timeout'; // no complete answer within timeoutMs; the request may have been processed

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * The policy (see the report / README table):
 * - 429 is retried for every method: the server did not process the request.
 * - GET and DELETE (archive) are retried on every transient failure. A repeated archive whose
 *   first attempt did land answers 400 "Already archived."; the kelviq client treats that answer,
 *   after an ambiguous failure, as success.
 * - PATCH is retried only when the request provably never reached the server (`notSent`): a PATCH
 *   may attach images (`imageKeys`), so repeating one that was received is not harmless.
 * - POST (create) is never retried except on 429: a repeat could create a duplicate product.
 */
export function isRetryAllowed(method: string, failure: FailureClass): boolean {
  const m = method.toUpperCase();
  if (failure === 'rateLimited') return true;
  if (IDEMPOTENT.has(m)) return true;
  if (m === 'PATCH') return failure === 'notSent';
  return false;
}

/** True when the server may have acted on the request even though we saw no success. */
export function isAmbiguous(failure: FailureClass): boolean {
  return failure === 'unavailable' || failure === 'connectionLost' || failure === 'timeout';
}

/**
 * Parses a Retry-After header: delta-seconds ("120", leniently "1.5") or an HTTP-date. Returns
 * the wait in milliseconds (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | readonly string[] | undefined | null, nowMs: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^-\d/.test(text)) return undefined;
  // An HTTP-date always names a weekday or a month; this keeps Date.parse from reading "12" or "soon".
  if (!/[a-z]{3}/i.test(text)) return undefined;
  // asctime dates carry no zone; HTTP dates are always GMT.
  const at = Date.parse(/(GMT|UTC|Z|[+-]\d{4})$/i.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Delay before retry number `attempt` (1 = after the first failure): base·2^(attempt-1), capped
 * at `maxMs`, with "equal jitter" (between half and all of it) so clients do not retry in step.
 */
export function computeBackoff(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(0, Math.round(ceiling / 2 + (ceiling / 2) * r));
}

/** The wait before the next attempt: the server's Retry-After when given (capped), else backoff. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), maxMs);
  return computeBackoff(attempt, baseMs, maxMs, random);
}

/** Resolves after `ms`, or rejects with `onAbort()` as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(onAbort());
      return;
    }
    const abort = (): void => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
