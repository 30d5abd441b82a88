// A record of the API requests the sandbox received, so tests can assert what the client
// actually sent (method, query, body, headers) without trusting the client's own logs. Its memory
// is bounded whatever is sent: at most JOURNAL_LIMIT entries and JOURNAL_MAX_BYTES in all (the
// oldest go first); a body is kept up to JOURNAL_MAX_BODY_BYTES, and only for authorised requests.
import type { IncomingHttpHeaders } from 'node:http';

export interface JournalEntry {
  /** The `X-Request-Id` the response carried. */
  requestId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased request headers; credentials are replaced by "<redacted>" placeholders. */
  headers: Record<string, string>;
  /** Whether the request carried a key the sandbox accepts. */
  authorized: boolean;
  /** Parsed JSON, the raw text if it was not JSON, or null for an empty body (or one not kept). */
  body: unknown;
  /** Bytes of the body as received. */
  bodyBytes?: number;
  /** The body was not kept whole: cut to its first JOURNAL_MAX_BODY_BYTES (raw text), or dropped (unauthorised request). */
  bodyTruncated?: true;
  /** Response status; 0 when a fault reset the connection without answering. */
  status: number;
  /** Id of the fault rule that produced the response, if one did. */
  fault?: string;
  /** ISO time the request arrived. */
  at: string;
}

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key']);
// Benchmarks send tens of thousands of requests; keep memory bounded by dropping the oldest.
export const JOURNAL_LIMIT = 5000;
export const JOURNAL_MAX_BYTES = 8 * 1024 * 1024;
export const JOURNAL_MAX_BODY_BYTES = 64 * 1024;

/** The journal's view of a request body: what to keep, as parsed JSON or (cut) raw text. */
export function journalBody(raw: string | undefined, authorized: boolean): Pick<JournalEntry, 'body' | 'bodyBytes' | 'bodyTruncated'> {
  if (raw === undefined) return { body: null, bodyTruncated: true }; // over the request limit: never read whole
  if (raw === '') return { body: null };
  const bodyBytes = Buffer.byteLength(raw);
  if (!authorized) return { body: null, bodyBytes, bodyTruncated: true };
  if (bodyBytes > JOURNAL_MAX_BODY_BYTES) {
    return { body: Buffer.from(raw).subarray(0, JOURNAL_MAX_BODY_BYTES).toString('utf8'), bodyBytes, bodyTruncated: true };
  }
  try {
    return { body: JSON.parse(raw) as unknown, bodyBytes };
  } catch {
    return { body: raw, bodyBytes };
  }
}

/** Keeps only the auth scheme, so a leaked journal never leaks a key. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (!SECRET_HEADERS.has(name)) out[name] = text;
    else if (name === 'authorization' && /^bearer\s/i.test(text)) out[name] = 'Bearer <redacted>';
    else out[name] = '<redacted>';
  }
  return out;
}

export class Journal {
  private items: JournalEntry[] = [];
  private sizes: number[] = [];
  private bytes = 0;

  record(entry: JournalEntry): void {
    const size = approximateSize(entry);
    this.items.push(entry);
    this.sizes.push(size);
    this.bytes += size;
    let drop = 0;
    while (this.items.length - drop > JOURNAL_LIMIT || (this.bytes > JOURNAL_MAX_BYTES && this.items.length - drop > 1)) {
      this.bytes -= this.sizes[drop]!;
      drop++;
    }
    if (drop > 0) {
      this.items.splice(0, drop);
      this.sizes.splice(0, drop);
    }
  }

  /** Roughly what the entries hold, in bytes (what JOURNAL_MAX_BYTES bounds). */
  get byteSize(): number {
    return this.bytes;
  }

  /** A copy, oldest first. */
  entries(): JournalEntry[] {
    return this.items.slice();
  }

  /** Entries whose method and path match, e.g. `find('PATCH', '/settings/')`. */
  find(method?: string, pathIncludes?: string): JournalEntry[] {
    return this.items.filter(
      (e) => (!method || e.method === method.toUpperCase()) && (!pathIncludes || e.path.includes(pathIncludes)),
    );
  }

  clear(): void {
    this.items = [];
    this.sizes = [];
    this.bytes = 0;
  }

  get length(): number {
    return this.items.length;
  }
}

/** Body text plus the rest of the entry (headers, path, query), in bytes, without serialising the body again. */
function approximateSize(entry: JournalEntry): number {
  const body = typeof entry.body === 'string' ? Buffer.byteLength(entry.body) : Math.min(entry.bodyBytes ?? 0, JOURNAL_MAX_BODY_BYTES);
  return body + Buffer.byteLength(JSON.stringify({ ...entry, body: null })) + 64;
}
