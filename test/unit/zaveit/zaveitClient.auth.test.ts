// Tokens and error bodies: GET /v1/auth/info, expired and unknown tokens, the documented error
// shapes ({message, error: {message, status}} and {message, data, statusCode}), hostile keys in
// error bodies, and the token kept out of every result, error, log line and JSON.stringify.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ApiError } from '../../../src/api/http/errors';
import { parseErrorBody } from '../../../src/api/http/errorBody';
import { ZaveitClient } from '../../../src/api/zaveit/zaveitClient';
import { rejectsWith, sendJson, startRawServer } from '../api/support';
import { EXPIRED_TOKEN, TOKEN_EXP, ZAVEIT_TOKEN, assertNoToken, makeZaveitClient, useZaveitSandbox } from './support';

describe('api/zaveit: tokens and errors (Zaveit sandbox)', () => {
  const ctx = useZaveitSandbox();

  it('authInfo: tenant, exp in epoch ms, type; the echoed jwt is dropped, so the token is nowhere in the result', async () => {
    const info = await ctx.t.client.authInfo();
    assert.deepEqual(info, { tenant: '64f1c0ffee0000000000a001', childTenants: [], exp: TOKEN_EXP, type: 'api' });
    assertNoToken(info);
    assert.equal(ctx.sandbox.journal.entries()[0]?.path, '/v1/auth/info');
  });

  it('an expired token → auth, in Zaveit words; neither token leaks', async () => {
    const expired = makeZaveitClient(ctx.sandbox.baseUrl, { token: EXPIRED_TOKEN });
    try {
      const error = await rejectsWith(expired.client.authInfo(), 'auth');
      assert.equal(error.message, 'The Sandbox Zaveit token was rejected (401): it has expired or is not valid for this server. Sign in again and set a new token.');
      assert.equal(error.status, 401);
      assert.equal(ctx.sandbox.journal.length, 1, 'a 401 is not retried');
      assertNoToken(error);
      assertNoToken(expired.log);
    } finally {
      await expired.client.close();
    }
  });

  it('"Bearer " pasted with the token is dropped; a token with spaces is refused without echoing it', () => {
    const pasted = new ZaveitClient({ baseUrl: ctx.sandbox.baseUrl, environmentLabel: 'Sandbox', token: `Bearer ${ZAVEIT_TOKEN}` });
    pasted.dispose();
    let caught: unknown;
    try {
      new ZaveitClient({ baseUrl: ctx.sandbox.baseUrl, environmentLabel: 'Sandbox', token: `${ZAVEIT_TOKEN} x` });
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof TypeError);
    assertNoToken(caught);
    assert.throws(() => new ZaveitClient({ baseUrl: 'http://example.com', environmentLabel: 'Custom', token: ZAVEIT_TOKEN }), /plain http/);
  });

  it('a server error that quotes the token: redacted in the message, the log and JSON.stringify(err)', async () => {
    ctx.sandbox.faults.add({ method: 'GET', status: 500, body: { message: `token ${ZAVEIT_TOKEN} is broken`, error: { message: `token ${ZAVEIT_TOKEN}`, status: 500 } } });
    const error = await rejectsWith(ctx.t.client.getProduct('abc'), 'server');
    assert.match(error.message, /Zaveit \(Sandbox\) answered 500 Internal Server Error for GET \/v2\/product\/abc\. Zaveit said: "token \[redacted\]/);
    assertNoToken(error);
    assertNoToken(JSON.parse(JSON.stringify(error)));
    assertNoToken(ctx.t.log);
  });

  it('the auth shape {message, data, statusCode}: data.x paths name the field', async () => {
    ctx.sandbox.faults.add({ method: 'POST', status: 422, body: { message: 'Validation failed', data: { name: 'is taken' }, statusCode: 422 } });
    const error = await rejectsWith(ctx.t.client.createProduct({ name: 'Taken' }), 'validation');
    assert.deepEqual({ ...error.fieldErrors }, { name: ['is taken'] });
    assert.equal(error.message, 'name: is taken');
  });
});

describe('api/zaveit: error bodies with prototype-like keys (raw loopback server)', () => {
  const hostile = [
    { constructor: 'bad', message: 'm1' },
    JSON.parse('{"__proto__": ["polluted"], "message": "m2", "error": {"message": "inner", "status": 400}}') as unknown,
    { toString: ['x'], hasOwnProperty: 'y', data: { constructor: 'z', __proto__x: 'w' }, statusCode: 400 },
  ];

  it('parseErrorBody keeps `constructor` / `__proto__` as ordinary fields and never throws', () => {
    const parsed = parseErrorBody(hostile[1]);
    assert.equal(parsed.message, 'inner');
    assert.deepEqual(Object.getOwnPropertyDescriptor(parsed.fieldErrors, '__proto__')?.value, ['polluted']);
    const proto: unknown = Object.getPrototypeOf(parsed.fieldErrors);
    assert.ok(proto === null || proto === Object.prototype, 'a plain or prototype-free map, never an array prototype');
    assert.deepEqual({ ...parseErrorBody(hostile[0]).fieldErrors }, { constructor: ['bad'] });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('the client turns each into an ApiError without crashing', async () => {
    let i = 0;
    const server = await startRawServer((_req, res) => sendJson(res, 400, hostile[i++ % hostile.length]));
    const { client } = makeZaveitClient(server.baseUrl.replace('/api/v1', ''));
    try {
      for (let n = 0; n < hostile.length; n++) {
        const error = await client.getProduct('p1').catch((e: unknown) => e);
        assert.ok(error instanceof ApiError, inspect(error));
        assert.ok(['validation', 'badRequest'].includes(error.kind));
        assert.doesNotThrow(() => JSON.stringify(error));
      }
    } finally {
      await client.close();
      await server.close();
    }
  });
});
