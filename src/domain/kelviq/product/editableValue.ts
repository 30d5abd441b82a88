// normalizeEditable: an editable field's comparable value (the editable view a save is measured on).
import type { EditableField } from './fields';

/**
 * The comparable value of an editable field: description null/undefined → "" (the server
 * sends null for "no description", and the PATCH only takes strings).
 */
export function normalizeEditable(field: EditableField, value: unknown): unknown {
  return field === 'description' && (value === null || value === undefined) ? '' : value;
}
