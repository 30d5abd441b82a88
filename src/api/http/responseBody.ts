// Reading and decoding response bodies: a size-capped text read, JSON decoding that reports why a
// body is not JSON instead of throwing a SyntaxError, and zod issue paths in `results[3].taxCode`
// form. Pure except for `readBodyText`.
import type { z } from 'zod';

/** Bodies larger than this are refused (a page of 100 products is a few hundred KB at most). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads a body stream as UTF-8, failing once it exceeds `limit` bytes. */
export async function readBodyText(body: AsyncIterable<Buffer | Uint8Array | string>, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buffer.byteLength;
    if (size > limit) throw new BodyTooLargeError(`The response body is larger than ${limit} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type JsonDecode = { ok: true; value: unknown } | { ok: false; reason: string };

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * Decodes a body as JSON. A missing content-type is tolerated when the text parses; a non-JSON
 * content-type is not. `reason` completes "… sent <reason> instead of JSON".
 */
export function decodeJson(text: string, contentType: string | undefined): JsonDecode {
  const trimmed = text.trim();
  const looksHtml = /^<(!doctype|html|head|body|\?xml|[a-z])/i.test(trimmed);
  if (contentType && !isJsonContentType(contentType)) {
    const type = contentType.split(';')[0]!.trim();
    return { ok: false, reason: looksHtml ? `an HTML page (${type})` : `a ${type} body` };
  }
  if (!trimmed) return { ok: false, reason: 'an empty body' };
  if (looksHtml) return { ok: false, reason: 'an HTML page' };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false, reason: `malformed or truncated JSON (${text.length} characters)` };
  }
}

/** `results[3].taxCode`, `images[0].id`, or `(the body)` for the root. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(the body)';
}

/** `results[3].taxCode: Invalid input: expected string, received number` (+ count of others). */
export function describeSchemaMismatch(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return 'the body does not match the expected shape';
  const more = error.issues.length - 1;
  const text = `${formatIssuePath(first.path)}: ${first.message}`;
  return more > 0 ? `${text} (and ${more} more)` : text;
}

/** Field path → messages, for request bodies rejected by a strict schema before sending. */
export function issuesToFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const name of issue.keys) {
        (out[[...issue.path.map(String), name].join('.')] ??= []).push('is not a field the API accepts.');
      }
      continue;
    }
    const key = issue.path.length ? issue.path.map(String).join('.') : '(body)';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
