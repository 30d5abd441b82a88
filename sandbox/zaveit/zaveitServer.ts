// The Zaveit sandbox's HTTP server: node:http plumbing around zaveitApi.ts, the kelviq
// sandbox's request journal, fault rules and guard (imported from ../journal, ../faults and
// ../guard, not copied), and the `/__sandbox/` test hooks. Every request passes the guard first
// (loopback Host, no foreign Origin; the hooks also need this run's control token and JSON
// bodies). `startZaveitSandbox({ port: 0 })` starts one on a free port for tests;
// `npm run sandbox` starts one beside the kelviq sandbox.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyFault, FaultRegistry, FaultRuleError, isPassThrough } from '../faults';
import { parseControlBody, refuseControl, refuseForeign } from '../guard';
import { Journal, redactHeaders } from '../journal';
import { DEFAULT_SWITCHES, errorReply, handleZaveitApi, isZaveitAuthorized, type ZaveitReply, type ZaveitSession, type ZaveitSwitches } from './zaveitApi';
import { loadZaveitValidators } from './requestValidation';
import { buildZaveitSeed, DEMO_TENANT, parseZaveitSeed, type ZaveitSeedName } from './zaveitSeed';
import { ZaveitStore } from './zaveitStore';

/** A valid session token (30 days from start-up) of the demo tenant. */
export const ZAVEIT_DEMO_TOKEN = 'zaveit_sandbox_demo_token_5f2c9a17e3b04d68';
/** A token whose session expired an hour before start-up: every call answers 401 "Session expired". */
export const ZAVEIT_EXPIRED_TOKEN = 'zaveit_sandbox_expired_token_0d4e8b63a1c7f925';
export const ZAVEIT_HOOK_PREFIX = '/__sandbox/';
const MAX_BODY_BYTES = 1024 * 1024;
const HOUR_MS = 3_600_000;

export interface ZaveitSandboxOptions {
  /** 0 = a random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 'demo'. */
  seed?: ZaveitSeedName;
  /** token → session. Default: the demo token (valid 30 days) and the expired token. */
  tokens?: Record<string, ZaveitSession>;
  /** Initial switches (list shape, paging, search, PATCH answer). */
  switches?: Partial<ZaveitSwitches>;
  /** Fixed delay added to every API request. */
  latencyMs?: number;
}

export interface ZaveitSandbox {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The base URL to configure: the origin (the API's paths start at /v1 and /v2). */
  readonly baseUrl: string;
  /** The first configured token. */
  readonly token: string;
  readonly tokens: Readonly<Record<string, ZaveitSession>>;
  /**
   * This run's token for the `/__sandbox/` control routes (random, made at start): send it as
   * the `X-Sandbox-Token` header. Give it only to the processes that drive the sandbox.
   */
  readonly controlToken: string;
  readonly journal: Journal;
  readonly faults: FaultRegistry;
  /** Direct access, e.g. `store.patch(id, { name: 'X' })` to simulate someone else's change. */
  readonly store: ZaveitStore;
  /** Mutable: tests flip them directly (or through POST /__sandbox/switches). */
  readonly switches: ZaveitSwitches;
  latencyMs: number;
  /** Restores the initial seed and the default switches; journal and faults stay. */
  reset(): void;
  /** Stops listening and drops keep-alive sockets. */
  close(): Promise<void>;
}

function send(res: http.ServerResponse, reply: ZaveitReply, baseHeaders: Record<string, string>): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...baseHeaders, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const bytes = Buffer.from(JSON.stringify(reply.body));
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(reply.status, headers).end(bytes);
}

/** The guard's message (its replies are `{detail}`), for a Zaveit-shaped error. */
function refusalText(refused: ZaveitReply): string {
  const detail = (refused.body as { detail?: unknown } | undefined)?.detail;
  return typeof detail === 'string' ? detail : 'Refused.';
}

function parseBody(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

async function readRaw(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Checks a switches update from the hook; returns the problems by field. */
function checkSwitches(input: unknown): { ok: true; value: Partial<ZaveitSwitches> } | { ok: false; errors: Record<string, string> } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, errors: { body: 'Expected a JSON object.' } };
  const value = input as Record<string, unknown>;
  const allowed: Record<keyof ZaveitSwitches, readonly unknown[]> = {
    listShape: ['array', 'data'],
    paging: ['honour', 'ignore'],
    search: ['honour', 'ignore'],
    patchStatus: [0, 404, 405, 501],
    nextWriteAnswer: ['normal', 'reset', 'silence'],
  };
  const errors: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const options = Object.hasOwn(allowed, key) ? allowed[key as keyof ZaveitSwitches] : undefined;
    if (!options) errors[key] = 'Not a switch.';
    else if (!options.includes(value[key])) errors[key] = `Must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}.`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value as Partial<ZaveitSwitches> };
}

export async function startZaveitSandbox(options: ZaveitSandboxOptions = {}): Promise<ZaveitSandbox> {
  loadZaveitValidators();
  const seed = parseZaveitSeed(options.seed ?? 'demo');
  const startedAt = Date.now();
  const tokens: Readonly<Record<string, ZaveitSession>> = {
    ...(options.tokens ?? {
      [ZAVEIT_DEMO_TOKEN]: { tenant: DEMO_TENANT, exp: startedAt + 30 * 24 * HOUR_MS },
      [ZAVEIT_EXPIRED_TOKEN]: { tenant: DEMO_TENANT, exp: startedAt - HOUR_MS },
    }),
  };
  const token = Object.keys(tokens)[0];
  if (token === undefined) throw new Error('startZaveitSandbox: `tokens` must contain at least one token.');
  const store = new ZaveitStore(buildZaveitSeed(seed));
  const journal = new Journal();
  const faults = new FaultRegistry();
  const switches: ZaveitSwitches = { ...DEFAULT_SWITCHES, ...options.switches };
  const closing = new AbortController();
  setMaxListeners(0, closing.signal);
  let latencyMs = options.latencyMs ?? 0;
  const controlToken = randomBytes(24).toString('base64url');
  const now = (): number => Date.now();
  const reset = (): void => {
    store.restore(buildZaveitSeed(seed));
    Object.assign(switches, DEFAULT_SWITCHES, options.switches);
  };

  const hooks = (method: string, route: string, raw: string): ZaveitReply => {
    const body = parseControlBody(raw);
    if (body === undefined) return errorReply(400, 'The body is not valid JSON.');
    switch (`${method} ${route}`) {
      case 'GET journal':
        return { status: 200, body: journal.entries() };
      case 'DELETE journal':
        journal.clear();
        return { status: 204 };
      case 'GET faults':
        return { status: 200, body: faults.list() };
      case 'DELETE faults':
        faults.clear();
        return { status: 204 };
      case 'POST faults':
        try {
          return { status: 201, body: faults.add(body ?? {}) };
        } catch (error) {
          if (error instanceof FaultRuleError) return { status: 400, body: error.fields };
          throw error;
        }
      case 'GET switches':
        return { status: 200, body: { ...switches } };
      case 'POST switches': {
        const checked = checkSwitches(body);
        if (!checked.ok) return { status: 400, body: checked.errors };
        Object.assign(switches, checked.value);
        return { status: 200, body: { ...switches } };
      }
      case 'POST reset':
        reset();
        return { status: 200, body: { count: store.size } };
      case 'POST latency': {
        const ms = (body as { ms?: unknown } | null)?.ms;
        if (!Number.isInteger(ms) || (ms as number) < 0) return { status: 400, body: { ms: 'Must be a non-negative integer.' } };
        latencyMs = ms as number;
        return { status: 200, body: { ms: latencyMs } };
      }
      case 'GET info':
        return { status: 200, body: { origin: sandbox.origin, baseUrl: sandbox.baseUrl, seed, count: store.size, latencyMs, switches: { ...switches } } };
      default:
        return { status: 404, body: { message: 'Not found.' } };
    }
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const requestId = `req_${randomBytes(5).toString('hex')}`;
    const base = { 'X-Request-Id': requestId };
    const at = new Date().toISOString();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const isHook = url.pathname.startsWith(ZAVEIT_HOOK_PREFIX);
    const hasBody = req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
    const refused = refuseForeign(req.headers, port) ?? (isHook ? refuseControl(req.headers, controlToken, hasBody) : undefined);
    if (refused) {
      // Neither read nor journaled: the body of a refused request is never kept. The guard's
      // words, in the documented Zaveit error shape.
      res.setHeader('Connection', 'close');
      send(res, errorReply(refused.status, refusalText(refused)), base);
      req.resume();
      return;
    }
    const raw = await readRaw(req);
    if (isHook) {
      send(res, raw === undefined ? errorReply(413, 'request entity too large') : hooks(method, url.pathname.slice(ZAVEIT_HOOK_PREFIX.length).replace(/\/$/, ''), raw), base);
      return;
    }
    const entry = {
      requestId, method, path: url.pathname, query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers), authorized: isZaveitAuthorized(req.headers, { tokens, now }),
      body: parseBody(raw ?? ''), status: 0, at,
    };
    try {
      if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: closing.signal });
      const fault = faults.take(method, url.pathname, url.search);
      if (fault?.delayMs) await sleep(fault.delayMs, undefined, { signal: closing.signal });
      if (fault && !isPassThrough(fault)) {
        journal.record({ ...entry, status: res.destroyed ? 0 : applyFault(fault, res, base), fault: fault.id });
        return;
      }
      const reply = raw === undefined
        ? errorReply(413, 'request entity too large')
        : handleZaveitApi({ method, url, headers: req.headers, rawBody: raw }, { store, tokens, switches, now });
      const lost = (method === 'POST' || method === 'PATCH') && switches.nextWriteAnswer !== 'normal' ? switches.nextWriteAnswer : undefined;
      if (lost) {
        switches.nextWriteAnswer = 'normal';
        if (lost === 'reset') res.socket?.destroy(); // 'silence': the socket stays open, unanswered, until the client gives up
        journal.record({ ...entry, status: 0 });
        return;
      }
      send(res, reply, base);
      journal.record({ ...entry, status: reply.status, ...(fault ? { fault: fault.id } : {}) });
    } catch (error) {
      if (closing.signal.aborted) {
        res.socket?.destroy();
        return;
      }
      console.error('[zaveit sandbox] request failed:', error);
      send(res, errorReply(500, 'Internal server error'), base);
      journal.record({ ...entry, status: 500 });
    }
  };

  let port = 0; // known once listening; no request arrives before
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostPart}:${address.port}`;

  const sandbox: ZaveitSandbox = {
    origin,
    baseUrl: origin,
    token,
    tokens,
    controlToken,
    journal,
    faults,
    store,
    switches,
    get latencyMs() {
      return latencyMs;
    },
    set latencyMs(ms: number) {
      latencyMs = ms;
    },
    reset,
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return sandbox;
}
