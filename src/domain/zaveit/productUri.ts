// The address of a Zaveit product document: `zaveit:/products/<id>/<label>.json`, and of a new
// product's draft: `zaveit:/products/new/<label>.json`, whose label carries the currency and
// country the template was made with (`new-product-NOK-NO.json`, `new-product-NOK-NO-2.json`), so
// a draft restored after a window reload still knows them. The base URL is not in the URI: the
// document mechanism binds each document to the server its text came from. Pure.
import { isProductId } from '../../api/zaveit/paths';

export const ZAVEIT_SCHEME = 'zaveit';
export const DRAFT_ID = 'new';

export type ZaveitAddress =
  | { kind: 'product'; productId: string }
  | { kind: 'draft'; label: string; currency: string; country: string };

/** A file-name-safe label from a product name. */
export function zaveitDocumentLabel(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 60)
    .replace(/^[-.]+|[-.]+$/g, '');
  return safe || 'product';
}

export function zaveitProductPath(productId: string, label: string): string {
  return `/products/${encodeURIComponent(productId)}/${zaveitDocumentLabel(label)}.json`;
}

/** `/products/new/new-product-NOK-NO.json`; `n` > 1 adds `-n` (a second draft is another document). */
export function zaveitDraftPath(currency: string, country: string, n = 1): string {
  return `/products/${DRAFT_ID}/new-product-${currency.toUpperCase()}-${country.toUpperCase()}${n > 1 ? `-${n}` : ''}.json`;
}

const DRAFT_LABEL = /^new-product-([A-Z]{3})-([A-Z]{2})(?:-(\d{1,6}))?$/;

/** Parses a document path; undefined for anything that names no product or draft (checked before any request). */
export function parseZaveitPath(path: string): ZaveitAddress | undefined {
  const m = /^\/products\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
  const label = m[2]!;
  if (id === DRAFT_ID) {
    const draft = DRAFT_LABEL.exec(label);
    return draft ? { kind: 'draft', label, currency: draft[1]!, country: draft[2]! } : undefined;
  }
  return isProductId(id) ? { kind: 'product', productId: id } : undefined;
}
