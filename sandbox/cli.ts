// `npm run sandbox -- [--port 4010] [--zaveit-port 4020] [--seed demo|empty|generated:N|generated:N:P] [--state FILE] [--key K[=Name]]…`
// A local kelviq catalog API, and a Zaveit product API on its own port, for trying the extension
// without an account. Loopback only.
import { parseArgs } from 'node:util';
import { parseSeed } from './seed';
import { DEMO_API_KEY, DEMO_USER, startSandbox, type Sandbox } from './server';
import { startZaveitSandbox, ZAVEIT_DEMO_TOKEN, ZAVEIT_EXPIRED_TOKEN, type ZaveitSandbox, type ZaveitSeedName } from './zaveit';

const DEFAULT_PORT = 4010;
const DEFAULT_ZAVEIT_PORT = 4020;
const USAGE = `Usage: npm run sandbox -- [--port ${DEFAULT_PORT}] [--zaveit-port ${DEFAULT_ZAVEIT_PORT}] [--seed demo|empty|generated:N|generated:N:P] [--state FILE] [--key KEY[=Display Name]]... [--latency MS]`;

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

function parseKeys(values: string[] | undefined): Record<string, string> {
  if (!values || values.length === 0) return { [DEMO_API_KEY]: DEMO_USER };
  const keys: Record<string, string> = {};
  for (const value of values) {
    const [key = '', ...name] = value.split('=');
    if (!key.trim()) fail(`--key needs a value. ${USAGE}`);
    keys[key.trim()] = name.join('=').trim() || DEMO_USER;
  }
  return keys;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'zaveit-port': { type: 'string' },
      seed: { type: 'string' },
      state: { type: 'string' },
      key: { type: 'string', multiple: true },
      latency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${values.port}".`);
  const zaveitPort = Number(values['zaveit-port'] ?? DEFAULT_ZAVEIT_PORT);
  if (!Number.isInteger(zaveitPort) || zaveitPort < 0 || zaveitPort > 65535) fail(`--zaveit-port must be 0-65535, got "${values['zaveit-port']}".`);
  const latencyMs = Number(values.latency ?? 0);
  if (!Number.isInteger(latencyMs) || latencyMs < 0) fail(`--latency must be a non-negative integer, got "${values.latency}".`);
  let seed;
  try {
    seed = parseSeed(values.seed ?? 'demo');
  } catch (error) {
    fail((error as Error).message);
  }
  const keys = parseKeys(values.key);

  let sandbox: Sandbox;
  let zaveit: ZaveitSandbox;
  try {
    sandbox = await startSandbox({ port, host: '127.0.0.1', seed, keys, stateFile: values.state, latencyMs });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      fail(`port ${port} on 127.0.0.1 is already in use. Pick another with --port <n> (or --port 0 for any free port).`);
    }
    fail((error as Error).message);
  }
  try {
    // The Zaveit catalog follows --seed (same names; generated:N:P's plans are kelviq's only); it
    // is not persisted by --state.
    const zaveitSeed = seed.replace(/^(generated:\d+):\d+$/, '$1') as ZaveitSeedName;
    zaveit = await startZaveitSandbox({ port: zaveitPort, host: '127.0.0.1', seed: zaveitSeed, latencyMs });
  } catch (error) {
    await sandbox.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      fail(`port ${zaveitPort} on 127.0.0.1 is already in use. Pick another with --zaveit-port <n> (or 0 for any free port).`);
    }
    fail((error as Error).message);
  }

  const [firstKey, firstUser] = Object.entries(sandbox.keys)[0] ?? [sandbox.apiKey, DEMO_USER];
  console.log(`kelviq sandbox ready (${values.state ? `state file ${values.state}` : `seed ${seed}`}, ${sandbox.store.size} products, ${sandbox.store.plans.size} plans)`);
  console.log(`  Base URL: ${sandbox.baseUrl}`);
  console.log(`  API key:  ${firstKey}  (${firstUser})`);
  console.log(`  Try:      curl -H "Authorization: Bearer ${firstKey}" "${sandbox.baseUrl}/catalog/products/?page_size=5"`);
  console.log(`  Hooks:    ${sandbox.origin}/__sandbox/journal  with header "X-Sandbox-Token: ${sandbox.controlToken}" (this run only; see sandbox/README.md)`);
  console.log(`zaveit sandbox ready (seed ${seed}, ${zaveit.store.size} products)`);
  console.log(`  Base URL: ${zaveit.baseUrl}`);
  console.log(`  Token:    ${ZAVEIT_DEMO_TOKEN}  (expired, for trying the sign-in path: ${ZAVEIT_EXPIRED_TOKEN})`);
  console.log(`  Try:      curl -H "Authorization: Bearer ${ZAVEIT_DEMO_TOKEN}" "${zaveit.baseUrl}/v2/product?~page=1&~perPage=5"`);
  console.log(`  Hooks:    ${zaveit.origin}/__sandbox/switches  with header "X-Sandbox-Token: ${zaveit.controlToken}" (this run only; see sandbox/README.md)`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) process.exit(1); // a second Ctrl+C means "now"
    stopping = true;
    console.log(`\n${signal}: stopping sandbox…`);
    Promise.all([sandbox.close(), zaveit.close()]).then(
      () => process.exit(0),
      (error: unknown) => fail(`failed to close cleanly: ${String(error)}`),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
