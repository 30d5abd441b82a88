// normalizeEditable: an editable field's comparable value (the editable view a save is measured on).
import type { EditableField } from './fields';
import { imagesView } from './images';

/**
 * The comparable value of an editable field: description null/undefined → "" (the server
 * sends null for "no description", and the PATCH only takes strings); images → each one's `id`
 * and the fields its PATCH takes (images.ts), none → [].
 */
export function normalizeEditable(field: EditableField, value: unknown): unknown {
  if (field === 'images') return imagesView(value);
  return field === 'description' && (value === null || value === undefined) ? '' : value;
}
