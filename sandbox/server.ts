// The sandbox HTTP server: node:http plumbing around the catalog API and its storage bucket
// (`/__storage/…`, storageHttp.ts), plus the `/__sandbox/` test hooks (journal, faults, reset,
// latency, switches) and optional persistence to a state file. Every request passes guard.ts first
// (loopback Host, no foreign Origin; the hooks also need this run's control token and JSON bodies).
import { setMaxListeners } from 'node:events';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_PREFIX, type Reply } from './apiSupport';
import { handleApi, isAuthorized } from './router';
import { applyFault, echoHeaders, FaultRegistry, FaultRuleError, isPassThrough, type FaultRule } from './faults';
import { parseControlBody, refuseControl, refuseForeign } from './guard';
import { Journal, journalBody, redactHeaders } from './journal';
import { buildSeed, parseSeed, type SeedName } from './seed';
import { ObjectStorage } from './storage';
import { ClientGoneError, handleStorage, isStoragePath, type StorageReply } from './storageHttp';
import { CatalogStore, type CatalogSnapshot } from './store';
import { applySwitches, DEFAULT_SWITCHES, type SandboxSwitches } from './switches';
import { loadValidators } from './validation';

export const DEMO_API_KEY = 'sk_sandbox_demo_0123456789abcdef';
export const DEMO_USER = 'Demo User';
/** A second identity for "someone else edited it" tests; only active if passed in `keys`. */
export const OTHER_API_KEY = 'sk_sandbox_other_fedcba9876543210';
export const OTHER_USER = 'Other User';
export const HOOK_PREFIX = '/__sandbox/';
const MAX_BODY_BYTES = 1024 * 1024;
const SAVE_DEBOUNCE_MS = 50;

export interface SandboxOptions {
  /** 0 = a random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 'demo'. */
  seed?: SeedName;
  /** API key -> user display name (used for createdBy). Default: the demo key as "Demo User". */
  keys?: Record<string, string>;
  /** Loaded at start if it exists (instead of the seed); rewritten after every change. */
  stateFile?: string;
  /** Fixed delay added to every API request. */
  latencyMs?: number;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** origin + '/api/v1' */
  readonly baseUrl: string;
  /** The first configured key. */
  readonly apiKey: string;
  /**
   * This run's token for the `/__sandbox/` control routes (random, made at start): send it as
   * the `X-Sandbox-Token` header. Give it only to the processes that drive the sandbox.
   */
  readonly controlToken: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly journal: Journal;
  readonly faults: FaultRegistry;
  /** Direct access, e.g. `store.update(id, patch, 'Other User')` to simulate another user. */
  readonly store: CatalogStore;
  /** The storage bucket's objects (uploads by key), e.g. `storage.put('tmp/x/a.png', bytes, 'image/png')`. */
  readonly storage: ObjectStorage;
  /** Delay added to every API request; 0 = none. */
  latencyMs: number;
  /** Control switches (see switches.ts), e.g. `switches.billingProvider = 'disconnected'`. */
  readonly switches: SandboxSwitches;
  /** Restores the initial seed (not the state file) and the default switches, and empties storage; journal and faults stay. */
  reset(): void;
  /** Writes any pending state-file change now. */
  flush(): Promise<void>;
  /** Stops listening, drops keep-alive sockets and flushes the state file. */
  close(): Promise<void>;
}

/** Debounced, atomic (write + rename) snapshots; a crash mid-write never leaves half a file. */
class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly snapshot: () => CatalogSnapshot,
  ) {}

  static load(file: string): CatalogSnapshot | undefined {
    if (!fs.existsSync(file)) return undefined;
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CatalogSnapshot>;
    if (data.version !== 1 || !Array.isArray(data.products) || typeof data.settings !== 'object') {
      throw new Error(`${file} is not a sandbox state file (expected {"version":1,"products":[…],"settings":{…}}).`);
    }
    return data as CatalogSnapshot;
  }

  schedule(): void {
    this.timer ??= setTimeout(() => void this.flush(), SAVE_DEBOUNCE_MS);
  }

  flush(): Promise<void> {
    if (this.timer === undefined) return this.writing;
    clearTimeout(this.timer);
    this.timer = undefined;
    const text = JSON.stringify(this.snapshot());
    this.writing = this.writing.then(async () => {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, text);
      await fs.promises.rename(tmp, this.file);
    });
    return this.writing;
  }
}

function sendJson(res: http.ServerResponse, reply: Reply, baseHeaders: Record<string, string>): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...baseHeaders, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const bytes = Buffer.from(JSON.stringify(reply.body));
  headers['Content-Type'] = 'application/json';
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(reply.status, headers).end(bytes);
}

function sendStorage(res: http.ServerResponse, reply: StorageReply, baseHeaders: Record<string, string>): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...baseHeaders, 'x-amz-request-id': baseHeaders['X-Request-Id'] ?? '', ...reply.headers };
  if (reply.body !== undefined && headers['Content-Length'] === undefined) headers['Content-Length'] = String(reply.body.length);
  res.writeHead(reply.status, headers).end(reply.body);
}

/** A `hold` fault: no answer until the client goes away or the sandbox closes. */
function hold(res: http.ServerResponse, closing: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      closing.removeEventListener('abort', done);
      res.socket?.destroy();
      resolve();
    };
    if (closing.aborted || res.destroyed) return done();
    res.once('close', done);
    closing.addEventListener('abort', done, { once: true });
  });
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

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  loadValidators();
  const seed = parseSeed(options.seed ?? 'demo');
  const keys: Readonly<Record<string, string>> = { ...(options.keys ?? { [DEMO_API_KEY]: DEMO_USER }) };
  const apiKey = Object.keys(keys)[0];
  if (apiKey === undefined) throw new Error('startSandbox: `keys` must contain at least one API key.');
  const store = new CatalogStore((options.stateFile && StateFile.load(options.stateFile)) || buildSeed(seed), { owned: true });
  const state = options.stateFile ? new StateFile(options.stateFile, () => store.snapshot()) : undefined;
  if (state) store.onChange(() => state.schedule());
  const storage = new ObjectStorage();
  const journal = new Journal();
  const faults = new FaultRegistry();
  const closing = new AbortController();
  // Every request waiting out an added latency listens to this signal: no listener limit.
  setMaxListeners(0, closing.signal);
  let latencyMs = options.latencyMs ?? 0;
  const switches: SandboxSwitches = { ...DEFAULT_SWITCHES };
  const reset = (): void => {
    store.restore(buildSeed(seed), { owned: true });
    storage.clear();
    Object.assign(switches, DEFAULT_SWITCHES);
  };

  const controlToken = randomBytes(24).toString('base64url');

  const hooks = (method: string, route: string, raw: string): Reply => {
    const body = parseControlBody(raw);
    if (body === undefined) return { status: 400, body: { detail: 'The body is not valid JSON.' } };
    const key = `${method} ${route}`;
    switch (key) {
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
      case 'POST reset':
        reset();
        return { status: 200, body: { count: store.size } };
      case 'GET switches':
        return { status: 200, body: { ...switches } };
      case 'POST switches': {
        const errors = applySwitches(switches, body ?? {});
        return errors ? { status: 400, body: errors } : { status: 200, body: { ...switches } };
      }
      case 'POST latency': {
        const ms = (body as { ms?: unknown } | null)?.ms;
        if (!Number.isInteger(ms) || (ms as number) < 0) return { status: 400, body: { ms: ['Must be a non-negative integer.'] } };
        latencyMs = ms as number;
        return { status: 200, body: { ms: latencyMs } };
      }
      case 'GET info':
        return { status: 200, body: { origin: sandbox.origin, baseUrl: sandbox.baseUrl, seed, count: store.size, plans: store.plans.size, features: store.features.size, storedObjects: storage.keys().length, latencyMs, switches: { ...switches } } };
      default:
        return { status: 404, body: { detail: 'Not found.' } };
    }
  };

  /** A rule's `mutate`: the catalog changes after this answer was made, before the next request. */
  const mutate = (fault: FaultRule | undefined): void => {
    for (const id of fault?.mutate?.archive ?? []) store.archive(id);
    for (const product of fault?.mutate?.create ?? []) store.create(product, OTHER_USER);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const requestId = `req_${randomBytes(5).toString('hex')}`;
    const base = { 'X-Request-Id': requestId };
    const at = new Date().toISOString();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const isHook = url.pathname.startsWith(HOOK_PREFIX);
    const hasBody = req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
    const refused = refuseForeign(req.headers, port) ?? (isHook ? refuseControl(req.headers, controlToken, hasBody) : undefined);
    if (refused) {
      // Neither read nor journaled: the body of a refused request is never kept.
      res.setHeader('Connection', 'close');
      sendJson(res, refused, base);
      req.resume();
      return;
    }
    if (isStoragePath(url.pathname)) {
      await handleStorageRequest(req, res, url, { requestId, method, at, base });
      return;
    }
    const raw = await readRaw(req);
    if (isHook) {
      sendJson(res, raw === undefined ? { status: 413, body: { detail: 'Request body too large.' } } : hooks(method, url.pathname.slice(HOOK_PREFIX.length).replace(/\/$/, ''), raw), base);
      return;
    }
    const authorized = isAuthorized(req.headers, keys);
    const entry = {
      requestId, method, path: url.pathname, query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers), authorized, ...journalBody(raw, authorized), status: 0, at,
    };
    try {
      if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: closing.signal });
      const fault = faults.take(method, url.pathname, url.search);
      if (fault?.delayMs) await sleep(fault.delayMs, undefined, { signal: closing.signal });
      // A pass-through rule's `headers` and `echoKey` go on the normal answer.
      const headers = { ...base, ...(fault && isPassThrough(fault) ? fault.headers : {}), ...echoHeaders(fault, req.headers.authorization) };
      if (fault?.hold) {
        await hold(res, closing.signal);
        journal.record({ ...entry, status: 0, fault: fault.id });
        return;
      }
      if (fault && !isPassThrough(fault)) {
        const status = res.destroyed ? 0 : applyFault(fault, res, headers);
        mutate(fault);
        journal.record({ ...entry, status, fault: fault.id });
        return;
      }
      const reply = raw === undefined
        ? { status: 413, body: { detail: 'Request body too large.' } }
        : handleApi({ method, url, headers: req.headers, rawBody: raw }, { store, keys, switches, storage });
      mutate(fault);
      sendJson(res, reply, headers);
      journal.record({ ...entry, status: reply.status, ...(fault ? { fault: fault.id } : {}) });
    } catch (error) {
      if (closing.signal.aborted) {
        res.socket?.destroy();
        return;
      }
      console.error('[sandbox] request failed:', error);
      sendJson(res, { status: 500, body: { detail: 'A server error occurred.' } }, base);
      journal.record({ ...entry, status: 500 });
    }
  };

  /**
   * A storage request: latency, then a fault (taken before the body is read, so a `hold` drops an
   * upload's bytes and stores nothing), then storageHttp.ts. Journaled like an API request; an
   * upload's entry keeps the form's fields and the file's name, type and size, not its bytes.
   */
  const handleStorageRequest = async (
    req: http.IncomingMessage, res: http.ServerResponse, url: URL, info: { requestId: string; method: string; at: string; base: Record<string, string> },
  ): Promise<void> => {
    const { requestId, method, at, base } = info;
    const entry = { requestId, method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: redactHeaders(req.headers), authorized: false, body: null as unknown, status: 0, at };
    try {
      if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: closing.signal });
      const fault = faults.take(method, url.pathname, url.search);
      if (fault?.delayMs) await sleep(fault.delayMs, undefined, { signal: closing.signal });
      const headers = { ...base, ...(fault && isPassThrough(fault) ? fault.headers : {}) };
      if (fault?.hold) {
        // Read and dropped, never stored: a paused socket would not notice the client leave.
        req.resume();
        await hold(res, closing.signal);
        journal.record({ ...entry, status: 0, fault: fault.id });
        return;
      }
      if (fault && !isPassThrough(fault)) {
        const status = res.destroyed ? 0 : applyFault(fault, res, headers, 'storage');
        req.resume();
        journal.record({ ...entry, status, fault: fault.id });
        return;
      }
      const reply = await handleStorage(req, url, { storage, referenced: (key) => store.referencesMedia(key), nowMs: () => Date.now() }, requestId);
      req.resume();
      sendStorage(res, reply, headers);
      journal.record({ ...entry, status: reply.status, ...(reply.journalBody !== undefined ? { body: reply.journalBody } : {}), ...(fault ? { fault: fault.id } : {}) });
    } catch (error) {
      if (closing.signal.aborted || res.destroyed || error instanceof ClientGoneError) {
        res.socket?.destroy();
        journal.record({ ...entry, status: 0 });
        return;
      }
      console.error('[sandbox] storage request failed:', error);
      sendStorage(res, { status: 500, headers: { 'Content-Type': 'application/xml' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>') }, base);
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

  const sandbox: Sandbox = {
    origin,
    baseUrl: origin + API_PREFIX,
    apiKey,
    controlToken,
    keys,
    journal,
    faults,
    store,
    storage,
    get latencyMs() {
      return latencyMs;
    },
    set latencyMs(ms: number) {
      latencyMs = ms;
    },
    switches,
    reset,
    flush: () => state?.flush() ?? Promise.resolve(),
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await state?.flush();
    },
  };
  return sandbox;
}
