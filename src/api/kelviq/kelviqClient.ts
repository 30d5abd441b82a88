// The kelviq catalog client: products and their settings over the generic HttpClient. Checks
// every input before sending (ids are UUIDs, request bodies pass the strict schemas) and
// validates every answer with the loose response schemas (extra fields are kept).
import type { z } from 'zod';
import { ApiError } from '../http/errors';
import { HttpClient, type HttpClientOptions, type HttpMethod } from '../http/httpClient';
import { issuesToFieldErrors } from '../http/responseBody';
import type { CallOptions } from '../http/types';
import {
  ProductCreateSchema,
  ProductDetailSchema,
  ProductPageSchema,
  ProductSchema,
  ProductSettingsSchema,
  ProductSettingsUpdateSchema,
  ProductUpdateSchema,
  type Product,
  type ProductCreate,
  type ProductDetail,
  type ProductPage,
  type ProductSettings,
  type ProductSettingsUpdate,
  type ProductUpdate,
} from './schemas';
import { listAllPages, type ListAllProductsOptions } from './listAll';
import { PRODUCTS_PATH, isProductId, productListPath, productPath, productSettingsPath } from './paths';

/** The HTTP client's options, with the API key in place of raw headers and secrets. */
export type KelviqClientOptions = Omit<HttpClientOptions, 'service' | 'headers' | 'secrets'> & {
  apiKey: string;
};

export interface ListProductsOptions extends CallOptions {
  search?: string;
  /** 1-based. */
  page?: number;
  /** Clamped to 1..100. Default 100. */
  pageSize?: number;
}

export type { ListAllProductsOptions } from './listAll';

export class KelviqClient {
  readonly environmentLabel: string;
  readonly baseUrl: string;
  readonly #http: HttpClient;

  /** @throws TypeError for an unusable base URL or API key (the message never contains the key). */
  constructor(options: KelviqClientOptions) {
    const apiKey = options.apiKey.trim();
    const label = options.environmentLabel;
    if (!apiKey) throw new TypeError(`No ${label} API key is set. Set a key created in the ${label} environment.`);
    if (!/^[\x21-\x7e]+$/.test(apiKey)) {
      throw new TypeError(`The ${label} API key contains spaces or characters a key cannot have. Paste the key again.`);
    }
    this.environmentLabel = label;
    this.baseUrl = options.baseUrl.trim();
    this.#http = new HttpClient({
      baseUrl: this.baseUrl,
      service: 'Kelviq',
      environmentLabel: label,
      headers: { authorization: `Bearer ${apiKey}` },
      secrets: [apiKey, options.apiKey],
      ...pick(options, ['timeoutMs', 'maxRetries', 'retryBaseDelayMs', 'maxRetryDelayMs', 'userAgent', 'onRequest', 'onRetry']),
    });
  }

  async listProducts(options: ListProductsOptions = {}): Promise<ProductPage> {
    const { page } = options;
    const path = productListPath(options);
    if (page !== undefined && (!Number.isInteger(page) || page < 1)) {
      throw this.#invalid('GET', path, { page: [`must be a whole number of at least 1 (got ${String(page)}).`] }, 'Cannot list products');
    }
    return this.#http.request({ method: 'GET', path, response: ProductPageSchema, ...callOptions(options) });
  }

  /**
   * Every product matching `search`: the first page, then the rest with bounded concurrency; once
   * more if the catalog changed meanwhile (see listAll.ts). Refuses a list of more than
   * MAX_LIST_ALL_PAGES pages (kind 'badResponse').
   */
  listAllProducts(options: ListAllProductsOptions = {}): Promise<Product[]> {
    return listAllPages((query) => this.listProducts(query), options, { environmentLabel: this.environmentLabel, basePath: this.#http.basePath });
  }

  async getProduct(id: string, options: CallOptions = {}): Promise<ProductDetail> {
    this.#checkId('GET', id);
    return this.#http.request({ method: 'GET', path: productPath(id), response: ProductDetailSchema, notFoundMessage: notFound(id), ...callOptions(options) });
  }

  async createProduct(input: ProductCreate, options: CallOptions = {}): Promise<Product> {
    const body = this.#checkBody('POST', PRODUCTS_PATH, ProductCreateSchema, input, 'The product cannot be created');
    return this.#http.request({ method: 'POST', path: PRODUCTS_PATH, body, response: ProductSchema, ...callOptions(options) });
  }

  async updateProduct(id: string, patch: ProductUpdate, options: CallOptions = {}): Promise<Product> {
    this.#checkId('PATCH', id);
    const body = this.#checkBody('PATCH', productPath(id), ProductUpdateSchema, patch, 'The product cannot be saved');
    return this.#http.request({ method: 'PATCH', path: productPath(id), body, response: ProductSchema, notFoundMessage: notFound(id), ...callOptions(options) });
  }

  /**
   * Archives (soft-deletes). 204 with an empty or a JSON body both count. Retried like a GET: if
   * an earlier attempt may have landed, a later 400 "Already archived." means it did: success.
   */
  async archiveProduct(id: string, options: CallOptions = {}): Promise<void> {
    this.#checkId('DELETE', id);
    await this.#http.request<void>({
      method: 'DELETE',
      path: productPath(id),
      response: 'ignore',
      notFoundMessage: notFound(id),
      acceptAfterAmbiguousFailure: (status, body) =>
        status === 400 && /already archived/i.test([body.message ?? '', ...Object.values(body.fieldErrors).flat()].join(' ')),
      ...callOptions(options),
    });
  }

  async getProductSettings(id: string, options: CallOptions = {}): Promise<ProductSettings> {
    this.#checkId('GET', id, 'settings/');
    return this.#http.request({ method: 'GET', path: productSettingsPath(id), response: ProductSettingsSchema, notFoundMessage: notFound(id), ...callOptions(options) });
  }

  async updateProductSettings(id: string, patch: ProductSettingsUpdate, options: CallOptions = {}): Promise<ProductSettings> {
    this.#checkId('PATCH', id, 'settings/');
    const path = productSettingsPath(id);
    const body = this.#checkBody('PATCH', path, ProductSettingsUpdateSchema, patch, 'The product settings cannot be saved');
    return this.#http.request({ method: 'PATCH', path, body, response: ProductSettingsSchema, notFoundMessage: notFound(id), ...callOptions(options) });
  }

  /** Waits for calls in flight, then closes the connection pool. Later calls reject 'cancelled'. */
  close(): Promise<void> {
    return this.#http.close();
  }

  /** For a VS Code Disposable: closes now, aborting calls in flight (they reject 'cancelled'). */
  dispose(): void {
    this.#http.destroy().catch(() => undefined);
  }

  #checkId(method: HttpMethod, id: string, suffix = ''): void {
    if (isProductId(id as unknown)) return;
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id) : String(id);
    const message = `${shown} is not a product id (a UUID such as 0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de).`;
    throw new ApiError({ kind: 'validation', message, method, path: `${this.#http.basePath}${PRODUCTS_PATH}{id}/${suffix}`, fieldErrors: { id: [message] } });
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
  return `Product ${id} does not exist or was archived.`;
}

function callOptions(options: CallOptions): CallOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.onRetry ? { onRetry: options.onRetry } : {}) };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
