// Plain-fetch helpers for the sandbox tests: API requests with the sandbox's key, control-route
// requests with this run's token, and lookups of demo records by identifier.
import { CONTROL_TOKEN_HEADER, type Sandbox } from '../../sandbox';

export interface Page<T = Record<string, unknown>> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export type Json = Record<string, unknown>;

export function api(sb: Sandbox, route: string, init: RequestInit & { json?: unknown; key?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (init.key !== null) headers.authorization = `Bearer ${init.key ?? sb.apiKey}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return fetch(sb.baseUrl + route, { ...init, headers, body });
}

export async function json<T = Json>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** status and parsed body (null for an empty one) of an API request. */
export async function call<T = Json>(sb: Sandbox, route: string, init: RequestInit & { json?: unknown } = {}): Promise<[number, T]> {
  const res = await api(sb, route, init);
  const text = await res.text();
  return [res.status, (text ? JSON.parse(text) : null) as T];
}

export function hook(sb: Sandbox, route: string, method = 'GET', body?: unknown, token: string | null = sb.controlToken): Promise<Response> {
  return fetch(`${sb.origin}/__sandbox/${route}`, {
    method,
    headers: { ...(token === null ? {} : { [CONTROL_TOKEN_HEADER]: token }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function productId(sb: Sandbox, identifier: string): string {
  const product = sb.store.list().find((p) => p.identifier === identifier);
  if (!product) throw new Error(`no demo product ${identifier}`);
  return product.id;
}

export function featureId(sb: Sandbox, identifier: string): string {
  const feature = sb.store.features.all().find((f) => f.identifier === identifier);
  if (!feature) throw new Error(`no demo feature ${identifier}`);
  return feature.id;
}

/** A PAID price with one flat monthly charge, as the bulk endpoint takes it. */
export function paid(currency: string, amount: number, extra: Json = {}): Json {
  return { priceType: 'PAID', currency, chargeCatalogPrice: [{ feature: null, priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount } }] }], ...extra };
}
