// The zod definition of a product document, derived from the API schemas: the single source for
// both our validation (validateProductDocument) and the JSON Schema VS Code uses for hovers and
// completion (productDocumentJsonSchema). Hover text lives in the schemas' metadata.
import { z } from 'zod';
import { type ProductDetail, ProductDetailSchema, ProductUpdateSchema, TAX_CODES, TAX_CODE_VALUES, TaxCodeSchema } from '../../../api/kelviq/schemas';
import { fieldMeta } from '../../document/fieldDocs';
import { validationSchemas } from '../../document/validationSchemas';
import { FIELD_DOCS, type ImageDocKey, isKnownField, type KnownField, READ_ONLY_FIELDS } from './fields';

const meta = (field: KnownField | ImageDocKey): Record<string, unknown> => fieldMeta(FIELD_DOCS, field);

/** Per tax code, in TAX_CODE_VALUES order: the human description (for completion and hover). */
export const TAX_CODE_DESCRIPTIONS: readonly string[] = TAX_CODE_VALUES.map((code) => TAX_CODES[code]);

/**
 * One entry of `images`: the fields the image PATCH takes (ProductImageUpdateRequest: `name` a
 * string, `ordering` a whole number, `thumbnail` and `enabled` booleans) and the read-only `id`
 * and `image`. `id` is optional here: an entry without one gets its own problem (imageRules.ts);
 * `name` may be null as the server sends it (a name set to null is refused there: the PATCH takes a string).
 * With a base, `id`, `image` and the fields the server adds are compared with the base's image
 * instead, and a value exactly as the server has it (a null name) is not checked.
 */
export const ImageDocumentSchema = z.strictObject({
  id: z.string().optional().meta(meta('images.id')),
  name: z.string().nullable().optional().meta(meta('images.name')),
  image: z.string().optional().meta(meta('images.image')),
  ordering: z.number().int().optional().meta(meta('images.ordering')),
  thumbnail: z.boolean().optional().meta(meta('images.thumbnail')),
  enabled: z.boolean().optional().meta(meta('images.enabled')),
});

/**
 * The editable fields as a document holds them: the PATCH rules (non-empty name, known tax
 * code), with `name` and `taxCode` required. `description` may be null: the server sends null
 * for a product without one. `images`: each entry as ImageDocumentSchema.
 */
export const EditableDocumentShape = {
  name: ProductUpdateSchema.shape.name.unwrap().meta(meta('name')),
  description: ProductUpdateSchema.shape.description.unwrap().nullable().optional().meta(meta('description')),
  taxCode: TaxCodeSchema.meta({
    ...meta('taxCode'),
    enumDescriptions: [...TAX_CODE_DESCRIPTIONS],
    markdownEnumDescriptions: TAX_CODE_VALUES.map((code) => `\`${code}\`: ${TAX_CODES[code]}`),
  }),
  images: z.array(ImageDocumentSchema).optional().meta(meta('images')),
};

/** The read-only fields as the detail endpoint returns them; all optional in a document. */
export const ReadOnlyDocumentShape = {
  id: ProductDetailSchema.shape.id.optional().meta(meta('id')),
  identifier: ProductDetailSchema.shape.identifier.optional().meta(meta('identifier')),
  createdBy: ProductDetailSchema.shape.createdBy.meta(meta('createdBy')),
  modifiedOn: ProductDetailSchema.shape.modifiedOn.optional().meta(meta('modifiedOn')),
  plans: ProductDetailSchema.shape.plans.meta(meta('plans')),
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
    images: EditableDocumentShape.images,
  })
  .meta({
    title: 'kelviq product',
    description: 'A kelviq product. Edit name, description, taxCode and each image\'s name, ordering, thumbnail and enabled (remove an image\'s entry to delete it), then save; the other fields are read-only.',
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
