// The product endpoints: list, create, retrieve, update, archive, settings, and the product
// serialization. Routing and auth are in router.ts, shared parsing and paging in apiSupport.ts; a
// product's images (PATCH, DELETE) in productImagesApi.ts.
import { badRequest, NOT_FOUND, paginate, readBody, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import { mediaUrls, STORED_MEDIA, type MediaUrls } from './mediaUrls';
import type { Route } from './router';
import { FieldError, type ProductCreate, type ProductImage, type ProductPatch, type ProductRecord, type ProductSettings } from './store';
import { attachUploads, checkUploadKeys, consumeUploads } from './uploadKeys';

export { API_PREFIX, PAGE_SIZE } from './apiSupport';
export type { ApiContext, ApiRequest, Reply } from './apiSupport';

/** The spec's `ProductImage`: `image` as `urls` shows a storage key. */
export function toProductImage(image: ProductImage, urls: MediaUrls = STORED_MEDIA): Record<string, unknown> {
  return { id: image.id, name: image.name, image: urls.image(image.image), ordering: image.ordering, thumbnail: image.thumbnail, enabled: image.enabled };
}

/** Product as the list/create/update endpoints return it (the spec's `Product`); images' keys as stored unless `urls` says. */
export function toProduct(p: ProductRecord, urls: MediaUrls = STORED_MEDIA): Record<string, unknown> {
  return {
    id: p.id,
    identifier: p.identifier,
    name: p.name,
    description: p.description,
    createdBy: p.createdBy,
    modifiedOn: p.modifiedOn,
    images: p.images.map((image) => toProductImage(image, urls)),
    taxCode: p.taxCode,
  };
}

/** The detail endpoint's `ProductRetrieve`: Product plus published plan identifiers. */
export function toProductRetrieve(p: ProductRecord, urls: MediaUrls = STORED_MEDIA): Record<string, unknown> {
  return { ...toProduct(p, urls), plans: [...p.plans] };
}

function list(req: ApiRequest, ctx: ApiContext): Reply {
  const urls = mediaUrls(req, ctx.switches);
  return paginate(req, ctx.store.list(req.url.searchParams.get('search') ?? undefined), (p) => toProduct(p, urls));
}

function create(req: ApiRequest, ctx: ApiContext, user: string): Reply {
  const input = readBody<ProductCreate>(req, 'ProductCreateRequest');
  if (!input.ok) return input.reply;
  const { name, taxCode, identifier, description, imageKeys } = input.value;
  const unknownKeys = checkUploadKeys(ctx.storage, 'imageKeys', imageKeys);
  if (unknownKeys) return badRequest(unknownKeys);
  try {
    const product = ctx.store.create({ name, taxCode, identifier, description, imageKeys }, user);
    attachUploads(ctx.storage, imageKeys ?? [], product.images.map((image) => image.image));
    return { status: 201, body: toProduct(product, mediaUrls(req, ctx.switches)) };
  } catch (error) {
    if (error instanceof FieldError) return { status: 400, body: error.fields };
    throw error;
  }
}

function retrieve(req: ApiRequest, ctx: ApiContext, _user: string, [pk = '']: readonly string[]): Reply {
  const product = ctx.store.get(pk);
  return product ? { status: 200, body: toProductRetrieve(product, mediaUrls(req, ctx.switches)) } : NOT_FOUND;
}

function update(req: ApiRequest, ctx: ApiContext, user: string, [pk = '']: readonly string[]): Reply {
  if (!ctx.store.get(pk)) return NOT_FOUND;
  const patch = readBody<ProductPatch>(req, 'ProductUpdateRequest');
  if (!patch.ok) return patch.reply;
  // Only the spec's writable fields pass: `identifier`, `id`, `createdBy` … are read-only on
  // PATCH and, as DRF does with read-only fields, silently ignored.
  const { name, description, taxCode, imageKeys, fileKeys } = patch.value;
  const unknownKeys = { ...checkUploadKeys(ctx.storage, 'imageKeys', imageKeys), ...checkUploadKeys(ctx.storage, 'fileKeys', fileKeys) };
  if (Object.keys(unknownKeys).length > 0) return badRequest(unknownKeys);
  const before = ctx.store.get(pk)?.images.length ?? 0;
  const updated = ctx.store.update(pk, { name, description, taxCode, imageKeys, fileKeys }, user);
  if (!updated) return NOT_FOUND;
  attachUploads(ctx.storage, imageKeys ?? [], updated.images.slice(before).map((image) => image.image));
  consumeUploads(ctx.storage, fileKeys);
  return { status: 200, body: toProduct(updated, mediaUrls(req, ctx.switches)) };
}

function archive(_req: ApiRequest, ctx: ApiContext, _user: string, [pk = '']: readonly string[]): Reply {
  const result = ctx.store.archive(pk);
  if (result === 'already-archived') return { status: 400, body: { detail: 'Already archived.' } };
  return result === 'archived' ? { status: 204 } : NOT_FOUND;
}

function getSettings(_req: ApiRequest, ctx: ApiContext, _user: string, [pk = '']: readonly string[]): Reply {
  const settings = ctx.store.settings(pk);
  return settings ? { status: 200, body: { ...settings } } : NOT_FOUND;
}

function patchSettings(req: ApiRequest, ctx: ApiContext, _user: string, [pk = '']: readonly string[]): Reply {
  if (!ctx.store.get(pk)) return NOT_FOUND;
  const patch = readBody<Partial<ProductSettings>>(req, 'ProductSettingsUpdateRequest');
  if (!patch.ok) return patch.reply;
  const { vpn, tor, proxy, currency, productUrl } = patch.value;
  const settings = ctx.store.updateSettings(pk, { vpn, tor, proxy, currency, productUrl });
  return settings ? { status: 200, body: { ...settings } } : NOT_FOUND;
}

export const PRODUCT_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/v1\/catalog\/products\/$/, name: 'Product List', methods: { GET: list, POST: create } },
  { pattern: /^\/api\/v1\/catalog\/products\/([^/]+)\/$/, name: 'Product Detail', methods: { GET: retrieve, PATCH: update, DELETE: archive }, uuidParams: [0] },
  { pattern: /^\/api\/v1\/catalog\/products\/([^/]+)\/settings\/$/, name: 'Product Settings', methods: { GET: getSettings, PATCH: patchSettings }, uuidParams: [0] },
];
