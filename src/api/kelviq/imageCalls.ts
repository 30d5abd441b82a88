// A product's images: change one (name, ordering, thumbnail, enabled) or delete it. Images are added
// by sending uploaded keys in the product's `imageKeys` (mediaCalls.ts, storageUpload.ts). Both
// ids are UUIDs, checked before sending. A PATCH is retried only when it never reached the server;
// a DELETE like any DELETE, a 404 after an attempt that may have landed counting as done.
import type { CallOptions } from '../http/types';
import { alreadyRemoved, callOptions, checkBody, checkInput, type KelviqCallContext } from './callSupport';
import { ProductImageUpdateSchema, type ProductImageUpdate } from './imageSchemas';
import { PRODUCTS_PATH, productImagePath, UUID_PATTERN } from './paths';
import { ProductImageSchema, type ProductImage } from './schemas';

const TEMPLATE = `${PRODUCTS_PATH}{product_pk}/image/{pk}/`;
const UUID_EXAMPLE = 'a UUID such as 1f7e1b54-7c6f-4d7e-9a4f-2c9c2d8b9d31';

const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID_PATTERN.test(value);

function checkIds(ctx: KelviqCallContext, method: 'PATCH' | 'DELETE', productId: string, imageId: string): void {
  checkInput(ctx, isUuid(productId), method, TEMPLATE, 'productId', productId, `a product id (${UUID_EXAMPLE})`);
  checkInput(ctx, isUuid(imageId), method, TEMPLATE, 'imageId', imageId, `an image id (${UUID_EXAMPLE})`);
}

function imageNotFound(productId: string, imageId: string): string {
  return `Product ${productId} has no image ${imageId} (it was deleted, or the product does not exist).`;
}

/** `thumbnail: true` makes it the product's thumbnail (the server clears the others). Answers the image. */
export async function updateProductImage(ctx: KelviqCallContext, productId: string, imageId: string, patch: ProductImageUpdate, options: CallOptions = {}): Promise<ProductImage> {
  checkIds(ctx, 'PATCH', productId, imageId);
  const path = productImagePath(productId, imageId);
  const body = checkBody(ctx, 'PATCH', path, ProductImageUpdateSchema, patch, 'The image cannot be saved');
  return ctx.http.request({ method: 'PATCH', path, body, response: ProductImageSchema, notFoundMessage: imageNotFound(productId, imageId), ...callOptions(options) });
}

/** Deletes the image record (permanently). A 404 is 'notFound', except after an attempt that may have landed: then it is done. */
export async function deleteProductImage(ctx: KelviqCallContext, productId: string, imageId: string, options: CallOptions = {}): Promise<void> {
  checkIds(ctx, 'DELETE', productId, imageId);
  await ctx.http.request<void>({
    method: 'DELETE', path: productImagePath(productId, imageId), response: 'ignore',
    notFoundMessage: imageNotFound(productId, imageId), acceptAfterAmbiguousFailure: alreadyRemoved, ...callOptions(options),
  });
}
