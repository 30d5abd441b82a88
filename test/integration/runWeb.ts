// Runs the extension-host suite (test/integration) inside a real VS Code offline (see
// test/harness/extensionHostSuite.ts), against a sandbox on loopback. Prints mocha's report, then
// checks that no API key or Zaveit token was written to any file of the run. Exits non-zero on any failure.
import path from 'node:path';
import { runExtensionHostSuite } from '../harness/extensionHostSuite';
import { createRunDir, repoRoot } from '../harness/runDir';
import { extensionSettingsFor, filesContaining, OTHER_USER_KEY, startTestSandbox, startTestZaveitSandbox, suiteEnvironment, ZAVEIT_TEST_TOKENS } from '../harness/testEnvironment';
import { REPORT_PREFIX } from './reportPrefix';

const SUITE_TIMEOUT_MS = 8 * 60_000;

async function main(): Promise<number> {
  const sandbox = await startTestSandbox();
  const zaveit = await startTestZaveitSandbox();
  try {
    const run = createRunDir('integration', extensionSettingsFor(sandbox));
    const code = await runExtensionHostSuite({
      run,
      extensionPath: repoRoot,
      suitePath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
      env: suiteEnvironment(sandbox, run.root, zaveit),
      timeoutMs: SUITE_TIMEOUT_MS,
      onLine(line) {
        if (!line.startsWith(REPORT_PREFIX)) return false;
        process.stdout.write(`${line.slice(REPORT_PREFIX.length)}\n`);
        return true;
      },
      async onFailure(page) {
        const shot = path.join(repoRoot, 'test-results', 'integration-failure.png');
        await page.screenshot({ path: shot });
        process.stderr.write(`integration: screenshot ${path.relative(repoRoot, shot)}, logs in ${path.relative(repoRoot, run.logs)}\n`);
      },
    });
    if (code === -1) process.stderr.write(`integration: no result after ${SUITE_TIMEOUT_MS / 1000} s\n`);
    // The browser is closed (its profile flushed) by now: look into every file of the run.
    return Math.max(code === -1 ? 2 : code, checkNoKeyWritten(run.root, [sandbox.apiKey, OTHER_USER_KEY, ...Object.values(ZAVEIT_TEST_TOKENS)]));
  } finally {
    await Promise.all([sandbox.close(), zaveit.close()]);
  }
}

/** After the suite: the key appears in no file of the run (logs, settings, browser profile). */
function checkNoKeyWritten(root: string, secrets: string[]): number {
  const hits = secrets.flatMap((secret) => filesContaining(root, secret));
  // Request lines of either backend (a KELVIQ_TEST_GREP run may make Zaveit requests only): the
  // check looked at logs that hold requests, so "no key found" means something.
  const requestLines = ['GET /api/v1/catalog/products/', 'GET /v2/product'];
  const logs = [...new Set(requestLines.flatMap((line) => filesContaining(root, line)))].filter((f) => f.endsWith('Kelviq.log'));
  if (logs.length === 0) process.stderr.write('key check: FAILED, no Kelviq.log with request lines (kelviq or Zaveit) was found\n');
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
