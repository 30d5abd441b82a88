// The fields of a product-settings document (GET/PATCH /catalog/products/{pk}/settings/): all five
// are editable, in the spec's order; fields the server adds later are shown read-only after them.
import { fieldDocMakers, type FieldDoc } from '../../document/fieldDocs';

export const SETTINGS_FIELDS = ['vpn', 'tor', 'proxy', 'currency', 'productUrl'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export const BOOLEAN_SETTINGS = ['vpn', 'tor', 'proxy'] as const;

export function isSettingsField(key: string): key is SettingsField {
  return (SETTINGS_FIELDS as readonly string[]).includes(key);
}

const { editable } = fieldDocMakers('Read-only: set by kelviq.');

/** Hover text per field (the spec's descriptions, with what the save does). */
export const SETTINGS_DOCS: Readonly<Record<SettingsField, FieldDoc>> = {
  vpn: editable('VPN traffic', 'If `true`, VPN traffic is allowed for this product’s experience.'),
  tor: editable('Tor traffic', 'If `true`, Tor traffic is allowed.'),
  proxy: editable('Proxy traffic', 'If `true`, proxy traffic is allowed.'),
  currency: editable(
    'Currency',
    'Default currency of the product (ISO 4217). Changing it re-enables the prices in the new currency on the latest version of each of its plans; the save asks first.',
  ),
  productUrl: editable('Product URL', 'Public URL of the product (`https://…`). The API can change it but not clear it.'),
};

/** Why a field the server added (not one of the five) is not saved. */
export const SERVER_FIELD_NOTE = 'Read-only: a field the server sends that this editor does not change; it is kept as it is. Changes here are not saved.';
