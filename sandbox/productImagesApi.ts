// A product's images: `PATCH /catalog/products/{product_pk}/image/{pk}/` (name, ordering,
// thumbnail, enabled; `thumbnail: true` clears the flag on the product's other images) → the
// ProductImage, and `DELETE` → 204 (the record and its stored bytes), 404 when the product or the
// image is unknown. Neither moves the product's `modifiedOn` (**assumed**: the spec is silent, and
// an image is a record of its own, as settings are).
import { NOT_FOUND, readBody, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import { toProductImage } from './catalogApi';
import { mediaUrls } from './mediaUrls';
import type { Route } from './router';
import type { ProductImagePatch } from './store';

function update(req: ApiRequest, ctx: ApiContext, _user: string, [productId = '', imageId = '']: readonly string[]): Reply {
  if (!ctx.store.get(productId)?.images.some((image) => image.id === imageId)) return NOT_FOUND;
  const patch = readBody<ProductImagePatch>(req, 'ProductImageUpdateRequest');
  if (!patch.ok) return patch.reply;
  const { name, ordering, thumbnail, enabled } = patch.value;
  const image = ctx.store.updateImage(productId, imageId, { name, ordering, thumbnail, enabled });
  return image ? { status: 200, body: toProductImage(image, mediaUrls(req, ctx.switches)) } : NOT_FOUND;
}

function remove(_req: ApiRequest, ctx: ApiContext, _user: string, [productId = '', imageId = '']: readonly string[]): Reply {
  const removed = ctx.store.deleteImage(productId, imageId);
  if (!removed) return NOT_FOUND;
  ctx.storage.delete(removed.image);
  return { status: 204 };
}

export const PRODUCT_IMAGE_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/v1\/catalog\/products\/([^/]+)\/image\/([^/]+)\/$/, name: 'Product Image', methods: { PATCH: update, DELETE: remove }, uuidParams: [0, 1] },
];
