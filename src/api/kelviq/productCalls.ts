// A kelviq product and its settings: list, get, create, update, archive; the settings' get and
// update. The product by its UUID, checked before sending; bodies against the strict schemas.
import type { CallOptions } from '../http/types';
import type { HttpMethod } from '../http/httpClient';
import { alreadyArchived, callOptions, checkBody, checkCounters, checkInput, type KelviqCallContext } from './callSupport';
import { PRODUCTS_PATH, isProductId, productListPath, productPath, productSettingsPath } from './paths';
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

export interface ListProductsOptions extends CallOptions {
  search?: string;
  /** 1-based. */
  page?: number;
  /** Clamped to 1..100. Default 100. */
  pageSize?: number;
}

function checkId(ctx: KelviqCallContext, method: HttpMethod, id: string, suffix = ''): void {
  checkInput(ctx, isProductId(id as unknown), method, `${PRODUCTS_PATH}{id}/${suffix}`, 'id', id, 'a product id (a UUID such as 0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de)');
}

function notFound(id: string): string {
  return `Product ${id} does not exist or was archived.`;
}

export async function listProducts(ctx: KelviqCallContext, options: ListProductsOptions = {}): Promise<ProductPage> {
  const path = productListPath(options);
  checkCounters(ctx, 'GET', path, { page: options.page }, 'Cannot list products');
  return ctx.http.request({ method: 'GET', path, response: ProductPageSchema, ...callOptions(options) });
}

export async function getProduct(ctx: KelviqCallContext, id: string, options: CallOptions = {}): Promise<ProductDetail> {
  checkId(ctx, 'GET', id);
  return ctx.http.request({ method: 'GET', path: productPath(id), response: ProductDetailSchema, notFoundMessage: notFound(id), ...callOptions(options) });
}

export async function createProduct(ctx: KelviqCallContext, input: ProductCreate, options: CallOptions = {}): Promise<Product> {
  const body = checkBody(ctx, 'POST', PRODUCTS_PATH, ProductCreateSchema, input, 'The product cannot be created');
  return ctx.http.request({ method: 'POST', path: PRODUCTS_PATH, body, response: ProductSchema, ...callOptions(options) });
}

export async function updateProduct(ctx: KelviqCallContext, id: string, patch: ProductUpdate, options: CallOptions = {}): Promise<Product> {
  checkId(ctx, 'PATCH', id);
  const body = checkBody(ctx, 'PATCH', productPath(id), ProductUpdateSchema, patch, 'The product cannot be saved');
  return ctx.http.request({ method: 'PATCH', path: productPath(id), body, response: ProductSchema, notFoundMessage: notFound(id), ...callOptions(options) });
}

/**
 * Archives (soft-deletes). 204 with an empty or a JSON body both count. Retried like a GET: if
 * an earlier attempt may have landed, a later 400 "Already archived." means it did: success.
 */
export async function archiveProduct(ctx: KelviqCallContext, id: string, options: CallOptions = {}): Promise<void> {
  checkId(ctx, 'DELETE', id);
  await ctx.http.request<void>({
    method: 'DELETE',
    path: productPath(id),
    response: 'ignore',
    notFoundMessage: notFound(id),
    acceptAfterAmbiguousFailure: alreadyArchived,
    ...callOptions(options),
  });
}

export async function getProductSettings(ctx: KelviqCallContext, id: string, options: CallOptions = {}): Promise<ProductSettings> {
  checkId(ctx, 'GET', id, 'settings/');
  return ctx.http.request({ method: 'GET', path: productSettingsPath(id), response: ProductSettingsSchema, notFoundMessage: notFound(id), ...callOptions(options) });
}

export async function updateProductSettings(ctx: KelviqCallContext, id: string, patch: ProductSettingsUpdate, options: CallOptions = {}): Promise<ProductSettings> {
  checkId(ctx, 'PATCH', id, 'settings/');
  const path = productSettingsPath(id);
  const body = checkBody(ctx, 'PATCH', path, ProductSettingsUpdateSchema, patch, 'The product settings cannot be saved');
  return ctx.http.request({ method: 'PATCH', path, body, response: ProductSettingsSchema, notFoundMessage: notFound(id), ...callOptions(options) });
}
