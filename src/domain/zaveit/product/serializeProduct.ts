// serializeZaveitProduct: the text of a Zaveit product document. Same product in, same text out.
// Editable fields first (the create body's order), then the server-owned ones, then fields
// the server added that we do not know, sorted. Known nested objects (status, country, currency,
// managementLink, amount, each variant) get a fixed key order too; anything else keeps the
// server's order.
import { EDITABLE_FIELDS, SERVER_OWNED_FIELDS } from '../../../api/zaveit/productFields';

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

/** By UTF-16 code units (not localeCompare: the text must not depend on the locale). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function orderedKeys(object: Record<string, unknown>, order: readonly string[] | undefined, sortRest: boolean): string[] {
  const keys = Object.keys(object).filter((k) => object[k] !== undefined);
  if (!order) return sortRest ? keys.sort(byCodeUnits) : keys;
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k));
  return [...known, ...(sortRest ? rest.sort(byCodeUnits) : rest)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.stringify(value, null, 2)'s layout at `indent`, with NESTED_ORDER applied at `keyPath`. */
function write(value: unknown, keyPath: string, indent: string): string | undefined {
  const order = Object.hasOwn(NESTED_ORDER, keyPath) ? NESTED_ORDER[keyPath] : undefined; // a key may be `valueOf`
  if (isRecord(value) && order) {
    const keys = orderedKeys(value, order, false);
    const inner = `${indent}  `;
    const lines = keys.flatMap((key) => {
      const text = write(value[key], `${keyPath}.${key}`, inner);
      return text === undefined ? [] : [`${inner}${JSON.stringify(key)}: ${text}`];
    });
    return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value) && keyPath === 'products') {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${write(item, 'products.*', inner) ?? 'null'}`).join(',\n')}\n${indent}]`;
  }
  const json = JSON.stringify(value, null, 2) as string | undefined;
  return json === undefined ? undefined : json.replace(/\n/g, `\n${indent}`);
}

/** The text of one top-level field's value as serializeZaveitProduct writes it (nested lines indented). */
export function writtenFieldValue(field: string, value: unknown): string | undefined {
  return write(value, field, '  ');
}

/**
 * Pretty JSON (2-space indent, trailing newline). `description` is always shown so it can be
 * filled in (missing or null → ""). The object is written key by key, because a JS object would
 * move integer-like keys ("1") to the front.
 */
export function serializeZaveitProduct(product: Record<string, unknown>): string {
  const keys = [
    ...DOCUMENT_FIELD_ORDER.filter((k) => (k === 'description' ? true : Object.hasOwn(product, k) && product[k] !== undefined)),
    ...Object.keys(product).filter((k) => !DOCUMENT_FIELD_ORDER.includes(k) && product[k] !== undefined).sort(byCodeUnits),
  ];
  const lines: string[] = [];
  for (const key of keys) {
    const value = key === 'description' && (product.description === undefined || product.description === null) ? '' : product[key];
    const text = writtenFieldValue(key, value);
    if (text !== undefined) lines.push(`  ${JSON.stringify(key)}: ${text}`);
  }
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`;
}
