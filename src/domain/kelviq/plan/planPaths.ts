// Values by path in a plan document (the shared path type and labels: domain/document/segmentPath),
// and which of the document's prices and entitlements are exactly as the server has them (a problem on those is the server's data, not
// the user's edit, and is not reported).
import { deepEqual } from '../../document/deepEqual';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import type { Segment } from '../../document/segmentPath';
import { normalizeDetails, normalizePrice } from './priceDefaults';

export function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment === 'string') node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

export function records(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/** Which elements of the document's `prices` / `entitlements` equal one of the base's (after normalisation). */
export interface Untouched {
  price(index: number): boolean;
  entitlement(index: number): boolean;
}

function entitlementKey(e: unknown): unknown {
  return isPlainObject(e) ? { feature: e.feature, details: normalizeDetails(e.details) } : e;
}

export function untouchedElements(doc: JsonObject, base: JsonObject | undefined): Untouched {
  if (!base) return { price: () => false, entitlement: () => false };
  const basePrices = records(base.prices).map(normalizePrice);
  const baseEntitlements = records(base.entitlements).map(entitlementKey);
  const docPrices = Array.isArray(doc.prices) ? doc.prices : [];
  const docEntitlements = Array.isArray(doc.entitlements) ? doc.entitlements : [];
  return {
    price: (i) => i < docPrices.length && basePrices.some((p) => deepEqual(p, normalizePrice(docPrices[i]))),
    entitlement: (i) => i < docEntitlements.length && baseEntitlements.some((e) => deepEqual(e, entitlementKey(docEntitlements[i]))),
  };
}
