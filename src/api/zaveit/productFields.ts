// The fields of a Zaveit product, as ZAVEIT.md lists them: the ones the create body carries
// (editable) and the ones only responses carry (server-owned). Plain constants without zod, so
// the VS Code side can use them without loading the API layer (see src/core.ts).

/** The create body's fields, in the order the documentation's example lists them. */
export const EDITABLE_FIELDS = [
  'name',
  'description',
  'subscription',
  'subscription_term',
  'payment_period',
  'status',
  'type',
  'country',
  'currency',
  'managementLink',
  'amount',
  'products',
  'integration',
  'customInputs',
  'permission_features',
  'consumption',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * Fields only responses carry: set by the server, never sent. `stock`, `shop_enabled`, `resell`
 * and `msp` are here too: the product UI shows "Shop enabled" as editable, but the create body
 * does not carry them, so they are treated as read-only.
 */
export const SERVER_OWNED_FIELDS = [
  'id',
  'group_id',
  'tenant',
  'sales_channel',
  'referenced',
  'shop_enabled',
  'stock',
  'resell',
  'msp',
  'vendor',
  'categories',
  'properties',
  'services',
  'serviceList',
  'integrations',
  'keys',
  'media',
  'parent',
  'created',
  'updated',
  '__v',
] as const;
export type ServerOwnedField = (typeof SERVER_OWNED_FIELDS)[number];

/** Server-owned keys inside editable objects: `country._id` and `currency._id`. */
export const SERVER_OWNED_NESTED: Readonly<Record<string, readonly string[]>> = {
  country: ['_id'],
  currency: ['_id'],
};

export function isEditableField(key: string): key is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(key);
}

export function isServerOwnedField(key: string): key is ServerOwnedField {
  return (SERVER_OWNED_FIELDS as readonly string[]).includes(key);
}

/** Hours in the units the API uses for `subscription_term` and `payment_period`. */
export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;
/** 720 hours = one month (30 days) in Zaveit's examples; 8640 = 12 months. */
export const HOURS_PER_MONTH = 720;

/** A new variant's `_id` in a create body; the server assigns a 24-hex ObjectId. */
export const NEW_VARIANT_ID = '';
export const OBJECT_ID = /^[0-9a-f]{24}$/i;
