// The fields of a product document: which ones the user may edit (the PATCH accepts them), which
// ones are read-only (set by kelviq), the stable order they are shown in, and their hover text
// (built as every kind's: domain/document/fieldDocs).
import { fieldDocMakers, type FieldDoc } from '../../document/fieldDocs';

/** Fields the PATCH endpoint accepts from the document. */
export const EDITABLE_FIELDS = ['name', 'description', 'taxCode'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Known fields the server sets; shown in the document but never sent. */
export const READ_ONLY_FIELDS = ['id', 'identifier', 'createdBy', 'modifiedOn', 'plans', 'images'] as const;
export type ReadOnlyField = (typeof READ_ONLY_FIELDS)[number];

/** Known fields in the order the document shows them; unknown server fields follow, sorted. */
export const DOCUMENT_FIELD_ORDER = [
  'id',
  'identifier',
  'name',
  'description',
  'taxCode',
  'createdBy',
  'modifiedOn',
  'plans',
  'images',
] as const;
export type KnownField = (typeof DOCUMENT_FIELD_ORDER)[number];

/** Fields a document must contain. */
export const REQUIRED_FIELDS: readonly EditableField[] = ['name', 'taxCode'];

export function isEditableField(key: string): key is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(key);
}

export function isReadOnlyField(key: string): key is ReadOnlyField {
  return (READ_ONLY_FIELDS as readonly string[]).includes(key);
}

export function isKnownField(key: string): key is KnownField {
  return (DOCUMENT_FIELD_ORDER as readonly string[]).includes(key);
}

/** Prefix of the hover text of every read-only field. */
export const READ_ONLY_NOTE = 'Read-only: set by kelviq.';

export type { FieldDoc };

const { editable: editableDoc, readOnly: readOnlyDoc } = fieldDocMakers(READ_ONLY_NOTE);

/** Hover text per known field (the JSON Schema's title/description/markdownDescription). */
export const FIELD_DOCS: Readonly<Record<KnownField, FieldDoc>> = {
  id: readOnlyDoc('Product ID', 'The unique ID (UUID) kelviq gave this product.'),
  identifier: readOnlyDoc(
    'Identifier',
    'Human-readable, URL-safe slug used to reference the product from code; generated from the name on create.',
  ),
  name: editableDoc('Name', 'Display name of the product. Required; cannot be empty.'),
  description: editableDoc('Description', 'Free-text description of the product shown to customers.'),
  taxCode: editableDoc(
    'Tax code',
    'Tax category kelviq uses to compute sales tax and VAT for this product. Must be one of the supported codes.',
  ),
  createdBy: readOnlyDoc('Created by', 'Display name of the user who created the product.'),
  modifiedOn: readOnlyDoc('Last modified', 'When the product was last changed (ISO 8601 date-time).'),
  plans: readOnlyDoc('Plans', 'Identifiers of the published (latest, non-archived) plans of this product.'),
  images: readOnlyDoc('Images', 'Images attached to the product.'),
};

