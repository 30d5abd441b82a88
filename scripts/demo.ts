// What `npm start` runs, without the build steps, so that a test can start it too: the sandbox
// with the demo catalog, and code-server with the packaged extension pointed at it, behind a
// password. The password is random per run (crypto.randomBytes), reaches code-server in its
// environment only (never the command line, never a file) and is returned to print beside the
// URL. code-server also gets the demo key in KELVIQ_DEMO_API_KEY, which Set API Key fills in for
// this loopback sandbox (src/kelviq/connection/demoKey.ts); the key is still stored only when the
// person confirms it, in VS Code's secret storage.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_API_KEY, DEMO_USER, startSandbox, type Sandbox } from '../sandbox';
import { DEMO_KEY_VARIABLE } from '../src/kelviq/connection/demoKey';
import { createRunDir, repoRoot, type RunDir } from '../test/harness/runDir';
import { extensionSettingsFor } from '../test/harness/testEnvironment';
import { installVsix, startVsCodeServer, type VsCodeServer } from '../test/harness/vscodeServer';

export const DEMO_VSIX = path.join(repoRoot, 'kelviq-catalog.vsix');

export interface DemoOptions {
  /** The run folder is `.run/<label>` (persistent) or a new `.run/<label>-…` (not). */
  label: string;
  /** Keep the run folder and the demo catalog between runs (npm start). */
  persistent: boolean;
  /** 0 = any free port. */
  sandboxPort: number;
  /** 0 = any free port. */
  port: number;
  /** Where the demo catalog is kept; default: none (the seed each time). */
  stateFile?: string;
}

export interface Demo {
  /** The workbench, opening the demo workspace (asks for the password first). */
  readonly url: string;
  /** code-server's password for this run. */
  readonly password: string;
  readonly sandbox: Sandbox;
  readonly server: VsCodeServer;
  readonly run: RunDir;
  stop(): Promise<void>;
}

/** 18 random bytes as 24 base64url characters: a new one for every run. */
export function demoPassword(): string {
  return randomBytes(18).toString('base64url');
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
  if (options.stateFile) mkdirSync(path.dirname(options.stateFile), { recursive: true });
  const sandbox = await startSandbox({
    port: options.sandboxPort,
    seed: 'demo',
    keys: { [DEMO_API_KEY]: DEMO_USER },
    ...(options.stateFile ? { stateFile: options.stateFile } : {}),
  });
  try {
    const run = createRunDir(options.label, extensionSettingsFor(sandbox), options.persistent); // settings name this run's sandbox port
    installVsix(run, DEMO_VSIX);
    const password = demoPassword();
    const server = await startVsCodeServer('code-server', run, {
      port: options.port,
      auth: { password },
      env: { [DEMO_KEY_VARIABLE]: sandbox.apiKey },
    });
    return {
      url: server.workbenchUrl(run.workspace),
      password,
      sandbox,
      server,
      run,
      async stop() {
        await server.stop();
        await sandbox.close();
      },
    };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}
