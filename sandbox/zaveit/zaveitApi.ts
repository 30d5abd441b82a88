// The Zaveit product API of the sandbox: routing, token auth with expiry, list paging and
// shapes, create, get and the assumed PATCH, and the error bodies the docs show. Pure
// request → reply; the HTTP plumbing, faults and journal are in zaveitServer.ts.
//
// Follows ZAVEIT.md, not our client. Where the docs are silent the sandbox picks the behaviour
// our client must survive, and switches (ZaveitSwitches) select the alternatives.
import type { IncomingHttpHeaders } from 'node:http';
import { validateZaveitBody } from './requestValidation';
import { VariantIdError, type ZaveitStore } from './zaveitStore';

export const ZAVEIT_PRODUCTS = '/v2/product';
export const ZAVEIT_AUTH_INFO = '/v1/auth/info';
/** `~perPage` when only `~page` is given (not documented). */
export const ZAVEIT_DEFAULT_PER_PAGE = 10;
export const ZAVEIT_MAX_PER_PAGE = 1000;

export interface ZaveitSwitches {
  /** How GET /v2/product answers: 'array' (documented) or 'data' (`{data: [...]}`, as the sibling endpoints). */
  listShape: 'array' | 'data';
  /** 'ignore': `~page` / `~perPage` are ignored and every product is sent. */
  paging: 'honour' | 'ignore';
  /** 'ignore': `~search` is ignored. */
  search: 'honour' | 'ignore';
  /** 0: PATCH works (our assumption). 404, 405 or 501: what PATCH answers instead (the assumption is wrong). */
  patchStatus: 0 | 404 | 405 | 501;
  /**
   * The next POST or PATCH is carried out, and then its answer is lost: 'reset' drops the
   * connection, 'silence' never answers (the client times out). Back to 'normal' after one use.
   * This is the ambiguous failure a fault rule cannot make (a fault answers instead of the API).
   */
  nextWriteAnswer: 'normal' | 'reset' | 'silence';
}

export const DEFAULT_SWITCHES: Readonly<ZaveitSwitches> = { listShape: 'array', paging: 'honour', search: 'honour', patchStatus: 0, nextWriteAnswer: 'normal' };

export interface ZaveitSession {
  tenant: string;
  /** Expiry, epoch ms. */
  exp: number;
}

export interface ZaveitRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface ZaveitReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ZaveitContext {
  store: ZaveitStore;
  /** token → session. */
  tokens: Readonly<Record<string, ZaveitSession>>;
  switches: Readonly<ZaveitSwitches>;
  now: () => number;
}

/** `{message, error: {message, status}}`: the one error example the docs give. */
export function errorReply(status: number, message: string): ZaveitReply {
  return { status, body: { message, error: { message, status } } };
}

/** `{message, data, statusCode}`: the auth answers' shape. */
function authReply(status: number, message: string): ZaveitReply {
  return { status, body: { message, data: null, statusCode: status } };
}

/** The session of the request's Bearer token (assumed header), or the 401 reply. */
function authenticate(req: ZaveitRequest, ctx: ZaveitContext): ZaveitSession | ZaveitReply {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) return authReply(401, 'Unauthorized');
  const token = match[1]!;
  const session = Object.hasOwn(ctx.tokens, token) ? ctx.tokens[token] : undefined;
  if (!session) return authReply(401, 'Unauthorized');
  if (session.exp <= ctx.now()) return authReply(401, 'Session expired');
  return session;
}

export function isZaveitAuthorized(headers: IncomingHttpHeaders, ctx: Pick<ZaveitContext, 'tokens' | 'now'>): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  const session = match && Object.hasOwn(ctx.tokens, match[1]!) ? ctx.tokens[match[1]!] : undefined;
  return session !== undefined && session.exp > ctx.now();
}

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const n = parseInt(value, 10);
  return n >= 1 ? n : undefined;
}

function list(req: ZaveitRequest, ctx: ZaveitContext): ZaveitReply {
  const params = req.url.searchParams;
  const search = ctx.switches.search === 'honour' ? (params.get('~search') ?? undefined) : undefined;
  // Serialised right away, so the stored objects can be sent without copies.
  let items = ctx.store.view(search);
  const wantsPage = params.has('~page') || params.has('~perPage');
  if (ctx.switches.paging === 'honour' && wantsPage) {
    const page = positiveInt(params.get('~page')) ?? 1;
    const perPage = Math.min(positiveInt(params.get('~perPage')) ?? ZAVEIT_DEFAULT_PER_PAGE, ZAVEIT_MAX_PER_PAGE);
    items = items.slice((page - 1) * perPage, page * perPage);
  }
  return { status: 200, body: ctx.switches.listShape === 'data' ? { data: items } : items };
}

type Body = { ok: true; value: unknown } | { ok: false; reply: ZaveitReply };

/** Express's json() parser: a non-JSON content type leaves the body empty; bad JSON is a 400. */
function readJson(req: ZaveitRequest): Body {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (req.rawBody.length === 0 || (type !== 'application/json' && !type.endsWith('+json'))) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(req.rawBody) as unknown };
  } catch (error) {
    return { ok: false, reply: errorReply(400, (error as Error).message) };
  }
}

function create(req: ZaveitRequest, ctx: ZaveitContext, session: ZaveitSession): ZaveitReply {
  const body = readJson(req);
  if (!body.ok) return body.reply;
  const valid = validateZaveitBody('create', body.value);
  if (!valid.ok) return errorReply(400, valid.message);
  try {
    // The docs name no status for a create; Express's res.json() answers 200.
    return { status: 200, body: ctx.store.create(valid.value, session.tenant) };
  } catch (error) {
    if (error instanceof VariantIdError) return errorReply(400, `Product validation failed: ${error.message}`);
    throw error;
  }
}

function retrieve(ctx: ZaveitContext, id: string): ZaveitReply {
  const product = ctx.store.get(id);
  return product ? { status: 200, body: product } : errorReply(404, 'Product not found');
}

function update(req: ZaveitRequest, ctx: ZaveitContext, id: string): ZaveitReply {
  const forced = ctx.switches.patchStatus;
  if (forced === 404) return errorReply(404, `Cannot PATCH ${req.url.pathname}`);
  if (forced === 405) return { ...errorReply(405, 'Method Not Allowed'), headers: { Allow: 'GET' } };
  if (forced === 501) return errorReply(501, 'Not Implemented');
  if (!ctx.store.get(id)) return errorReply(404, 'Product not found');
  const body = readJson(req);
  if (!body.ok) return body.reply;
  const valid = validateZaveitBody('update', body.value);
  if (!valid.ok) return errorReply(400, valid.message);
  try {
    const updated = ctx.store.patch(id, valid.value);
    return updated ? { status: 200, body: updated } : errorReply(404, 'Product not found');
  } catch (error) {
    if (error instanceof VariantIdError) return errorReply(400, `Product validation failed: ${error.message}`);
    throw error;
  }
}

const PRODUCT_PATH = /^\/v2\/product\/([^/]+)$/;

/**
 * Order of checks (as an Express app with an auth middleware): unknown path → 404
 * "Cannot GET /x"; no or unknown token → 401; expired → 401 "Session expired"; a method the
 * path does not take → 404 "Cannot PUT …" (Express answers unknown routes alike); the handler.
 */
export function handleZaveitApi(req: ZaveitRequest, ctx: ZaveitContext): ZaveitReply {
  const path = req.url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const cannot = errorReply(404, `Cannot ${req.method} ${req.url.pathname}`);
  const productMatch = PRODUCT_PATH.exec(path);
  if (path !== ZAVEIT_AUTH_INFO && path !== ZAVEIT_PRODUCTS && !productMatch) return cannot;
  const session = authenticate(req, ctx);
  if (!('tenant' in session)) return session;
  if (path === ZAVEIT_AUTH_INFO) {
    if (method !== 'GET') return cannot;
    const token = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    return { status: 200, body: { tenant: session.tenant, child_tenants: [], exp: session.exp, type: 'api', jwt: token } };
  }
  if (path === ZAVEIT_PRODUCTS) {
    if (method === 'GET') return list(req, ctx);
    if (method === 'POST') return create(req, ctx, session);
    return cannot;
  }
  let id: string;
  try {
    id = decodeURIComponent(productMatch![1]!);
  } catch {
    return errorReply(404, 'Product not found');
  }
  if (method === 'GET') return retrieve(ctx, id);
  if (method === 'PATCH') return update(req, ctx, id);
  return cannot;
}
