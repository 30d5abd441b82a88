// Why each read-only field of a product document cannot be changed here, and where it can: the
// hover of the subdued read-only fields (DocumentModel.readOnlyNote). Plain text.
import { isEditableField, type KnownField } from './fields';

const WHERE: Readonly<Partial<Record<KnownField, string>>> = {
  id: 'kelviq gave this product its ID; it never changes.',
  identifier: 'The API cannot change an identifier once the product exists: create a new product to use another one.',
  createdBy: 'kelviq records who created the product.',
  modifiedOn: 'kelviq sets it on every change; saves compare it to notice a colleague’s change.',
  plans: 'The published plans of this product: they are edited as plans, not in the product.',
  images: 'Product images are not edited in this document yet.',
};

export function productReadOnlyNote(keyPath: readonly string[]): string | undefined {
  const field = keyPath[0];
  if (field === undefined || isEditableField(field)) return undefined;
  const where = Object.prototype.hasOwnProperty.call(WHERE, field) ? WHERE[field as KnownField] : undefined;
  return `Read-only: ${where ?? 'a field the server sends that this editor does not change; it is kept as it is.'} Changes here are not saved.`;
}
