// serializeZaveitProduct: the text of a Zaveit product document. Same product in, same text out.
// Editable fields first (the create body's order), then the server-owned ones, then fields
// the server added that we do not know, sorted. Known nested objects (status, country, currency,
// managementLink, amount, each variant) get a fixed key order too; anything else keeps the
// server's order.
import { EDITABLE_FIELDS, SERVER_OWNED_FIELDS } from '../../../api/zaveit/productFields';
import { writeOrderedJson } from '../../document/orderedJson';

export const DOCUMENT_FIELD_ORDER: readonly string[] = [...EDITABLE_FIELDS, ...SERVER_OWNED_FIELDS];

const QUANTITY = ['min', 'default', 'max'];
const VARIANT = ['_id', 'sku', 'price', 'cost_price', 'discount', 'amount', 'reference'];

/** Key order of known nested objects, by their key path (`products.*` = a variant). */
const NESTED_ORDER: Readonly<Record<string, readonly string[]>> = {
  status: ['active', 'deleted'],
  country: ['code', '_id'],
  currency: ['code', 'title', '_id'],
  managementLink: ['title', 'url'],
  amount: QUANTITY,
  'products.*': VARIANT,
  'products.*.amount': QUANTITY,
};

const ORDER = { '': DOCUMENT_FIELD_ORDER, ...NESTED_ORDER };

/** The text of one top-level field's value as serializeZaveitProduct writes it (nested lines indented). */
export function writtenFieldValue(field: string, value: unknown): string | undefined {
  return writeOrderedJson(value, { order: ORDER }, field, '  ');
}

/**
 * Pretty JSON (2-space indent, trailing newline), written with domain/document/orderedJson.
 * `description` is always shown so it can be filled in (missing or null → "").
 */
export function serializeZaveitProduct(product: Record<string, unknown>): string {
  const shown = { ...product };
  if (shown.description === undefined || shown.description === null) shown.description = '';
  return `${writeOrderedJson(shown, { order: ORDER, sortRest: true }) ?? '{}'}\n`;
}
