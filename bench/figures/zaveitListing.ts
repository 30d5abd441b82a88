// Zaveit listing: every product through the extension's ZaveitClient versus the same requests
// sent raw. Two ways, as the client supports both: the documented bare array of everything in
// one GET (listProductsAtOnce: what a server that ignores paging gives too), and pages of 100
// one after another (listAllProducts: what the tree's Load all does when the server pages).
import { DEFAULT_PER_PAGE, ProductListBodySchema, type ZaveitClient } from '../../src/api/zaveit';
import { interleave, round, summarize } from '../lib/stats';
import { rawZaveitEverything, rawZaveitPages } from '../lib/rawZaveit';
import { BUDGETS, comparedRow, type Row } from '../model';
import { check, type NetworkContext } from './context';
import { timed } from './listing';

/**
 * One load per sample: a 10,000-product answer is one large body (about 12 MB), long enough to
 * time alone. Batching loads would also hold the event loop for seconds at a time (the parse and
 * validation of each body are synchronous), past the server's 5 s keep-alive, so that a client
 * could send its next request on a socket the server has just closed.
 */
const LOADS_PER_SAMPLE = 1;

export async function zaveitListAtOnceFigure(ctx: NetworkContext<ZaveitClient>): Promise<Row> {
  const { client, raw, sandbox } = ctx;
  const expected = sandbox.count;
  const body = await rawZaveitEverything(raw);
  check(Array.isArray(body), 'GET /v2/product answers the documented bare array');
  const runs = await interleave(
    {
      ext: () => timed(LOADS_PER_SAMPLE, async () => (await client.listProductsAtOnce()).items.length, expected),
      raw: () => timed(LOADS_PER_SAMPLE, async () => (await rawZaveitEverything(raw)).length, expected),
    },
    ctx.reps,
    ctx.warmup,
  );
  // Breakdown (diagnostics), after the rounds: the client's response validation alone, on the parsed body.
  const schemaOnly: number[] = [];
  for (let r = 0; r < ctx.reps; r++) schemaOnly.push(await timed(1, () => Promise.resolve(ProductListBodySchema.parse(body).data.length), expected));
  ctx.diagnostics[`zaveitListAtOnce ${ctx.pass}`] = {
    bodyMB: round(Buffer.byteLength(JSON.stringify(body)) / 2 ** 20),
    extMedianMs: round(summarize(runs.ext).median),
    rawGetMedianMs: round(summarize(runs.raw).median),
    listBodySchemaOnlyMedianMs: round(summarize(schemaOnly).median),
  };
  return comparedRow(
    { id: 'zaveitListAtOnce', label: `Zaveit: all ${expected.toLocaleString('en-US')} listed, bare array`, pass: ctx.pass, idealLabel: '1 raw GET', budget: BUDGETS.loadAll },
    runs.ext,
    runs.raw,
  );
}

export async function zaveitListPagedFigure(ctx: NetworkContext<ZaveitClient>): Promise<Row> {
  const { client, raw, sandbox } = ctx;
  const expected = sandbox.count;
  const perPage = DEFAULT_PER_PAGE;
  const ours = await client.listAllProducts({ onPage: () => undefined });
  const theirs = await rawZaveitPages(raw, perPage);
  check(!ours.unpaged && !ours.truncated, 'the sandbox pages, and every page was loaded');
  check(ours.requests === theirs.requests, `both sides make the same requests (${ours.requests} and ${theirs.requests})`);
  const runs = await interleave(
    {
      // As the tree's "Load All Products" calls it: default page size, an onPage callback.
      ext: () => timed(ctx.loadAllBatch, async () => (await client.listAllProducts({ onPage: () => undefined })).items.length, expected),
      raw: () => timed(ctx.loadAllBatch, async () => (await rawZaveitPages(raw, perPage)).loaded, expected),
    },
    ctx.reps,
    ctx.warmup,
  );
  ctx.diagnostics[`zaveitListPaged ${ctx.pass}`] = { requests: ours.requests, perPage, extMedianMs: round(summarize(runs.ext).median), rawMedianMs: round(summarize(runs.raw).median) };
  return comparedRow(
    {
      id: 'zaveitListPaged',
      label: `Zaveit: all ${expected.toLocaleString('en-US')} listed, pages of ${perPage}`,
      pass: ctx.pass,
      idealLabel: `raw, the same ${ours.requests} GETs in turn`,
      budget: BUDGETS.loadAll,
    },
    runs.ext,
    runs.raw,
  );
}
