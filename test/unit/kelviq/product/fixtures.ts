// Shared test data for the product-document tests.
import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { findPropertyRange, type DocumentProblem } from '../../../../src/domain/kelviq/product';

export function baseProduct(overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    id: '0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de',
    identifier: 'pro-suite',
    name: 'Pro Suite',
    description: 'Premium tools for growing teams.',
    taxCode: 'saas',
    createdBy: 'Jane Smith',
    modifiedOn: '2025-04-12T08:21:14.910Z',
    plans: ['pro-monthly', 'pro-annual'],
    images: [{ id: 'img-1', name: 'hero.png', ordering: 1, thumbnail: true, enabled: true }],
    ...overrides,
  };
}

/** Replaces exactly one occurrence of `search` (fails the test if there is not exactly one). */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search);
  if (first === -1 || text.indexOf(search, first + 1) !== -1) {
    throw new Error(`expected exactly one ${JSON.stringify(search)} in the text`);
  }
  return text.slice(0, first) + replacement + text.slice(first + search.length);
}

export interface SlicedProblem {
  code: DocumentProblem['code'];
  slice: string;
  field: string | undefined;
}

/** The problems as (code, exact text of their range, field), for table assertions. */
export function sliced(text: string, problems: readonly DocumentProblem[]): SlicedProblem[] {
  return problems.map((p) => ({ code: p.code, slice: text.slice(p.offset, p.offset + p.length), field: p.field }));
}

/** A product with three images: A the thumbnail, B, and C (no name, disabled), in gallery order. */
export function productWithImages(overrides: Partial<ProductDetail> = {}): ProductDetail {
  return baseProduct({
    images: [
      { id: 'img-a', name: 'hero.png', image: 'media/products/pro-suite/a/hero.png', ordering: 0, thumbnail: true, enabled: true },
      { id: 'img-b', name: 'banner.png', image: 'media/products/pro-suite/b/banner.png', ordering: 1, thumbnail: false, enabled: true },
      { id: 'img-c', name: null, image: 'media/products/pro-suite/c/detail.png', ordering: 2, thumbnail: false, enabled: false },
    ],
    ...overrides,
  });
}

/** `text` with the value at `path` set (undefined: removed), formatting kept. */
export function edit(text: string, path: JSONPath, value: unknown): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
}

/** The text of the value at `path`. */
export function valueText(text: string, path: JSONPath): string {
  const found = findPropertyRange(text, path);
  if (!found) throw new Error(`no ${JSON.stringify(path)} in the text`);
  return text.slice(found.value.offset, found.value.offset + found.value.length);
}
