// What every sandbox route shares: the request/reply types, JSON body parsing with the vendor
// spec's validation, DRF's page-number paging with absolute links, and `?version=`.
import type { IncomingHttpHeaders } from 'node:http';
import type { DrfErrors } from './drfErrors';
import { readQuery } from './queryValidation';
import type { ObjectStorage } from './storage';
import type { CatalogStore } from './store';
import type { SandboxSwitches } from './switches';
import { validateRequest, type RequestSchemaName } from './validation';

export const API_PREFIX = '/api/v1';
export const PAGE_SIZE = 100;

export interface ApiRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiContext {
  store: CatalogStore;
  /** API key -> display name. */
  keys: Readonly<Record<string, string>>;
  /** The control switches (`/__sandbox/switches`), e.g. whether the billing provider is connected. */
  switches: Readonly<SandboxSwitches>;
  /** The storage bucket: uploads, and what product images and plan files point at (storage.ts). */
  storage: ObjectStorage;
}

/** A route's handler: the path parameters in order, already URL-decoded. */
export type Handler = (req: ApiRequest, ctx: ApiContext, user: string, params: readonly string[]) => Reply;

export const NOT_FOUND: Reply = { status: 404, body: { detail: 'Not found.' } };

export const badRequest = (body: DrfErrors | { detail: string }): Reply => ({ status: 400, body });

/** Python's int() on a query value: optional sign and surrounding whitespace allowed. */
export function parseIntParam(value: string | null): number | undefined {
  return value !== null && /^\s*[+-]?\d+\s*$/.test(value) ? parseInt(value, 10) : undefined;
}

/** DRF's replace_query_param/remove_query_param: keys sorted, other params kept. */
function pageLink(req: ApiRequest, page: number): string {
  const params = new URLSearchParams(req.url.searchParams);
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  params.sort();
  const query = params.toString();
  const host = req.headers.host ?? req.url.host;
  return `http://${host}${req.url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * DRF's PageNumberPagination: `page` 1-based (`last` works), a bad or out-of-range page → 404
 * "Invalid page."; `page_size` defaults to 100 and is capped at 100, non-numbers and values < 1
 * fall back to 100.
 */
export function paginate<T>(req: ApiRequest, items: readonly T[], serialize: (item: T) => unknown): Reply {
  const requested = parseIntParam(req.url.searchParams.get('page_size'));
  const pageSize = requested !== undefined && requested > 0 ? Math.min(requested, PAGE_SIZE) : PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const rawPage = req.url.searchParams.get('page');
  const page = rawPage === 'last' ? pages : rawPage === null ? 1 : parseIntParam(rawPage);
  if (page === undefined || page < 1 || page > pages) return { status: 404, body: { detail: 'Invalid page.' } };
  return {
    status: 200,
    body: {
      count: items.length,
      next: page < pages ? pageLink(req, page + 1) : null,
      previous: page > 1 ? pageLink(req, page - 1) : null,
      results: items.slice((page - 1) * pageSize, page * pageSize).map(serialize),
    },
  };
}

export type Result<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** Parses and validates a JSON body against a vendor request schema, or says which 4xx to answer. */
export function readBody<T>(req: ApiRequest, schema: RequestSchemaName): Result<T> {
  let body: unknown = {};
  // DRF treats an empty body as empty data (so POST {} -> "This field is required.").
  if (req.rawBody.length > 0) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== 'application/json' && !type.endsWith('+json')) {
      const reply = { status: 415, body: { detail: `Unsupported media type "${req.headers['content-type'] ?? ''}" in request.` } };
      return { ok: false, reply };
    }
    try {
      body = JSON.parse(req.rawBody);
    } catch (error) {
      return { ok: false, reply: { status: 400, body: { detail: `JSON parse error - ${(error as Error).message}` } } };
    }
  }
  const result = validateRequest<T>(schema, body);
  return result.ok ? result : { ok: false, reply: { status: 400, body: result.errors } };
}

/** `?version=N` of a request, checked against the spec's parameter schema (an integer) on `specPath`. */
export function readVersion(req: ApiRequest, specPath: string, method = req.method): Result<number | undefined> {
  const query = readQuery(specPath, method === 'HEAD' ? 'GET' : method, req.url.searchParams, ['version']);
  if (!query.ok) return { ok: false, reply: { status: 400, body: query.errors } };
  return { ok: true, value: query.value.version as number | undefined };
}
