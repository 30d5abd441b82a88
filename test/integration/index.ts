// The extension-host test suite: `run()` is called by the real VS Code (test-electron on a
// desktop, or the web workbench's `extensionTestsPath` payload offline). Suites are bundled into
// this one file by esbuild and registered here, in a fixed order.
import Mocha from 'mocha';
import { format } from 'node:util';
import { REPORT_PREFIX } from './reportPrefix';

export async function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) =>
    console.log(
      format(...args)
        .split('\n')
        .map((line) => REPORT_PREFIX + line)
        .join('\n'),
    );
  const grep = process.env.KELVIQ_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // Each import runs a suite module's top level, which calls describe()/it() (esbuild keeps
  // these imports lazy, so they run after the globals above exist).
  await import('./smoke.test.js');
  await import('./explorer.test.js');
  await import('./environment.test.js');
  await import('./documents.test.js');
  await import('./saveSafety.test.js');
  await import('./planDocuments.test.js');
  await import('./planDocumentFiles.test.js');
  await import('./plans.test.js');
  await import('./features.test.js');
  await import('./planFiles.test.js');
  await import('./productSettings.test.js');
  await import('./productImages.test.js');
  await import('./zaveit.test.js');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
