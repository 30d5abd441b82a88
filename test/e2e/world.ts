// The e2e world: one sandbox, one code-server with the packaged VSIX installed, one Chromium page
// on its workbench. Mocha root hooks (hooks.ts) build it once and tear it down even on failure.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox';
import { launchBrowser } from '../harness/browser';
import { createRunDir, repoRoot, type RunDir } from '../harness/runDir';
import { extensionSettingsFor, startTestSandbox } from '../harness/testEnvironment';
import { installVsix, startVsCodeServer, type VsCodeServer } from '../harness/vscodeServer';

export const VSIX = path.join(repoRoot, 'kelviq-catalog.vsix');
export const RESULTS = path.join(repoRoot, 'test-results');

/**
 * How long any wait for a state may take (Playwright's default is 30 s). Every wait polls for a
 * state, so a longer ceiling costs nothing when things are quick; on a loaded 2-core machine the
 * workbench can take longer than 30 s, e.g. to restore an editor after a window reload.
 */
const STATE_TIMEOUT_MS = 60_000;

export interface World {
  sandbox: Sandbox;
  run: RunDir;
  server: VsCodeServer;
  context: BrowserContext;
  page: Page;
}

let current: World | undefined;
const cleanups: Array<() => Promise<unknown>> = [];

export function world(): World {
  if (!current) throw new Error('e2e world is not running');
  return current;
}

export async function startWorld(): Promise<World> {
  mkdirSync(RESULTS, { recursive: true });
  const sandbox = await startTestSandbox();
  cleanups.push(() => sandbox.close());
  // Typed text must arrive as typed: no auto-closed quotes or brackets in the test profile.
  const typing = { 'editor.autoClosingQuotes': 'never', 'editor.autoClosingBrackets': 'never', 'editor.autoSurround': 'never' };
  const run = createRunDir('e2e', { ...extensionSettingsFor(sandbox), ...typing });
  installVsix(run, VSIX);
  const server = await startVsCodeServer('code-server', run);
  cleanups.unshift(() => server.stop());
  const { context, page } = await launchBrowser(run);
  cleanups.unshift(() => context.close());
  context.setDefaultTimeout(STATE_TIMEOUT_MS);
  await page.goto(server.workbenchUrl(run.workspace));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  current = { sandbox, run, server, context, page };
  return current;
}

export async function stopWorld(): Promise<void> {
  current = undefined;
  while (cleanups.length > 0) await cleanups.shift()?.().catch(() => undefined);
}
