// Loads every product of a list, a page at a time: bounded (pages and items), cancellable
// (the caller's signal reaches every request), de-duplicated by id, and stopping when a page is
// short or empty, repeats the page before it, or the server turns out to ignore paging.
// Pages are fetched one after another: without a total count, page N+1 is worth asking for only
// once page N came back full.
import type { CallOptions } from '../http/types';
import type { ProductListPage } from './listPage';
import type { Product, ProductListBody } from './schemas';

export const DEFAULT_MAX_PAGES = 1_000;
export const DEFAULT_MAX_ITEMS = 100_000;

export interface ListAllProductsOptions extends CallOptions {
  search?: string;
  /** Items per request (clamped by the client). Default 100. */
  perPage?: number;
  /** Stop after this many page requests. Default 1,000. */
  maxPages?: number;
  /** Stop once this many products are loaded. Default 100,000. */
  maxItems?: number;
  /** After each page: the products it added and how many are loaded so far. */
  onPage?: (added: Product[], loaded: number) => void;
}

export interface ProductListAll {
  /** Each product once, in the order the pages gave them. */
  items: Product[];
  /** The server ignored the paging parameters (see ProductListPage.unpaged): filter locally. */
  unpaged: boolean;
  /** Stopped at maxPages or maxItems while more may exist. */
  truncated: boolean;
  /** List requests made. */
  requests: number;
  shape: ProductListBody['shape'];
}

export interface PageFetchers {
  page(query: CallOptions & { page: number; perPage?: number; search?: string; previousPageIds?: readonly string[] }): Promise<ProductListPage>;
  /** The documented call without paging parameters: everything at once. */
  everything(query: CallOptions & { search?: string }): Promise<{ items: Product[]; shape: ProductListBody['shape'] }>;
}

export async function listAllPages(fetch: PageFetchers, options: ListAllProductsOptions): Promise<ProductListAll> {
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
  const maxItems = Math.max(1, Math.floor(options.maxItems ?? DEFAULT_MAX_ITEMS));
  const call: CallOptions & { search?: string } = {
    ...(options.search !== undefined ? { search: options.search } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  };
  const byId = new Map<string, Product>();
  const add = (items: readonly Product[]): Product[] => {
    const added = items.filter((p) => !byId.has(p.id));
    for (const p of added) byId.set(p.id, p);
    if (added.length > 0) options.onPage?.(added, byId.size);
    return added;
  };
  const done = (unpaged: boolean, truncated: boolean, requests: number, shape: ProductListAll['shape']): ProductListAll => {
    const items = [...byId.values()];
    const cut = items.length > maxItems;
    return { items: cut ? items.slice(0, maxItems) : items, unpaged, truncated: truncated || cut, requests, shape };
  };

  let previousPageIds: string[] | undefined;
  for (let page = 1; ; page++) {
    const result = await fetch.page({ ...call, page, ...(options.perPage !== undefined ? { perPage: options.perPage } : {}), ...(previousPageIds ? { previousPageIds } : {}) });
    if (result.unpaged && result.unpagedReason === 'repeated') {
      // Either the server ignores `~page` but honours `~perPage` (so we have seen only its first
      // page), or it ignores both and has exactly one page's worth: the documented call without
      // paging parameters settles it.
      const everything = await fetch.everything(call);
      add(everything.items);
      return done(true, false, page + 1, everything.shape);
    }
    const added = add(result.items);
    if (result.unpaged) return done(true, false, page, result.shape);
    if (!result.hasMore || added.length === 0) return done(false, false, page, result.shape);
    if (byId.size >= maxItems || page >= maxPages) return done(false, true, page, result.shape);
    previousPageIds = result.items.map((p) => p.id);
  }
}
