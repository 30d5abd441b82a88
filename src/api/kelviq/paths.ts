// Kelviq catalog paths (relative to the base URL, trailing slash kept) and their inputs: product
// id checks, page-size clamping and the list query. Pure.

export const PRODUCTS_PATH = '/catalog/products/';
/** `POST /media/`: a presigned upload policy. */
export const MEDIA_PATH = '/media/';
export const MAX_PAGE_SIZE = 100;

/** A UUID in any case (sent lower-case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isProductId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function productPath(id: string): string {
  return `${PRODUCTS_PATH}${encodeURIComponent(id.toLowerCase())}/`;
}

export function productSettingsPath(id: string): string {
  return `${productPath(id)}settings/`;
}

/** `/catalog/products/<product uuid>/image/<image uuid>/` */
export function productImagePath(productId: string, imageId: string): string {
  return `${productPath(productId)}image/${encodeURIComponent(imageId.toLowerCase())}/`;
}

/** A whole number in 1..100; anything unusable becomes 100 (the API's own default). */
export function clampPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || !Number.isFinite(pageSize)) return MAX_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
}

export interface ListQuery {
  search?: string;
  page?: number;
  pageSize?: number;
}

/**
 * `/catalog/products/?search=pro%20plan&page=2&page_size=50`. An empty search is left out; page
 * must be a whole number ≥ 1 (checked by the caller); page_size is clamped to 1..100.
 */
export function productListPath(query: ListQuery): string {
  const parts: string[] = [];
  const search = query.search?.trim();
  if (search) parts.push(`search=${encodeURIComponent(search)}`);
  if (query.page !== undefined) parts.push(`page=${Math.floor(query.page)}`);
  parts.push(`page_size=${clampPageSize(query.pageSize)}`);
  return `${PRODUCTS_PATH}?${parts.join('&')}`;
}

/** How many pages `count` items fill at `pageSize` per page (at least 1). */
export function pageCount(count: number, pageSize: number): number {
  if (pageSize <= 0 || count <= 0) return 1;
  return Math.ceil(count / pageSize);
}

/**
 * The page number in a `next`/`previous` link, read from its query only: the link's scheme and
 * host are never used (before API v1.6.0 they said http:// even over https). Undefined when absent.
 */
export function pageFromLink(link: string | null | undefined): number | undefined {
  if (!link) return undefined;
  const query = link.includes('?') ? link.slice(link.indexOf('?') + 1).split('#')[0]! : '';
  const value = new URLSearchParams(query).get('page');
  if (value === null) return link.includes('?') ? 1 : undefined; // DRF drops page=1 from `previous`
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : undefined;
}
