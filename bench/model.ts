// What a figure is: the extension's measurement, optionally the ideal's and their ratio, and
// the budget it is held to. Everything here is plain data, written as-is to the JSON results.
import { pairRatios, summarize, type Stats } from './lib/stats';

export type Unit = 'ms' | 'KB' | 'MB' | 'requests';

export interface Budget {
  /** 'ratio': the median ratio to the ideal; 'value': the extension's median. */
  on: 'ratio' | 'value';
  max: number;
  text: string;
}

export interface Row {
  id: string;
  label: string;
  /** '0 ms' / '20 ms' for figures measured once per latency pass. */
  pass?: string;
  unit: Unit;
  ext: Stats;
  ideal?: Stats;
  /** What the ideal is, e.g. "1 raw GET" or "raw, concurrency 16". */
  idealLabel?: string;
  /** Per round ext/ideal (interleaved rounds). */
  ratio?: Stats;
  budget?: Budget;
  note?: string;
}

/** A figure (ms) of the extension against an ideal timed in the same interleaved rounds. */
export function comparedRow(fields: Pick<Row, 'id' | 'label' | 'pass' | 'idealLabel' | 'budget'>, ext: number[], ideal: number[]): Row {
  return { ...fields, unit: 'ms', ext: summarize(ext), ideal: summarize(ideal), ratio: summarize(pairRatios(ext, ideal)) };
}

export type Verdict = 'PASS' | 'MISS' | '';

export function verdictOf(row: Row): Verdict {
  if (!row.budget) return '';
  const value = row.budget.on === 'ratio' ? row.ratio?.median : row.ext.median;
  if (value === undefined) return 'MISS';
  return value <= row.budget.max ? 'PASS' : 'MISS';
}

export const BUDGETS = {
  open: { on: 'ratio', max: 1.2, text: '≤ 1.2× raw GET' },
  saveRequests: { on: 'value', max: 2, text: '≤ 2 requests' },
  save: { on: 'ratio', max: 2.2, text: '≤ 2.2× raw PATCH' },
  loadAll: { on: 'ratio', max: 1.5, text: '≤ 1.5× ideal' },
  // A plan document is four answers, read at once: one round trip, as the ideal's.
  planOpen: { on: 'ratio', max: 1.2, text: '≤ 1.2× 4 raw GETs at once' },
  // The target is 2 round trips (the read before writing, the write); the save takes 3
  // today (it reads the result too): docs/PERFORMANCE.md.
  planSave: { on: 'ratio', max: 2.2, text: '≤ 2.2× 1 raw bulk POST' },
  keystroke: { on: 'value', max: 5, text: '≤ 5 ms' },
  bigDocument: { on: 'value', max: 100, text: '≤ 100 ms' },
  activation: { on: 'value', max: 50, text: '≤ 50 ms' },
  vsix: { on: 'value', max: 450, text: '≤ 450 KB' },
} as const satisfies Record<string, Budget>;
