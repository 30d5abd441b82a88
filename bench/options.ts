// Command line of `npm run bench` / `npm run bench:smoke`.
//   --smoke          tiny catalog, 1 repetition, no latency pass, no real VS Code (CI: < 30 s)
//   --with-vscode    with --smoke: run the real-VS-Code activation/heap part anyway
//   --no-vscode      skip the real-VS-Code part in a full run
//   --reps N         repetitions per figure (default 7)
//   --launches N     fresh VS Code launches for activation/heap (default 7)
//   --out FILE       the JSON results (default bench/results/latest.json; smoke.json with --smoke)
//   --profile        also write CPU profiles of the first VS Code launch's activation and Load All
//                    (bench/results/profiles/); see bench/profile.ts for the pure-Node parts
import path from 'node:path';

export interface BenchOptions {
  mode: 'full' | 'smoke';
  /** The kelviq sandbox's seed: products and plans. */
  seed: `generated:${number}:${number}`;
  /** Products only: the Zaveit sandbox and the real-VS-Code figures. */
  productSeed: `generated:${number}`;
  reps: number;
  warmup: number;
  latencies: number[];
  /** Calls per measurement of single-request figures, by latency. */
  batch(latencyMs: number): number;
  loadAllBatch(latencyMs: number): number;
  concurrencies: number[];
  keystrokes: number;
  bigCalls: number;
  vscode: boolean;
  launches: number;
  out: string;
  profileDir: string | undefined;
}

function value(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const v = args[at + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

function positiveInt(args: string[], name: string, fallback: number): number {
  const raw = value(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${raw})`);
  return n;
}

const KNOWN = new Set(['--smoke', '--with-vscode', '--no-vscode', '--reps', '--launches', '--out', '--profile']);

export function parseOptions(args: string[]): BenchOptions {
  for (const [i, arg] of args.entries()) {
    if (arg.startsWith('--') && !KNOWN.has(arg)) throw new Error(`unknown option ${arg}`);
    if (!arg.startsWith('--') && !['--reps', '--launches', '--out'].includes(args[i - 1] ?? '')) throw new Error(`unexpected argument ${arg}`);
  }
  const smoke = args.includes('--smoke');
  const results = path.join(__dirname, 'results');
  return {
    mode: smoke ? 'smoke' : 'full',
    // Three plans per product: the plan figures expand a product in a catalog of 30,000 plans.
    seed: smoke ? 'generated:300:900' : 'generated:10000:30000',
    productSeed: smoke ? 'generated:300' : 'generated:10000',
    reps: positiveInt(args, '--reps', smoke ? 1 : 7),
    warmup: smoke ? 1 : 2,
    latencies: smoke ? [0] : [0, 20],
    batch: (latencyMs) => (smoke ? 2 : latencyMs === 0 ? 30 : 3),
    loadAllBatch: (latencyMs) => (smoke || latencyMs > 0 ? 1 : 3),
    concurrencies: smoke ? [2, 8] : [2, 4, 8, 16, 32],
    keystrokes: smoke ? 20 : 2000,
    bigCalls: smoke ? 1 : 5,
    vscode: smoke ? args.includes('--with-vscode') : !args.includes('--no-vscode'),
    launches: positiveInt(args, '--launches', smoke ? 1 : 7),
    profileDir: args.includes('--profile') ? path.join(results, 'profiles') : undefined,
    out: path.resolve(value(args, '--out') ?? path.join(results, smoke ? 'smoke.json' : 'latest.json')),
  };
}
