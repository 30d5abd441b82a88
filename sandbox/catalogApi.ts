// The product endpoints: list, create, retrieve, update, archive, settings, and the product
// serialization. Routing and auth are in router.ts, shared parsing and paging in apiSupport.ts.
import { NOT_FOUND, paginate, readBody, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import type { Route } from './router';
import { FieldError, type ProductCreate, type ProductPatch, type ProductRecord, type ProductSettings } from './store';

export { API_PREFIX, PAGE_SIZE } from './apiSupport';
export type { ApiContext, ApiRequest, Reply } from './apiSupport';

/** Product as the list/create/update endpoints return it (the spec's `Product`). */
export function toProduct(p: ProductRecord): Record<string, unknown> {
  return {
    id: p.id,
    identifier: p.identifier,
    name: p.name,
    description: p.description,
    createdBy: p.createdBy,
    modifiedOn: p.modifiedOn,
    images: p.images.map((image) => ({ ...image })),
    taxCode: p.taxCode,
  };
}

/** The detail endpoint's `ProductRetrieve`: Product plus published plan identifiers. */
export function toProductRetrieve(p: ProductRecord): Record<string, unknown> {
  return { ...toProduct(p), plans: [...p.plans] };
}

function list(req: ApiRequest, ctx: ApiContext): Reply {
  return paginate(req, ctx.store.list(req.url.searchParams.get('search') ?? undefined), toProduct);
}

function create(req: ApiRequest, ctx: ApiContext, user: string): Reply {
  const input = readBody<ProductCreate>(req, 'ProductCreateRequest');
  if (!input.ok) return input.reply;
  const { name, taxCode, identifier, description, imageKeys } = input.value;
  try {
    return { status: 201, body: toProduct(ctx.store.create({ name, taxCode, identifier, description, imageKeys }, user)) };
  } catch (error) {
    if (error instanceof FieldError) return { status: 400, body: error.fields };
    throw error;
  }
}

function retrieve(_req: ApiRequest, ctx: ApiContext, _user: string, [pk = '']: readonly string[]): Reply {
  const product = ctx.store.get(pk);
  return product ? { status: 200, body: toProductRetrieve(product) } : NOT_FOUND;
}

function update(req: ApiRequest, ctx: ApiContext, user: string, [pk = '']: readonly string[]): Reply {
  if (!ctx.store.get(pk)) return NOT_FOUND;
  const patch = readBody<ProductPatch>(req, 'ProductUpdateRequest');
  if (!patch.ok) return patch.reply;
  // Only the spec's writable fields pass: `identifier`, `id`, `createdBy` … are read-only on
  // PATCH and, as DRF does with read-only fields, silently ignored.
  const { name, description, taxCode, imageKeys, fileKeys } = patch.value;
  const updated = ctx.store.update(pk, { name, description, taxCode, imageKeys, fileKeys }, user);
  return updated ? { status: 200, body: toProduct(updated) } : NOT_FOUND;
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
