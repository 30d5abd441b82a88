// Shared helpers for the Zaveit tests: a Zaveit sandbox with a recognisable token, a client with
// fast retries and a request log, and the leak check extended to that token.
import { inspect } from 'node:util';
import assert from 'node:assert/strict';
import { startZaveitSandbox, type ZaveitSandbox, type ZaveitSeedName } from '../../../sandbox/zaveit';
import type { RequestLogEntry, RetryInfo } from '../../../src/api/http/types';
import { ZaveitClient, type ZaveitClientOptions } from '../../../src/api/zaveit/zaveitClient';
import { DEMO_TENANT } from '../../../sandbox/zaveit/zaveitSeed';

/** Long and unusual, so finding it anywhere is certainly a leak. */
export const ZAVEIT_TOKEN = 'zv_LEAKCANARY_eyJ0ZXN0IjoidG9rZW4ifQ_9c41e7a2';
export const EXPIRED_TOKEN = 'zv_EXPIREDCANARY_eyJleHAiOjB9_3b7d1f08';
export const TOKEN_EXP = Date.UTC(2099, 0, 1);

export async function startTestZaveit(seed: ZaveitSeedName = 'demo'): Promise<ZaveitSandbox> {
  return startZaveitSandbox({
    seed,
    tokens: { [ZAVEIT_TOKEN]: { tenant: DEMO_TENANT, exp: TOKEN_EXP }, [EXPIRED_TOKEN]: { tenant: DEMO_TENANT, exp: Date.now() - 60_000 } },
  });
}

export function resetZaveit(sandbox: ZaveitSandbox): void {
  sandbox.reset();
  sandbox.faults.clear();
  sandbox.journal.clear();
  sandbox.latencyMs = 0;
}

export interface RecordedZaveit {
  client: ZaveitClient;
  log: RequestLogEntry[];
  retries: RetryInfo[];
}

export function makeZaveitClient(baseUrl: string, overrides: Partial<ZaveitClientOptions> = {}): RecordedZaveit {
  const log: RequestLogEntry[] = [];
  const retries: RetryInfo[] = [];
  const client = new ZaveitClient({
    baseUrl,
    token: ZAVEIT_TOKEN,
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

/** Fails if a token shows up in util.inspect (deep, hidden), JSON, the stack or the cause chain. */
export function assertNoToken(value: unknown, tokens: readonly string[] = [ZAVEIT_TOKEN, EXPIRED_TOKEN]): void {
  const views = [inspect(value, { depth: Infinity, showHidden: true, getters: true }), JSON.stringify(value) ?? '', String(value)];
  let current: unknown = value;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    views.push(current.stack ?? '', current.message, inspect(current, { depth: Infinity, showHidden: true }));
    current = current.cause;
  }
  for (const token of tokens) for (const view of views) assert.ok(!view.includes(token), `token found in: ${view.slice(0, 400)}`);
}

export interface ZaveitContext {
  sandbox: ZaveitSandbox;
  /** A fresh client per test (closed after each test). */
  t: RecordedZaveit;
}

/** The hooks every Zaveit-sandbox suite needs. */
export function useZaveitSandbox(seed: ZaveitSeedName = 'demo'): ZaveitContext {
  const ctx = {} as ZaveitContext;
  before(async () => {
    ctx.sandbox = await startTestZaveit(seed);
  });
  after(async () => {
    await ctx.sandbox.close();
  });
  beforeEach(() => {
    resetZaveit(ctx.sandbox);
    ctx.t = makeZaveitClient(ctx.sandbox.baseUrl);
  });
  afterEach(async () => {
    assertNoToken(ctx.t.log);
    await ctx.t.client.close();
  });
  return ctx;
}
