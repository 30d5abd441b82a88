// The address of a product-settings document: `kelviq:/<env>/products/<uuid>/settings/<label>.json`
// (the label is the product's identifier, so the tab reads `<identifier>-settings.json`). Pure.
import { ENVIRONMENT_IDS, type EnvironmentId } from '../environment';
import { documentLabel, isProductId, type ProductAddress } from './productUri';

export type SettingsAddress = ProductAddress & { label: string };

export function settingsPath(address: ProductAddress, label: string): string {
  return `/${address.environment}/products/${address.productId.toLowerCase()}/settings/${documentLabel(`${label}-settings`)}.json`;
}

/** Parses a document path; undefined for anything that is not a well-formed settings address. */
export function parseSettingsPath(path: string): SettingsAddress | undefined {
  const m = /^\/([a-z]+)\/products\/([^/]+)\/settings\/([^/]+)\.json$/.exec(path);
  if (!m) return undefined;
  const environment = m[1] as EnvironmentId;
  const productId = m[2] as string;
  if (!ENVIRONMENT_IDS.includes(environment) || !isProductId(productId)) return undefined;
  return { environment, productId: productId.toLowerCase(), label: (m[3] as string).replace(/-settings$/, '') || 'product' };
}
