// Routing of the kelviq API: the route table of every endpoint file, auth, and the order of checks
// Django + DRF use. Pure request -> reply; the HTTP plumbing, faults and journal live in server.ts.
import type { IncomingHttpHeaders } from 'node:http';
import { NOT_FOUND, type ApiContext, type ApiRequest, type Handler, type Reply } from './apiSupport';
import { PRODUCT_ROUTES } from './catalogApi';
import { FEATURE_ROUTES } from './featuresApi';
import { MEDIA_ROUTES } from './mediaApi';
import { ENTITLEMENT_ROUTES } from './planEntitlementsApi';
import { PLAN_FILE_ROUTES } from './planFilesApi';
import { PRICE_ROUTES } from './planPricesApi';
import { PLAN_ROUTES } from './plansApi';
import { PRODUCT_IMAGE_ROUTES } from './productImagesApi';

export interface Route {
  pattern: RegExp;
  name: string;
  methods: Partial<Record<string, Handler>>;
  /** Indexes of the parameters that are Django `<uuid:…>` converters (lowercase UUIDs, else 404). */
  uuidParams?: readonly number[];
  /** No key needed (the spec's `security: []`); an Authorization header is ignored. */
  public?: boolean;
}

// Django's <uuid:pk> converter accepts lowercase hex only.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ROUTES: readonly Route[] = [
  ...PRODUCT_ROUTES, ...PRODUCT_IMAGE_ROUTES, ...PLAN_ROUTES, ...PLAN_FILE_ROUTES, ...PRICE_ROUTES, ...ENTITLEMENT_ROUTES, ...FEATURE_ROUTES, ...MEDIA_ROUTES,
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

function decodeParams(match: RegExpExecArray): string[] | undefined {
  try {
    return match.slice(1).map((param) => decodeURIComponent(param));
  } catch {
    return undefined;
  }
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
    const user = route.public ? 'Anonymous' : authenticate(req, ctx);
    if (typeof user !== 'string') return user;
    const allow = { Allow: allowed(route) };
    if (req.method === 'OPTIONS') {
      return { status: 200, headers: allow, body: { name: route.name, renders: ['application/json'], parses: ['application/json'] } };
    }
    const handler = route.methods[req.method === 'HEAD' ? 'GET' : req.method];
    if (!handler) return { status: 405, headers: allow, body: { detail: `Method "${req.method}" not allowed.` } };
    const params = decodeParams(match);
    if (!params || (route.uuidParams ?? []).some((i) => !UUID.test(params[i] ?? ''))) return NOT_FOUND;
    const reply = handler(req, ctx, user, params);
    return { ...reply, headers: { ...allow, ...reply.headers } };
  }
  return NOT_FOUND;
}
