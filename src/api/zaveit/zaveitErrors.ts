// Zaveit's side of the errors: its wording for rejected tokens, its error bodies' field paths,
// the "update endpoint is not there" case, and whether a failed create may have created the
// product anyway. Pure: works on the ApiErrors the HTTP layer produced.
//
// Error bodies (ZAVEIT.md): `{message, error: {message, status}}` and, on auth answers,
// `{message, data, statusCode}`. The HTTP layer's parser takes the message from either; here a
// field path it read from `data` (`data.name`) loses the `data.` prefix, so it names the field.
import { ApiError, type ApiErrorInit } from '../http/errors';
import { PRODUCTS_PATH } from './paths';

/** The endpoint we assume for updates, as people should read it. */
export const ASSUMED_UPDATE_ENDPOINT = `PATCH ${PRODUCTS_PATH}/:id`;

function rebuilt(error: ApiError, changes: Partial<ApiErrorInit>): ApiError {
  return new ApiError({
    kind: error.kind,
    message: error.message,
    method: error.method,
    path: error.path,
    fieldErrors: error.fieldErrors,
    retryable: error.retryable,
    attempts: error.attempts,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(error.cause instanceof Error ? { cause: error.cause } : {}),
    ...changes,
  });
}

/** `data.name` → `name`; a bare `data` string is the body's payload, not a field. Prototype-safe. */
function fieldErrorsOf(fieldErrors: Readonly<Record<string, string[]>>): Record<string, string[]> | undefined {
  const keys = Object.keys(fieldErrors);
  if (!keys.some((k) => k === 'data' || k.startsWith('data.'))) return undefined;
  const out: Record<string, string[]> = {};
  for (const key of keys) {
    if (key === 'data') continue;
    const field = key.startsWith('data.') ? key.slice(5) : key;
    const messages = [...(Object.hasOwn(out, field) ? out[field]! : []), ...fieldErrors[key]!];
    Object.defineProperty(out, field, { value: messages, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Zaveit wording for a call's error: tokens rather than API keys, field paths without `data.`. */
export function zaveitError(error: ApiError, environmentLabel: string): ApiError {
  const changes: Partial<ApiErrorInit> = {};
  if (error.kind === 'auth') {
    changes.message = `The ${environmentLabel} Zaveit token was rejected (401): it has expired or is not valid for this server. Sign in again and set a new token.`;
  } else if (error.kind === 'forbidden') {
    changes.message = `The ${environmentLabel} Zaveit token is not allowed to do ${error.method} ${error.path} (403).`;
  }
  const fields = fieldErrorsOf(error.fieldErrors);
  if (fields) {
    changes.fieldErrors = fields;
    // The HTTP layer named the first field problem by its body path: "data.name: …" → "name: …".
    changes.message ??= error.message.replace(/(^|\s)data\.(?=[\w$]+: )/g, '$1');
  }
  return Object.keys(changes).length > 0 ? rebuilt(error, changes) : error;
}

/**
 * The distinct error for "the server has no update endpoint where we assumed it": kind
 * 'unsupported', the server's status kept, never retryable.
 */
export function unsupportedUpdate(error: ApiError): ApiError {
  const status = error.status !== undefined ? ` (${error.status})` : '';
  return rebuilt(error, {
    kind: 'unsupported',
    retryable: false,
    message: `The server does not accept updates at ${ASSUMED_UPDATE_ENDPOINT}${status}: the Zaveit docs do not document updates, and this endpoint is our assumption. Your changes were not saved.`,
  });
}

/** 405 Method Not Allowed or 501 Not Implemented: the path exists but takes no PATCH. */
export function isMethodUnsupported(error: ApiError): boolean {
  return error.status === 405 || error.status === 501;
}

/** Codes that prove a request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);
const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH)/;

/**
 * After createProduct failed: may the product exist anyway? True for a connection lost after
 * sending, a timeout, a 5xx, a cut-off or unreadable success answer, and a cancel while the
 * request was in flight. Then look for it (findProductsByName) before offering to try again.
 * False when the request provably was not processed: refused before sending, rejected input,
 * 4xx answers (401, 403, 400, 429…).
 */
export function isAmbiguousCreateFailure(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.attempts === 0) return false;
  switch (error.kind) {
    case 'badResponse': // an unreadable or cut-off success answer; a 4xx page means "refused"
      return error.status === undefined || (error.status >= 200 && error.status < 300);
    case 'timeout':
    case 'server':
    case 'cancelled':
      return true;
    case 'network':
      return !(error.code && (NOT_SENT_CODES.has(error.code) || TLS_CODES.test(error.code)));
    default:
      return false;
  }
}
