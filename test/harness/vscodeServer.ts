// Starts a real VS Code server on 127.0.0.1, with the pinned Node 24 from `.tools/`:
//  - 'code-server': what a person uses (`npm start`, the e2e tests). With `auth`, it asks for a
//    password (passed in the PASSWORD environment variable: never on the command line, which any
//    local user can read, nor in a file); without, it answers anyone (tests on a random port only);
//  - 'vscode-server': VS Code's own server in code-server's package, started with the smoke-test
//    driver on, so the web workbench honours the `payload` that loads an extension test suite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { toolPaths } from '../../scripts/realVsCodePaths';
import { spawnGroup, waitForHttp, type GroupProcess } from './processes';
import { repoRoot, type RunDir } from './runDir';

export type ServerKind = 'code-server' | 'vscode-server';

export interface VsCodeServer {
  readonly origin: string;
  readonly process: GroupProcess;
  /** The workbench URL for a folder, with an optional extension-test payload. */
  workbenchUrl(folder: string, payload?: Array<[string, string]>): string;
  stop(): Promise<void>;
}

export const tools = toolPaths(repoRoot);

/** The first part of the real VS Code toolchain that is missing (what, and the file looked for), if any. */
export function missingTool(): { what: string; file: string } | undefined {
  const parts = [
    { what: 'Node 24', file: tools.node24 },
    { what: 'code-server', file: tools.codeServerEntry },
    { what: 'Chromium', file: tools.chromium },
  ];
  return parts.find((part) => !existsSync(part.file));
}

export function assertToolsInstalled(): void {
  const missing = missingTool();
  if (missing) throw new Error(`${missing.what} is not installed (${path.relative(repoRoot, missing.file)}). Run: npm run setup:vscode`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface VsCodeServerOptions {
  /** Default: a free port. */
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** code-server only: require this password (login page, then a session cookie). */
  auth?: { password: string };
}

export async function startVsCodeServer(kind: ServerKind, run: RunDir, options: VsCodeServerOptions = {}): Promise<VsCodeServer> {
  assertToolsInstalled();
  const port = options.port || (await freePort());
  if (options.auth && kind !== 'code-server') throw new Error('startVsCodeServer: password auth is a code-server option');
  const env = { ...options.env, ...(options.auth ? { PASSWORD: options.auth.password } : {}) };
  const args =
    kind === 'code-server'
      ? [
          tools.codeServerEntry,
          '--config', '/dev/null',
          '--auth', options.auth ? 'password' : 'none',
          '--bind-addr', `127.0.0.1:${port}`,
          '--disable-telemetry',
          '--disable-update-check',
          '--disable-workspace-trust',
          '--disable-getting-started-override',
          '--user-data-dir', run.userData,
          '--extensions-dir', run.extensions,
        ]
      : [
          tools.vscodeServerMain,
          '--host', '127.0.0.1',
          '--port', String(port),
          '--without-connection-token',
          '--accept-server-license-terms',
          '--enable-smoke-test-driver',
          '--disable-workspace-trust',
          '--telemetry-level', 'off',
          '--server-data-dir', run.serverData,
          '--user-data-dir', run.userData,
          '--extensions-dir', run.extensions,
        ];
  const proc = spawnGroup(kind, tools.node24, args, {
    env: run.env(env),
    cwd: run.root,
    logFile: path.join(run.logs, `${kind}.log`),
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(kind === 'code-server' ? `${origin}/healthz` : `${origin}/version`, 60_000, proc.child);
  } catch (err) {
    await proc.stop();
    throw new Error(`${kind} did not start: ${(err as Error).message}. Log: ${path.join(run.logs, `${kind}.log`)}`);
  }

  return {
    origin,
    process: proc,
    workbenchUrl(folder, payload) {
      const url = new URL(origin + '/');
      url.searchParams.set('folder', folder);
      if (payload) url.searchParams.set('payload', JSON.stringify(payload));
      return url.toString();
    },
    stop: () => proc.stop(),
  };

}

/** A `vscode-remote://` URI for a path on the server machine (payload values need them). */
export function remoteUri(server: VsCodeServer, absPath: string): string {
  return `vscode-remote://${new URL(server.origin).host}${absPath}`;
}

/** Installs a packaged VSIX into the run's extensions folder, as a user would. */
export function installVsix(run: RunDir, vsix: string): void {
  if (!existsSync(vsix)) throw new Error(`${path.relative(repoRoot, vsix)} is missing: run npm run package first`);
  const r = spawnSync(
    tools.node24,
    [tools.codeServerEntry, '--config', '/dev/null', '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--install-extension', vsix, '--force'],
    { env: run.env(), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`installing ${path.basename(vsix)} failed:\n${r.stdout}\n${r.stderr}`);
}
