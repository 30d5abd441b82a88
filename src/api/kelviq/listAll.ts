// Loads every page of a product list: the first page, then pages 2..N computed from `count` and
// the page size the server actually used, fetched with bounded concurrency and returned in
// order. The `next` links are never followed (before API v1.6.0 they said http:// over https).
//
// Page-number paging drifts when the catalog changes meanwhile: a product archived before page k
// moves every later one a place up, so one slips from page k+1 onto page k, already fetched, and
// would be missing from a list that looks complete. So every page's `count` is compared with the
// first page's: if it moved, the whole list is fetched once more, page 1 on, planned from the
// latest count and the page size served then, and that pass is the answer.
import { ApiError, isApiError } from '../http/errors';
import type { CallOptions } from '../http/types';
import type { Product, ProductPage } from './schemas';
import { mapBounded } from '../http/boundedMap';
import { clampPageSize, pageCount, productListPath } from './paths';

/**
 * Pages fetched at once by listAllProducts. 16 loads 10,000 products about 3x faster than 4 over a
 * 20 ms network (docs/PERFORMANCE.md) while staying gentle with the API's rate limits.
 */
export const DEFAULT_LIST_CONCURRENCY = 16;

/** The most pages one Load all requests: a server's `count` (1e15, say) must not plan the work. */
export const MAX_LIST_ALL_PAGES = 1000;

export interface ListAllProductsOptions extends CallOptions {
  search?: string;
  /** Clamped to 1..100. Default 100. */
  pageSize?: number;
  /** Pages in flight at once after the first. Default 16. */
  concurrency?: number;
  /**
   * After each page arrives (pages 2..N may arrive out of order): its items, items so far in this
   * pass, and the server's latest `count`. A refetch after drift starts a new pass (loaded from 0).
   */
  onPage?: (items: Product[], loaded: number, total: number) => void;
}

type PageQuery = CallOptions & { search?: string; page: number; pageSize: number };

/** Who is asked, for the message of a list too long to load. */
export interface ListAllContext {
  environmentLabel: string;
  /** Prefix of the paths sent, e.g. `/api/v1`. */
  basePath: string;
}

interface Pass {
  items: Product[];
  /** Some page's count differed from page 1's: the catalog changed while paging. */
  moved: boolean;
}

export async function listAllPages(
  fetchPage: (query: PageQuery) => Promise<ProductPage>,
  options: ListAllProductsOptions,
  context: ListAllContext,
): Promise<Product[]> {
  const first = await onePass(fetchPage, options, context);
  if (!first.moved) return first.items;
  return (await onePass(fetchPage, options, context)).items;
}

async function onePass(fetchPage: (query: PageQuery) => Promise<ProductPage>, options: ListAllProductsOptions, context: ListAllContext): Promise<Pass> {
  const pageSize = clampPageSize(options.pageSize);
  const base = {
    pageSize,
    ...(options.search !== undefined ? { search: options.search } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  };
  const first = await fetchPage({ ...base, page: 1, ...(options.signal ? { signal: options.signal } : {}) });
  let latest = first.count;
  let loaded = first.results.length;
  options.onPage?.(first.results, loaded, latest);
  // A server may cap page_size below what we asked for: count pages by what it actually sent.
  const served = first.results.length;
  if (served === 0 || first.count <= served) return { items: uniqueById(first.results), moved: false };
  const pages = pageCount(first.count, served);
  if (pages > MAX_LIST_ALL_PAGES) throw tooLong(first.count, served, pages, options, context);
  let moved = false;
  const rest = await mapBounded(
    Array.from({ length: pages - 1 }, (_, i) => i + 2),
    options.concurrency ?? DEFAULT_LIST_CONCURRENCY,
    async (page, _index, signal) => {
      let items: Product[];
      try {
        const answer = await fetchPage({ ...base, page, signal });
        items = answer.results;
        if (answer.count !== first.count) moved = true;
        latest = answer.count;
      } catch (error) {
        // The list shrank while we paged (DRF answers 404 "Invalid page."): nothing more there.
        if (!(isApiError(error) && error.kind === 'notFound')) throw error;
        items = [];
        moved = true;
      }
      loaded += items.length;
      options.onPage?.(items, loaded, latest);
      return items;
    },
    options.signal,
  );
  return { items: uniqueById([first.results, ...rest].flat()), moved };
}

function tooLong(count: number, served: number, pages: number, options: ListAllProductsOptions, context: ListAllContext): ApiError {
  const n = (x: number) => x.toLocaleString('en-US');
  const message =
    `Kelviq (${context.environmentLabel}) lists ${n(count)} products, ${n(pages)} pages of ${n(served)}: ` +
    `more than Load all fetches (${n(MAX_LIST_ALL_PAGES)} pages). Search to narrow the list, or use Load more.`;
  const path = context.basePath + productListPath({ ...(options.search !== undefined ? { search: options.search } : {}), page: 1, pageSize: options.pageSize });
  return new ApiError({ kind: 'badResponse', message, method: 'GET', path, attempts: 1 });
}

/** Items can shift between pages while paging; keep the first copy of each id. */
function uniqueById(items: Product[]): Product[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
