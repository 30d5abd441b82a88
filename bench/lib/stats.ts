// Summaries of repeated measurements, and the A/B interleaving that keeps a noisy machine's
// drift (other processes, CPU frequency, GC) from landing on one side of a comparison.
import { performance } from 'node:perf_hooks';

export interface Stats {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples: [...samples] };
}

/** Wall time of `batch` sequential calls, per call, in ms. */
export async function perCall(batch: number, call: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < batch; i++) await call(i);
  return (performance.now() - started) / batch;
}

export type Variant = () => Promise<number>;

/**
 * Runs every variant `warmup` times, then `reps` rounds in which each variant runs once; the
 * order rotates every round (A B C, B C A, …) so no variant always goes first or last.
 * Each variant returns its own measurement (ms per call).
 */
export async function interleave<K extends string>(variants: Record<K, Variant>, reps: number, warmup = 1): Promise<Record<K, number[]>> {
  const keys = Object.keys(variants) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let w = 0; w < warmup; w++) for (const k of keys) await variants[k]();
  for (let round = 0; round < reps; round++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(round + j) % keys.length] as K;
      out[k].push(await variants[k]());
    }
  }
  return out;
}

/** Per-round ratios a[i] / b[i] of two interleaved series. */
export function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x / (b[i] as number));
}

/** Two decimals, for the diagnostics in the JSON results. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
