// The same extension-host suite under @vscode/test-electron, for machines that can download a
// desktop VS Code (`npm run test:electron`). Offline, use runWeb.ts (what `npm test` runs).
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createRunDir, repoRoot } from '../harness/runDir';
import { extensionSettingsFor, startTestSandbox, startTestZaveitSandbox, suiteEnvironment } from '../harness/testEnvironment';

async function main(): Promise<void> {
  const sandbox = await startTestSandbox();
  const zaveit = await startTestZaveitSandbox();
  const run = createRunDir('electron', extensionSettingsFor(sandbox));
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [run.workspace, '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--disable-workspace-trust'],
      extensionTestsEnv: suiteEnvironment(sandbox, run.root, zaveit),
    });
  } finally {
    await Promise.all([sandbox.close(), zaveit.close()]);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`test-electron: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
