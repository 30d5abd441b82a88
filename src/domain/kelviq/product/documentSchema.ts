// The zod definition of a product document, derived from the API schemas: the single source for
// both our validation (validateProductDocument) and the JSON Schema VS Code uses for hovers and
// completion (productDocumentJsonSchema). Hover text lives in the schemas' metadata.
import { z } from 'zod';
import { type ProductDetail, ProductDetailSchema, ProductUpdateSchema, TAX_CODES, TAX_CODE_VALUES, TaxCodeSchema } from '../../../api/kelviq/schemas';
import { fieldMeta } from '../../document/fieldDocs';
import { validationSchemas } from '../../document/validationSchemas';
import { FIELD_DOCS, isKnownField, type KnownField, READ_ONLY_FIELDS } from './fields';

const meta = (field: KnownField): Record<string, unknown> => fieldMeta(FIELD_DOCS, field);

/** Per tax code, in TAX_CODE_VALUES order: the human description (for completion and hover). */
export const TAX_CODE_DESCRIPTIONS: readonly string[] = TAX_CODE_VALUES.map((code) => TAX_CODES[code]);

/**
 * The editable fields as a document holds them: the PATCH rules (non-empty name, known tax
 * code), with `name` and `taxCode` required. `description` may be null: the server sends null
 * for a product without one.
 */
export const EditableDocumentShape = {
  name: ProductUpdateSchema.shape.name.unwrap().meta(meta('name')),
  description: ProductUpdateSchema.shape.description.unwrap().nullable().optional().meta(meta('description')),
  taxCode: TaxCodeSchema.meta({
    ...meta('taxCode'),
    enumDescriptions: [...TAX_CODE_DESCRIPTIONS],
    markdownEnumDescriptions: TAX_CODE_VALUES.map((code) => `\`${code}\`: ${TAX_CODES[code]}`),
  }),
};

/** The read-only fields as the detail endpoint returns them; all optional in a document. */
export const ReadOnlyDocumentShape = {
  id: ProductDetailSchema.shape.id.optional().meta(meta('id')),
  identifier: ProductDetailSchema.shape.identifier.optional().meta(meta('identifier')),
  createdBy: ProductDetailSchema.shape.createdBy.meta(meta('createdBy')),
  modifiedOn: ProductDetailSchema.shape.modifiedOn.optional().meta(meta('modifiedOn')),
  plans: ProductDetailSchema.shape.plans.meta(meta('plans')),
  images: ProductDetailSchema.shape.images.meta(meta('images')),
};

/** The whole document, fields in display order; server-added fields pass through. */
export const ProductDocumentSchema = z
  .looseObject({
    id: ReadOnlyDocumentShape.id,
    identifier: ReadOnlyDocumentShape.identifier,
    name: EditableDocumentShape.name,
    description: EditableDocumentShape.description,
    taxCode: EditableDocumentShape.taxCode,
    createdBy: ReadOnlyDocumentShape.createdBy,
    modifiedOn: ReadOnlyDocumentShape.modifiedOn,
    plans: ReadOnlyDocumentShape.plans,
    images: ReadOnlyDocumentShape.images,
  })
  .meta({
    title: 'kelviq product',
    description: 'A kelviq product. Edit name, description and taxCode, then save; the other fields are read-only.',
  });

/** Keys of `base` the extension does not know: fields the server added. */
export function serverFieldsOf(base: ProductDetail): string[] {
  return Object.keys(base).filter((key) => !isKnownField(key) && base[key] !== undefined);
}

/** Every field of the base the user cannot change: known read-only fields and server extras. */
export function readOnlyFieldsOf(base: ProductDetail): string[] {
  return [...READ_ONLY_FIELDS, ...serverFieldsOf(base)];
}

const productValidationSchema = validationSchemas(ReadOnlyDocumentShape, EditableDocumentShape);

/**
 * The schema a document is validated with (domain/document/validationSchemas): with a base, the
 * read-only fields and the server's extra fields accept anything here, they are checked by
 * comparison with the base instead; without a base, read-only fields are type-checked.
 */
export function documentValidationSchema(base: ProductDetail | undefined): z.ZodType {
  return productValidationSchema(base ? readOnlyFieldsOf(base) : undefined);
}
