// zod schemas of the Zaveit product API bodies, from ZAVEIT.md (the public docs). Responses are
// loose: unknown fields are kept, documented fields are typed but mostly optional (a server that
// leaves one out must not make a product unreadable), and opaque arrays/objects round-trip as
// they are. Request bodies are strict: we never send a field the docs do not show.
import { z } from 'zod';

// ── shared pieces ─────────────────────────────────────────────────────────────────────────────

/** An element or object whose shape the docs do not give: kept and sent back as it is. */
const Opaque = z.unknown();
const OpaqueObject = z.record(z.string(), z.unknown());

/** `subscription_term`, `payment_period`: whole hours (720 = one month). */
export const HoursSchema = z.number().int();

// ── responses (loose) ─────────────────────────────────────────────────────────────────────────

export const QuantitySchema = z.looseObject({
  min: z.number().optional(),
  /** null: no upper bound. */
  max: z.number().nullable().optional(),
  default: z.number().optional(),
});

export const VariantSchema = z.looseObject({
  _id: z.string().optional(),
  sku: z.string().optional(),
  price: z.number().optional(),
  cost_price: z.number().optional(),
  discount: z.number().optional(),
  amount: QuantitySchema.optional(),
  reference: z.string().nullable().optional(),
});
export type Variant = z.infer<typeof VariantSchema>;

/** A product as create, list and get return it. */
export const ProductSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  subscription: z.boolean().optional(),
  subscription_term: z.number().optional(),
  payment_period: z.number().optional(),
  status: z.looseObject({ active: z.boolean().optional(), deleted: z.boolean().optional() }).optional(),
  type: z.number().optional(),
  country: z.looseObject({ code: z.string().optional(), _id: z.string().optional() }).optional(),
  currency: z.looseObject({ code: z.string().optional(), title: z.string().optional(), _id: z.string().optional() }).optional(),
  managementLink: z.looseObject({ title: z.string().optional(), url: z.string().optional() }).optional(),
  amount: QuantitySchema.optional(),
  products: z.array(VariantSchema).optional(),
  integration: z.array(Opaque).optional(),
  customInputs: z.array(Opaque).optional(),
  permission_features: z.array(Opaque).optional(),
  consumption: Opaque.optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  __v: z.number().optional(),
});
export type Product = z.infer<typeof ProductSchema>;

/**
 * A list answer: the documented bare JSON array, or `{data: [...]}` as the sibling list endpoints
 * answer. Normalised to `{shape, data}` (issue paths then read `data[3].name` for both shapes).
 */
export const ProductListBodySchema = z.preprocess(
  (body) => (Array.isArray(body) ? { shape: 'array', data: body } : isRecord(body) ? { ...body, shape: 'data' } : body),
  z.looseObject({ shape: z.enum(['array', 'data']), data: z.array(ProductSchema) }),
);
export type ProductListBody = z.infer<typeof ProductListBodySchema>;

/** `GET /v1/auth/info`. `exp` is in epoch milliseconds. */
export const AuthInfoBodySchema = z.looseObject({
  tenant: z.string(),
  child_tenants: z.array(Opaque).optional(),
  exp: z.number(),
  type: z.string().optional(),
  jwt: z.string().optional(),
});

/** What authInfo() returns: the body without `jwt` (a token is never handed around or logged). */
export interface AuthInfo {
  tenant: string;
  childTenants: unknown[];
  /** Epoch milliseconds. */
  exp: number;
  /** "api" for an API session. */
  type?: string;
}

// ── requests (strict) ─────────────────────────────────────────────────────────────────────────

export const StatusBodySchema = z.strictObject({ active: z.boolean(), deleted: z.boolean() });
export const CountryBodySchema = z.strictObject({ code: z.string() });
/** `title` is sent (the docs' example: "Norway kroner") but not echoed back by the server. */
export const CurrencyBodySchema = z.strictObject({ code: z.string(), title: z.string().optional() });
export const ManagementLinkBodySchema = z.strictObject({ title: z.string(), url: z.string() });
/** The product's quantity bounds: `max` null = no upper bound. */
export const ProductQuantityBodySchema = z.strictObject({ min: z.number(), max: z.number().nullable(), default: z.number() });
/** A variant's quantity bounds: `max` may be left out. */
export const VariantQuantityBodySchema = z.strictObject({ default: z.number(), min: z.number(), max: z.number().nullable().optional() });

export const VariantBodySchema = z.strictObject({
  /** "" for a new variant; the server assigns a 24-hex ObjectId. */
  _id: z.string().optional(),
  sku: z.string(),
  price: z.number(),
  cost_price: z.number().optional(),
  discount: z.number().optional(),
  amount: VariantQuantityBodySchema,
  reference: z.string().nullable().optional(),
});
export type VariantBody = z.infer<typeof VariantBodySchema>;

const createShape = {
  name: z.string().trim().min(1, 'Name is required.'),
  description: z.string().optional(),
  subscription: z.boolean().optional(),
  subscription_term: HoursSchema.optional(),
  payment_period: HoursSchema.optional(),
  status: StatusBodySchema.optional(),
  type: z.number().int().optional(),
  country: CountryBodySchema.optional(),
  currency: CurrencyBodySchema.optional(),
  managementLink: ManagementLinkBodySchema.optional(),
  amount: ProductQuantityBodySchema.optional(),
  products: z.array(VariantBodySchema).optional(),
  integration: z.array(Opaque).optional(),
  customInputs: z.array(Opaque).optional(),
  permission_features: z.array(Opaque).optional(),
  consumption: OpaqueObject.optional(),
};

/** `POST /v2/product`. Only `name` is required; the server fills in defaults for the rest. */
export const ProductCreateSchema = z.strictObject(createShape);
export type ProductCreate = z.infer<typeof ProductCreateSchema>;

/**
 * The assumed `PATCH /v2/product/:id`: the changed top-level fields, each sent whole (a changed
 * variant sends the whole `products` array). Not documented.
 */
export const ProductUpdateSchema = z
  .strictObject({ ...createShape, name: z.string().trim().min(1, 'Name cannot be empty.') })
  .partial()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'An update must change at least one field.');
export type ProductUpdate = z.infer<typeof ProductUpdateSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
