// productWithEditable: a product with its editable part replaced by an editable view, keeping
// what the view leaves out: the product's server-owned fields, and of each image (matched by id)
// its `image` and the fields the server adds, in the image's own key order. An image the view no
// longer has is gone (its DELETE landed). After a save that landed in part, this is the base the
// still-unsaved text is measured from: the text keeps showing the files and ids it came with, and
// they still check out.
import type { ProductDetail } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import { defineField, isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { normalizeEditable } from './editableValue';
import { IMAGE_EDITABLE_FIELDS, PRODUCT_PATCH_FIELDS } from './fields';
import { imageRecords } from './images';

function withImageView(old: JsonObject | undefined, view: unknown): unknown {
  if (!isPlainObject(view) || !old) return view;
  const out: JsonObject = {};
  for (const key of Object.keys(old)) defineField(out, key, old[key]);
  for (const field of IMAGE_EDITABLE_FIELDS) {
    if (Object.hasOwn(view, field)) defineField(out, field, view[field]);
    else delete out[field];
  }
  return out;
}

export function productWithEditable(object: ProductDetail, view: JsonObject): ProductDetail {
  const out: JsonObject = {};
  for (const key of Object.keys(object)) defineField(out, key, object[key]);
  for (const field of PRODUCT_PATCH_FIELDS) {
    if (!Object.hasOwn(view, field)) delete out[field];
    // The same value as the view's (a null description is ""): kept as the server wrote it.
    else if (!deepEqual(normalizeEditable(field, object[field]), view[field])) defineField(out, field, view[field]);
  }
  if (Array.isArray(view.images)) {
    const old = imageRecords(object.images);
    const images = view.images.map((image: unknown) => withImageView(isPlainObject(image) ? old.find((o) => o.id !== undefined && o.id === image.id) : undefined, image));
    if (images.length > 0 || object.images !== undefined) defineField(out, 'images', images);
  }
  return out as ProductDetail;
}
