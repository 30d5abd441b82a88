// `npm start`: the product's one-command demo. Builds and packages the extension, then starts the
// kelviq sandbox with the demo catalog (kept in .run/demo/ between runs), the Zaveit sandbox (its
// demo catalog, in memory) and a real VS Code (code-server) with the extension installed and
// pointed at the kelviq sandbox, behind a random password (scripts/demo.ts), and prints what to
// open, with the Zaveit sandbox's control token of this run (for its switches). Ctrl+C stops
// everything.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startZaveitSandbox, ZAVEIT_DEMO_TOKEN } from '../sandbox/zaveit';
import { repoRoot } from '../test/harness/runDir';
import { freePort } from '../test/harness/vscodeServer';
import { startDemo } from './demo';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

function step(what: string, command: string, commandArgs: string[]): void {
  process.stdout.write(`[start] ${what}…\n`);
  const r = spawnSync(command, commandArgs, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`[start] ${what} failed (exit ${r.status}).\n`);
    process.exit(1);
  }
}

async function portOr(preferred: number): Promise<number> {
  const probe = await fetch(`http://127.0.0.1:${preferred}/`).then(
    () => true,
    () => false,
  );
  if (!probe) return preferred;
  const port = await freePort();
  process.stdout.write(`[start] port ${preferred} is busy; using ${port}\n`);
  return port;
}

async function main(): Promise<void> {
  step('installing the real VS Code (first run only)', 'npx', ['--no-install', 'tsx', 'scripts/setupRealVscode.ts']);
  step('building and packaging the extension', 'npm', ['run', '--silent', 'package']);

  // The demo catalog is kept between runs, beside the demo VS Code's own folders.
  const stateFile = path.join(repoRoot, '.run', 'demo', 'sandbox-state.json');
  const demo = await startDemo({
    label: 'demo',
    persistent: true,
    sandboxPort: await portOr(option('--sandbox-port', 4010)),
    port: await portOr(option('--port', 8080)),
    stateFile,
  });
  const zaveit = await startZaveitSandbox({ port: await portOr(option('--zaveit-port', 4020)), seed: 'demo' });

  process.stdout.write(
    [
      '',
      '  Kelviq Catalog demo is running.',
      '',
      `  Open:      ${demo.url}`,
      `  Password:  ${demo.password}   (new for each run)`,
      `  Sandbox:   ${demo.sandbox.baseUrl}  (demo catalog, saved in ${path.relative(repoRoot, stateFile)})`,
      `  API key:   ${demo.sandbox.apiKey}`,
      `  Zaveit:    ${zaveit.baseUrl}  (Zaveit demo catalog, in memory)`,
      `  Token:     ${ZAVEIT_DEMO_TOKEN}`,
      `  Switches:  ${zaveit.origin}/__sandbox/switches  with header "X-Sandbox-Token: ${zaveit.controlToken}"  (this run only; see sandbox/README.md)`,
      '',
      '  In VS Code: click the Kelviq icon and press "Set API Key": the demo key is filled in, press Enter.',
      '  For Zaveit: click the Zaveit icon, press "Set Token", paste the Zaveit base URL, then the token.',
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\n[start] stopping…\n');
    await demo.stop();
    await zaveit.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  demo.server.process.child.once('exit', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`[start] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
