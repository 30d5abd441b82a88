// Why each read-only field of a product document cannot be changed here, and where it can: the
// hover of the subdued read-only fields (DocumentModel.readOnlyNote). Top-level fields outside the
// editable ones; inside `images`, an image's `id`, its `image` (the file) and the fields the server
// adds. Plain text.
import { isEditableField, isImageEditableField, type KnownField } from './fields';

const WHERE: Readonly<Partial<Record<KnownField, string>>> = {
  id: 'kelviq gave this product its ID; it never changes.',
  identifier: 'The API cannot change an identifier once the product exists: create a new product to use another one.',
  createdBy: 'kelviq records who created the product.',
  modifiedOn: 'kelviq sets it on every change; saves compare it to notice a colleague’s change.',
  plans: 'The published plans of this product: they are edited as plans, not in the product.',
};

const IMAGE_WHERE: Readonly<Record<string, string>> = {
  id: 'kelviq gave this image its ID; the document matches images by it. Add images with Add Image…; an image cannot be created by typing it.',
  image: 'The image’s file (its storage key). A file cannot be replaced: add a new image with Add Image…, and remove this entry to delete this one.',
};

const SERVER_FIELD = 'a field the server sends that this editor does not change; it is kept as it is.';

export function productReadOnlyNote(keyPath: readonly string[]): string | undefined {
  const [field, nested] = keyPath;
  if (field === undefined) return undefined;
  if (field === 'images') {
    if (nested === undefined || isImageEditableField(nested) || keyPath.length > 2) return undefined;
    return `Read-only: ${Object.hasOwn(IMAGE_WHERE, nested) ? IMAGE_WHERE[nested] : SERVER_FIELD} Changes here are not saved.`;
  }
  if (isEditableField(field)) return undefined;
  const where = Object.prototype.hasOwnProperty.call(WHERE, field) ? WHERE[field as KnownField] : undefined;
  return `Read-only: ${where ?? SERVER_FIELD} Changes here are not saved.`;
}
