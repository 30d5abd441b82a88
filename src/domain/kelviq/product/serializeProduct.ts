// serializeProduct: the text of a product document. Same product in, same text out.
import type { ProductDetail } from '../../../api/kelviq/schemas';
import { writeOrderedJson } from '../../document/orderedJson';
import { DOCUMENT_FIELD_ORDER } from './fields';

const ORDER = { '': DOCUMENT_FIELD_ORDER };

/** The text of one top-level field's value as serializeProduct writes it (nested lines indented). */
export function writtenFieldValue(field: string, value: unknown): string | undefined {
  return writeOrderedJson(value, { order: ORDER }, field, '  ');
}

/**
 * Pretty JSON (2-space indent, trailing newline) with the known fields first in a fixed order
 * (id, identifier, name, description, taxCode, createdBy, modifiedOn, plans, images), then the
 * server's extra fields sorted by key (domain/document/orderedJson). `description` is always
 * shown so it can be filled in (missing → ""; null stays null). Nested values keep the server's
 * order.
 */
export function serializeProduct(product: ProductDetail): string {
  const shown: Record<string, unknown> = { ...product };
  if (shown.description === undefined) shown.description = '';
  return `${writeOrderedJson(shown, { order: ORDER, sortRest: true }) ?? '{}'}\n`;
}
