// The fields of a product document: which ones the user may edit (the product PATCH takes name,
// description and taxCode; each image's PATCH takes its name, ordering, thumbnail and enabled),
// which ones are read-only (set by kelviq), the stable order they are shown in, and their hover
// text (built as every kind's: domain/document/fieldDocs).
import { fieldDocMakers, type FieldDoc } from '../../document/fieldDocs';

/** Fields PATCH /catalog/products/{id}/ accepts from the document. */
export const PRODUCT_PATCH_FIELDS = ['name', 'description', 'taxCode'] as const;
export type ProductPatchField = (typeof PRODUCT_PATCH_FIELDS)[number];

/** Fields the user may edit: the product PATCH's, and `images` (each image through its own PATCH or DELETE). */
export const EDITABLE_FIELDS = [...PRODUCT_PATCH_FIELDS, 'images'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Known fields the server sets; shown in the document but never sent. */
export const READ_ONLY_FIELDS = ['id', 'identifier', 'createdBy', 'modifiedOn', 'plans'] as const;
export type ReadOnlyField = (typeof READ_ONLY_FIELDS)[number];

/** An image's fields PATCH /catalog/products/{product}/image/{id}/ accepts (ProductImageUpdateRequest). */
export const IMAGE_EDITABLE_FIELDS = ['name', 'ordering', 'thumbnail', 'enabled'] as const;
export type ImageEditableField = (typeof IMAGE_EDITABLE_FIELDS)[number];

/** An image's fields kelviq sets: its id (images are matched by it) and its file. */
export const IMAGE_READ_ONLY_FIELDS = ['id', 'image'] as const;

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

export function isProductPatchField(key: string): key is ProductPatchField {
  return (PRODUCT_PATCH_FIELDS as readonly string[]).includes(key);
}

export function isReadOnlyField(key: string): key is ReadOnlyField {
  return (READ_ONLY_FIELDS as readonly string[]).includes(key);
}

export function isKnownField(key: string): key is KnownField {
  return (DOCUMENT_FIELD_ORDER as readonly string[]).includes(key);
}

export function isImageEditableField(key: string): key is ImageEditableField {
  return (IMAGE_EDITABLE_FIELDS as readonly string[]).includes(key);
}

/** Prefix of the hover text of every read-only field. */
export const READ_ONLY_NOTE = 'Read-only: set by kelviq.';

/** How a person adds an image (the command), in messages about images typed into the text. */
export const ADD_IMAGE_HINT = 'add images with Add Image…; an image cannot be created by typing it';

export type { FieldDoc };

const { editable: editableDoc, readOnly: readOnlyDoc } = fieldDocMakers(READ_ONLY_NOTE);

export type ImageDocKey = `images.${(typeof IMAGE_READ_ONLY_FIELDS)[number] | ImageEditableField}`;

/** Hover text per known field and per image field (the JSON Schema's title/description/markdownDescription). */
export const FIELD_DOCS: Readonly<Record<KnownField | ImageDocKey, FieldDoc>> = {
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
  images: editableDoc(
    'Images',
    'Image assets attached to the product, matched by `id` (their order in this list does not matter). Edit an image\'s `name`, `ordering`, `thumbnail` and `enabled`; remove its entry to delete the image (the save asks first). An image cannot be created by typing an entry: add images with **Add Image…** instead.',
  ),
  'images.id': readOnlyDoc('Image ID', 'Unique identifier for the image. Images are matched by it.'),
  'images.name': editableDoc('Image name', 'Original filename or display name. Saving sends a string (`null`: the image has none).'),
  'images.image': readOnlyDoc('Image file', 'Storage key / URL for the image asset. The underlying file cannot be changed; upload a new image instead.'),
  'images.ordering': editableDoc('Ordering', 'Position of the image in the gallery (a whole number).'),
  'images.thumbnail': editableDoc(
    'Thumbnail',
    'If `true`, this image is used as the product thumbnail. Setting it to `true` makes kelviq clear the flag on the product\'s other images; when more than one image is newly marked, the save makes the one first in the gallery (lowest `ordering`) the thumbnail.',
  ),
  'images.enabled': editableDoc('Enabled', 'If `true`, the image is shown publicly.'),
};
