// Figures 5 and 6 in the real VS Code: VS Code's server (from code-server's package) and its web
// workbench in headless Chromium, with the extension folder from packaging.ts (production bundle)
// as extensionDevelopmentPath and bench/activation/suite.ts as extensionTestsPath — the same
// payload route as test/integration/runWeb.ts. One fresh VS Code per launch: activation happens
// once per extension host.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runExtensionHostSuite } from '../../test/harness/extensionHostSuite';
import { createRunDir, repoRoot } from '../../test/harness/runDir';
import { extensionSettingsFor, startTestSandbox } from '../../test/harness/testEnvironment';
import type { Sandbox } from '../../sandbox';
import { summarize } from '../lib/stats';
import { BUDGETS, type Row } from '../model';
import { RESULT_MARKER, type ActivationResult } from './protocol';

const LAUNCH_TIMEOUT_MS = 150_000;
const SUITE_OUT = path.join(repoRoot, 'out', 'bench', 'activation.js');

async function buildSuite(): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'bench', 'activation', 'suite.ts')],
    outfile: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

async function launchOnce(sandbox: Sandbox, extensionDir: string, expectedRows: number, profileDir?: string): Promise<ActivationResult> {
  const run = createRunDir('bench-activation', extensionSettingsFor(sandbox));
  let result: ActivationResult | undefined;
  // The key goes through a file, not the page URL (which the browser keeps).
  const keyFile = path.join(run.root, 'bench-key.txt');
  writeFileSync(keyFile, sandbox.apiKey);
  const env = {
    KELVIQ_BENCH_API_KEY_FILE: keyFile,
    KELVIQ_BENCH_EXPECTED_ROWS: String(expectedRows),
    ...(profileDir ? { KELVIQ_BENCH_PROFILE_DIR: profileDir } : {}),
  };
  const code = await runExtensionHostSuite({
    run,
    extensionPath: extensionDir,
    suitePath: SUITE_OUT.replace(/\.js$/, ''),
    env,
    timeoutMs: LAUNCH_TIMEOUT_MS,
    onLine(line: string) {
      const at = line.indexOf(RESULT_MARKER);
      if (at < 0) return false;
      result = JSON.parse(line.slice(at + RESULT_MARKER.length)) as ActivationResult;
      return true;
    },
  });
  if (code !== 0 || !result) {
    throw new Error(`the activation suite ${code === -1 ? 'timed out' : `exited with ${code}`}${result ? '' : ' without a result'}; logs in ${run.logs}`);
  }
  // Keep the run folder on failure (the error names its logs); drop it on success.
  rmSync(run.root, { recursive: true, force: true });
  return result;
}

export interface ActivationOptions {
  launches: number;
  seed: `generated:${number}`;
  /** Write CPU profiles of the first launch's activation and Load All into this folder. */
  profileDir?: string;
  log: (line: string) => void;
}

export async function activationFigures(extensionDir: string, options: ActivationOptions): Promise<{ rows: Row[]; results: ActivationResult[] }> {
  const { launches, log } = options;
  await buildSuite();
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  const sandbox = await startTestSandbox(options.seed);
  const results: ActivationResult[] = [];
  try {
    for (let i = 1; i <= launches; i++) {
      const result = await launchOnce(sandbox, extensionDir, sandbox.store.size, i === 1 ? options.profileDir : undefined);
      log(`  VS Code launch ${i}/${launches}: activate ${result.activateMs.toFixed(1)} ms, heap +${(result.heapAfterMB - result.heapBeforeMB).toFixed(1)} MB`);
      results.push(result);
    }
  } finally {
    await sandbox.close();
  }
  return { rows: rowsOf(results), results };
}

function rowsOf(results: ActivationResult[]): Row[] {
  const wasActive = results.some((r) => r.wasActive);
  const hosts = results.flatMap((r) => (r.host ? [r.host] : []));
  const rows: Row[] = [
    {
      id: 'activation',
      label: 'activation (await ext.activate())',
      unit: 'ms',
      ext: summarize(results.map((r) => r.activateMs)),
      budget: BUDGETS.activation,
      note: wasActive ? 'INVALID: the extension was already active' : `${results.length} fresh VS Code launches`,
    },
  ];
  if (hosts.length > 0) {
    const host = (id: string, label: string, pick: (h: (typeof hosts)[number]) => number, extra: Partial<Row> = {}): Row => ({
      id,
      label,
      unit: 'ms',
      ext: summarize(hosts.map(pick)),
      ...extra,
    });
    rows.push(
      host('activationHost', '  host marks: load start → activated', (h) => h.totalMs, { budget: BUDGETS.activation, note: 'extension host perf marks' }),
      host('activationHostLoad', '    require() of the bundle', (h) => h.codeLoadingMs),
      host('activationHostContext', '    then waiting for VS Code (storage)', (h) => h.contextWaitMs),
      host('activationHostCall', '    activate() call', (h) => h.activateCallMs),
    );
  }
  rows.push(
    {
      id: 'heapGrowth',
      label: `heap growth, ${results[0]?.rows.toLocaleString('en-US')} products in the tree`,
      unit: 'MB',
      ext: summarize(results.map((r) => r.heapAfterMB - r.heapBeforeMB)),
      note: `gc: ${results[0]?.gc}; before ${results[0]?.heapBeforeMB.toFixed(1)} MB`,
    },
    { id: 'loadAllHost', label: 'Load All Products command in VS Code', unit: 'ms', ext: summarize(results.map((r) => r.loadAllMs)) },
    { id: 'getChildrenHost', label: `  then getChildren() (${results[0]?.rows.toLocaleString('en-US')} nodes)`, unit: 'ms', ext: summarize(results.map((r) => r.getChildrenMs)) },
  );
  return rows;
}
