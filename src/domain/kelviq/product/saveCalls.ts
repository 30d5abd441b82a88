// productSaveCalls: the API calls that take a product from one editable view (`from`, the
// server's) to another (`to`, the merge result), and which of them may run at the same time.
// Pure: productSync.ts runs them.
//
//   name / description / taxCode changed → one PATCH /catalog/products/{id}/ with those fields
//   an image's fields changed             → one PATCH /catalog/products/{id}/image/{image}/ each,
//                                           with only that image's changed fields
//   an image's entry removed              → one DELETE /catalog/products/{id}/image/{image}/ each
//
// Images are matched by id. An entry without an id, or with an id the product does not have, is
// refused (images are added with Add Image…, never by typing them): the plan throws.
//
// Thumbnails: setting `thumbnail: true` on one image makes kelviq clear it on the others. So the
// plan sends `thumbnail: true` for one image only, the one chosenThumbnail picks (newly marked,
// first in the gallery), and never `thumbnail: false` while an image becomes the thumbnail: an
// image the user set to false, one left at its old `true`, or another newly marked one is settled
// by that one call (`settles`), not by a call of its own. Without a new thumbnail, an image set to
// false is sent as false (the product then has none).
//
// Stages (run one after the other; the calls of one stage run in parallel):
//  1. the product PATCH and the new thumbnail's PATCH;
//  2. the other image PATCHes, after the thumbnail's when there is one: a PATCH of another image
//     must not race the server clearing its flag (a write of that image read before the clear
//     could put its old `true` back);
//  3. the DELETEs, last: they cannot be undone, so they go only once every PATCH has landed, and
//     a save that fails part way has deleted nothing.
// Empty stages are left out (no thumbnail call: the image PATCHes go with the product's).
import type { ProductDetail, ProductUpdate } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import type { SaveRequest } from '../../document/documentModel';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { quoted } from '../../untrustedText';
import { ADD_IMAGE_HINT, IMAGE_EDITABLE_FIELDS, PRODUCT_PATCH_FIELDS, type ImageEditableField, type ProductPatchField } from './fields';
import { chosenThumbnail, imageLabel, imageRecords } from './images';

/** The product PATCH's body as a save sends it. */
export type ProductPatch = Pick<ProductUpdate, ProductPatchField>;

/** The image PATCH's body (ProductImageUpdateRequest). */
export interface ProductImagePatch {
  name?: string;
  ordering?: number;
  thumbnail?: boolean;
  enabled?: boolean;
}

interface CallBase {
  /** Stable within a product: `product`, `image:<id>:update`, `image:<id>:delete`. */
  id: string;
  path: string;
}

export type ProductCall =
  | (CallBase & { kind: 'updateProduct'; method: 'PATCH'; body: ProductPatch; fields: ProductPatchField[] })
  | (CallBase & {
      kind: 'updateImage';
      method: 'PATCH';
      imageId: string;
      /** The image's name for messages (untrusted text). */
      label: string;
      body: ProductImagePatch;
      fields: ImageEditableField[];
      /** Images whose `thumbnail` in `to` this call settles (it makes this image the thumbnail; kelviq clears the others). */
      settles: string[];
    })
  | (CallBase & { kind: 'deleteImage'; method: 'DELETE'; imageId: string; label: string });

export interface ProductSavePlan {
  /** Run one after the other; the calls of one stage may run in parallel. Empty: nothing to send. */
  stages: ProductCall[][];
}

export type ProductSaveInput = Pick<SaveRequest<ProductDetail>, 'theirs' | 'from' | 'to'>;

export function productEndpoints(productId: string): { product: string; image: (imageId: string) => string } {
  const product = `/catalog/products/${encodeURIComponent(productId)}/`;
  return { product, image: (imageId) => `${product}image/${encodeURIComponent(imageId)}/` };
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The server's images by id (the first of an id the server sent twice). */
function imagesById(view: JsonObject): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const image of imageRecords(view.images)) if (typeof image.id === 'string' && !map.has(image.id)) map.set(image.id, image);
  return map;
}

/** `to`'s images, each one of the product's (else: an error saying how images are added). */
function targetImages(to: JsonObject, known: ReadonlyMap<string, JsonObject>): JsonObject[] {
  const list = own(to, 'images');
  if (list === undefined) return [...known.values()];
  if (!Array.isArray(list)) throw new Error('The images cannot be saved: `images` must be a list of the product\'s images.');
  const seen = new Set<string>();
  return list.map((entry: unknown) => {
    if (!isPlainObject(entry) || entry.id === undefined) throw new Error(`The images cannot be saved: an entry has no id. Only the product's images can be listed; ${ADD_IMAGE_HINT}.`);
    const id = entry.id;
    if (typeof id !== 'string' || !known.has(id)) {
      throw new Error(`The images cannot be saved: this product has no image with the id ${quoted(String(id))}; ${ADD_IMAGE_HINT}.`);
    }
    if (seen.has(id)) throw new Error(`The images cannot be saved: the image ${quoted(id)} is listed twice.`);
    seen.add(id);
    return entry;
  });
}

const FIELD_TYPES: Readonly<Record<ImageEditableField, (value: unknown) => boolean>> = {
  name: (v) => typeof v === 'string',
  ordering: (v) => typeof v === 'number' && Number.isInteger(v),
  thumbnail: (v) => typeof v === 'boolean',
  enabled: (v) => typeof v === 'boolean',
};
const FIELD_WORDS: Readonly<Record<ImageEditableField, string>> = { name: 'a string', ordering: 'a whole number', thumbnail: 'true or false', enabled: 'true or false' };

function calls(input: ProductSaveInput): ProductCall[] {
  const { theirs, from, to } = input;
  const productId = typeof theirs.id === 'string' ? theirs.id : '';
  if (!productId) throw new Error('The product cannot be saved: the server\'s product has no id.');
  const paths = productEndpoints(productId);
  const out: ProductCall[] = [];

  const fields = PRODUCT_PATCH_FIELDS.filter((f) => own(to, f) !== undefined && !deepEqual(own(from, f), own(to, f)));
  if (fields.length > 0) {
    const body = Object.fromEntries(fields.map((f) => [f, own(to, f)])) as ProductPatch;
    out.push({ id: 'product', kind: 'updateProduct', method: 'PATCH', path: paths.product, body, fields });
  }

  const before = imagesById(from);
  const after = targetImages(to, before);
  const served = imagesById({ images: theirs.images });
  const label = (id: string): string => imageLabel(served.get(id) ?? before.get(id), id);
  const thumbnail = chosenThumbnail([...before.values()], after);
  const updates: Extract<ProductCall, { kind: 'updateImage' }>[] = [];
  let thumbnailCall: Extract<ProductCall, { kind: 'updateImage' }> | undefined;
  const settled: string[] = [];
  for (const image of after) {
    const id = image.id as string;
    const old = before.get(id)!;
    let changed = IMAGE_EDITABLE_FIELDS.filter((f) => own(image, f) !== undefined && !deepEqual(own(old, f), own(image, f)));
    if (thumbnail && image !== thumbnail && changed.includes('thumbnail')) {
      // Settled by the new thumbnail's PATCH (kelviq clears the flag on the other images).
      changed = changed.filter((f) => f !== 'thumbnail');
      settled.push(id);
    }
    if (changed.length === 0) continue;
    for (const f of changed) {
      if (!FIELD_TYPES[f](image[f])) throw new Error(`The image ${quoted(label(id))} cannot be saved: its ${f} must be ${FIELD_WORDS[f]}.`);
    }
    const body = Object.fromEntries(changed.map((f) => [f, image[f]])) as ProductImagePatch;
    const call = { id: `image:${id}:update`, kind: 'updateImage' as const, method: 'PATCH' as const, path: paths.image(id), imageId: id, label: label(id), body, fields: changed, settles: [] };
    if (image === thumbnail) thumbnailCall = call;
    updates.push(call);
  }
  if (thumbnailCall) thumbnailCall.settles = settled;
  out.push(...updates);

  const kept = new Set(after.map((i) => i.id));
  for (const id of before.keys()) {
    if (!kept.has(id)) out.push({ id: `image:${id}:delete`, kind: 'deleteImage', method: 'DELETE', path: paths.image(id), imageId: id, label: label(id) });
  }
  return out;
}

/** The calls that take `from` to `to`, in stages (see the header). */
export function productSaveCalls(input: ProductSaveInput): ProductSavePlan {
  const list = calls(input);
  const thumbnail = list.find((c) => c.kind === 'updateImage' && c.body.thumbnail === true);
  const levelOf = (c: ProductCall): number => (c.kind === 'updateImage' && thumbnail && c !== thumbnail ? 1 : 0);
  const patches = list.filter((c) => c.kind !== 'deleteImage');
  const deleteLevel = patches.length > 0 ? Math.max(...patches.map(levelOf)) + 1 : 0;
  const stages: ProductCall[][] = [];
  for (const c of list) (stages[c.kind === 'deleteImage' ? deleteLevel : levelOf(c)] ??= []).push(c);
  return { stages: stages.filter((s) => s !== undefined && s.length > 0) };
}

/** Every call of a plan, in stage order. */
export function allProductCalls(plan: ProductSavePlan): ProductCall[] {
  return plan.stages.flat();
}
