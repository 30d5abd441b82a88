// zaveitProductModel: what the Zaveit product document kind supplies to the backend-neutral
// document mechanism (DocumentModel in src/domain/document/documentModel.ts): text, validation,
// the editable view with its merge rules, versions and names.
import type { Product } from '../../../api/zaveit/schemas';
import type { DocumentModel } from '../../document/documentModel';
import { idKeys } from '../../document/jsonPath';
import type { JsonObject } from '../../document/jsonShapes';
import { zaveitEditableView } from './editableView';
import { revertZaveitProblem } from './revertReadOnly';
import { serializeZaveitProduct } from './serializeProduct';
import { validateZaveitDocument } from './validateDocument';
import { zaveitReadOnlyNote } from './readOnlyNotes';

/** Variants are matched by `_id` (new ones carry placeholders in the editable view). */
export const ZAVEIT_MERGE_RULES = idKeys({ products: '_id' });

/** `updated`, plus `#__v` where the server sends it: `2025-01-01T00:00:00.000Z#3`. */
export function zaveitVersionOf(object: JsonObject): string | undefined {
  const updated = typeof object.updated === 'string' && object.updated !== '' ? object.updated : undefined;
  const v = typeof object.__v === 'number' && Number.isFinite(object.__v) ? object.__v : undefined;
  if (updated === undefined && v === undefined) return undefined;
  return `${updated ?? ''}${v !== undefined ? `#${v}` : ''}`;
}

/** `updated` in epoch ms; 0 when missing or unreadable. */
export function zaveitModifiedAt(object: JsonObject): number {
  const at = typeof object.updated === 'string' ? Date.parse(object.updated) : NaN;
  return Number.isNaN(at) ? 0 : at;
}

/** The name, else "Product <id>", else "Unnamed product". Untrusted text. */
export function zaveitNameOf(object: JsonObject): string {
  if (typeof object.name === 'string' && object.name.trim()) return object.name;
  return typeof object.id === 'string' && object.id ? `Product ${object.id}` : 'Unnamed product';
}

export const zaveitProductModel: DocumentModel<Product> = {
  readOnlyNote: zaveitReadOnlyNote,
  noun: 'product',
  mergeRules: ZAVEIT_MERGE_RULES,
  serialize: (product) => serializeZaveitProduct(product),
  validate: (text, base) => validateZaveitDocument(text, base),
  revert: (text, problem) => revertZaveitProblem(text, problem),
  versionFields: ['updated', '__v'],
  modifiedAt: zaveitModifiedAt,
  nameOf: zaveitNameOf,
  editableView: zaveitEditableView,
};
