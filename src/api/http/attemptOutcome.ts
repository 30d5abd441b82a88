// What one HTTP attempt came to: a validated value, or a failure description (kind, message,
// retry class, Retry-After). Pure: the HTTP client does the I/O and decides about retrying.
import type { z } from 'zod';
import type { ParsedErrorBody } from './errorBody';
import { errorCode, redact, sanitizeCause, type ApiErrorInit } from './errors';
import { classifyNetworkError } from './networkErrors';
import { BodyTooLargeError, decodeJson, describeSchemaMismatch } from './responseBody';
import { parseRetryAfter, type FailureClass } from './retry';
import { errorForStatus, type ErrorContext } from './statusErrors';

export type AttemptError = Omit<ApiErrorInit, 'attempts' | 'retryable'>;
export interface AttemptFailure {
  ok: false;
  error: AttemptError;
  /** Undefined: not retryable for any method. */
  failure?: FailureClass;
  retryAfterMs?: number;
  /** The decoded error body, for status errors. */
  body?: ParsedErrorBody;
}
export type Attempt<T> = { ok: true; value: T } | AttemptFailure;

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** A redirect's Location is a URL, often a long signed one: kept whole up to this length. */
export const MAX_LOCATION_LENGTH = 8192;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * What a call expects of a 2xx: a body matching the schema, or 'ignore' (any body, e.g. a 204).
 * 'location': the answer must be a redirect, whose Location (as sent, not followed) is the value;
 * a 2xx is then a badResponse, other statuses the usual errors.
 */
export type ResponseExpectation<T> = z.ZodType<T> | 'ignore' | 'location';

/** Interprets a complete answer: 2xx → decode + validate; anything else → a status error. */
export function interpretResponse<T>(
  ctx: ErrorContext,
  schema: ResponseExpectation<T>,
  status: number,
  headers: ResponseHeaders,
  text: string,
  nowMs: number,
): Attempt<T> {
  const who = `${ctx.service} (${ctx.environmentLabel})`;
  const where = `${ctx.method} ${ctx.path}`;
  const base = { method: ctx.method, path: ctx.path, status };
  const contentType = pickHeader(headers, ['content-type']);
  if (schema === 'location' && (REDIRECTS.has(status) || (status >= 200 && status < 300))) {
    const raw = headers.location;
    const location = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (REDIRECTS.has(status) && location && location.length <= MAX_LOCATION_LENGTH) return { ok: true, value: location as T };
    const what = REDIRECTS.has(status) ? `a redirect (${status}) ${location ? 'with too long a Location' : 'without a Location'}` : `${status} instead of a redirect`;
    return { ok: false, error: { ...base, kind: 'badResponse', message: `${who} answered ${where} with ${what}. Check that the API base URL (${ctx.baseUrl}) points at the ${ctx.service} API.` } };
  }
  if (status >= 200 && status < 300) {
    if (schema === 'ignore' || schema === 'location') return { ok: true, value: undefined as T };
    const decoded = decodeJson(text, contentType);
    if (!decoded.ok) {
      const message = `${who} answered ${status} to ${where} with ${decoded.reason} instead of JSON. Check that the API base URL (${ctx.baseUrl}) points at the ${ctx.service} API.`;
      return { ok: false, error: { ...base, kind: 'badResponse', message } };
    }
    const parsed = schema.safeParse(decoded.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    const message = `${who} sent an unexpected answer to ${where}: ${redact(describeSchemaMismatch(parsed.error), ctx.secrets)}`;
    return { ok: false, error: { ...base, kind: 'badResponse', message } };
  }
  const mapped = errorForStatus(ctx, status, text, contentType);
  const failure: FailureClass | undefined =
    status === 429 ? 'rateLimited' : status === 502 || status === 503 || status === 504 ? 'unavailable' : undefined;
  const retryAfterMs = parseRetryAfter(pickHeader(headers, ['retry-after']), nowMs);
  return {
    ok: false,
    error: { ...base, kind: mapped.kind, message: mapped.message, fieldErrors: mapped.fieldErrors },
    body: mapped.body,
    ...(failure ? { failure } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

export interface ThrownContext {
  /** 'send': before the status line arrived; 'body': while the body streamed. */
  phase: 'send' | 'body';
  /** Set when the caller's signal fired or the client was closed: the message to use. */
  cancelledMessage?: string;
  timedOut: boolean;
  timeoutMs: number;
  origin: string;
  status?: number;
}

/** Interprets an exception from undici (or from reading the body). */
export function interpretThrown(ctx: ErrorContext, error: unknown, info: ThrownContext): AttemptFailure {
  const who = `${ctx.service} (${ctx.environmentLabel})`;
  const where = `${ctx.method} ${ctx.path}`;
  const code = errorCode(error);
  const cause = sanitizeCause(error, ctx.secrets);
  const base = {
    method: ctx.method,
    path: ctx.path,
    ...(info.status !== undefined ? { status: info.status } : {}),
    ...(code ? { code } : {}),
    ...(cause ? { cause } : {}),
  };
  if (info.cancelledMessage !== undefined) return { ok: false, error: { ...base, kind: 'cancelled', message: info.cancelledMessage } };
  if (info.timedOut) {
    return { ok: false, error: { ...base, kind: 'timeout', message: `${who} did not answer ${where} within ${formatMs(info.timeoutMs)}.` }, failure: 'timeout' };
  }
  if (error instanceof BodyTooLargeError) {
    return { ok: false, error: { ...base, kind: 'badResponse', message: `${who} sent too large an answer to ${where}.` } };
  }
  const net = classifyNetworkError(code);
  if (info.phase === 'body') {
    const message = `The answer from ${who} to ${where} was cut off (${net.description}).`;
    return { ok: false, error: { ...base, kind: 'badResponse', message }, failure: 'connectionLost' };
  }
  const message =
    net.kind === 'timeout' ? `${who} did not answer ${where} in time (${code}).` : `Could not reach ${who} at ${info.origin}: ${net.description}.`;
  return { ok: false, error: { ...base, kind: net.kind, message }, ...(net.failure ? { failure: net.failure } : {}) };
}

export function pickHeader(headers: ResponseHeaders, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim()) return first.trim().slice(0, 200);
  }
  return undefined;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
