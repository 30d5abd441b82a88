// How one answer of GET /v2/product is read: which shape it came in, whether the server
// honoured the paging parameters, and whether a later page can hold more. Pure.
//
// The docs say the list is "a JSON array" and name no paging parameters; the sibling list
// endpoints take `~page` / `~perPage` and answer `{data: [...]}`. So a server may page, or may
// ignore the parameters and send everything. We call it "unpaged" when it sent more than we
// asked for, or when page N repeats page N-1: the caller then has the whole list and filters
// and pages it locally (filterProducts, localPage).
import type { Product, ProductListBody } from './schemas';

export type UnpagedReason =
  /** More items than `perPage`: the server ignored `~perPage`. */
  | 'tooMany'
  /** Page N held only items of page N-1: the server ignored `~page`. */
  | 'repeated';

export interface ProductListPage {
  /** The products the server sent for this request (each id once, in the server's order). */
  items: Product[];
  page: number;
  perPage: number;
  search?: string;
  /** 'array' (the documented shape) or 'data' (`{data: [...]}`). */
  shape: ProductListBody['shape'];
  /**
   * True when the server ignored the paging parameters: `items` is everything it has (for this
   * search, if it honoured the search at all). Ask for no more pages; filter (filterProducts)
   * and page (localPage) locally.
   */
  unpaged: boolean;
  unpagedReason?: UnpagedReason;
  /** True when a later page may hold more products (a full page from a paging server). */
  hasMore: boolean;
  /** How many items the server sent, repeats included. */
  received: number;
}

export interface PageRequest {
  page: number;
  perPage: number;
  search?: string;
  /** The ids of page `page - 1`, to notice a server that answers every page alike. */
  previousPageIds?: readonly string[];
}

export function interpretListPage(body: ProductListBody, request: PageRequest): ProductListPage {
  const items = uniqueById(body.data);
  const previous = request.previousPageIds ? new Set(request.previousPageIds) : undefined;
  let unpagedReason: UnpagedReason | undefined;
  if (items.length > request.perPage) unpagedReason = 'tooMany';
  else if (request.page > 1 && previous && previous.size > 0 && items.length > 0 && items.every((p) => previous.has(p.id))) unpagedReason = 'repeated';
  const unpaged = unpagedReason !== undefined;
  return {
    items,
    page: request.page,
    perPage: request.perPage,
    ...(request.search ? { search: request.search } : {}),
    shape: body.shape,
    unpaged,
    ...(unpagedReason ? { unpagedReason } : {}),
    // A full page counts by what was sent: a repeat inside the page does not make it short.
    hasMore: !unpaged && body.data.length >= request.perPage,
    received: body.data.length,
  };
}

/** Items can repeat (a list that shifts while paging, or a sloppy server): keep the first of each id. */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

function searchable(product: Product): string[] {
  const texts: unknown[] = [product.name, product.description, product.id];
  for (const variant of product.products ?? []) texts.push(variant.sku);
  return texts.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

/**
 * The local stand-in for `~search` (what the server's search covers is not documented): every
 * space-separated term must be a case-insensitive substring of the name, the description, the
 * id or a variant's SKU. An empty search keeps everything.
 */
export function filterProducts<T extends Product>(items: readonly T[], search: string | undefined): T[] {
  const terms = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return items.slice();
  return items.filter((product) => {
    const texts = searchable(product);
    return terms.every((term) => texts.some((text) => text.includes(term)));
  });
}

/** Page `page` (1-based) of `perPage` items, and whether more follow: local paging for an unpaged server. */
export function localPage<T>(items: readonly T[], page: number, perPage: number): { items: T[]; hasMore: boolean } {
  const start = (Math.max(1, Math.floor(page)) - 1) * perPage;
  return { items: items.slice(start, start + perPage), hasMore: start + perPage < items.length };
}
