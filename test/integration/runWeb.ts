// Runs the extension-host suite (test/integration) inside a real VS Code offline: VS Code's own
// server from the code-server package, its web workbench in headless Chromium, and the suite
// handed over through the workbench's `payload` (extensionDevelopmentPath/extensionTestsPath), as
// @vscode/test-web does. Prints mocha's report and a summary; exits non-zero on any failure.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from '../harness/browser';
import { createRunDir, repoRoot } from '../harness/runDir';
import { extensionSettingsFor, filesContaining, OTHER_USER_KEY, startTestSandbox, suiteEnvironment } from '../harness/testEnvironment';
import { remoteUri, startVsCodeServer } from '../harness/vscodeServer';
import { REPORT_PREFIX } from './reportPrefix';

const SUITE_TIMEOUT_MS = 8 * 60_000;

async function main(): Promise<number> {
  const sandbox = await startTestSandbox();
  const run = createRunDir('integration', extensionSettingsFor(sandbox));
  const cleanups: Array<() => Promise<void>> = [() => sandbox.close()];
  try {
    const server = await startVsCodeServer('vscode-server', run);
    cleanups.unshift(() => server.stop());
    const { context, page } = await launchBrowser(run);
    cleanups.unshift(() => context.close());

    const testEnv = suiteEnvironment(sandbox, run.root);
    const payload: Array<[string, string]> = [
      ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
      ['extensionTestsPath', remoteUri(server, path.join(repoRoot, 'out', 'test', 'integration', 'index'))],
      ['extensionEnvironment', JSON.stringify(testEnv)],
    ];
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    const workbenchLog = createWriteStream(path.join(run.logs, 'workbench-console.log'));
    cleanups.push(async () => void workbenchLog.end());
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...args);
      for (const part of line.split('\n')) {
        if (part.startsWith(REPORT_PREFIX)) process.stdout.write(`${part.slice(REPORT_PREFIX.length)}\n`);
        else workbenchLog.write(`${part}\n`);
      }
    });
    await page.goto(server.workbenchUrl(run.workspace, payload));
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        process.stderr.write(`integration: no result after ${SUITE_TIMEOUT_MS / 1000} s\n`);
        resolve(2);
      }, SUITE_TIMEOUT_MS).unref(),
    );
    let code = await Promise.race([exitCode, timeout]);
    await context.close(); // flush the browser profile before looking into it
    code = Math.max(code, checkNoKeyWritten(run.root, [sandbox.apiKey, OTHER_USER_KEY]));
    if (code !== 0) {
      const shot = path.join(repoRoot, 'test-results', 'integration-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      process.stderr.write(`integration: screenshot ${path.relative(repoRoot, shot)}, logs in ${path.relative(repoRoot, run.logs)}\n`);
    }
    return code;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

/** After the suite: the key appears in no file of the run (logs, settings, browser profile). */
function checkNoKeyWritten(root: string, secrets: string[]): number {
  const hits = secrets.flatMap((secret) => filesContaining(root, secret));
  const logs = filesContaining(root, 'GET /api/v1/catalog/products/').filter((f) => f.endsWith('Kelviq.log'));
  if (logs.length === 0) process.stderr.write('key check: FAILED, no Kelviq.log with request lines was found\n');
  if (hits.length > 0) process.stderr.write(`key check: FAILED, the API key was written to:\n  ${hits.join('\n  ')}\n`);
  if (logs.length === 0 || hits.length > 0) return 1;
  process.stdout.write(`key check: the API key is in no file of the run; ${logs.length} Kelviq log(s) hold the requests\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`integration: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
