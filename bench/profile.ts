// Where the time goes, for docs/PERFORMANCE.md: runs one part of the bench in a loop under the
// inspector's CPU profiler and prints self time by package and by function.
//   npx tsx bench/profile.ts open|save|loadAll|firstPage|keystroke|bigDescription|bigServerField [--latency MS]
//   npx tsx bench/profile.ts zaveitListAtOnce|zaveitLoadAll|zaveitOpen|zaveitSave [--latency MS]
//   npx tsx bench/profile.ts summarize FILE.cpuprofile   (e.g. the extension host's, from `npm run bench -- --profile`)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KelviqClient, type ProductDetail } from '../src/api';
import { ZaveitClient } from '../src/api/zaveit';
import { serializeProduct, validateProductDocument } from '../src/domain/kelviq/product';
import { zaveitProductModel } from '../src/domain/zaveit/product';
import { saveLikeExtension, withName } from './figures/saveFlow';
import { bigServerFieldProduct, longDescriptionProduct, typicalProduct } from './figures/validation';
import { saveZaveitLikeExtension, zaveitWithName } from './figures/zaveitSaveFlow';
import { startCpuProfile, summarizeProfile, type CpuProfile } from './lib/cpuProfile';
import { startSandboxProcess, type RemoteSandbox } from './lib/sandboxProcess';

type Part = (i: number) => Promise<unknown> | unknown;
type Parts = Record<string, { part: Part; times: number }>;

function print(profile: CpuProfile): void {
  const summary = summarizeProfile(profile, 20);
  const rows = (list: Array<[string, number]>): string => list.map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  process.stdout.write(`sampled ${summary.totalMs} ms\nself time by package:\n${rows(summary.byOwner)}\nself time by function:\n${rows(summary.byFunction)}\ninclusive time:\n${rows(summary.inclusive)}\n`);
}

function pureParts(): Record<string, { part: Part; times: number }> {
  const make = (base: ProductDetail, field: 'name' | 'description'): Part => {
    const texts = ['a', 'b'].map((ch) => serializeProduct({ ...base, [field]: `${String(base[field] ?? '')}${ch}` }));
    return (i) => validateProductDocument(texts[i % 2] as string, base);
  };
  return {
    keystroke: { part: make(typicalProduct(), 'name'), times: 5000 },
    bigDescription: { part: make(longDescriptionProduct(), 'description'), times: 40 },
    bigServerField: { part: make(bigServerFieldProduct(), 'name'), times: 20 },
  };
}

async function kelviqParts(sandbox: RemoteSandbox): Promise<Parts> {
  const client = new KelviqClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.credential, environmentLabel: 'Bench' });
  const first = await client.listProducts({ page: 1, pageSize: 100 });
  const ids = first.results.map((p) => p.id);
  let base = await client.getProduct(ids[1] as string);
  return {
    firstPage: { part: () => client.listProducts({ page: 1, pageSize: 100 }), times: 300 },
    loadAll: { part: () => client.listAllProducts(), times: 10 },
    open: {
      part: async (i) => {
        const p = await client.getProduct(ids[i % ids.length] as string);
        validateProductDocument(serializeProduct(p), p);
      },
      times: 1000,
    },
    save: { part: async (i) => (base = (await saveLikeExtension(client, base, withName(base, `Profiled ${i}`))).base), times: 500 },
  };
}

async function zaveitParts(sandbox: RemoteSandbox): Promise<Parts> {
  const client = new ZaveitClient({ baseUrl: sandbox.baseUrl, token: sandbox.credential, environmentLabel: 'Bench' });
  const ids = (await client.listProducts({ page: 1, perPage: 100 })).items.map((p) => p.id);
  let base = await client.getProduct(ids[1] as string);
  return {
    zaveitListAtOnce: { part: () => client.listProductsAtOnce(), times: 10 },
    zaveitLoadAll: { part: () => client.listAllProducts(), times: 10 },
    zaveitOpen: {
      part: async (i) => {
        const p = await client.getProduct(ids[i % ids.length] as string);
        zaveitProductModel.validate(zaveitProductModel.serialize(p), p);
      },
      times: 1000,
    },
    zaveitSave: { part: async (i) => (base = (await saveZaveitLikeExtension(client, base, zaveitWithName(base, `Profiled ${i}`))).base), times: 500 },
  };
}

const NETWORK_PARTS = ['firstPage', 'loadAll', 'open', 'save', 'zaveitListAtOnce', 'zaveitLoadAll', 'zaveitOpen', 'zaveitSave'];

async function main(): Promise<void> {
  const [what = '', ...rest] = process.argv.slice(2);
  if (what === 'summarize') {
    print(JSON.parse(readFileSync(rest[0] ?? '', 'utf8')) as CpuProfile);
    return;
  }
  const latencyAt = rest.indexOf('--latency');
  const latencyMs = latencyAt >= 0 ? Number(rest[latencyAt + 1]) : 0;
  const pure = pureParts()[what];
  if (!pure && !NETWORK_PARTS.includes(what)) throw new Error(`unknown part "${what}": ${[...Object.keys(pureParts()), ...NETWORK_PARTS, 'summarize'].join(', ')}`);
  const zaveit = what.startsWith('zaveit');
  const sandbox = pure ? undefined : await startSandboxProcess('generated:10000', zaveit ? 'zaveit' : 'kelviq');
  try {
    let part: Part;
    let times: number;
    if (pure) ({ part, times } = pure);
    else {
      if (!sandbox) throw new Error('no sandbox');
      await sandbox.setLatency(latencyMs);
      const chosen = (await (zaveit ? zaveitParts(sandbox) : kelviqParts(sandbox)))[what];
      if (!chosen) throw new Error(`unknown part "${what}"`);
      ({ part, times } = chosen);
    }
    for (let i = 0; i < Math.ceil(times / 5); i++) await part(i); // warm up
    const stop = await startCpuProfile();
    for (let i = 0; i < times; i++) await part(i);
    const profile = await stop();
    const file = path.join(__dirname, 'results', 'profiles', `${what}-${latencyMs}ms.cpuprofile`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    process.stdout.write(`${what} × ${times} at ${latencyMs} ms latency → ${path.relative(process.cwd(), file)}\n`);
    print(profile);
  } finally {
    await sandbox?.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`profile failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
