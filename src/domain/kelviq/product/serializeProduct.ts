// serializeProduct: the text of a product document. Same product in, same text out.
import type { ProductDetail } from '../../../api/kelviq/schemas';
import { DOCUMENT_FIELD_ORDER, isKnownField } from './fields';

/** Unknown fields sorted by UTF-16 code units (not localeCompare: the result must not depend on the locale). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Pretty JSON (2-space indent, trailing newline) with the known fields first in a fixed order
 * (id, identifier, name, description, taxCode, createdBy, modifiedOn, plans, images), then the
 * server's extra fields sorted by key. `description` is always shown so it can be filled in
 * (missing → ""; null stays null). Nested values keep the server's order. The object is written
 * key by key, because a JS object would move integer-like keys ("1") to the front.
 */
export function serializeProduct(product: ProductDetail): string {
  const entries: [string, unknown][] = [];
  for (const key of DOCUMENT_FIELD_ORDER) {
    if (key === 'description') entries.push([key, product.description === undefined ? '' : product.description]);
    else if (product[key] !== undefined) entries.push([key, product[key]]);
  }
  const extra = Object.keys(product)
    .filter((key) => !isKnownField(key))
    .sort(byCodeUnits);
  for (const key of extra) entries.push([key, product[key]]);

  const lines: string[] = [];
  for (const [key, value] of entries) {
    const json = JSON.stringify(value, null, 2) as string | undefined;
    if (json === undefined) continue; // undefined, functions: not JSON
    lines.push(`  ${JSON.stringify(key)}: ${json.replace(/\n/g, '\n  ')}`);
  }
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`;
}
