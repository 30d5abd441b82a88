// Zaveit documents: opening a product and saving a one-field change, through the extension's
// ZaveitClient and the Zaveit document model versus one raw request; plus the requests a save makes.
import type { Product, ZaveitClient } from '../../src/api/zaveit';
import { zaveitProductModel as model } from '../../src/domain/zaveit/product';
import { rawZaveitPage, rawZaveitProductPath } from '../lib/rawZaveit';
import { interleave, perCall, summarize } from '../lib/stats';
import { BUDGETS, comparedRow, type Row } from '../model';
import { check, type NetworkContext } from './context';
import { saveZaveitLikeExtension, zaveitWithName } from './zaveitSaveFlow';

type ZaveitContext = NetworkContext<ZaveitClient>;

/** Ids of the first page, to spread opens over several products. */
async function someIds(ctx: ZaveitContext): Promise<string[]> {
  const ids = (await rawZaveitPage(ctx.raw, 1, 100)).map((p) => String(p.id));
  check(ids.length >= 3, 'the Zaveit catalog has at least three products');
  return ids;
}

/** As the editor opens a document: GET, serialise, validate (the diagnostics run on open). */
async function openLikeExtension(ctx: ZaveitContext, id: string): Promise<void> {
  const product = await ctx.client.getProduct(id);
  const text = model.serialize(product);
  check(model.validate(text, product).every((p) => p.severity !== 'error'), 'an opened Zaveit product document has no errors');
}

export async function zaveitOpenFigure(ctx: ZaveitContext): Promise<Row> {
  const ids = await someIds(ctx);
  const pick = (i: number): string => ids[i % ids.length] as string;
  const runs = await interleave(
    {
      ext: () => perCall(ctx.batch, (i) => openLikeExtension(ctx, pick(i))),
      raw: () => perCall(ctx.batch, (i) => ctx.raw.json('GET', rawZaveitProductPath(pick(i)))),
      // Breakdown (diagnostics): the client's GET alone.
      getOnly: () => perCall(ctx.batch, (i) => ctx.client.getProduct(pick(i))),
    },
    ctx.reps,
    ctx.warmup,
  );
  ctx.diagnostics[`zaveitOpen ${ctx.pass}`] = {
    extMedianMs: summarize(runs.ext).median,
    rawGetMedianMs: summarize(runs.raw).median,
    clientGetProductOnlyMedianMs: summarize(runs.getOnly).median,
  };
  return comparedRow({ id: 'zaveitOpen', label: 'Zaveit: open a product', pass: ctx.pass, idealLabel: '1 raw GET', budget: BUDGETS.open }, runs.ext, runs.raw);
}

export async function zaveitSaveFigures(ctx: ZaveitContext): Promise<Row[]> {
  const [mineId, rawId] = (await someIds(ctx)).slice(1, 3) as [string, string];
  let base: Product = await ctx.client.getProduct(mineId);
  let n = 0;
  const saveOnce = async (): Promise<void> => {
    const name = `Bench Saved ${ctx.latencyMs} ${++n}`;
    const saved = await saveZaveitLikeExtension(ctx.client, base, zaveitWithName(base, name));
    check(saved.base.name === name, 'the Zaveit server took the new name');
    base = saved.base;
  };
  // Requests per save, counted by the server.
  await ctx.sandbox.clearJournal();
  await saveOnce();
  const requests = await ctx.sandbox.journal();
  ctx.diagnostics[`zaveitSave requests ${ctx.pass}`] = requests.map((r) => `${r.method} ${r.path} → ${r.status}`);

  const runs = await interleave(
    {
      ext: () => perCall(ctx.batch, saveOnce),
      raw: () => perCall(ctx.batch, () => ctx.raw.json('PATCH', rawZaveitProductPath(rawId), { name: `Bench Raw ${ctx.latencyMs} ${++n}` })),
    },
    ctx.reps,
    ctx.warmup,
  );
  return [
    {
      id: 'zaveitSaveRequests',
      label: 'Zaveit: requests per save',
      pass: ctx.pass,
      unit: 'requests',
      ext: summarize([requests.length]),
      budget: BUDGETS.saveRequests,
      note: requests.map((r) => r.method).join(' + '),
    },
    comparedRow({ id: 'zaveitSave', label: 'Zaveit: save a one-field change', pass: ctx.pass, idealLabel: '1 raw PATCH', budget: BUDGETS.save }, runs.ext, runs.raw),
  ];
}
