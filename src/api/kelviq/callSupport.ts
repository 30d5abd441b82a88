// What every kelviq call shares: the HTTP client it runs on, the checks made before anything is
// sent (bodies against the strict schemas, ids, page and version numbers) and the answers that,
// after an attempt that may have landed, mean a DELETE did its work.
import type { z } from 'zod';
import type { ParsedErrorBody } from '../http/errorBody';
import { ApiError } from '../http/errors';
import type { HttpClient, HttpMethod } from '../http/httpClient';
import { issuesToFieldErrors } from '../http/responseBody';
import type { CallOptions } from '../http/types';

/** The client a call module runs on (KelviqClient hands its own to them). */
export interface KelviqCallContext {
  readonly http: HttpClient;
  readonly environmentLabel: string;
}

/** Only the per-call options the HTTP client understands. */
export function callOptions(options: CallOptions): CallOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.onRetry ? { onRetry: options.onRetry } : {}) };
}

/** A `validation` ApiError for input refused before sending; `path` is relative to the base URL. */
export function invalidInput(ctx: KelviqCallContext, method: HttpMethod, path: string, fieldErrors: Record<string, string[]>, what: string): ApiError {
  const [field, messages] = Object.entries(fieldErrors)[0] ?? ['(body)', ['is invalid.']];
  const message = `${what}: ${field === '(body)' ? '' : `${field}: `}${messages[0]} Nothing was sent.`;
  return new ApiError({ kind: 'validation', message, method, path: ctx.http.basePath + path, fieldErrors });
}

export function checkBody<S extends z.ZodType>(ctx: KelviqCallContext, method: HttpMethod, path: string, schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(ctx, method, path, issuesToFieldErrors(parsed.error), what);
}

/** Throws a `validation` error naming `field` unless `ok`; `shown` is the value as the message quotes it. */
export function checkInput(ctx: KelviqCallContext, ok: boolean, method: HttpMethod, pathTemplate: string, field: string, value: unknown, expected: string): void {
  if (ok) return;
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value) : String(value);
  const message = `${shown} is not ${expected}.`;
  throw new ApiError({ kind: 'validation', message, method, path: ctx.http.basePath + pathTemplate, fieldErrors: { [field]: [message] } });
}

/** `page` and `version` are whole numbers ≥ 1 when given. */
export function checkCounters(ctx: KelviqCallContext, method: HttpMethod, path: string, values: { page?: number; version?: number }, what: string): void {
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw invalidInput(ctx, method, path, { [field]: [`must be a whole number of at least 1 (got ${String(value)}).`] }, what);
    }
  }
}

function serverWords(body: ParsedErrorBody): string {
  return [body.message ?? '', ...Object.values(body.fieldErrors).flat()].join(' ');
}

/** A repeated archive whose first attempt landed: 400 "Already archived." */
export const alreadyArchived = (status: number, body: ParsedErrorBody): boolean => status === 400 && /already archived/i.test(serverWords(body));

/** A repeated discard whose first attempt landed: the newest version is the published one now, or a draft-only plan is gone. */
export const alreadyDiscarded = (status: number, body: ParsedErrorBody): boolean =>
  status === 404 || (status === 400 && /already published|cannot be discarded/i.test(serverWords(body)));

/** A repeated entitlement removal whose first attempt landed: the feature is no longer on the plan. */
export const alreadyRemoved = (status: number): boolean => status === 404;
