// Runs inside the real VS Code extension host (the workbench's extensionTestsPath): activates the
// extension and times it, then loads the whole catalog into the Products tree and measures the
// heap. Prints one marked JSON line; the runner (runActivation.ts) collects it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { KelviqExtensionApi } from '../../src/extension';
import { startCpuProfile } from '../lib/cpuProfile';
import { EXTENSION_ID, RESULT_MARKER, type ActivationResult } from './protocol';

const MB = 1024 * 1024;
/** Let the workbench finish starting up first: activation is then measured on a quiet machine. */
const QUIET_BEFORE_ACTIVATION_MS = 3000;

function collector(): { name: string; gc: () => void } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return { name: 'global.gc', gc: exposed };
  try {
    // The extension host is not started with --expose-gc: turn the flag on and take `gc` from a
    // fresh context, where V8 now installs it.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc === 'function') return { name: 'v8 flag', gc };
  } catch {
    // fall through
  }
  return { name: 'none', gc: () => undefined };
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function heapMB(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / MB;
}

interface PerfMark {
  name: string;
  startTime: number;
}

/** VS Code's own marks: in a Node extension host they live in MonacoPerformanceMarks (Date.now() times). */
function allMarks(): PerfMark[] {
  const monaco = (globalThis as { MonacoPerformanceMarks?: { getMarks(): PerfMark[] } }).MonacoPerformanceMarks;
  return monaco ? monaco.getMarks() : performance.getEntriesByType('mark');
}

function hostMarks(): ActivationResult['host'] {
  const marks = allMarks();
  const at = (step: string): number | undefined => marks.find((m) => m.name === `code/extHost/${step}/${EXTENSION_ID}`)?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension'].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) return undefined;
  return { codeLoadingMs: didLoad - willLoad, contextWaitMs: willActivate - didLoad, activateCallMs: didActivate - willActivate, totalMs: didActivate - willLoad };
}

async function profiled<T>(name: string, task: () => Promise<T>): Promise<T> {
  const dir = process.env.KELVIQ_BENCH_PROFILE_DIR;
  if (!dir) return task();
  const stop = await startCpuProfile();
  try {
    return await task();
  } finally {
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(await stop()));
  }
}

export async function run(): Promise<void> {
  const keyFile = process.env.KELVIQ_BENCH_API_KEY_FILE;
  const apiKey = keyFile ? readFileSync(keyFile, 'utf8').trim() : undefined;
  const expected = Number(process.env.KELVIQ_BENCH_EXPECTED_ROWS);
  if (!apiKey || !expected) throw new Error('KELVIQ_BENCH_API_KEY_FILE / KELVIQ_BENCH_EXPECTED_ROWS are not set: run through bench/activation/runActivation.ts');
  const ext = vscode.extensions.getExtension<KelviqExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);

  await settle(QUIET_BEFORE_ACTIVATION_MS);
  const wasActive = ext.isActive;
  const started = performance.now();
  const api = await profiled('activation', () => Promise.resolve(ext.activate()));
  const activateMs = performance.now() - started;
  const host = hostMarks();

  const { name, gc } = collector();
  if ((await vscode.commands.executeCommand<boolean>('kelviq.setApiKey', { apiKey })) !== true) throw new Error('the API key was not accepted');
  // Show the Products view, as a person would, so VS Code holds the tree's items too.
  await vscode.commands.executeCommand('workbench.view.extension.kelviq');
  await api.products.getChildren();
  await settle(500);
  const heapBeforeMB = heapMB(gc);

  const loadStarted = performance.now();
  await profiled('load-all', () => Promise.resolve(vscode.commands.executeCommand('kelviq.loadAllProducts')));
  const loadAllMs = performance.now() - loadStarted;
  const childrenStarted = performance.now();
  const rows = (await profiled('get-children', () => api.products.getChildren())).length;
  const getChildrenMs = performance.now() - childrenStarted;
  if (rows !== expected) throw new Error(`the tree shows ${rows} rows after Load All, expected ${expected}`);
  await settle(1500); // the workbench fetches and renders the new rows
  const heapAfterMB = heapMB(gc);

  const result: ActivationResult = { wasActive, activateMs, ...(host ? { host } : {}), gc: name, heapBeforeMB, heapAfterMB, rows, loadAllMs, getChildrenMs };
  console.log(RESULT_MARKER + JSON.stringify(result));
}
