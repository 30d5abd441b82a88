// What every network figure gets: the two clients, the sandbox, the pass and its sizes. The
// extension's client is kelviq's unless said otherwise (the Zaveit figures take a ZaveitClient).
import type { KelviqClient } from '../../src/api';
import type { RawClient } from '../lib/raw';
import type { RemoteSandbox } from '../lib/sandboxProcess';

export interface NetworkContext<Client = KelviqClient> {
  client: Client;
  raw: RawClient;
  sandbox: RemoteSandbox;
  /** '0 ms' or '20 ms'. */
  pass: string;
  latencyMs: number;
  reps: number;
  warmup: number;
  /** Calls per measurement for the single-request figures (more at 0 ms, where one call is sub-ms). */
  batch: number;
  /** Loads per "load all" measurement (a few at 0 ms, where one load is ~50 ms and GC-noisy). */
  loadAllBatch: number;
  /** Concurrencies tried for the ideal "load all". */
  concurrencies: readonly number[];
  /** Extra measurements that explain a figure (timing breakdowns), saved in the JSON. */
  diagnostics: Record<string, unknown>;
}

export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench check failed: ${message}`);
}
