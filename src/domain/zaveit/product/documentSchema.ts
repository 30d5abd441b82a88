// The zod definition of a Zaveit product document: the single source for the type checks of
// validateZaveitDocument and for the JSON Schema VS Code uses for hovers and completion
// (productJsonSchema.ts). Hover text comes from fieldDocs.ts through each schema's metadata.
// The rules zod cannot say on one value (min ≤ default ≤ max, unique SKUs, URLs, variant ids)
// are in documentRules.ts.
import { z } from 'zod';
import { validationSchemas } from '../../document/validationSchemas';
import { fieldMeta } from '../../document/fieldDocs';
import { FIELD_DOCS } from './fieldDocs';

const meta = (path: string): Record<string, unknown> => fieldMeta(FIELD_DOCS, path);

export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const CURRENCY_CODE = /^[A-Z]{3}$/;

const nonNegative = (path: string) => z.number().nonnegative().meta(meta(path));
const hours = (path: string) => z.number().int().nonnegative().meta(meta(path));

export const StatusDocument = z.strictObject({
  active: z.boolean().meta(meta('status.active')),
  deleted: z.boolean().meta(meta('status.deleted')),
}).meta(meta('status'));

export const CountryDocument = z.strictObject({
  code: z.string().regex(COUNTRY_CODE).meta(meta('country.code')),
  _id: z.string().optional().meta(meta('country._id')),
}).meta(meta('country'));

export const CurrencyDocument = z.strictObject({
  code: z.string().regex(CURRENCY_CODE).meta(meta('currency.code')),
  title: z.string().optional().meta(meta('currency.title')),
  _id: z.string().optional().meta(meta('currency._id')),
}).meta(meta('currency'));

export const ManagementLinkDocument = z.strictObject({
  title: z.string().meta(meta('managementLink.title')),
  url: z.string().meta(meta('managementLink.url')),
}).meta(meta('managementLink'));

export const ProductAmountDocument = z.strictObject({
  min: nonNegative('amount.min'),
  default: nonNegative('amount.default'),
  max: z.number().nonnegative().nullable().meta(meta('amount.max')),
}).meta(meta('amount'));

export const VariantAmountDocument = z.strictObject({
  min: nonNegative('products.amount.min'),
  default: nonNegative('products.amount.default'),
  max: z.number().nonnegative().nullable().optional().meta(meta('products.amount.max')),
}).meta(meta('products.amount'));

export const VariantDocument = z.strictObject({
  _id: z.string().optional().meta(meta('products._id')),
  sku: z.string().meta(meta('products.sku')),
  price: nonNegative('products.price'),
  cost_price: nonNegative('products.cost_price').optional(),
  discount: nonNegative('products.discount').optional(),
  amount: VariantAmountDocument,
  reference: z.string().nullable().optional().meta(meta('products.reference')),
});

/** The editable fields (the create body's), as a document holds them; all but `name` optional. */
export const EditableDocumentShape = {
  name: z.string().trim().min(1).meta(meta('name')),
  description: z.string().optional().meta(meta('description')),
  subscription: z.boolean().optional().meta(meta('subscription')),
  subscription_term: hours('subscription_term').optional(),
  payment_period: hours('payment_period').optional(),
  status: StatusDocument.optional(),
  type: z.number().int().optional().meta(meta('type')),
  country: CountryDocument.optional(),
  currency: CurrencyDocument.optional(),
  managementLink: ManagementLinkDocument.optional(),
  amount: ProductAmountDocument.optional(),
  products: z.array(VariantDocument).optional().meta(meta('products')),
  integration: z.array(z.unknown()).optional().meta(meta('integration')),
  customInputs: z.array(z.unknown()).optional().meta(meta('customInputs')),
  permission_features: z.array(z.unknown()).optional().meta(meta('permission_features')),
  consumption: z.record(z.string(), z.unknown()).optional().meta(meta('consumption')),
};

/** The server-owned fields, type-checked when a document's base is not known. */
export const ServerOwnedDocumentShape = {
  id: z.string().optional().meta(meta('id')),
  group_id: z.string().optional().meta(meta('group_id')),
  tenant: z.string().optional().meta(meta('tenant')),
  sales_channel: z.string().optional().meta(meta('sales_channel')),
  referenced: z.boolean().optional().meta(meta('referenced')),
  shop_enabled: z.boolean().optional().meta(meta('shop_enabled')),
  stock: z.number().optional().meta(meta('stock')),
  resell: z.boolean().optional().meta(meta('resell')),
  msp: z.boolean().optional().meta(meta('msp')),
  vendor: z.record(z.string(), z.unknown()).optional().meta(meta('vendor')),
  categories: z.array(z.unknown()).optional().meta(meta('categories')),
  properties: z.record(z.string(), z.unknown()).optional().meta(meta('properties')),
  services: z.array(z.unknown()).optional().meta(meta('services')),
  serviceList: z.unknown().optional().meta(meta('serviceList')),
  integrations: z.array(z.unknown()).optional().meta(meta('integrations')),
  keys: z.array(z.unknown()).optional().meta(meta('keys')),
  media: z.array(z.unknown()).optional().meta(meta('media')),
  parent: z.unknown().optional().meta(meta('parent')),
  created: z.string().optional().meta(meta('created')),
  updated: z.string().optional().meta(meta('updated')),
  __v: z.number().int().optional().meta(meta('__v')),
};

/** The whole document in display order; fields the server adds pass through. */
export const ZaveitProductDocumentSchema = z
  .looseObject({ ...EditableDocumentShape, ...ServerOwnedDocumentShape })
  .meta({
    title: 'Zaveit product',
    description: 'A Zaveit product. The create body\'s fields (name, prices, variants, …) can be edited; the fields Zaveit sets are read-only.',
  });

/**
 * The schema a document is checked with (domain/document/validationSchemas): with a base,
 * server-owned fields and the server's extra fields accept anything here (they are compared with
 * the base instead, documentRules/readOnlyCheck); without a base they are type-checked.
 */
export const documentValidationSchema = validationSchemas(ServerOwnedDocumentShape, EditableDocumentShape);
