// Figure 1: the first page, and all products, through the extension's client versus raw undici.
// "Ideal" for load-all is the best of several concurrencies, each tried in every round.
import { performance } from 'node:perf_hooks';
import { BUDGETS, comparedRow, type Row } from '../model';
import { interleave, perCall, round, summarize, type Variant } from '../lib/stats';
import { check, type NetworkContext } from './context';

export async function firstPageFigure(ctx: NetworkContext): Promise<Row> {
  const { client, raw, batch } = ctx;
  const runs = await interleave(
    {
      ext: () =>
        perCall(batch, async () => {
          const page = await client.listProducts({ page: 1, pageSize: 100 });
          check(page.results.length === Math.min(100, ctx.sandbox.count), 'the first page has 100 products');
        }),
      raw: () => perCall(batch, () => raw.page(1)),
    },
    ctx.reps,
    ctx.warmup,
  );
  return comparedRow({ id: 'firstPage', label: 'first page listed (100)', pass: ctx.pass, idealLabel: '1 raw GET' }, runs.ext, runs.raw);
}

/** ms per load of `times` sequential loads, each checked to have loaded every product. */
export async function timed(times: number, task: () => Promise<number>, expected: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const loaded = await task();
    check(loaded === expected, `loaded ${loaded} of ${expected} products`);
  }
  return (performance.now() - started) / times;
}

export async function loadAllFigure(ctx: NetworkContext): Promise<Row> {
  const { client, raw, sandbox } = ctx;
  const expected = sandbox.count;
  const variants: Record<string, Variant> = {
    // As the tree's "Load All Products" calls it: default concurrency, an onPage callback.
    ext: () => timed(ctx.loadAllBatch, async () => (await client.listAllProducts({ onPage: () => undefined })).length, expected),
  };
  for (const c of ctx.concurrencies) variants[`raw${c}`] = () => timed(ctx.loadAllBatch, () => raw.listAll(c), expected);
  // Diagnostic: the extension's client at its pool's full width (HttpClient's Pool has 8
  // connections), to separate the cost of its concurrency setting from its per-page work.
  const diagConcurrency = 8;
  variants.extDiag = () => timed(ctx.loadAllBatch, async () => (await client.listAllProducts({ concurrency: diagConcurrency })).length, expected);

  const runs = await interleave(variants, ctx.reps, ctx.warmup);
  const medians = ctx.concurrencies.map((c) => ({ c, stats: summarize(runs[`raw${c}`] as number[]) }));
  const best = medians.reduce((a, b) => (b.stats.median < a.stats.median ? b : a));
  const ext = runs.ext as number[];
  ctx.diagnostics[`loadAll ${ctx.pass}`] = {
    rawMedianMsByConcurrency: Object.fromEntries(medians.map((m) => [m.c, round(m.stats.median)])),
    bestConcurrency: best.c,
    extensionDefault: { medianMs: round(summarize(ext).median) },
    [`extensionAtConcurrency${diagConcurrency}`]: { medianMs: round(summarize(runs.extDiag as number[]).median) },
  };
  return comparedRow(
    { id: 'loadAll', label: `all ${expected.toLocaleString('en-US')} loaded`, pass: ctx.pass, idealLabel: `raw, concurrency ${best.c}`, budget: BUDGETS.loadAll },
    ext,
    runs[`raw${best.c}`] as number[],
  );
}
