// Figure 4: validateProductDocument as the diagnostics run it after each keystroke, on a typical
// document and on ~1 MB documents (a long description; a large field the server added).
import { performance } from 'node:perf_hooks';
import { ProductDetailSchema, type ProductDetail } from '../../src/api';
import { serializeProduct, validateProductDocument } from '../../src/domain/kelviq/product';
import { demoCatalog, toProductRetrieve } from '../../sandbox';
import { summarize } from '../lib/stats';
import { BUDGETS, type Row } from '../model';
import { check } from './context';

export interface ValidationOptions {
  reps: number;
  /** Calls per measurement on the typical document. */
  keystrokes: number;
  /** Calls per measurement on a 1 MB document. */
  bigCalls: number;
}

/** The richest demo product (most plans and images): what a real product document looks like. */
export function typicalProduct(): ProductDetail {
  const records = demoCatalog().products.filter((p) => !p.archived);
  const richest = records.reduce((a, b) => (b.plans.length + b.images.length > a.plans.length + a.images.length ? b : a));
  return ProductDetailSchema.parse(toProductRetrieve(richest));
}

const ONE_MB = 1024 * 1024;

export function longDescriptionProduct(): ProductDetail {
  const words = 'Usage-based pricing with seat tiers, annual discounts and regional taxes. ';
  return { ...typicalProduct(), description: words.repeat(Math.ceil(ONE_MB / words.length)).slice(0, ONE_MB).trimEnd() };
}

/** A field the extension does not know (server-added), holding ~1 MB of nested objects. */
export function bigServerFieldProduct(): ProductDetail {
  const entries = Array.from({ length: 5200 }, (_, i) => ({
    id: `evt_${String(i).padStart(6, '0')}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    actor: i % 2 ? 'Priya Raman' : 'Marco Rossi',
    change: { field: 'price', from: i, to: i + 1 },
  }));
  return { ...typicalProduct(), auditTrail: entries };
}

/**
 * Per-call time of validating `texts` in turn against `base`, each text a one-character edit of
 * the document (a keystroke), so no call sees the same text twice in a row.
 */
function measure(base: ProductDetail, texts: readonly string[], calls: number, reps: number): number[] {
  for (const text of texts) check(validateProductDocument(text, base).length === 0, 'the edited document is valid');
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) validateProductDocument(texts[i % texts.length] as string, base);
    samples.push((performance.now() - started) / calls);
  }
  return samples;
}

function keystrokes(base: ProductDetail, field: 'name' | 'description'): string[] {
  const value = String(base[field] ?? '');
  return ['a', 'b', 'c', 'd'].map((ch) => serializeProduct({ ...base, [field]: value + ch }));
}

export function validationFigures(options: ValidationOptions): Row[] {
  const typical = typicalProduct();
  const longText = longDescriptionProduct();
  const bigField = bigServerFieldProduct();
  const kb = (p: ProductDetail): number => Math.round(Buffer.byteLength(serializeProduct(p)) / 1024);
  check(kb(longText) >= 1000 && kb(bigField) >= 1000, `the big documents are ~1 MB (${kb(longText)} KB, ${kb(bigField)} KB)`);
  return [
    {
      id: 'keystroke',
      label: `validation per keystroke (${kb(typical)} KB doc)`,
      unit: 'ms',
      ext: summarize(measure(typical, keystrokes(typical, 'name'), options.keystrokes, options.reps)),
      budget: BUDGETS.keystroke,
    },
    {
      id: 'bigDescription',
      label: `validation, ${kb(longText)} KB doc (long description)`,
      unit: 'ms',
      ext: summarize(measure(longText, keystrokes(longText, 'description'), options.bigCalls, options.reps)),
      budget: BUDGETS.bigDocument,
    },
    {
      id: 'bigServerField',
      label: `validation, ${kb(bigField)} KB doc (server-added field)`,
      unit: 'ms',
      ext: summarize(measure(bigField, keystrokes(bigField, 'name'), options.bigCalls, options.reps)),
      budget: BUDGETS.bigDocument,
    },
  ];
}
