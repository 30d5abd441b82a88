// Shared helpers for the API tests: a sandbox with a recognisable key, a client with fast
// retries, a throwaway loopback server for answers the sandbox cannot produce, and a leak check
// that searches every way an error can be printed for the API key.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { ApiError, type ApiErrorKind } from '../../../src/api/http/errors';
import type { RequestLogEntry, RetryInfo } from '../../../src/api/http/types';
import { KelviqClient, type KelviqClientOptions } from '../../../src/api/kelviq/kelviqClient';

/** Long and unusual, so finding it anywhere is certainly a leak. */
export const TEST_KEY = 'sk_sandbox_LEAKCANARY_7f3a9c21e5b84d06';
export const WRONG_KEY = 'sk_sandbox_WRONGCANARY_0b1c2d3e4f5a6978';

export async function startTestSandbox(seed: 'demo' | 'empty' | `generated:${number}` = 'demo'): Promise<Sandbox> {
  return startSandbox({ seed, keys: { [TEST_KEY]: 'Demo User' } });
}

export function resetSandbox(sandbox: Sandbox): void {
  sandbox.reset();
  sandbox.faults.clear();
  sandbox.journal.clear();
  sandbox.latencyMs = 0;
}

export interface Recorded {
  client: KelviqClient;
  log: RequestLogEntry[];
  retries: RetryInfo[];
}

export function makeClient(baseUrl: string, overrides: Partial<KelviqClientOptions> = {}): Recorded {
  const log: RequestLogEntry[] = [];
  const retries: RetryInfo[] = [];
  const client = new KelviqClient({
    baseUrl,
    apiKey: TEST_KEY,
    environmentLabel: 'Sandbox',
    timeoutMs: 2_000,
    maxRetries: 3,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 50,
    onRequest: (entry) => log.push(entry),
    onRetry: (info) => retries.push(info),
    ...overrides,
  });
  return { client, log, retries };
}

/** What `promise` rejected with; fails the test (naming `kind`) when it resolves instead. */
export async function rejection(promise: Promise<unknown>, kind: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail(`expected a rejection of kind ${kind}, but the call succeeded`);
}

/** Awaits a rejection and checks it is an ApiError of `kind`; returns it for more checks. */
export async function rejectsWith(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  const caught = await rejection(promise, kind);
  assert.ok(caught instanceof ApiError, `expected an ApiError, got ${inspect(caught)}`);
  assert.equal(caught.kind, kind, `kind ${caught.kind} (message: ${caught.message})`);
  assertNoSecret(caught);
  return caught;
}

/** A secret as a careless server may echo it: any case, base64, base64url, URL-encoded, its first 12 characters. */
export function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret).toString('base64');
  return [secret, secret.toUpperCase(), secret.toLowerCase(), base64, base64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url'), encodeURIComponent(secret), secret.slice(0, 12)];
}

/** Fails if any secret (in any of its secretForms) shows up in util.inspect (deep, hidden), JSON, the stack or the cause chain. */
export function assertNoSecret(value: unknown, secrets: readonly string[] = [TEST_KEY, WRONG_KEY]): void {
  const views = [inspect(value, { depth: Infinity, showHidden: true, getters: true }), JSON.stringify(value) ?? '', String(value)];
  let current: unknown = value;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    views.push(current.stack ?? '', current.message, inspect(current, { depth: Infinity, showHidden: true }));
    current = current.cause;
  }
  for (const form of secrets.flatMap(secretForms)) {
    for (const view of views) assert.ok(!view.includes(form), `secret (${form}) found in: ${view.slice(0, 400)}`);
  }
}

export type RawHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RawServer {
  baseUrl: string;
  requests: Array<{ method: string; url: string; authorization: string | undefined }>;
  connections: number;
  close(): Promise<void>;
}

/** A real loopback server for answers the sandbox cannot script (e.g. 204 with a JSON body). */
export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const requests: RawServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => handler(req, res));
  });
  const state = { connections: 0 };
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export const SAMPLE_PRODUCT = {
  id: '0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de',
  identifier: 'pulse',
  name: 'Pulse',
  description: '',
  taxCode: 'saas',
  createdBy: 'Demo User',
  modifiedOn: '2026-05-20T10:54:41.324224Z',
  images: [],
};

export const MISSING_ID = '11111111-2222-4333-8444-555555555555';

export interface SandboxClientContext {
  sandbox: Sandbox;
  /** A fresh client per test (a test may replace it; it is closed after each test). */
  t: Recorded;
  /** The first product of the seed, for tests that need one. */
  productId: string;
}

/** Registers the hooks every sandbox-backed suite needs and returns what they keep up to date. */
export function useSandboxClient(seed: 'demo' | 'empty' | `generated:${number}` = 'demo'): SandboxClientContext {
  const ctx = {} as SandboxClientContext;
  before(async () => {
    ctx.sandbox = await startTestSandbox(seed);
  });
  after(async () => {
    await ctx.sandbox.close();
  });
  beforeEach(() => {
    resetSandbox(ctx.sandbox);
    ctx.t = makeClient(ctx.sandbox.baseUrl);
    ctx.productId = ctx.sandbox.store.list()[0]?.id ?? '';
  });
  afterEach(async () => {
    await ctx.t.client.close();
  });
  return ctx;
}
