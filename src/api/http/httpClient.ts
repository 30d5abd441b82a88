// A JSON-over-HTTPS client for one API origin: an undici Pool (keep-alive, owned and closed here),
// per-attempt timeouts, caller cancellation, the retry policy in retry.ts, zod validation of
// every body it returns, one log entry per attempt, and ApiError for every failure. It knows
// nothing about kelviq: the backend client supplies headers, paths, schemas and messages. Every
// text an attempt produces (the log entry's error and request id, the ApiError's message) is
// redacted and plain text before anyone sees it: a server may echo the key or send link syntax.
//
// Why `Pool.request` and not `fetch`: it hands back status, headers and the body stream without
// WHATWG wrapping, keeps undici's error codes (fetch folds them into "TypeError: fetch failed"),
// never follows redirects (so the Authorization header cannot be forwarded anywhere), and is
// the cheaper path in undici.
import { Pool, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { parseBaseUrl } from './baseUrl';
import { interpretResponse, interpretThrown, pickHeader, type Attempt, type AttemptFailure } from './attemptOutcome';
import type { ParsedErrorBody } from './errorBody';
import { plainText } from '../../domain/untrustedText';
import { ApiError, redact, safeRequestId } from './errors';
import { readBodyText } from './responseBody';
import { isAmbiguous, isRetryAllowed, retryDelay, sleep } from './retry';
import type { ErrorContext } from './statusErrors';
import type { CallOptions, RequestLogEntry, RetryInfo, RetryListener } from './types';

/** Keep-alive sockets per origin: enough for listAllProducts' concurrency (16). */
export const MAX_CONNECTIONS_PER_ORIGIN = 16;

export interface HttpClientOptions {
  baseUrl: string;
  /** Names the backend in messages: 'Kelviq'. */
  service: string;
  /** Names the environment in messages: "Sandbox", "Production", "Custom". */
  environmentLabel: string;
  /** Sent with every request (e.g. authorization). Kept private; never logged. */
  headers: Readonly<Record<string, string>>;
  /** Strings scrubbed from every message, log entry and cause (the API key). */
  secrets: readonly string[];
  /** Per attempt. Default 30000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** First backoff step. Default 500. */
  retryBaseDelayMs?: number;
  /** Cap on any single wait, Retry-After included. Default 30000. */
  maxRetryDelayMs?: number;
  userAgent?: string;
  /** One entry per HTTP attempt. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Before each wait between attempts, for every call (calls may add their own). */
  onRetry?: RetryListener;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpRequest<T> extends CallOptions {
  method: HttpMethod;
  /** Relative to the base URL, with the query: `/catalog/products/?page=2`. */
  path: string;
  /** Serialised as JSON. Validate it before calling. */
  body?: unknown;
  /**
   * Schema for a 2xx body, 'ignore' to accept an empty or any body (e.g. 204), or 'location': the
   * answer must be a redirect, and its Location header (not followed) is the value (T = string).
   * The Location never reaches a log entry or an error message: it may be a signed URL.
   */
  response: z.ZodType<T> | 'ignore' | 'location';
  notFoundMessage?: string;
  /** Overrides the client's maxRetries for this call (0: never retried, e.g. a create). */
  maxRetries?: number;
  /** After an attempt that may have landed, may this error answer count as success? (see retry.ts) */
  acceptAfterAmbiguousFailure?: (status: number, body: ParsedErrorBody) => boolean;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid', 'cf-ray'];

export class HttpClient {
  readonly origin: string;
  readonly basePath: string;
  readonly #options: HttpClientOptions;
  readonly #pool: Pool;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  #closing: Promise<void> | undefined;

  constructor(options: HttpClientOptions) {
    const { origin, basePath } = parseBaseUrl(options.baseUrl);
    this.origin = origin;
    this.basePath = basePath;
    this.#options = options;
    this.#timeoutMs = positive(options.timeoutMs, 30_000);
    this.#maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 3));
    this.#baseDelayMs = Math.max(0, options.retryBaseDelayMs ?? 500);
    this.#maxDelayMs = Math.max(0, options.maxRetryDelayMs ?? 30_000);
    this.#pool = new Pool(origin, {
      connections: MAX_CONNECTIONS_PER_ORIGIN,
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 60_000,
      connect: { timeout: Math.min(this.#timeoutMs, 15_000) },
    });
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** Waits for requests in flight, then closes the connections. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#pool.close();
    return this.#closing;
  }

  /** Closes now, aborting requests in flight (they reject with kind 'cancelled'). */
  destroy(): Promise<void> {
    this.#closing ??= this.#pool.destroy();
    return this.#closing;
  }

  async request<T>(req: HttpRequest<T>): Promise<T> {
    const path = this.basePath + req.path;
    const cancelled = (attempts: number): ApiError => this.#cancelled(req.method, path, attempts);
    if (this.closed || req.signal?.aborted) throw cancelled(0);
    const bodyText = req.body === undefined ? undefined : JSON.stringify(req.body);
    let mayHaveLanded = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt(req, path, bodyText, attempt);
      if (outcome.ok) return outcome.value;
      const status = outcome.error.status;
      if (mayHaveLanded && status !== undefined && outcome.body && req.acceptAfterAmbiguousFailure?.(status, outcome.body)) {
        return undefined as T;
      }
      const { failure } = outcome;
      const allowed = failure !== undefined && isRetryAllowed(req.method, failure);
      if (!allowed || attempt > (req.maxRetries ?? this.#maxRetries)) throw this.#finalError(req.method, outcome, attempt, allowed);
      const delayMs = retryDelay(attempt, outcome.retryAfterMs, this.#baseDelayMs, this.#maxDelayMs);
      const reason = outcome.error.kind as RetryInfo['reason'];
      const info: RetryInfo = { attempt, delayMs, reason, method: req.method, path, ...(status !== undefined ? { status } : {}) };
      for (const listener of [this.#options.onRetry, req.onRetry]) safely(listener, info);
      mayHaveLanded ||= isAmbiguous(failure);
      await sleep(delayMs, req.signal, () => cancelled(attempt));
      if (this.closed) throw cancelled(attempt);
    }
  }

  async #attempt<T>(req: HttpRequest<T>, path: string, bodyText: string | undefined, attempt: number): Promise<Attempt<T>> {
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const forward = (): void => controller.abort();
    req.signal?.addEventListener('abort', forward, { once: true });
    const entry: RequestLogEntry = { method: req.method, path, attempt, durationMs: 0 };
    let outcome: Attempt<T> | undefined;
    try {
      let res: Dispatcher.ResponseData;
      try {
        res = await this.#pool.request({
          origin: this.origin,
          path,
          method: req.method,
          headers: this.#headers(bodyText !== undefined),
          body: bodyText,
          signal: controller.signal,
          headersTimeout: this.#timeoutMs,
          bodyTimeout: this.#timeoutMs,
        });
      } catch (error) {
        return (outcome = this.#thrown(error, req, path, timedOut, 'send'));
      }
      entry.status = res.statusCode;
      const requestId = safeRequestId(pickHeader(res.headers, REQUEST_ID_HEADERS), this.#options.secrets);
      if (requestId !== undefined) entry.requestId = requestId;
      let text: string;
      try {
        text = await readBodyText(res.body);
      } catch (error) {
        // A 2xx whose body we ignore has already said "done": a broken body (a 204 announcing
        // bytes it never sends) does not undo that.
        const done = req.response === 'ignore' && res.statusCode >= 200 && res.statusCode < 300 && !req.signal?.aborted;
        return (outcome = done ? { ok: true, value: undefined as T } : this.#thrown(error, req, path, timedOut, 'body', res.statusCode));
      }
      outcome = interpretResponse(this.#context(req, path), req.response, res.statusCode, res.headers, text, Date.now());
      if (!outcome.ok && requestId !== undefined) outcome.error.requestId = requestId;
      return outcome;
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', forward);
      entry.durationMs = Math.round(performance.now() - started);
      if (outcome && !outcome.ok) entry.error = outcome.error.message = this.#clean(outcome.error.message);
      safely(this.#options.onRequest, entry);
    }
  }

  /** A per-attempt text as anyone may see it: the key (and its echoes) redacted, plain text. */
  #clean(text: string): string {
    return plainText(redact(text, this.#options.secrets));
  }

  #thrown<T>(error: unknown, req: HttpRequest<T>, path: string, timedOut: boolean, phase: 'send' | 'body', status?: number): Attempt<T> {
    const cancelled = req.signal?.aborted || this.closed;
    return interpretThrown(this.#context(req, path), error, {
      phase,
      timedOut,
      timeoutMs: this.#timeoutMs,
      origin: this.origin,
      ...(cancelled ? { cancelledMessage: this.#cancelled(req.method, path, 0).message } : {}),
      ...(status !== undefined ? { status } : {}),
    });
  }

  #finalError(method: string, outcome: AttemptFailure, attempts: number, allowed: boolean): ApiError {
    let message = outcome.error.message;
    if (outcome.failure && isAmbiguous(outcome.failure) && !isRetryAllowed(method, outcome.failure)) {
      message += ' The change may or may not have been applied: refresh before trying again.';
    }
    if (attempts > 1 && outcome.failure) message += ` (${attempts} attempts)`;
    const retryable = outcome.error.kind !== 'cancelled' && allowed;
    return new ApiError({ ...outcome.error, message: this.#clean(message), attempts, retryable });
  }

  #cancelled(method: string, path: string, attempts: number): ApiError {
    const message = this.closed
      ? `The ${this.#options.service} (${this.#options.environmentLabel}) client was closed; ${method} ${path} was not completed.`
      : `Cancelled: ${method} ${path}.`;
    return new ApiError({ kind: 'cancelled', message, method, path, attempts });
  }

  #context<T>(req: HttpRequest<T>, path: string): ErrorContext {
    const { service, environmentLabel, baseUrl, secrets } = this.#options;
    return { service, environmentLabel, method: req.method, path, baseUrl, secrets, ...(req.notFoundMessage ? { notFoundMessage: req.notFoundMessage } : {}) };
  }

  #headers(hasBody: boolean): Record<string, string> {
    return {
      accept: 'application/json',
      'user-agent': this.#options.userAgent ?? 'kelviq-catalog-vscode',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...this.#options.headers,
    };
  }
}

function safely<A>(listener: ((arg: A) => void) | undefined, arg: A): void {
  try {
    listener?.(arg);
  } catch {
    // a logging or UI hook must never break a request
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
