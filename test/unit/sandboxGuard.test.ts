// The sandbox on a shared machine: who may talk to it (loopback Host, no foreign Origin, the run's
// token for control routes, JSON control bodies), path rules that cannot stall it, a journal of
// bounded size, and the fault options that model a leaking or changing server. Over real loopback
// HTTP (node:http, so that Host and Origin can be set as a browser or a rebinding page would).
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import {
  CONTROL_TOKEN_HEADER, DEMO_API_KEY, globMatches, Journal, JOURNAL_MAX_BODY_BYTES, JOURNAL_MAX_BYTES, MAX_FAULT_RULES, startSandbox,
  type JournalEntry, type Sandbox,
} from '../../sandbox';
import { rawRequest, type RawAnswer, type RawRequestOptions } from './rawRequest';

const send = (sb: Sandbox, path: string, options?: RawRequestOptions): Promise<RawAnswer> => rawRequest(sb.origin, path, options);

const PRODUCTS = '/api/v1/catalog/products/';
const auth = { authorization: `Bearer ${DEMO_API_KEY}` };

describe('sandbox guard', function () {
  let sb: Sandbox;
  let token: Record<string, string>;

  before(async () => {
    sb = await startSandbox({ port: 0 });
    token = { [CONTROL_TOKEN_HEADER]: sb.controlToken };
  });
  after(() => sb.close());
  beforeEach(() => {
    sb.reset();
    sb.journal.clear();
    sb.faults.clear();
  });

  describe('control routes need this run’s token', () => {
    it('a random token per run, long enough not to guess', async () => {
      const other = await startSandbox({ port: 0, seed: 'empty' });
      try {
        assert.match(sb.controlToken, /^[A-Za-z0-9_-]{32}$/);
        assert.notEqual(other.controlToken, sb.controlToken);
      } finally {
        await other.close();
      }
    });

    for (const [route, method] of [['journal', 'GET'], ['journal', 'DELETE'], ['faults', 'GET'], ['faults', 'DELETE'], ['reset', 'POST'], ['info', 'GET']] as const) {
      it(`${method} /__sandbox/${route}: 401 without the token, 401 with a wrong one, answered with it`, async () => {
        assert.equal((await send(sb, `/__sandbox/${route}`, { method })).status, 401);
        assert.equal((await send(sb, `/__sandbox/${route}`, { method, headers: { [CONTROL_TOKEN_HEADER]: `${sb.controlToken.slice(1)}x` } })).status, 401);
        assert.ok((await send(sb, `/__sandbox/${route}`, { method, headers: token })).status < 300);
      });
    }

    it('a rule posted without the token is not added', async () => {
      const res = await send(sb, '/__sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":500,"times":0}' });
      assert.equal(res.status, 401);
      assert.equal(sb.faults.list().length, 0);
    });

    it('control bodies must be application/json (a cross-site form sends text/plain)', async () => {
      const res = await send(sb, '/__sandbox/faults', { method: 'POST', headers: { ...token, 'content-type': 'text/plain' }, body: '{"status":500,"times":0}' });
      assert.equal(res.status, 415);
      assert.equal(sb.faults.list().length, 0);
      const bad = await send(sb, '/__sandbox/faults', { method: 'POST', headers: { ...token, 'content-type': 'application/json' }, body: '{"status":' });
      assert.equal(bad.status, 400);
    });

    it('control requests are never journaled, refused ones included', async () => {
      await send(sb, '/__sandbox/journal');
      await send(sb, '/__sandbox/journal', { headers: token });
      assert.equal(sb.journal.length, 0);
    });
  });

  describe('every route answers loopback Host names only (DNS rebinding names another)', () => {
    const hosts: Array<[string, boolean]> = [
      ['127.0.0.1:PORT', true],
      ['localhost:PORT', true],
      ['[::1]:PORT', true],
      ['evil.example:PORT', false],
      ['127.0.0.1.evil.example:PORT', false],
      ['localhost.evil.example', false],
      ['2130706433:PORT', false],
    ];
    for (const [host, allowed] of hosts) {
      it(`Host: ${host} → ${allowed ? 'answered' : '403, on the API and the control routes'}`, async () => {
        const value = host.replace('PORT', new URL(sb.origin).port);
        const apiAnswer = await send(sb, PRODUCTS, { headers: { ...auth, host: value } });
        const hookAnswer = await send(sb, '/__sandbox/info', { headers: { ...token, host: value } });
        assert.equal(apiAnswer.status, allowed ? 200 : 403);
        assert.equal(hookAnswer.status, allowed ? 200 : 403);
        if (!allowed) assert.match(apiAnswer.text, /loopback host/);
      });
    }

    it('a request without a Host header is refused', async () => {
      const { port } = new URL(sb.origin);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: PRODUCTS, setHost: false, headers: auth }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      assert.ok(status === 400 || status === 403, `${status}`); // node:http itself refuses HTTP/1.1 without Host
    });
  });

  describe('requests that carry a foreign Origin are refused', () => {
    const origins: Array<[string, boolean]> = [
      ['http://127.0.0.1:PORT', true],
      ['http://localhost:PORT', true],
      ['http://127.0.0.1:1', false], // another local server's page
      ['https://evil.example', false],
      ['http://evil.example:PORT', false],
      ['null', false], // sandboxed iframes, file: pages
    ];
    for (const [origin, allowed] of origins) {
      it(`Origin: ${origin} → ${allowed ? 'answered' : '403'}`, async () => {
        const value = origin.replace('PORT', new URL(sb.origin).port);
        assert.equal((await send(sb, PRODUCTS, { headers: { ...auth, origin: value } })).status, allowed ? 200 : 403);
        assert.equal((await send(sb, '/__sandbox/info', { headers: { ...token, origin: value } })).status, allowed ? 200 : 403);
      });
    }

    it('a cross-site fetch (Sec-Fetch-Site: cross-site) is refused even without an Origin', async () => {
      assert.equal((await send(sb, PRODUCTS, { headers: { ...auth, 'sec-fetch-site': 'cross-site' } })).status, 403);
    });

    it('a refused request is neither journaled nor acted on', async () => {
      const before = sb.store.size;
      await send(sb, PRODUCTS, { method: 'POST', headers: { ...auth, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"name":"X","taxCode":"saas"}' });
      assert.equal(sb.store.size, before);
      assert.equal(sb.journal.length, 0);
    });
  });

  describe('path rules: substrings and globs, no regular expressions', () => {
    it('refuses re: rules (a rule like ^/(a+)+$ once hung the server)', () => {
      assert.throws(() => sb.faults.add({ path: 're:^/(a+)+$' }), /path/);
    });

    const globs: Array<[string, string, boolean]> = [
      ['/api/v1/catalog/products/*/', '/api/v1/catalog/products/0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de/', true],
      ['/api/v1/catalog/products/*/', '/api/v1/catalog/products/', false],
      ['/api/v1/catalog/products/*/', '/api/v1/catalog/products/x/settings/', false],
      ['/api/v1/catalog/products/*/settings/', '/api/v1/catalog/products/x/settings/', true],
      ['*', '', true],
      ['*', 'a/b', false],
      ['/a*b*c', '/axxbyyc', true],
      ['/a*b*c', '/axxbyy', false],
      ['/a.b', '/aXb', false], // no other special characters
    ];
    for (const [pattern, path, expected] of globs) {
      it(`glob ${pattern} on ${path} → ${expected}`, () => assert.equal(globMatches(pattern, path), expected));
    }

    it('a pathological glob on a long path answers at once', () => {
      const started = process.hrtime.bigint();
      assert.equal(globMatches(`${'*a'.repeat(120)}b`, 'a'.repeat(2000)), false);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(ms < 500, `${ms} ms`);
    });

    it('a glob rule matches the whole path over HTTP', async () => {
      sb.faults.add({ path: 'glob:/api/v1/catalog/products/*/', status: 500, times: 0 });
      assert.equal((await send(sb, PRODUCTS, { headers: auth })).status, 200);
      assert.equal((await send(sb, `${PRODUCTS}${sb.store.list()[0]!.id}/`, { headers: auth })).status, 500);
    });

    it('keeps at most MAX_FAULT_RULES rules, and patterns and header values short and single-line', () => {
      for (let i = 0; i < MAX_FAULT_RULES; i++) sb.faults.add({ path: `/nothing-${i}`, status: 500 });
      assert.throws(() => sb.faults.add({ status: 500 }), /At most/);
      sb.faults.clear();
      assert.throws(() => sb.faults.add({ path: 'x'.repeat(257) }), /path/);
      assert.throws(() => sb.faults.add({ headers: { 'X-A': 'a\r\nSet-Cookie: x=1' } }), /headers/);
    });
  });

  describe('a journal of bounded size', () => {
    it('keeps a body over 64 KiB cut to 64 KiB and marked, and none of an unauthorised request', async () => {
      const big = JSON.stringify({ name: 'Big', taxCode: 'saas', description: 'd'.repeat(200 * 1024) });
      await send(sb, PRODUCTS, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: big });
      await send(sb, PRODUCTS, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Nope","taxCode":"saas"}' });
      const [kept, unauthorised] = sb.journal.entries() as [JournalEntry, JournalEntry];
      assert.equal(kept.bodyTruncated, true);
      assert.equal(kept.bodyBytes, Buffer.byteLength(big));
      assert.equal(Buffer.byteLength(String(kept.body)), JOURNAL_MAX_BODY_BYTES);
      assert.equal(unauthorised.authorized, false);
      assert.equal(unauthorised.body, null);
      assert.equal(unauthorised.bodyTruncated, true);
    });

    it('holds at most 8 MiB, dropping the oldest entries', () => {
      const journal = new Journal();
      const body = 'x'.repeat(JOURNAL_MAX_BODY_BYTES);
      for (let i = 0; i < 300; i++) {
        journal.record({ requestId: `r${i}`, method: 'POST', path: '/p', query: {}, headers: {}, authorized: true, body, bodyBytes: body.length, status: 201, at: '' });
      }
      assert.ok(journal.byteSize <= JOURNAL_MAX_BYTES, `${journal.byteSize}`);
      assert.ok(journal.length < 300 && journal.length > 100, `${journal.length} entries`);
      assert.equal(journal.entries().at(-1)?.requestId, 'r299');
      journal.clear();
      assert.equal(journal.byteSize, 0);
    });
  });

  describe('fault options for a leaking or changing server', () => {
    it('echoKey sends the request’s key back in a header, in the form asked for', async () => {
      sb.faults.add({ passThrough: true, echoKey: { header: 'X-Request-Id', as: 'base64url' } });
      const res = await send(sb, PRODUCTS, { headers: auth });
      assert.equal(res.status, 200);
      assert.equal(res.headers['x-request-id'], Buffer.from(DEMO_API_KEY).toString('base64url'));
      assert.throws(() => sb.faults.add({ echoKey: { as: 'rot13' } }), /echoKey/);
    });

    it('mutate changes the catalog once the matching answer is made, before the next request', async () => {
      const [first] = sb.store.list();
      sb.faults.add({ path: 'page=1&', mutate: { archive: [first!.id], create: [{ name: 'Made Meanwhile', taxCode: 'ebook' }] } });
      const page = JSON.parse((await send(sb, `${PRODUCTS}?page=1&page_size=50`, { headers: auth })).text) as { count: number; results: Array<{ id: string }> };
      assert.equal(page.count, 36, 'the answer is the catalog before the change');
      assert.equal(page.results[0]?.id, first!.id);
      assert.equal(sb.store.get(first!.id), undefined);
      assert.ok(sb.store.list().some((p) => p.name === 'Made Meanwhile'));
      assert.throws(() => sb.faults.add({ mutate: { create: [{ name: 'x', taxCode: 'nope' }] } }), /mutate/);
    });
  });
});
