// The address of a product document: `kelviq:/<environment>/products/<uuid>/<label>.json`.
// It names the environment (so the document keeps talking to the environment it came from, also
// after a window reload) and the product id; the last segment only makes the tab read well.
// Pure: the VS Code side wraps these strings in vscode.Uri.
import { ENVIRONMENT_IDS, type EnvironmentId } from '../environment';

export const PRODUCT_SCHEME = 'kelviq';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ProductAddress {
  environment: EnvironmentId;
  productId: string;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Product ids are UUIDs. */
export const isProductId = isUuid;

/** A file-name-safe label from the product's identifier (or name). */
export function documentLabel(identifierOrName: string): string {
  const safe = identifierOrName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return safe || 'product';
}

export function productPath(address: ProductAddress, label: string): string {
  return `/${address.environment}/products/${address.productId.toLowerCase()}/${documentLabel(label)}.json`;
}

/** Parses a document path; undefined for anything that is not a well-formed product address. */
export function parseProductPath(path: string): ProductAddress | undefined {
  const m = /^\/([a-z]+)\/products\/([^/]+)\/[^/]+\.json$/.exec(path);
  if (!m) return undefined;
  const environment = m[1] as EnvironmentId;
  const productId = m[2] as string;
  if (!ENVIRONMENT_IDS.includes(environment) || !isProductId(productId)) return undefined;
  return { environment, productId: productId.toLowerCase() };
}
