// The bench's handle on a sandbox (kelviq's or Zaveit's) running in a child process: its address
// and credential, plus the sandbox's own test hooks (latency, journal) over HTTP with its control
// token. Both sandboxes have the same hooks; they are never journaled.
import { fork } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';

export type Backend = 'kelviq' | 'zaveit';

export interface RemoteSandbox {
  readonly backend: Backend;
  readonly origin: string;
  readonly baseUrl: string;
  /** What its API takes as `Authorization: Bearer …`: kelviq's API key, Zaveit's session token. */
  readonly credential: string;
  readonly count: number;
  setLatency(ms: number): Promise<void>;
  clearJournal(): Promise<void>;
  journal(): Promise<Array<{ method: string; path: string; status: number }>>;
  close(): Promise<void>;
}

/** What the child process sends once it listens. */
export interface Ready {
  backend: Backend;
  origin: string;
  baseUrl: string;
  credential: string;
  /** For the control routes (X-Sandbox-Token); never leaves this process. */
  controlToken: string;
  count: number;
}

export async function startSandboxProcess(seed: string, backend: Backend = 'kelviq'): Promise<RemoteSandbox> {
  // Inherits process.execArgv, i.e. tsx's loader: the child runs TypeScript like this process.
  const child = fork(path.join(__dirname, 'sandboxChild.ts'), [backend, seed], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`the sandbox process exited with code ${code} before it was ready`)));
  });
  const hook = async (method: 'GET' | 'POST' | 'DELETE', name: string, body?: unknown): Promise<unknown> => {
    const res = await request(`${ready.origin}/__sandbox/${name}`, {
      method,
      headers: { 'x-sandbox-token': ready.controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`sandbox hook ${method} ${name}: HTTP ${res.statusCode} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const { controlToken: _token, ...shown } = ready;
  return {
    ...shown,
    async setLatency(ms) {
      await hook('POST', 'latency', { ms });
    },
    async clearJournal() {
      await hook('DELETE', 'journal');
    },
    async journal() {
      return (await hook('GET', 'journal')) as Array<{ method: string; path: string; status: number }>;
    },
    async close() {
      child.disconnect();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
