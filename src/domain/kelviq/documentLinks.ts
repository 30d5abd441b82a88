// Where a kelviq document names another catalog object, so the editor can make that name a link
// to the object's document: a product's `plans` (plan identifiers), a plan's `product` (the
// product's UUID), its entitlements' `feature` (feature identifiers) and the `feature` of its
// prices' charges (feature UUIDs). Only values of the exact addressable shape count (a slug the
// API can address, a UUID), so no link is made from anything else the text holds. The ranges
// cover the value without its quotes. Pure: the VS Code side turns targets into URIs.
import type { Node } from 'jsonc-parser';
import { findProperty, parseDocument, type TextRange } from '../document/jsonRanges';
import { isPlanIdentifierText } from './planUri';
import { isUuid } from './productUri';

export type LinkTarget =
  | { kind: 'plan'; identifier: string }
  | { kind: 'product'; productId: string }
  | { kind: 'feature'; identifier: string }
  | { kind: 'featureId'; featureId: string };

export interface DocumentLinkTarget extends TextRange {
  target: LinkTarget;
}

function stringValue(node: Node | undefined): { value: string; range: TextRange } | undefined {
  if (node?.type !== 'string' || typeof node.value !== 'string' || node.length < 2) return undefined;
  return { value: node.value, range: { offset: node.offset + 1, length: node.length - 2 } };
}

function elements(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

function valueOf(object: Node | undefined, key: string): Node | undefined {
  return object?.type === 'object' ? findProperty(object, key)?.value : undefined;
}

function push(out: DocumentLinkTarget[], node: Node | undefined, make: (value: string) => LinkTarget | undefined): void {
  const s = stringValue(node);
  const target = s && make(s.value);
  if (s && target) out.push({ ...s.range, target });
}

/** The links of a product document's text. */
export function productDocumentLinks(text: string): DocumentLinkTarget[] {
  const { root } = parseDocument(text);
  const out: DocumentLinkTarget[] = [];
  for (const plan of elements(valueOf(root, 'plans'))) push(out, plan, (v) => (isPlanIdentifierText(v) ? { kind: 'plan', identifier: v } : undefined));
  return out;
}

/** The links of a plan document's text. */
export function planDocumentLinks(text: string): DocumentLinkTarget[] {
  const { root } = parseDocument(text);
  const out: DocumentLinkTarget[] = [];
  push(out, valueOf(root, 'product'), (v) => (isUuid(v) ? { kind: 'product', productId: v.toLowerCase() } : undefined));
  for (const entitlement of elements(valueOf(root, 'entitlements'))) {
    push(out, valueOf(entitlement, 'feature'), (v) => (isPlanIdentifierText(v) && !isUuid(v) ? { kind: 'feature', identifier: v } : undefined));
  }
  for (const price of elements(valueOf(root, 'prices'))) {
    for (const charge of elements(valueOf(price, 'chargeCatalogPrice'))) {
      push(out, valueOf(charge, 'feature'), (v) => (isUuid(v) ? { kind: 'featureId', featureId: v.toLowerCase() } : undefined));
    }
  }
  return out;
}
