// Loads every page of a list (products, plans): the first page, then pages 2..N computed from
// `count` and the page size the server actually used, fetched with bounded concurrency and
// returned in order. The `next` links are never followed (before API v1.6.0 they said http://
// over https).
//
// Page-number paging drifts when the catalog changes meanwhile: an item archived before page k
// moves every later one a place up, so one slips from page k+1 onto page k, already fetched, and
// would be missing from a list that looks complete. So every page's `count` is compared with the
// first page's: if it moved, the whole list is fetched once more, page 1 on, planned from the
// latest count and the page size served then, and that pass is the answer.
import { ApiError, isApiError } from '../http/errors';
import type { CallOptions } from '../http/types';
import type { Product } from './schemas';
import { mapBounded } from '../http/boundedMap';
import { clampPageSize, pageCount, productListPath } from './paths';

/**
 * Pages fetched at once by listAllProducts. 16 loads 10,000 products about 3x faster than 4 over a
 * 20 ms network (docs/PERFORMANCE.md) while staying gentle with the API's rate limits.
 */
export const DEFAULT_LIST_CONCURRENCY = 16;

/** The most pages one Load all requests: a server's `count` (1e15, say) must not plan the work. */
export const MAX_LIST_ALL_PAGES = 1000;

export interface ListAllOptions<T> extends CallOptions {
  /** Clamped to 1..100. Default 100. */
  pageSize?: number;
  /** Pages in flight at once after the first. Default 16. */
  concurrency?: number;
  /**
   * After each page arrives (pages 2..N may arrive out of order): its items, items so far in this
   * pass, and the server's latest `count`. A refetch after drift starts a new pass (loaded from 0).
   */
  onPage?: (items: T[], loaded: number, total: number) => void;
}

export interface ListAllProductsOptions extends ListAllOptions<Product> {
  search?: string;
}

export interface PageQuery extends CallOptions {
  page: number;
  pageSize: number;
  search?: string;
}

interface ListPage<T> {
  count: number;
  results: T[];
}

/** What is listed: for the message of a list too long to load, and for keeping each item once. */
export interface ListAllContext<T> {
  environmentLabel: string;
  /** Prefix of the paths sent, e.g. `/api/v1`. */
  basePath: string;
  /** Plural noun for messages: "products", "plans". */
  noun: string;
  /** The path of page 1 (for the error). */
  firstPagePath: (query: PageQuery) => string;
  /** What to narrow the list with, e.g. "Search to narrow the list, or use Load more." */
  advice: string;
  /** Items can shift between pages while paging: the key that keeps the first copy of each. */
  keyOf: (item: T) => string;
}

interface Pass<T> {
  items: T[];
  /** Some page's count differed from page 1's: the catalog changed while paging. */
  moved: boolean;
}

export async function listAllPages<T>(fetchPage: (query: PageQuery) => Promise<ListPage<T>>, options: ListAllOptions<T> & { search?: string }, context: ListAllContext<T>): Promise<T[]> {
  const first = await onePass(fetchPage, options, context);
  if (!first.moved) return first.items;
  return (await onePass(fetchPage, options, context)).items;
}

async function onePass<T>(fetchPage: (query: PageQuery) => Promise<ListPage<T>>, options: ListAllOptions<T> & { search?: string }, context: ListAllContext<T>): Promise<Pass<T>> {
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
  if (served === 0 || first.count <= served) return { items: uniqueBy(first.results, context.keyOf), moved: false };
  const pages = pageCount(first.count, served);
  if (pages > MAX_LIST_ALL_PAGES) throw tooLong(first.count, served, pages, { ...base, page: 1 }, context);
  let moved = false;
  const rest = await mapBounded(
    Array.from({ length: pages - 1 }, (_, i) => i + 2),
    options.concurrency ?? DEFAULT_LIST_CONCURRENCY,
    async (page, _index, signal) => {
      let items: T[];
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
  return { items: uniqueBy([first.results, ...rest].flat(), context.keyOf), moved };
}

function tooLong<T>(count: number, served: number, pages: number, query: PageQuery, context: ListAllContext<T>): ApiError {
  const n = (x: number) => x.toLocaleString('en-US');
  const message =
    `Kelviq (${context.environmentLabel}) lists ${n(count)} ${context.noun}, ${n(pages)} pages of ${n(served)}: ` +
    `more than Load all fetches (${n(MAX_LIST_ALL_PAGES)} pages). ${context.advice}`;
  return new ApiError({ kind: 'badResponse', message, method: 'GET', path: context.basePath + context.firstPagePath(query), attempts: 1 });
}

function uniqueBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The context listAllProducts passes: products by id, page 1 as listProducts sends it. */
export function productListContext(environmentLabel: string, basePath: string): ListAllContext<Product> {
  return {
    environmentLabel,
    basePath,
    noun: 'products',
    firstPagePath: (query) => productListPath(query),
    advice: 'Search to narrow the list, or use Load more.',
    keyOf: (product) => product.id,
  };
}
