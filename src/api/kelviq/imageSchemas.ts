// zod schema for a product image's update (`PATCH /catalog/products/{product_pk}/image/{pk}/`); the
// answer is the ProductImage of schemas.ts (loose). Strict: only the spec's editable fields.
import { z } from 'zod';

export const ProductImageUpdateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name cannot be empty.').optional(),
  ordering: z.number().int('Use a whole number.').optional(),
  /** true marks this image as the product's thumbnail and clears the flag on its other images. */
  thumbnail: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type ProductImageUpdate = z.input<typeof ProductImageUpdateSchema>;
