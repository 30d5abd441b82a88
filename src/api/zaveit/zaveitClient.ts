// The Zaveit product client over the generic HttpClient (one undici Pool per origin, no
// redirects followed, per-attempt timeouts, an AbortSignal on every call, the retry policy of
// src/api/http/retry.ts). Checks inputs before sending (ids, strict request bodies), validates
// every answer with the loose response schemas, and words errors for Zaveit.
//
// Assumptions (ZAVEIT.md; nothing here was tried against a live Zaveit server):
// - the token travels as `Authorization: Bearer <token>` (the docs do not name the header);
// - updates are `PATCH /v2/product/:id` with the changed top-level fields (not documented):
//   a 405 or 501, or a 404 for a product that exists, becomes an ApiError of kind 'unsupported';
// - GET /v2/product takes `~page` / `~perPage` / `~search` like its sibling endpoints and may
//   answer `{data: [...]}`; a server that ignores paging is detected (ProductListPage.unpaged).
import type { z } from 'zod';
import { ApiError, isApiError } from '../http/errors';
import { HttpClient, type HttpClientOptions, type HttpMethod, type HttpRequest } from '../http/httpClient';
import { issuesToFieldErrors } from '../http/responseBody';
import type { CallOptions } from '../http/types';
import { listAllPages, type ListAllProductsOptions, type ProductListAll } from './listAll';
import { interpretListPage, uniqueById, type ProductListPage } from './listPage';
import { AUTH_INFO_PATH, PRODUCTS_PATH, clampPerPage, isProductId, productListPath, productPath } from './paths';
import {
  AuthInfoBodySchema,
  ProductCreateSchema,
  ProductListBodySchema,
  ProductSchema,
  ProductUpdateSchema,
  type AuthInfo,
  type Product,
  type ProductCreate,
  type ProductListBody,
  type ProductUpdate,
} from './schemas';
import { isMethodUnsupported, unsupportedUpdate, zaveitError } from './zaveitErrors';

/** The HTTP client's options, with the token in place of raw headers and secrets. */
export type ZaveitClientOptions = Omit<HttpClientOptions, 'service' | 'headers' | 'secrets'> & {
  /** The session token (the `jwt` of GET /v1/auth/info). A leading "Bearer " is dropped. */
  token: string;
};

export interface ListProductsOptions extends CallOptions {
  /** 1-based. Default 1. */
  page?: number;
  /** Clamped to 1..500. Default 100. */
  perPage?: number;
  search?: string;
  /** The ids of page `page - 1`: lets the result notice a server that answers every page alike. */
  previousPageIds?: readonly string[];
}

export interface FindProductsByNameOptions extends CallOptions {
  /** Keep only products whose `created` is at or after this time (epoch ms). */
  createdAfterMs?: number;
  /** Bound on the pages searched (of 100). Default 1,000, as listAllProducts. */
  maxPages?: number;
}

export interface ProductNameMatches {
  /** Products with that name, newest `created` first. */
  products: Product[];
  /**
   * False when the search stopped at its bound before the end of the list: "no match" then does
   * not prove the product is absent (do not offer to create it again without saying so).
   */
  complete: boolean;
}

export type { ListAllProductsOptions, ProductListAll } from './listAll';
export type { ProductListPage } from './listPage';

export class ZaveitClient {
  readonly environmentLabel: string;
  readonly baseUrl: string;
  readonly #http: HttpClient;

  /** @throws TypeError for an unusable base URL or token (the message never contains the token). */
  constructor(options: ZaveitClientOptions) {
    const token = options.token.trim().replace(/^bearer\s+/i, '');
    const label = options.environmentLabel;
    if (!token) throw new TypeError(`No ${label} Zaveit token is set. Sign in to Zaveit and set the token.`);
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new TypeError(`The ${label} Zaveit token contains spaces or characters a token cannot have. Paste the token again.`);
    }
    this.environmentLabel = label;
    this.baseUrl = options.baseUrl.trim();
    this.#http = new HttpClient({
      baseUrl: this.baseUrl,
      service: 'Zaveit',
      environmentLabel: label,
      // Assumed header (the docs do not name it): see ARCHITECTURE.md.
      headers: { authorization: `Bearer ${token}` },
      secrets: [token, options.token],
      userAgent: options.userAgent ?? 'kelviq-catalog-vscode (zaveit)',
      ...pick(options, ['timeoutMs', 'maxRetries', 'retryBaseDelayMs', 'maxRetryDelayMs', 'onRequest', 'onRetry']),
    });
  }

  /** GET /v1/auth/info: the token's tenant, expiry (epoch ms) and type. The body's `jwt` is dropped. */
  async authInfo(options: CallOptions = {}): Promise<AuthInfo> {
    const body = await this.#request({ method: 'GET', path: AUTH_INFO_PATH, response: AuthInfoBodySchema, ...callOptions(options) });
    return { tenant: body.tenant, childTenants: body.child_tenants ?? [], exp: body.exp, ...(body.type !== undefined ? { type: body.type } : {}) };
  }

  /**
   * One page of GET /v2/product with `~page` / `~perPage` / `~search`. Accepts a bare array or
   * `{data: [...]}`. Read `unpaged` in the result: true means the server ignored paging and
   * `items` is everything it has; then filter (filterProducts) and page (localPage) locally.
   */
  async listProducts(options: ListProductsOptions = {}): Promise<ProductListPage> {
    const page = options.page ?? 1;
    const perPage = clampPerPage(options.perPage);
    const search = options.search?.trim() || undefined;
    const path = productListPath({ page, perPage, ...(search ? { search } : {}) });
    if (!Number.isInteger(page) || page < 1) {
      throw this.#invalid('GET', path, { page: [`must be a whole number of at least 1 (got ${String(page)}).`] }, 'Cannot list products');
    }
    const body = await this.#request({ method: 'GET', path, response: ProductListBodySchema, ...callOptions(options) });
    return interpretListPage(body, { page, perPage, ...(search ? { search } : {}), ...(options.previousPageIds ? { previousPageIds: options.previousPageIds } : {}) });
  }

  /** The documented list call without paging parameters: every product (for this search) at once. */
  async listProductsAtOnce(options: CallOptions & { search?: string } = {}): Promise<{ items: Product[]; shape: ProductListBody['shape'] }> {
    const search = options.search?.trim() || undefined;
    const body = await this.#request({ method: 'GET', path: productListPath(search ? { search } : {}), response: ProductListBodySchema, ...callOptions(options) });
    return { items: uniqueById(body.data), shape: body.shape };
  }

  /** Every product (matching `search`), page by page: bounded, cancellable, each id once. */
  listAllProducts(options: ListAllProductsOptions = {}): Promise<ProductListAll> {
    return listAllPages({ page: (query) => this.listProducts(query), everything: (query) => this.listProductsAtOnce(query) }, options);
  }

  async getProduct(id: string, options: CallOptions = {}): Promise<Product> {
    this.#checkId('GET', id);
    return this.#request({ method: 'GET', path: productPath(id), response: ProductSchema, notFoundMessage: notFound(id), ...callOptions(options) });
  }

  /**
   * POST /v2/product. Never retried automatically (not even on 429): a repeat could create a
   * duplicate. After a failure for which isAmbiguousCreateFailure() is true, look for the product
   * with findProductsByName before offering to try again.
   */
  async createProduct(input: ProductCreate, options: CallOptions = {}): Promise<Product> {
    const body = this.#checkBody('POST', PRODUCTS_PATH, ProductCreateSchema, input, 'The product cannot be created');
    return this.#request({ method: 'POST', path: PRODUCTS_PATH, body, response: ProductSchema, maxRetries: 0, ...callOptions(options) });
  }

  /**
   * The assumed PATCH /v2/product/:id with the changed top-level fields (each whole). Retried
   * only when it provably never reached the server (or on 429). A 405 or 501, or a 404 while
   * GET finds the product, rejects with kind 'unsupported'; a 404 for a product that is gone
   * stays 'notFound'.
   */
  async updateProduct(id: string, changes: ProductUpdate, options: CallOptions = {}): Promise<Product> {
    this.#checkId('PATCH', id);
    const path = productPath(id);
    const body = this.#checkBody('PATCH', path, ProductUpdateSchema, changes, 'The product cannot be saved');
    try {
      return await this.#request({ method: 'PATCH', path, body, response: ProductSchema, notFoundMessage: notFound(id), ...callOptions(options) });
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (isMethodUnsupported(error)) throw unsupportedUpdate(error);
      if (error.kind === 'notFound' && (await this.#exists(id, options))) throw unsupportedUpdate(error);
      throw error;
    }
  }

  /**
   * Products whose name equals `name` (trimmed, case-insensitive), newest `created` first: used
   * after an ambiguous create failure to see whether the product was created after all. Uses
   * `~search`, and filters locally, so it works whether or not the server searches; `complete`
   * says whether the whole list was searched.
   */
  async findProductsByName(name: string, options: FindProductsByNameOptions = {}): Promise<ProductNameMatches> {
    const wanted = normalizeName(name);
    if (!wanted) throw this.#invalid('GET', PRODUCTS_PATH, { name: ['must not be empty.'] }, 'Cannot look for a product');
    const all = await this.listAllProducts({ search: name.trim(), ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}), ...callOptions(options) });
    const after = options.createdAfterMs;
    const products = all.items
      .filter((p) => normalizeName(p.name) === wanted)
      .filter((p) => after === undefined || createdMs(p) >= after)
      .sort((a, b) => createdMs(b) - createdMs(a));
    return { products, complete: !all.truncated };
  }

  /** Waits for calls in flight, then closes the connection pool. Later calls reject 'cancelled'. */
  close(): Promise<void> {
    return this.#http.close();
  }

  /** For a VS Code Disposable: closes now, aborting calls in flight (they reject 'cancelled'). */
  dispose(): void {
    this.#http.destroy().catch(() => undefined);
  }

  async #request<T>(req: HttpRequest<T>): Promise<T> {
    try {
      return await this.#http.request(req);
    } catch (error) {
      throw isApiError(error) ? zaveitError(error, this.environmentLabel) : error;
    }
  }

  /** Does GET find the product? False on 404; any other failure: unknown, so false. */
  async #exists(id: string, options: CallOptions): Promise<boolean> {
    try {
      await this.getProduct(id, options.signal ? { signal: options.signal } : {});
      return true;
    } catch {
      return false;
    }
  }

  #checkId(method: HttpMethod, id: string): void {
    if (isProductId(id as unknown)) return;
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id) : String(id);
    const message = `${shown} is not a Zaveit product id.`;
    throw new ApiError({ kind: 'validation', message, method, path: `${this.#http.basePath}${PRODUCTS_PATH}/{id}`, fieldErrors: { id: [message] } });
  }

  #checkBody<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, input: unknown, what: string): z.output<S> {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    throw this.#invalid(method, path, issuesToFieldErrors(parsed.error), what);
  }

  #invalid(method: HttpMethod, path: string, fieldErrors: Record<string, string[]>, what: string): ApiError {
    const [field, messages] = Object.entries(fieldErrors)[0] ?? ['(body)', ['is invalid.']];
    const message = `${what}: ${field === '(body)' ? '' : `${field}: `}${messages[0]} Nothing was sent.`;
    return new ApiError({ kind: 'validation', message, method, path: this.#http.basePath + path, fieldErrors });
  }
}

function notFound(id: string): string {
  return `Zaveit product ${id} does not exist.`;
}

function normalizeName(name: unknown): string {
  return typeof name === 'string' ? name.normalize('NFC').trim().toLowerCase() : '';
}

function createdMs(product: Product): number {
  const at = typeof product.created === 'string' ? Date.parse(product.created) : NaN;
  return Number.isNaN(at) ? 0 : at;
}

function callOptions(options: CallOptions): CallOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.onRetry ? { onRetry: options.onRetry } : {}) };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
