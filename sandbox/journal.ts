// A record of the API requests the sandbox received, so tests can assert what the client
// actually sent (method, query, body, headers) without trusting the client's own logs.
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
  /** Parsed JSON, the raw text if it was not JSON, or null for an empty body. */
  body: unknown;
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

  record(entry: JournalEntry): void {
    this.items.push(entry);
    if (this.items.length > JOURNAL_LIMIT) this.items.splice(0, this.items.length - JOURNAL_LIMIT);
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
  }

  get length(): number {
    return this.items.length;
  }
}
