// Maps a non-2xx answer (status + body text) to an ApiError description with a message a person
// can act on. Pure: the HTTP client adds attempts, retryability and the request id. The server's
// words in a message are redacted (the key) and plain text (src/domain/untrustedText): an ApiError
// message can be shown as it is. fieldErrors keep the server's words, redacted but not rewritten.
import { STATUS_CODES } from 'node:http';
import { plainText } from '../../domain/untrustedText';
import { redact, type ApiErrorKind } from './errors';
import { describeProblems, fieldErrorsFrom, parseErrorBody, type FieldErrors, type ParsedErrorBody } from './errorBody';
import { decodeJson } from './responseBody';

export interface ErrorContext {
  /** 'Kelviq' */
  service: string;
  /** 'Sandbox', 'Production', 'Custom' */
  environmentLabel: string;
  method: string;
  /** Path and query as sent. */
  path: string;
  /** The configured base URL (shown when the answer suggests it points at the wrong server). */
  baseUrl: string;
  /** Replaces the generic 404 message, e.g. "Product … does not exist or was archived." */
  notFoundMessage?: string;
  /** Strings to scrub from anything the server sent back (the API key). */
  secrets: readonly string[];
}

export interface StatusError {
  kind: ApiErrorKind;
  message: string;
  fieldErrors: FieldErrors;
  /** The decoded body (empty when unreadable), for callers that look at the server's words. */
  body: ParsedErrorBody;
}

export function errorForStatus(ctx: ErrorContext, status: number, text: string, contentType: string | undefined): StatusError {
  const who = `${ctx.service} (${ctx.environmentLabel})`;
  const where = `${ctx.method} ${ctx.path}`;
  const { body, unreadable: rawUnreadable } = decodeErrorBody(text, contentType, ctx.secrets);
  const unreadable = rawUnreadable === undefined ? undefined : plainText(redact(rawUnreadable, ctx.secrets), 200);
  const described = describeProblems(body);
  const problem = described === undefined ? undefined : plainText(described, 500);
  const said = problem ? ` ${ctx.service} said: ${quote(problem)}` : '';
  const result = (kind: ApiErrorKind, message: string): StatusError => ({ kind, message, fieldErrors: body.fieldErrors, body });

  if (status >= 500) return result('server', `${who} answered ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd() + ` for ${where}.${said}`);
  if (status === 401) {
    return result('auth', `The ${ctx.environmentLabel} API key was rejected (401). Set a key created in the ${ctx.environmentLabel} environment.`);
  }
  if (status === 403) {
    return result('forbidden', `The ${ctx.environmentLabel} API key is not allowed to do ${where} (403). Check the key's permissions in the ${ctx.service} dashboard.${said}`);
  }
  if (status === 429) return result('rateLimited', `${who} is limiting the request rate (429) for ${where}. Wait a minute and try again.${said}`);
  if (status >= 300 && status < 400) {
    return result('badResponse', `${who} answered ${status} (a redirect) to ${where}. Check the API base URL (${ctx.baseUrl}).`);
  }
  if (unreadable) {
    return result('badResponse', `${who} answered ${status} to ${where} with ${unreadable} instead of JSON. Check that the API base URL (${ctx.baseUrl}) points at the ${ctx.service} API.`);
  }
  switch (status) {
    case 404:
      return result('notFound', ctx.notFoundMessage ?? `${who} has nothing at ${where} (404).${said}`);
    case 405:
      return result('badRequest', `${who} does not allow ${ctx.method} on ${ctx.path} (405).`);
    case 409:
      return result('conflict', problem ?? `${who} refused ${where} because it conflicts with the current state (409). Refresh and try again.`);
    case 428:
      return result('conflict', problem ?? `${who} requires a precondition for ${where} (428). Refresh and try again.`);
    case 422:
      return result('validation', problem ?? `${who} could not process ${where} (422).`);
    case 400:
      if (Object.keys(body.fieldErrors).length > 0) return result('validation', problem ?? `${who} rejected ${where} (400).`);
      return result('badRequest', problem ?? `${who} rejected ${where} (400) without saying why.`);
    default:
      return result('badRequest', `${who} answered ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd() + ` to ${where}.${said}`);
  }
}

/** JSON → parsed; a short plain-text body → its text as the message; anything else → unreadable. */
function decodeErrorBody(text: string, contentType: string | undefined, secrets: readonly string[]): { body: ParsedErrorBody; unreadable?: string } {
  if (!text.trim()) return { body: { fieldErrors: fieldErrorsFrom() } };
  const decoded = decodeJson(text, contentType);
  if (decoded.ok) return { body: redactBody(parseErrorBody(decoded.value), secrets) };
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const plain = text.trim();
  if (type === 'text/plain' && plain.length <= 300 && !plain.startsWith('<')) {
    return { body: redactBody({ message: plain, fieldErrors: fieldErrorsFrom() }, secrets) };
  }
  return { body: { fieldErrors: fieldErrorsFrom() }, unreadable: decoded.reason };
}

function redactBody(body: ParsedErrorBody, secrets: readonly string[]): ParsedErrorBody {
  const fields = new Map<string, string[]>();
  for (const [field, messages] of Object.entries(body.fieldErrors)) {
    const key = redact(field, secrets);
    fields.set(key, [...(fields.get(key) ?? []), ...messages.map((m) => truncate(redact(m, secrets)))]);
  }
  const fieldErrors = fieldErrorsFrom(fields);
  return body.message === undefined ? { fieldErrors } : { message: truncate(redact(body.message, secrets)), fieldErrors };
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `"…"` around the server's words (already plain text), whose own double quotes become `'`. */
function quote(text: string): string {
  return `"${text.replace(/"/g, "'")}"`;
}
