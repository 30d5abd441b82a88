// The kelviq catalog endpoints: routing, auth, body parsing and the DRF-flavoured responses.
// Pure request -> reply; the HTTP plumbing, faults and journal live in server.ts.
import type { IncomingHttpHeaders } from 'node:http';
import { FieldError, type CatalogStore, type ProductCreate, type ProductPatch, type ProductRecord, type ProductSettings } from './store';
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
}

type Handler = (req: ApiRequest, ctx: ApiContext, user: string, pk: string) => Reply;
interface Route {
  pattern: RegExp;
  name: string;
  methods: Record<string, Handler>;
}

// Django's <uuid:pk> converter accepts lowercase hex only.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_FOUND: Reply = { status: 404, body: { detail: 'Not found.' } };

/** Product as the list/create/update endpoints return it (the spec's `Product`). */
export function toProduct(p: ProductRecord): Record<string, unknown> {
  return {
    id: p.id,
    identifier: p.identifier,
    name: p.name,
    description: p.description,
    createdBy: p.createdBy,
    modifiedOn: p.modifiedOn,
    images: p.images.map((image) => ({ ...image })),
    taxCode: p.taxCode,
  };
}

/** The detail endpoint's `ProductRetrieve`: Product plus published plan identifiers. */
export function toProductRetrieve(p: ProductRecord): Record<string, unknown> {
  return { ...toProduct(p), plans: [...p.plans] };
}

/** Python's int() on a query value: optional sign and surrounding whitespace allowed. */
function parseIntParam(value: string | null): number | undefined {
  return value !== null && /^\s*[+-]?\d+\s*$/.test(value) ? parseInt(value, 10) : undefined;
}

/** DRF's replace_query_param/remove_query_param: keys sorted, other params kept. */
function pageLink(req: ApiRequest, page: number | null): string {
  const params = new URLSearchParams(req.url.searchParams);
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  params.sort();
  const query = params.toString();
  const host = req.headers.host ?? req.url.host;
  return `http://${host}${req.url.pathname}${query ? `?${query}` : ''}`;
}

function list(req: ApiRequest, ctx: ApiContext): Reply {
  const items = ctx.store.list(req.url.searchParams.get('search') ?? undefined);
  // page_size: non-numbers and values < 1 fall back to the default; larger ones are capped.
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
      results: items.slice((page - 1) * pageSize, page * pageSize).map(toProduct),
    },
  };
}

type BodyResult<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** Parses and validates a JSON body, or says which 4xx to answer with instead. */
function readBody<T>(req: ApiRequest, schema: RequestSchemaName): BodyResult<T> {
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

function create(req: ApiRequest, ctx: ApiContext, user: string): Reply {
  const input = readBody<ProductCreate>(req, 'ProductCreateRequest');
  if (!input.ok) return input.reply;
  const { name, taxCode, identifier, description, imageKeys } = input.value;
  try {
    return { status: 201, body: toProduct(ctx.store.create({ name, taxCode, identifier, description, imageKeys }, user)) };
  } catch (error) {
    if (error instanceof FieldError) return { status: 400, body: error.fields };
    throw error;
  }
}

function retrieve(_req: ApiRequest, ctx: ApiContext, _user: string, pk: string): Reply {
  const product = ctx.store.get(pk);
  return product ? { status: 200, body: toProductRetrieve(product) } : NOT_FOUND;
}

function update(req: ApiRequest, ctx: ApiContext, user: string, pk: string): Reply {
  if (!ctx.store.get(pk)) return NOT_FOUND;
  const patch = readBody<ProductPatch>(req, 'ProductUpdateRequest');
  if (!patch.ok) return patch.reply;
  // Only the spec's writable fields pass: `identifier`, `id`, `createdBy` … are read-only on
  // PATCH and, as DRF does with read-only fields, silently ignored.
  const { name, description, taxCode, imageKeys, fileKeys } = patch.value;
  const updated = ctx.store.update(pk, { name, description, taxCode, imageKeys, fileKeys }, user);
  return updated ? { status: 200, body: toProduct(updated) } : NOT_FOUND;
}

function archive(_req: ApiRequest, ctx: ApiContext, _user: string, pk: string): Reply {
  const result = ctx.store.archive(pk);
  if (result === 'already-archived') return { status: 400, body: { detail: 'Already archived.' } };
  return result === 'archived' ? { status: 204 } : NOT_FOUND;
}

function getSettings(_req: ApiRequest, ctx: ApiContext, _user: string, pk: string): Reply {
  const settings = ctx.store.settings(pk);
  return settings ? { status: 200, body: { ...settings } } : NOT_FOUND;
}

function patchSettings(req: ApiRequest, ctx: ApiContext, _user: string, pk: string): Reply {
  if (!ctx.store.get(pk)) return NOT_FOUND;
  const patch = readBody<Partial<ProductSettings>>(req, 'ProductSettingsUpdateRequest');
  if (!patch.ok) return patch.reply;
  const { vpn, tor, proxy, currency, productUrl } = patch.value;
  const settings = ctx.store.updateSettings(pk, { vpn, tor, proxy, currency, productUrl });
  return settings ? { status: 200, body: { ...settings } } : NOT_FOUND;
}

const ROUTES: Route[] = [
  { pattern: /^\/api\/v1\/catalog\/products\/$/, name: 'Product List', methods: { GET: list, POST: create } },
  { pattern: /^\/api\/v1\/catalog\/products\/([^/]+)\/$/, name: 'Product Detail', methods: { GET: retrieve, PATCH: update, DELETE: archive } },
  { pattern: /^\/api\/v1\/catalog\/products\/([^/]+)\/settings\/$/, name: 'Product Settings', methods: { GET: getSettings, PATCH: patchSettings } },
];

function allowed(route: Route): string {
  const methods = Object.keys(route.methods);
  if (methods.includes('GET')) methods.push('HEAD');
  return [...methods, 'OPTIONS'].join(', ');
}

/** The display name for the request's key, or the 401 reply. */
function authenticate(req: ApiRequest, ctx: ApiContext): string | Reply {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  const headers = { 'WWW-Authenticate': 'Bearer realm="api"' };
  if (!match) return { status: 401, headers, body: { detail: 'Authentication credentials were not provided.' } };
  const user = ctx.keys[match[1]?.trim() ?? ''];
  return user ?? { status: 401, headers, body: { detail: 'Invalid API key.' } };
}

/** Whether a request would carry a valid key (for the journal). */
export function isAuthorized(headers: IncomingHttpHeaders, keys: Readonly<Record<string, string>>): boolean {
  const match = /^Bearer\s+(.*)$/i.exec((headers.authorization ?? '').trim());
  return match !== null && Object.hasOwn(keys, match[1]?.trim() ?? '');
}

/**
 * Order mirrors Django + DRF: unknown URL -> 404 (no auth needed; a missing trailing slash is
 * a 404 too, not Django's APPEND_SLASH 301, so a client bug cannot hide behind a redirect that
 * fetch would follow), then 401, then 405, then the handler.
 */
export function handleApi(req: ApiRequest, ctx: ApiContext): Reply {
  for (const route of ROUTES) {
    const match = route.pattern.exec(req.url.pathname);
    if (!match) continue;
    const user = authenticate(req, ctx);
    if (typeof user !== 'string') return user;
    const allow = { Allow: allowed(route) };
    if (req.method === 'OPTIONS') {
      return { status: 200, headers: allow, body: { name: route.name, renders: ['application/json'], parses: ['application/json'] } };
    }
    const handler = route.methods[req.method === 'HEAD' ? 'GET' : req.method];
    if (!handler) return { status: 405, headers: allow, body: { detail: `Method "${req.method}" not allowed.` } };
    const pk = match[1] ?? '';
    if (match[1] !== undefined && !UUID.test(pk)) return NOT_FOUND;
    const reply = handler(req, ctx, user, pk);
    return { ...reply, headers: { ...allow, ...reply.headers } };
  }
  return NOT_FOUND;
}
