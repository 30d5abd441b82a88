// The e2e world: one sandbox, one code-server with the packaged VSIX installed, one Chromium page
// on its workbench. Mocha root hooks (hooks.ts) build it once and tear it down even on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox';
import { launchBrowser } from '../harness/browser';
import { createRunDir, repoRoot, type RunDir } from '../harness/runDir';
import { extensionSettingsFor, startTestSandbox } from '../harness/testEnvironment';
import { startVsCodeServer, tools, type VsCodeServer } from '../harness/vscodeServer';

export const VSIX = path.join(repoRoot, 'kelviq-catalog.vsix');
export const RESULTS = path.join(repoRoot, 'test-results');

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
  if (!existsSync(VSIX)) throw new Error(`${path.relative(repoRoot, VSIX)} is missing: run npm run package first`);
  mkdirSync(RESULTS, { recursive: true });
  const sandbox = await startTestSandbox();
  cleanups.push(() => sandbox.close());
  // Typed text must arrive as typed: no auto-closed quotes or brackets in the test profile.
  const typing = { 'editor.autoClosingQuotes': 'never', 'editor.autoClosingBrackets': 'never', 'editor.autoSurround': 'never' };
  const run = createRunDir('e2e', { ...extensionSettingsFor(sandbox), ...typing });
  installVsix(run);
  const server = await startVsCodeServer('code-server', run);
  cleanups.unshift(() => server.stop());
  const { context, page } = await launchBrowser(run);
  cleanups.unshift(() => context.close());
  await page.goto(server.workbenchUrl(run.workspace));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  current = { sandbox, run, server, context, page };
  return current;
}

export async function stopWorld(): Promise<void> {
  current = undefined;
  while (cleanups.length > 0) await cleanups.shift()?.().catch(() => undefined);
}

function installVsix(run: RunDir): void {
  const r = spawnSync(
    tools.node24,
    [tools.codeServerEntry, '--config', '/dev/null', '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--install-extension', VSIX],
    { env: run.env(), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`installing the VSIX failed:\n${r.stdout}\n${r.stderr}`);
}
