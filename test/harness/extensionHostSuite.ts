// Runs a test module inside the real VS Code extension host, offline: VS Code's own server with
// the smoke-test driver, its web workbench in Chromium, and the module handed over through the
// workbench's `payload` (extensionDevelopmentPath / extensionTestsPath / extensionEnvironment), as
// @vscode/test-web does. The module's `run()` result comes back through `codeAutomationExit`, and
// every console line of the workbench (the extension host's included) through `codeAutomationLog`.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { RunDir } from './runDir';
import { remoteUri, startVsCodeServer } from './vscodeServer';

export interface ExtensionHostSuite {
  run: RunDir;
  /** The extension folder (package.json + dist/). */
  extensionPath: string;
  /** The compiled module exporting `run()`, without its `.js`. */
  suitePath: string;
  /** Environment of the extension host. Never put a secret here: it travels in the page URL. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Each console line; return true when it is the suite's own (else it goes to the run's log). */
  onLine(line: string): boolean;
  /** Called with the page still open when the suite failed or timed out (e.g. a screenshot). */
  onFailure?(page: Page): Promise<void>;
}

/** The suite's exit code (0 = passed), or -1 when it gave no result within `timeoutMs`. */
export async function runExtensionHostSuite(suite: ExtensionHostSuite): Promise<number> {
  const { run } = suite;
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const server = await startVsCodeServer('vscode-server', run);
    cleanups.unshift(() => server.stop());
    const { context, page } = await launchBrowser(run);
    cleanups.unshift(() => context.close()); // closing also flushes the browser profile to disk
    const workbenchLog = createWriteStream(path.join(run.logs, 'workbench-console.log'));
    cleanups.push(async () => void workbenchLog.end());

    const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      for (const line of format(...args).split('\n')) if (!suite.onLine(line)) workbenchLog.write(`${line}\n`);
    });
    const payload: Array<[string, string]> = [
      ['extensionDevelopmentPath', remoteUri(server, suite.extensionPath)],
      ['extensionTestsPath', remoteUri(server, suite.suitePath)],
      ['extensionEnvironment', JSON.stringify(suite.env)],
    ];
    await page.goto(server.workbenchUrl(run.workspace, payload));
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), suite.timeoutMs).unref());
    const code = await Promise.race([exit, timeout]);
    if (code !== 0) await suite.onFailure?.(page).catch(() => undefined);
    return code;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}
