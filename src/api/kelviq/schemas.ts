// zod schemas for the kelviq catalog bodies this client uses. Response objects are loose: a
// server that adds fields must not break the client, and the extra fields are data the user may
// want to see. Request bodies are strict: we never send a field the API does not document.
import { z } from 'zod';

export { TAX_CODES, TAX_CODE_VALUES, IDENTIFIER_PATTERN, type TaxCode } from './catalogConstants';
import { IDENTIFIER_PATTERN, TAX_CODE_VALUES } from './catalogConstants';

export const TaxCodeSchema = z.enum(TAX_CODE_VALUES);

export const ProductImageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  image: z.string().optional(),
  ordering: z.number().int().optional(),
  thumbnail: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type ProductImage = z.infer<typeof ProductImageSchema>;

/** A product as the list endpoint returns it. */
export const ProductSchema = z.looseObject({
  id: z.string(),
  identifier: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  taxCode: z.string(), // validated as TaxCode in documents; the server may know newer codes
  createdBy: z.string().nullable().optional(),
  modifiedOn: z.string(),
  images: z.array(ProductImageSchema).optional(),
});
export type Product = z.infer<typeof ProductSchema>;

/** A product as the detail endpoint returns it: plus the identifiers of its published plans. */
export const ProductDetailSchema = ProductSchema.extend({
  plans: z.array(z.string()).optional(),
});
export type ProductDetail = z.infer<typeof ProductDetailSchema>;

export const PageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });
export const ProductPageSchema = PageSchema(ProductSchema);
export type ProductPage = z.infer<typeof ProductPageSchema>;


export const ProductCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required.'),
  taxCode: TaxCodeSchema,
  identifier: z.string().regex(IDENTIFIER_PATTERN, 'Use lowercase letters, digits and hyphens (a slug).').optional(),
  description: z.string().optional(),
  imageKeys: z.array(z.string()).optional(),
});
export type ProductCreate = z.infer<typeof ProductCreateSchema>;

export const ProductUpdateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name cannot be empty.').optional(),
  description: z.string().optional(),
  taxCode: TaxCodeSchema.optional(),
  imageKeys: z.array(z.string()).optional(),
  fileKeys: z.array(z.string()).optional(),
});
export type ProductUpdate = z.infer<typeof ProductUpdateSchema>;

export const ProductSettingsSchema = z.looseObject({
  vpn: z.boolean().optional(),
  tor: z.boolean().optional(),
  proxy: z.boolean().optional(),
  currency: z.string().optional(),
  productUrl: z.string().nullable().optional(),
});
export type ProductSettings = z.infer<typeof ProductSettingsSchema>;

export const ProductSettingsUpdateSchema = z.strictObject({
  vpn: z.boolean().optional(),
  tor: z.boolean().optional(),
  proxy: z.boolean().optional(),
  currency: z.string().optional(),
  productUrl: z.url().optional(),
});
export type ProductSettingsUpdate = z.infer<typeof ProductSettingsUpdateSchema>;
