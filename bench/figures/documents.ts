// Figures 2 and 3: opening a product document and saving a one-field change, through the
// extension's client and domain code versus one raw request; plus the requests a save makes.
import type { ProductDetail } from '../../src/api';
import { serializeProduct, validateProductDocument } from '../../src/domain/kelviq/product';
import { interleave, perCall, summarize } from '../lib/stats';
import { BUDGETS, comparedRow, type Row } from '../model';
import { check, type NetworkContext } from './context';
import { saveLikeExtension, withName } from './saveFlow';

const productPath = (id: string): string => `/catalog/products/${id}/`;

/** Ids of the first page, to spread opens over several products. */
async function someIds(ctx: NetworkContext): Promise<string[]> {
  const page = await ctx.raw.page(1);
  const ids = page.results.map((p) => String(p.id));
  check(ids.length >= 3, 'the catalog has at least three products');
  return ids;
}

/** As the editor opens a document: GET, serialise, validate (the diagnostics run on open). */
async function openLikeExtension(ctx: NetworkContext, id: string): Promise<void> {
  const product = await ctx.client.getProduct(id);
  const text = serializeProduct(product);
  check(validateProductDocument(text, product).length === 0, 'an opened product document has no problems');
}

export async function openFigure(ctx: NetworkContext): Promise<Row> {
  const ids = await someIds(ctx);
  const pick = (i: number): string => ids[i % ids.length] as string;
  const runs = await interleave(
    {
      ext: () => perCall(ctx.batch, (i) => openLikeExtension(ctx, pick(i))),
      raw: () => perCall(ctx.batch, (i) => ctx.raw.json('GET', productPath(pick(i)))),
      // Breakdown (diagnostics): the client's GET alone.
      getOnly: () => perCall(ctx.batch, (i) => ctx.client.getProduct(pick(i))),
    },
    ctx.reps,
    ctx.warmup,
  );
  ctx.diagnostics[`open ${ctx.pass}`] = {
    extMedianMs: summarize(runs.ext).median,
    rawGetMedianMs: summarize(runs.raw).median,
    clientGetProductOnlyMedianMs: summarize(runs.getOnly).median,
  };
  return comparedRow({ id: 'open', label: 'open a product', pass: ctx.pass, idealLabel: '1 raw GET', budget: BUDGETS.open }, runs.ext, runs.raw);
}

export async function saveFigures(ctx: NetworkContext): Promise<Row[]> {
  const [mineId, rawId] = (await someIds(ctx)).slice(1, 3) as [string, string];
  let base: ProductDetail = await ctx.client.getProduct(mineId);
  let n = 0;
  const saveOnce = async (): Promise<void> => {
    const name = `Bench Saved ${ctx.latencyMs} ${++n}`;
    const saved = await saveLikeExtension(ctx.client, base, withName(base, name));
    check(saved.base.name === name, 'the server took the new name');
    base = saved.base;
  };
  // Requests per save, counted by the server.
  await ctx.sandbox.clearJournal();
  await saveOnce();
  const requests = await ctx.sandbox.journal();
  ctx.diagnostics[`save requests ${ctx.pass}`] = requests.map((r) => `${r.method} ${r.path} → ${r.status}`);

  const runs = await interleave(
    {
      ext: () => perCall(ctx.batch, saveOnce),
      raw: () => perCall(ctx.batch, () => ctx.raw.json('PATCH', productPath(rawId), { name: `Bench Raw ${ctx.latencyMs} ${++n}` })),
    },
    ctx.reps,
    ctx.warmup,
  );
  const count = summarize([requests.length]);
  return [
    {
      id: 'saveRequests',
      label: 'requests per save',
      pass: ctx.pass,
      unit: 'requests',
      ext: count,
      budget: BUDGETS.saveRequests,
      note: requests.map((r) => r.method).join(' + '),
    },
    comparedRow({ id: 'save', label: 'save a one-field change', pass: ctx.pass, idealLabel: '1 raw PATCH', budget: BUDGETS.save }, runs.ext, runs.raw),
  ];
}
