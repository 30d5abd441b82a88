// diffEditable: the PATCH body for a saved document (only changed editable fields), and
// describeChanges: those changes as lines for a confirmation dialog.
import { type ProductDetail, type ProductUpdate, ProductUpdateSchema } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import { EDITABLE_FIELDS, type EditableField } from './fields';

/** The editable values of a product, normalised: a null or missing description is "". */
export interface EditableValues {
  name: string;
  description: string;
  taxCode: string;
}

/**
 * The comparable value of an editable field: description null/undefined → "" (the server
 * sends null for "no description", and the PATCH only takes strings).
 */
export function normalizeEditable(field: EditableField, value: unknown): unknown {
  return field === 'description' && (value === null || value === undefined) ? '' : value;
}

export function editableValuesOf(product: ProductDetail): EditableValues {
  return {
    name: product.name,
    description: normalizeEditable('description', product.description) as string,
    taxCode: product.taxCode,
  };
}

/** Thrown when asked to diff a document whose changed editable values the API would reject. */
export class InvalidEditError extends Error {
  constructor(
    readonly field: EditableField,
    detail: string,
  ) {
    super(`Cannot save \`${field}\`: ${detail} Fix the problems in the document first.`);
    this.name = 'InvalidEditError';
  }
}

/**
 * The editable fields of `edited` whose (normalised) value differs from `base`; `{}` when
 * nothing changed. A field missing from `edited` counts as unchanged (PATCH semantics); a
 * description set to null is sent as "". Values are sent as typed (name is not trimmed).
 * Throws InvalidEditError if a changed value is invalid: validate the document before saving.
 */
export function diffEditable(base: ProductDetail, edited: Record<string, unknown>): ProductUpdate {
  const patch: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    if (!Object.prototype.hasOwnProperty.call(edited, field) || edited[field] === undefined) continue;
    const value = normalizeEditable(field, edited[field]);
    if (deepEqual(value, normalizeEditable(field, base[field]))) continue;
    const check = ProductUpdateSchema.shape[field].safeParse(value);
    if (!check.success) throw new InvalidEditError(field, check.error.issues[0]?.message ?? 'invalid value.');
    patch[field] = value;
  }
  return patch as ProductUpdate;
}

/** JSON text of a value, strings cut to `maxLength` characters (code points) with "…". */
function preview(value: unknown, maxLength: number): string {
  if (typeof value === 'string') {
    const chars = Array.from(value);
    return JSON.stringify(chars.length > maxLength ? `${chars.slice(0, maxLength).join('')}…` : value);
  }
  const json = JSON.stringify(value) ?? 'undefined';
  const chars = Array.from(json);
  return chars.length > maxLength ? `${chars.slice(0, maxLength).join('')}…` : json;
}

/**
 * One line per field of `patch`, in editable-field order then the rest:
 * `name: "Old" → "New"`. Long values are truncated to `maxLength` characters.
 */
export function describeChanges(base: ProductDetail, patch: ProductUpdate, maxLength = 60): string[] {
  const keys = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  const ordered = [...EDITABLE_FIELDS.filter((f) => keys.includes(f)), ...keys.filter((k) => !(EDITABLE_FIELDS as readonly string[]).includes(k))];
  return ordered.map((key) => {
    const next = (patch as Record<string, unknown>)[key];
    if (key === 'name' || key === 'description' || key === 'taxCode') {
      return `${key}: ${preview(normalizeEditable(key, base[key]), maxLength)} → ${preview(next, maxLength)}`;
    }
    return `${key}: ${preview(next, maxLength)}`;
  });
}
