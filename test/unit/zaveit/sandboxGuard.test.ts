// The Zaveit sandbox on a shared machine, with the kelviq sandbox's guard (sandbox/guard.ts):
// loopback Host names only, no foreign Origin, this run's token on the control routes, JSON
// control bodies. Over real loopback HTTP (node:http, so that Host and Origin can be set as a
// browser or a rebinding page would).
import * as assert from 'node:assert/strict';
import { CONTROL_TOKEN_HEADER, startZaveitSandbox, ZAVEIT_DEMO_TOKEN, type ZaveitSandbox } from '../../../sandbox/zaveit';
import { rawRequest, type RawAnswer, type RawRequestOptions } from '../rawRequest';

const PRODUCTS = '/v2/product';
const auth = { authorization: `Bearer ${ZAVEIT_DEMO_TOKEN}` };

describe('sandbox/zaveit guard', function () {
  let sb: ZaveitSandbox;
  let token: Record<string, string>;
  const send = (path: string, options?: RawRequestOptions): Promise<RawAnswer> => rawRequest(sb.origin, path, options);
  const port = (): string => new URL(sb.origin).port;

  before(async () => {
    sb = await startZaveitSandbox({ port: 0 });
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
      const other = await startZaveitSandbox({ port: 0, seed: 'empty' });
      try {
        assert.match(sb.controlToken, /^[A-Za-z0-9_-]{32}$/);
        assert.notEqual(other.controlToken, sb.controlToken);
      } finally {
        await other.close();
      }
    });

    const routes = [['journal', 'GET'], ['journal', 'DELETE'], ['faults', 'GET'], ['faults', 'DELETE'], ['switches', 'GET'], ['reset', 'POST'], ['info', 'GET']] as const;
    for (const [route, method] of routes) {
      it(`${method} /__sandbox/${route}: 401 without the token, 401 with a wrong one, answered with it`, async () => {
        const none = await send(`/__sandbox/${route}`, { method });
        assert.equal(none.status, 401);
        assert.match(none.text, /x-sandbox-token/);
        assert.equal((await send(`/__sandbox/${route}`, { method, headers: { [CONTROL_TOKEN_HEADER]: `${sb.controlToken.slice(1)}x` } })).status, 401);
        assert.ok((await send(`/__sandbox/${route}`, { method, headers: token })).status < 300);
      });
    }

    it('the API’s token is not a control token, and a control token is not an API token', async () => {
      assert.equal((await send('/__sandbox/info', { headers: { [CONTROL_TOKEN_HEADER]: ZAVEIT_DEMO_TOKEN } })).status, 401);
      assert.equal((await send(PRODUCTS, { headers: { authorization: `Bearer ${sb.controlToken}` } })).status, 401);
    });

    it('switches and faults posted without the token change nothing', async () => {
      const json = { 'content-type': 'application/json' };
      assert.equal((await send('/__sandbox/switches', { method: 'POST', headers: json, body: '{"paging":"ignore"}' })).status, 401);
      assert.equal((await send('/__sandbox/faults', { method: 'POST', headers: json, body: '{"status":500,"times":0}' })).status, 401);
      assert.equal(sb.switches.paging, 'honour');
      assert.equal(sb.faults.list().length, 0);
      const withToken = await send('/__sandbox/switches', { method: 'POST', headers: { ...token, ...json }, body: '{"paging":"ignore"}' });
      assert.equal(withToken.status, 200);
      assert.equal(sb.switches.paging, 'ignore');
    });

    it('control bodies must be application/json (a cross-site form sends text/plain) and valid JSON', async () => {
      const res = await send('/__sandbox/switches', { method: 'POST', headers: { ...token, 'content-type': 'text/plain' }, body: '{"paging":"ignore"}' });
      assert.equal(res.status, 415);
      assert.equal(sb.switches.paging, 'honour');
      const bad = await send('/__sandbox/faults', { method: 'POST', headers: { ...token, 'content-type': 'application/json' }, body: '{"status":' });
      assert.equal(bad.status, 400);
      assert.equal(sb.faults.list().length, 0);
    });

    it('control requests are never journaled, refused ones included', async () => {
      await send('/__sandbox/journal');
      await send('/__sandbox/journal', { headers: token });
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
        const value = host.replace('PORT', port());
        const apiAnswer = await send(PRODUCTS, { headers: { ...auth, host: value } });
        const hookAnswer = await send('/__sandbox/info', { headers: { ...token, host: value } });
        assert.equal(apiAnswer.status, allowed ? 200 : 403);
        assert.equal(hookAnswer.status, allowed ? 200 : 403);
        if (!allowed) {
          const body = JSON.parse(apiAnswer.text) as { message: string; error: { message: string; status: number } };
          assert.match(body.message, /loopback host/);
          assert.deepEqual(body.error, { message: body.message, status: 403 }, 'in the documented Zaveit error shape');
        }
      });
    }
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
        const value = origin.replace('PORT', port());
        assert.equal((await send(PRODUCTS, { headers: { ...auth, origin: value } })).status, allowed ? 200 : 403);
        assert.equal((await send('/__sandbox/info', { headers: { ...token, origin: value } })).status, allowed ? 200 : 403);
      });
    }

    it('a cross-site fetch (Sec-Fetch-Site: cross-site) is refused even without an Origin', async () => {
      assert.equal((await send(PRODUCTS, { headers: { ...auth, 'sec-fetch-site': 'cross-site' } })).status, 403);
    });

    it('a refused request is neither journaled nor acted on', async () => {
      const before = sb.store.size;
      const res = await send(PRODUCTS, { method: 'POST', headers: { ...auth, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"name":"X"}' });
      assert.equal(res.status, 403);
      assert.equal(sb.store.size, before);
      assert.equal(sb.journal.length, 0);
    });
  });
});
