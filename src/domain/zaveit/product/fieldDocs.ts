// Hover text of every field of a Zaveit product document: what it means and its unit. Keys are
// dotted paths; a variant's fields are under `products.` (e.g. `products.price`). These become
// the JSON Schema's title / description / markdownDescription (productJsonSchema.ts); built as
// every kind's (domain/document/fieldDocs).
import { fieldDocAt, fieldDocMakers, type FieldDoc } from '../../document/fieldDocs';
import { formatHours, formatMoney, formatPaymentPeriod } from './format';

export type { FieldDoc };

export const READ_ONLY_NOTE = 'Read-only: set by Zaveit.';
const OPAQUE = 'Its shape is not documented: it is kept and sent back as it is.';

const { editable, readOnly } = fieldDocMakers(READ_ONLY_NOTE);

const HOURS_NOTE = `In **hours**: ${formatHours(720)}, ${formatHours(8640)}.`;

export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  name: editable('Name', 'The product name customers see. Required; cannot be empty.'),
  description: editable('Description', 'Free-text description of the product. May be empty (`""`).'),
  subscription: editable('Subscription', '`true`: a subscription that renews every `payment_period`; `false`: a one-off sale.'),
  subscription_term: editable(
    'Subscription term (hours)',
    `How long a subscription binds the customer. ${HOURS_NOTE} \`0\` = no binding term (also used for one-off products). A whole number, not negative.`,
  ),
  payment_period: editable(
    'Payment period (hours)',
    `How often the customer pays. ${HOURS_NOTE} So \`720\` = ${formatPaymentPeriod(720)}, \`8640\` = ${formatPaymentPeriod(8640)}; \`0\` = paid ${formatPaymentPeriod(0)}. A whole number, not negative.`,
  ),
  status: editable('Status', 'Whether the product can be sold (`active`) and whether it is soft-deleted (`deleted`).'),
  'status.active': editable('Active', '`true`: the product can be sold. `false`: kept, but not offered.'),
  'status.deleted': editable('Deleted', '`true`: the product is soft-deleted (hidden, but kept). The Zaveit docs document no delete call; setting this is how a product is deleted (assumed).'),
  type: editable('Type', 'Product type, a whole number. Zaveit\'s examples only show `3`, on subscriptions and one-off products alike; its meaning is not documented, so keep the server\'s value.'),
  country: editable('Country', 'The country the product is sold in.'),
  'country.code': editable('Country code', 'ISO 3166-1 alpha-2 code in capitals, e.g. `NO` (Norway), `DE` (Germany), `US` (United States).'),
  'country._id': readOnly('Country entry id', 'The id (ObjectId) of this country entry.'),
  currency: editable('Currency', 'The currency of every price of this product.'),
  'currency.code': editable(
    'Currency code',
    `ISO 4217 code in capitals, e.g. \`NOK\`, \`EUR\`, \`USD\`. Prices are in major units with decimals: \`433.44\` with \`NOK\` is ${formatMoney(433.44, 'NOK')}.`,
  ),
  'currency.title': editable(
    'Currency name',
    'The currency\'s name, e.g. "Norway kroner". Sent when a product is created, but the server does not return it: when the currency changes it is sent as the currency\'s English name, and changing only the name is not saved.',
  ),
  'currency._id': readOnly('Currency entry id', 'The id (ObjectId) of this currency entry.'),
  managementLink: editable('Management link', 'A link where the customer manages what they bought (e.g. a portal).'),
  'managementLink.title': editable('Link text', 'The text of the management link. May be empty.'),
  'managementLink.url': editable('Link URL', 'An `http://` or `https://` URL, or `""` for no link.'),
  amount: editable('Quantity', 'How many of the product a customer may order: `min` ≤ `default` ≤ `max`.'),
  'amount.min': editable('Minimum quantity', 'The smallest quantity a customer may order. Not negative.'),
  'amount.default': editable('Default quantity', 'The quantity proposed to the customer; between `min` and `max`.'),
  'amount.max': editable('Maximum quantity', 'The largest quantity a customer may order; `null` = no upper limit.'),
  products: editable(
    'Variants',
    'The variants (SKUs) of the product, each with its own price and quantity bounds. Add one with `"_id": ""`: the server assigns its id. Variants are matched by `_id` when saving, so a colleague\'s change to one variant and yours to another both keep.',
  ),
  'products._id': editable('Variant id', 'The id (24-hex ObjectId) the server gave this variant; `""` for a new variant. Do not change it: it is how the variant is matched when saving.'),
  'products.sku': editable('SKU', 'The variant\'s stock-keeping unit: required, and unique among the product\'s variants.'),
  'products.price': editable('Price', `Price per unit in major units of \`currency.code\`, e.g. \`433.44\` = ${formatMoney(433.44, 'NOK')} for a NOK product. Not negative.`),
  'products.cost_price': editable('Cost price', `What one unit costs you, in major units of \`currency.code\`, e.g. \`246.71\` = ${formatMoney(246.71, 'NOK')}. Not negative.`),
  'products.discount': editable('Discount', 'A discount on the price. Not negative. Whether it is a percentage or an amount is not documented (Zaveit\'s UI says "10% discount").'),
  'products.amount': editable('Variant quantity', 'How many of this variant a customer may order: `min` ≤ `default` ≤ `max`.'),
  'products.amount.min': editable('Minimum quantity', 'The smallest quantity of this variant a customer may order. Not negative.'),
  'products.amount.default': editable('Default quantity', 'The quantity of this variant proposed to the customer; between `min` and `max`.'),
  'products.amount.max': editable('Maximum quantity', 'The largest quantity of this variant; `null` or left out = no upper limit.'),
  'products.reference': editable('Reference', 'A free-text reference to an item elsewhere (e.g. a supplier\'s article number); `""` or `null` for none.'),
  integration: editable('Integration', `Integrations of the product. ${OPAQUE}`),
  customInputs: editable('Custom inputs', `Inputs asked of the buyer. ${OPAQUE}`),
  permission_features: editable('Permission features', `Permission features of the product. ${OPAQUE}`),
  consumption: editable('Consumption', `Usage (consumption) settings. ${OPAQUE}`),

  id: readOnly('Product id', 'The product\'s id (a UUID).'),
  group_id: readOnly('Group id', 'The id of the product group (the product\'s own id for a product on its own).'),
  tenant: readOnly('Tenant', 'The tenant (organisation) that owns the product, a 24-hex id.'),
  sales_channel: readOnly('Sales channel', 'Where the product is sold, e.g. `"Shop"`.'),
  referenced: readOnly('Referenced', 'Whether other objects refer to this product.'),
  shop_enabled: readOnly('Shop enabled', 'Whether the product is shown in the shop. Zaveit\'s UI edits it, but the create body does not carry it, so it is read-only here.'),
  stock: readOnly('Stock', 'Units in stock.'),
  resell: readOnly('Resell', 'Whether the product is resold.'),
  msp: readOnly('MSP', 'Whether the product is offered to managed service providers.'),
  vendor: readOnly('Vendor', 'The vendor of the product (`name`).'),
  categories: readOnly('Categories', 'Ids (ObjectIds) of the categories the product is in.'),
  properties: readOnly('Properties', 'Custom properties: a map from property id to `{name, tenant, value}`.'),
  services: readOnly('Services', 'Services attached to the product.'),
  serviceList: readOnly('Service list', 'Services attached to the product.'),
  integrations: readOnly('Integrations (server)', 'Integrations the server attached to the product.'),
  keys: readOnly('Keys', 'Keys attached to the product.'),
  media: readOnly('Media', 'URLs of the product\'s images.'),
  parent: readOnly('Parent', 'The parent product, if any.'),
  created: readOnly('Created', 'When the product was created (ISO 8601).'),
  updated: readOnly('Updated', 'When the product last changed (ISO 8601). Saves compare it to notice someone else\'s change.'),
  __v: readOnly('Version', 'The server\'s version counter of the product (a Mongoose version key).'),
};

export function fieldDoc(path: string): FieldDoc | undefined {
  return fieldDocAt(FIELD_DOCS, path);
}
