// The editable part of a Zaveit product, normalised so an untouched document never differs from
// the server's version, and the way back to request bodies (the assumed PATCH, and the create).
//
// Normalisation: a missing or null `description` is ""; `country._id` and `currency._id` are
// server-owned and left out; `currency.title` is left out too (the server takes it on create
// but does not return it: it is derived from the code when sent). Variants: a new variant (`_id`
// "" or none) gets a placeholder id `new:1`, `new:2`, … in document order, so that with
// MergeRules `{products: '_id'}` two new variants do not collide (elementsById gives up on
// duplicate or missing ids and the whole array would be compared at once) and each is an
// addition. zaveitUpdateBody turns placeholders back into "".
import { EDITABLE_FIELDS, NEW_VARIANT_ID, type EditableField } from '../../../api/zaveit/productFields';
import type { ProductCreate, ProductUpdate } from '../../../api/zaveit/schemas';
import { deepEqual } from '../../document/deepEqual';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { isNewVariantId } from './documentPaths';
import { currencyName } from '../../isoCodes';

export const NEW_VARIANT_PLACEHOLDER = 'new:';

function without(object: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) Object.defineProperty(out, key, { value: object[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function viewOfField(field: EditableField, value: unknown): unknown {
  switch (field) {
    case 'description':
      return value === null || value === undefined ? '' : value;
    case 'country':
      return isPlainObject(value) ? without(value, ['_id']) : value;
    case 'currency':
      return isPlainObject(value) ? without(value, ['_id', 'title']) : value;
    case 'products': {
      if (!Array.isArray(value)) return value;
      let fresh = 0;
      return value.map((variant: unknown) =>
        isPlainObject(variant) && isNewVariantId(variant._id) ? { ...variant, _id: `${NEW_VARIANT_PLACEHOLDER}${++fresh}` } : variant,
      );
    }
    default:
      return value;
  }
}

/** The editable fields of a server product or of a parsed, valid document, normalised (see above). */
export function zaveitEditableView(object: JsonObject): JsonObject {
  const view: JsonObject = {};
  for (const field of EDITABLE_FIELDS) {
    const value = Object.hasOwn(object, field) ? object[field] : undefined;
    if (value === undefined && field !== 'description') continue;
    view[field] = viewOfField(field, value);
  }
  return view;
}

/** One editable field of a view, in the form the API takes (placeholders → "", a currency with its title). */
export function apiValueOf(field: string, value: unknown): unknown {
  if (field === 'products' && Array.isArray(value)) {
    return value.map((variant: unknown) =>
      isPlainObject(variant) && typeof variant._id === 'string' && variant._id.startsWith(NEW_VARIANT_PLACEHOLDER) ? { ...variant, _id: NEW_VARIANT_ID } : variant,
    );
  }
  if (field === 'currency' && isPlainObject(value) && typeof value.code === 'string') {
    return { ...value, title: currencyName(value.code) ?? value.code };
  }
  return value;
}

/**
 * The body of the assumed PATCH /v2/product/:id: every top-level field whose value differs
 * between the editable views `from` (the server's) and `to` (what to reach), each sent whole, in
 * the API's form. `{}` when nothing differs. A field missing from `to` is not sent (an update
 * cannot remove a field; validation reports such a document).
 */
export function zaveitUpdateBody(from: JsonObject, to: JsonObject): ProductUpdate {
  const body: JsonObject = {};
  for (const field of EDITABLE_FIELDS) {
    const next = Object.hasOwn(to, field) ? to[field] : undefined;
    if (next === undefined || deepEqual(next, Object.hasOwn(from, field) ? from[field] : undefined)) continue;
    body[field] = apiValueOf(field, next);
  }
  return body as ProductUpdate;
}

/**
 * The body of POST /v2/product for a parsed, valid new-product document: its editable fields,
 * every variant new (`_id: ""`), `country` / `currency` without `_id`, and `currency.title` as
 * written (or the currency's English name).
 */
export function zaveitCreateBody(document: JsonObject): ProductCreate {
  const body: JsonObject = {};
  for (const field of EDITABLE_FIELDS) {
    const value = Object.hasOwn(document, field) ? document[field] : undefined;
    if (value === undefined) continue;
    if (field === 'products' && Array.isArray(value)) body[field] = value.map((v: unknown) => (isPlainObject(v) ? { ...v, _id: NEW_VARIANT_ID } : v));
    else if (field === 'country' && isPlainObject(value)) body[field] = without(value, ['_id']);
    else if (field === 'currency' && isPlainObject(value)) {
      const currency = without(value, ['_id']);
      if (typeof currency.title !== 'string' && typeof currency.code === 'string') currency.title = currencyName(currency.code) ?? currency.code;
      body[field] = currency;
    } else body[field] = value;
  }
  return body as ProductCreate;
}
