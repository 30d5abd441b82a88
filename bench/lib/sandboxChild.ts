// Runs the sandbox in its own process (forked by sandboxProcess.ts), as a real server would be:
// its CPU work then overlaps with the client's instead of sharing one event loop with it.
import { setMaxListeners } from 'node:events';
import { startSandbox, type SeedName } from '../../sandbox';

async function main(): Promise<void> {
  // With added latency every request in flight waits on the server's one "closing" AbortSignal;
  // the ideal client's 32 parallel requests would trip Node's default limit of 10 listeners.
  setMaxListeners(256);
  const seed = (process.argv[2] ?? 'generated:10000') as SeedName;
  const sandbox = await startSandbox({ port: 0, seed });
  const stop = (): void => {
    void sandbox.close().finally(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  // Over IPC only: the control token goes to the parent process, nowhere else.
  process.send?.({ origin: sandbox.origin, baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, controlToken: sandbox.controlToken, count: sandbox.store.size });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench sandbox: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
