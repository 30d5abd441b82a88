// Child processes for the harness: each server runs in its own process group so that stopping
// it also stops what it spawned (VS Code's extension host outlives a closed page otherwise).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

export interface GroupProcess {
  readonly child: ChildProcess;
  readonly name: string;
  /** Stops the whole process group: SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
}

export function spawnGroup(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; logFile: string },
): GroupProcess {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true, // a new process group whose id is the child's pid
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    name,
    async stop() {
      if (child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const gone = await Promise.race([exited.then(() => true), delay(3000).then(() => false)]);
      // The group may hold grandchildren even after the leader exited.
      signalGroup(child.pid, gone ? 'SIGTERM' : 'SIGKILL');
      await delay(50);
      signalGroup(child.pid, 'SIGKILL');
      log.end();
    },
  };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Polls `url` until it answers (any status below 500) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs: number, whileAlive?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (whileAlive && whileAlive.exitCode !== null) {
      throw new Error(`process exited with code ${whileAlive.exitCode} before ${url} answered`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.status < 500) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await delay(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastError})`);
}
