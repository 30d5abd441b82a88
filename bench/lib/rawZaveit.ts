// The ideal Zaveit client: the same requests the extension's ZaveitClient makes, sent with
// RawClient (bare undici on a keep-alive Agent, JSON-parsed, nothing else).
import type { RawClient } from './raw';

export type RawZaveitProduct = Record<string, unknown>;

export const rawZaveitProductPath = (id: string): string => `/v2/product/${encodeURIComponent(id)}`;

/** The documented list call without paging parameters: every product, one bare JSON array. */
export function rawZaveitEverything(raw: RawClient): Promise<RawZaveitProduct[]> {
  return raw.json<RawZaveitProduct[]>('GET', '/v2/product');
}

export function rawZaveitPage(raw: RawClient, page: number, perPage: number): Promise<RawZaveitProduct[]> {
  return raw.json<RawZaveitProduct[]>('GET', `/v2/product?~page=${page}&~perPage=${perPage}`);
}

/**
 * The pages the client's listAllProducts asks for: 1, 2, … one after another (the answer has no
 * total to plan by), until a short or empty page. Returns the products loaded and the requests made.
 */
export async function rawZaveitPages(raw: RawClient, perPage: number): Promise<{ loaded: number; requests: number }> {
  let loaded = 0;
  for (let page = 1; ; page++) {
    const items = await rawZaveitPage(raw, page, perPage);
    loaded += items.length;
    if (items.length < perPage) return { loaded, requests: page };
  }
}
