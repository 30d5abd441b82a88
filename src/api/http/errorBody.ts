// Turns an error response body into `{ message, fieldErrors }`. The API documents no error shape
// and uses four: field-keyed `{"name": ["…"]}` (DRF), `{"detail": "…"}`, `{"error": "…"}` and
// `{"status": "…", "message": "…"}`. Also handled: DRF `non_field_errors` (a form-level message,
// not a field), nested serializer errors (`images.0.name`), bare strings and arrays, and
// `{"errors": …}` wrappers. Pure: no I/O, never throws. A body's keys are the server's words:
// they are collected in a Map and handed out in an object without a prototype, so a field named
// `constructor`, `toString` or `__proto__` is a field like any other.

/** Field path → messages, in an object without a prototype (see fieldErrorsFrom). */
export type FieldErrors = Record<string, string[]>;

export interface ParsedErrorBody {
  /** A form-level message (detail / error / message / non_field_errors), if any. */
  message?: string;
  /** Field path (dot-separated, e.g. `taxCode`, `images.0.name`) → messages. */
  fieldErrors: FieldErrors;
}

/**
 * A prototype-free copy: `out.constructor` is a field only if the server named one, and no key
 * (`__proto__` included) can reach Object.prototype. Takes own enumerable entries only.
 */
export function fieldErrorsFrom(source: Iterable<readonly [string, readonly string[]]> | Readonly<Record<string, readonly string[]>> = []): FieldErrors {
  const out = Object.create(null) as FieldErrors;
  const entries = Symbol.iterator in source ? (source as Iterable<readonly [string, readonly string[]]>) : Object.entries(source);
  for (const [key, messages] of entries) out[key] = [...messages];
  return out;
}

const MESSAGE_KEYS = ['non_field_errors', '__all__', 'detail', 'error', 'message', 'error_description'] as const;
/** Keys that describe the error rather than name a field. */
const META_KEYS = new Set<string>([...MESSAGE_KEYS, 'errors', 'status', 'status_code', 'statusCode', 'code', 'type', 'success']);
/** `status` values that are a flag, not a message. */
const STATUS_TOKENS = new Set(['error', 'errors', 'fail', 'failed', 'failure', 'success', 'ok', 'false', 'true']);

type Fields = Map<string, string[]>;

export function parseErrorBody(body: unknown): ParsedErrorBody {
  const fields: Fields = new Map();
  const messages: string[] = [];
  collectTop(body, fields, messages, 0);
  const fieldErrors = fieldErrorsFrom(fields);
  const message = messages.find((m) => m.length > 0);
  return message === undefined ? { fieldErrors } : { message, fieldErrors };
}

function collectTop(body: unknown, fields: Fields, messages: string[], depth: number): void {
  if (depth > 4) return;
  if (typeof body === 'string') {
    if (body.trim()) messages.push(body.trim());
    return;
  }
  if (Array.isArray(body)) {
    for (const item of body) {
      if (isRecord(item) && typeof item.attr === 'string' && typeof item.detail === 'string') {
        addField(fields, item.attr, item.detail); // drf-standardized-errors style
      } else if (isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string') {
        addField(fields, item.field, item.message);
      } else {
        collectTop(item, fields, messages, depth + 1);
      }
    }
    return;
  }
  if (!isRecord(body)) return;
  for (const key of MESSAGE_KEYS) {
    if (Object.hasOwn(body, key)) collectTop(body[key], fields, messages, depth + 1);
  }
  if (Object.hasOwn(body, 'errors')) collectTop(body.errors, fields, messages, depth + 1);
  const status = Object.hasOwn(body, 'status') ? body.status : undefined;
  if (typeof status === 'string' && status.trim() && !STATUS_TOKENS.has(status.trim().toLowerCase())) {
    messages.push(status.trim());
  }
  for (const [key, value] of Object.entries(body)) {
    if (!META_KEYS.has(key)) collectField(key, value, fields, 0);
  }
}

function collectField(path: string, value: unknown, fields: Fields, depth: number): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    addField(fields, path, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (typeof item === 'string') addField(fields, path, item);
      else if (isRecord(item) || Array.isArray(item)) collectField(`${path}.${index}`, item, fields, depth + 1);
    });
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const sub = key === 'non_field_errors' ? path : `${path}.${key}`;
      collectField(sub, inner, fields, depth + 1);
    }
  }
  // numbers, booleans, null: not an error message
}

function addField(fields: Fields, path: string, message: string): void {
  const text = message.trim();
  if (!text) return;
  const list = fields.get(path);
  if (list) list.push(text);
  else fields.set(path, [text]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `taxCode: "xyz" is not a valid choice.` (+ how many more), or the form-level message. */
export function describeProblems(parsed: ParsedErrorBody): string | undefined {
  const entries = Object.entries(parsed.fieldErrors);
  const total = entries.reduce((sum, [, messages]) => sum + messages.length, 0);
  if (total === 0) return parsed.message;
  const [field, messages] = entries[0]!;
  const first = `${field}: ${messages[0]!}`;
  const lead = parsed.message && !isGeneric(parsed.message) ? `${parsed.message} ${first}` : first;
  return total > 1 ? `${lead} (and ${total - 1} more problem${total > 2 ? 's' : ''})` : lead;
}

/** DRF's "Invalid input." and the like add nothing in front of a field message. */
function isGeneric(message: string): boolean {
  return /^(invalid input|validation (error|failed)|bad request)\.?$/i.test(message.trim());
}
