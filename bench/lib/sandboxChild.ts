// Runs a sandbox in its own process (forked by sandboxProcess.ts), as a real server would be:
// its CPU work then overlaps with the client's instead of sharing one event loop with it.
//   sandboxChild.ts kelviq|zaveit generated:N
import { setMaxListeners } from 'node:events';
import { startSandbox, type SeedName } from '../../sandbox';
import { startZaveitSandbox, type ZaveitSeedName } from '../../sandbox/zaveit';
import type { Backend, Ready } from './sandboxProcess';

async function start(backend: Backend, seed: string): Promise<{ ready: Ready; close(): Promise<void> }> {
  if (backend === 'zaveit') {
    const sandbox = await startZaveitSandbox({ port: 0, seed: seed as ZaveitSeedName });
    return { ready: { backend, origin: sandbox.origin, baseUrl: sandbox.baseUrl, credential: sandbox.token, controlToken: sandbox.controlToken, count: sandbox.store.size }, close: () => sandbox.close() };
  }
  const sandbox = await startSandbox({ port: 0, seed: seed as SeedName });
  return { ready: { backend, origin: sandbox.origin, baseUrl: sandbox.baseUrl, credential: sandbox.apiKey, controlToken: sandbox.controlToken, count: sandbox.store.size }, close: () => sandbox.close() };
}

async function main(): Promise<void> {
  // With added latency every request in flight waits on the server's one "closing" AbortSignal;
  // the ideal client's 32 parallel requests would trip Node's default limit of 10 listeners.
  setMaxListeners(256);
  const backend = process.argv[2] === 'zaveit' ? 'zaveit' : 'kelviq';
  const { ready, close } = await start(backend, process.argv[3] ?? 'generated:10000');
  const stop = (): void => {
    void close().finally(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  // Over IPC only: the control token goes to the parent process, nowhere else.
  process.send?.(ready);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench sandbox: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
