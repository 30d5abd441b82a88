// Zaveit API paths (relative to the configured base URL) and their inputs: product id checks,
// the list query with the `~page` / `~perPage` / `~search` parameters, per-page clamping. Pure.
//
// Documented: POST /v2/product, GET /v2/product, GET /v2/product/:id, GET /v1/auth/info.
// Assumed: PATCH /v2/product/:id (updates are not documented), and that GET /v2/product takes
// the `~page` / `~perPage` / `~search` parameters its sibling list endpoints document.

export const PRODUCTS_PATH = '/v2/product';
export const AUTH_INFO_PATH = '/v1/auth/info';

/** What we ask for when the caller does not say; the API documents no default or maximum. */
export const DEFAULT_PER_PAGE = 100;
/** Our own cap: a page is one request and one JSON body (the API documents no maximum). */
export const MAX_PER_PAGE = 500;

/**
 * The docs call `id` a UUID, but their examples use ids like "product-id-1": accept any short
 * id of URL-safe characters (it is percent-encoded into the path anyway).
 */
const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,127}$/;

export function isProductId(value: unknown): value is string {
  return typeof value === 'string' && PRODUCT_ID.test(value);
}

export function productPath(id: string): string {
  return `${PRODUCTS_PATH}/${encodeURIComponent(id)}`;
}

/** A whole number in 1..MAX_PER_PAGE; anything unusable becomes DEFAULT_PER_PAGE. */
export function clampPerPage(perPage: number | undefined): number {
  if (perPage === undefined || !Number.isFinite(perPage)) return DEFAULT_PER_PAGE;
  return Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(perPage)));
}

export interface ListQuery {
  /** 1-based; left out when undefined (with perPage: the documented call, "everything"). */
  page?: number;
  perPage?: number;
  search?: string;
}

/**
 * `/v2/product?~page=2&~perPage=100&~search=pro%20plan`. The `~` stays literal (it is an
 * unreserved URL character; URLSearchParams would write `%7E`). An empty search is left out.
 * Without page and perPage this is the documented call that returns every product.
 */
export function productListPath(query: ListQuery): string {
  const parts: string[] = [];
  if (query.page !== undefined) parts.push(`~page=${Math.floor(query.page)}`);
  if (query.page !== undefined || query.perPage !== undefined) parts.push(`~perPage=${clampPerPage(query.perPage)}`);
  const search = query.search?.trim();
  if (search) parts.push(`~search=${encodeURIComponent(search)}`);
  return parts.length ? `${PRODUCTS_PATH}?${parts.join('&')}` : PRODUCTS_PATH;
}
