// The one error type every API call rejects with. A single class with a `kind` discriminant (no
// subclasses): callers switch on `kind`, errors survive structured cloning and JSON logging, and
// `instanceof ApiError` is the only check anyone needs. Also: redaction of the API key (and its
// obvious transforms) from anything the server sent back.
import { fieldErrorsFrom } from './errorBody';

export type ApiErrorKind =
  | 'auth' // 401: the key was rejected
  | 'forbidden' // 403: the key lacks a permission
  | 'notFound' // 404
  | 'validation' // 422, or 400 with field errors, or a request body/id rejected before sending
  | 'conflict' // 409, 428
  | 'rateLimited' // 429 after the allowed retries
  | 'server' // 5xx
  | 'network' // DNS, refused, reset, TLS…
  | 'timeout' // no complete answer within timeoutMs
  | 'cancelled' // the caller's AbortSignal fired, or the client was closed
  | 'badResponse' // 2xx/4xx body that is not the JSON we expect, or a cut-off response
  | 'badRequest' // other 4xx (400 without field errors, 405, …)
  | 'unsupported'; // the server does not offer this operation at the path the client assumed (e.g. an undocumented endpoint)

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  method: string;
  /** Path and query as sent (no origin, never the key). */
  path: string;
  status?: number;
  /** The server's words per field (redacted, not rewritten: pass through plainText to show one). */
  fieldErrors?: Readonly<Record<string, string[]>>;
  /** Only ever a redacted id in a safe character set (see safeRequestId). */
  requestId?: string;
  /** True when trying the same call again later may succeed AND is safe for this method. */
  retryable?: boolean;
  /** How many HTTP attempts were made (0 when the call was refused before sending). */
  attempts?: number;
  /** Low-level error code (ECONNREFUSED, UND_ERR_SOCKET, …) when there is one. */
  code?: string;
  /** Must already be sanitised (see sanitizeCause): never a raw library error. */
  cause?: Error;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly fieldErrors: Readonly<Record<string, string[]>>;
  readonly method: string;
  readonly path: string;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly code?: string;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause ? { cause: init.cause } : undefined);
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.fieldErrors = Object.freeze(fieldErrorsFrom(init.fieldErrors ?? {}));
    this.retryable = init.retryable ?? false;
    this.attempts = init.attempts ?? 0;
    if (init.status !== undefined) this.status = init.status;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.code !== undefined) this.code = init.code;
  }

  /** JSON.stringify(error) keeps the useful fields (Error's own message is not enumerable). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
      retryable: this.retryable,
      attempts: this.attempts,
      code: this.code,
      fieldErrors: this.fieldErrors,
    };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export function isCancellation(value: unknown): boolean {
  return value instanceof ApiError && value.kind === 'cancelled';
}

export const REDACTED = '[redacted]';
/** A run of at least this many characters of a secret's beginning counts as the secret (a truncated echo). */
export const MIN_SECRET_PREFIX = 8;

/**
 * Replaces every secret (the API key) in a string, and also what a server may echo of it: any
 * ASCII case, its base64 / base64url (with or without padding) and URL-encoded forms, and the
 * first MIN_SECRET_PREFIX or more characters of any of these (a truncated echo). Secrets shorter
 * than 4 characters are ignored; those shorter than MIN_SECRET_PREFIX are caught whole only.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = secretForms(secrets);
  if (forms.length === 0 || text === '') return text;
  const folded = asciiLower(text);
  const starts = new Set(forms.map((form) => form.charCodeAt(0)));
  let out = '';
  let copied = 0;
  for (let at = 0; at < folded.length; ) {
    const length = starts.has(folded.charCodeAt(at)) ? longestSecretAt(folded, at, forms) : 0;
    if (length === 0) {
      at++;
      continue;
    }
    out += text.slice(copied, at) + REDACTED;
    at += length;
    copied = at;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The lower-cased forms of each secret a server might send back, longest first. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const base64 = Buffer.from(secret, 'utf8').toString('base64');
    for (const form of [secret, base64, base64.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url'), encodeURIComponent(secret)]) {
      forms.add(asciiLower(form));
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** How many characters from `at` are (a long enough beginning of) one of the forms; 0 if none. */
function longestSecretAt(folded: string, at: number, forms: readonly string[]): number {
  let best = 0;
  for (const form of forms) {
    const needed = Math.min(form.length, MIN_SECRET_PREFIX);
    let n = 0;
    while (n < form.length && at + n < folded.length && folded.charCodeAt(at + n) === form.charCodeAt(n)) n++;
    if (n >= needed && n > best) best = n;
  }
  return best;
}

/** Lower-cases ASCII letters only, so that offsets in the result are offsets in the input. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** Request ids are shown and logged as they are: this character set only, else none. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id a server sent, or undefined when it holds a secret or anything outside the safe set. */
export function safeRequestId(raw: string | undefined, secrets: readonly string[]): string | undefined {
  if (raw === undefined || !SAFE_REQUEST_ID.test(raw)) return undefined;
  return redact(raw, secrets) === raw ? raw : undefined;
}

/**
 * A plain Error standing in for a library error: name, code and a redacted message only, so
 * no request options, socket or header that the original may reference can leak through `cause`.
 */
export function sanitizeCause(error: unknown, secrets: readonly string[]): Error | undefined {
  if (error === undefined || error === null) return undefined;
  const original = error instanceof Error ? error : new Error(String(error));
  const clean = new Error(redact(original.message, secrets));
  clean.name = original.name;
  const code = errorCode(error);
  if (code !== undefined) Object.defineProperty(clean, 'code', { value: code, enumerable: true });
  clean.stack = `${clean.name}: ${clean.message}`;
  return clean;
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
