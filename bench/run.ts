// `npm run bench` (full) and `npm run bench:smoke` (CI): the extension's speed and size against
// the physical limit, on loopback sandboxes (kelviq's, then Zaveit's). Prints a table, writes
// JSON; exits non-zero on any error (a missed budget is reported, not an error). See
// docs/PERFORMANCE.md.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { KelviqClient } from '../src/api';
import { ZaveitClient } from '../src/api/zaveit';
import { missingTool } from '../test/harness/vscodeServer';
import { activationFigures } from './activation/runActivation';
import { firstPageFigure, loadAllFigure } from './figures/listing';
import { openFigure, saveFigures } from './figures/documents';
import { planExpandFigure, planOpenFigure, planSaveFigures } from './figures/planDocuments';
import type { NetworkContext } from './figures/context';
import { packageExtension, repoRoot } from './figures/packaging';
import { validationFigures } from './figures/validation';
import { zaveitOpenFigure, zaveitSaveFigures } from './figures/zaveitDocuments';
import { zaveitListAtOnceFigure, zaveitListPagedFigure } from './figures/zaveitListing';
import { RawClient } from './lib/raw';
import { startSandboxProcess, type RemoteSandbox } from './lib/sandboxProcess';
import type { Row } from './model';
import { parseOptions, type BenchOptions } from './options';
import { formatTable, writeJson } from './report';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** A path inside the repository relative to it (.tools/…), any other as it is. */
const shownPath = (file: string): string => (file.startsWith(`${repoRoot}${path.sep}`) ? path.relative(repoRoot, file) : file);

function contextFor<Client>(client: Client, raw: RawClient, sandbox: RemoteSandbox, options: BenchOptions, latencyMs: number, diagnostics: Record<string, unknown>): NetworkContext<Client> {
  return {
    client,
    raw,
    sandbox,
    pass: `${latencyMs} ms`,
    latencyMs,
    reps: options.reps,
    warmup: options.warmup,
    batch: options.batch(latencyMs),
    loadAllBatch: options.loadAllBatch(latencyMs),
    concurrencies: options.concurrencies,
    diagnostics,
  };
}

async function networkPass(sandbox: RemoteSandbox, options: BenchOptions, latencyMs: number, diagnostics: Record<string, unknown>): Promise<Row[]> {
  await sandbox.setLatency(latencyMs);
  const client = new KelviqClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.credential, environmentLabel: 'Bench' });
  const raw = new RawClient(sandbox.baseUrl, sandbox.credential);
  const ctx = contextFor(client, raw, sandbox, options, latencyMs, diagnostics);
  try {
    const rows: Row[] = [];
    for (const [name, figure] of [
      ['first page', firstPageFigure],
      ['load all', loadAllFigure],
      ['open', openFigure],
    ] as const) {
      log(`  ${name} (${ctx.pass})…`);
      rows.push(await figure(ctx));
    }
    log(`  save (${ctx.pass})…`);
    rows.push(...(await saveFigures(ctx)));
    log(`  plan expand (${ctx.pass})…`);
    rows.push(await planExpandFigure(ctx));
    log(`  plan open (${ctx.pass})…`);
    rows.push(await planOpenFigure(ctx));
    log(`  plan save (${ctx.pass})…`);
    rows.push(...(await planSaveFigures(ctx)));
    return rows;
  } finally {
    await client.close();
    await raw.close();
  }
}

/** The same figures for Zaveit: its client against the same requests sent raw, on its own sandbox. */
async function zaveitPass(sandbox: RemoteSandbox, options: BenchOptions, latencyMs: number, diagnostics: Record<string, unknown>): Promise<Row[]> {
  await sandbox.setLatency(latencyMs);
  const client = new ZaveitClient({ baseUrl: sandbox.baseUrl, token: sandbox.credential, environmentLabel: 'Bench' });
  const raw = new RawClient(sandbox.baseUrl, sandbox.credential);
  const ctx = contextFor(client, raw, sandbox, options, latencyMs, diagnostics);
  try {
    const rows: Row[] = [];
    for (const [name, figure] of [
      ['Zaveit list, bare array', zaveitListAtOnceFigure],
      ['Zaveit list, pages', zaveitListPagedFigure],
      ['Zaveit open', zaveitOpenFigure],
    ] as const) {
      log(`  ${name} (${ctx.pass})…`);
      rows.push(await figure(ctx));
    }
    log(`  Zaveit save (${ctx.pass})…`);
    rows.push(...(await zaveitSaveFigures(ctx)));
    return rows;
  } finally {
    await client.close();
    await raw.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const rows: Row[] = [];
  const diagnostics: Record<string, unknown> = {};
  log(`kelviq bench (${options.mode}): ${options.seed}, ${options.reps} repetition(s), latency ${options.latencies.join(' and ')} ms; load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores`);

  log('validation…');
  rows.push(...validationFigures({ reps: options.reps, keystrokes: options.keystrokes, bigCalls: options.bigCalls }));

  const sandbox = await startSandboxProcess(options.seed);
  try {
    for (const latencyMs of options.latencies) rows.push(...(await networkPass(sandbox, options, latencyMs, diagnostics)));
  } finally {
    await sandbox.close();
  }

  log('Zaveit…');
  const zaveit = await startSandboxProcess(options.productSeed, 'zaveit');
  try {
    for (const latencyMs of options.latencies) rows.push(...(await zaveitPass(zaveit, options, latencyMs, diagnostics)));
  } finally {
    await zaveit.close();
  }

  // The real-VS-Code figures need the toolchain in .tools/, which `npm install` does not bring: without
  // it, every other figure is still measured, and the line says what is missing and how to install it.
  const notInstalled = options.vscode ? missingTool() : undefined;
  const vscodeSkipped = notInstalled
    ? `real VS Code: skipped (activation, heap and Load All in VS Code): it is not installed (${notInstalled.what} missing: ${shownPath(notInstalled.file)}). Install it with \`npm run setup:vscode\` (about 3 min), then run the bench again.`
    : undefined;
  log('production bundle and VSIX…');
  const extension = await packageExtension(true);
  try {
    rows.push(...extension.rows);
    if (vscodeSkipped) {
      log(vscodeSkipped);
      diagnostics.vscode = { skipped: `${notInstalled?.what} is not installed; run npm run setup:vscode` };
    } else if (options.vscode) {
      log(`real VS Code (${options.launches} launch(es))…`);
      const { rows: vscodeRows, results } = await activationFigures(extension.dir, { launches: options.launches, seed: options.productSeed, log, ...(options.profileDir ? { profileDir: options.profileDir } : {}) });
      rows.push(...vscodeRows);
      diagnostics.vscode = results;
    } else {
      log('real VS Code: skipped (--smoke without --with-vscode, or --no-vscode)');
    }
  } finally {
    extension.dispose();
  }

  const measuredVsCode = options.vscode && !vscodeSkipped;
  if (options.profileDir && measuredVsCode) log(`CPU profiles of activation and Load All: ${options.profileDir}`);
  const durationS = Math.round((performance.now() - started) / 100) / 10;
  const config = { seed: options.seed, reps: options.reps, warmup: options.warmup, latencies: options.latencies, concurrencies: options.concurrencies, launches: measuredVsCode ? options.launches : 0, loadAverage: { start: loadAtStart, end: os.loadavg()[0] } };
  process.stdout.write(`\n${formatTable(rows)}\n\n${vscodeSkipped ? `${vscodeSkipped}\n\n` : ''}`);
  writeJson(options.out, { mode: options.mode, config, rows, diagnostics, durationS });
  log(`${durationS} s; results in ${options.out}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
