// Every error shape and broken answer the sandbox can produce, and the key kept out of all of it.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ApiError } from '../../../src/api/http/errors';
import { KelviqClient } from '../../../src/api/kelviq/kelviqClient';
import { MISSING_ID, TEST_KEY, WRONG_KEY, assertNoSecret, makeClient, rejectsWith, startTestSandbox, useSandboxClient } from './support';

describe('api/kelviq: KelviqClient errors (sandbox)', () => {
  const ctx = useSandboxClient();

  it('401: a key from another environment names the environment, and neither key leaks', async () => {
    const other = makeClient(ctx.sandbox.baseUrl, { apiKey: WRONG_KEY });
    try {
      const error = await rejectsWith(other.client.listProducts(), 'auth');
      assert.equal(error.message, 'The Sandbox API key was rejected (401). Set a key created in the Sandbox environment.');
      assert.equal(error.status, 401);
      assert.equal(error.retryable, false);
      assert.equal(ctx.sandbox.journal.length, 1, 'a 401 is not retried');
      assert.equal(ctx.sandbox.journal.entries()[0]?.authorized, false);
    } finally {
      await other.client.close();
    }
  });

  it('403 → forbidden, with the server words', async () => {
    ctx.sandbox.faults.add({ status: 403, bodyShape: 'detail' });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'forbidden');
    assert.match(error.message, /^The Sandbox API key is not allowed to do GET \/api\/v1\/catalog\/products\/\?page_size=100 \(403\)\. Check the key's permissions/);
    assert.match(error.message, /You do not have permission to perform this action\./);
  });

  const shapes: Array<['field' | 'detail' | 'error' | 'status-message', string, string, Record<string, string[]>]> = [
    ['field', 'validation', 'name: This field is required.', { name: ['This field is required.'] }],
    ['detail', 'badRequest', 'Malformed request.', {}],
    ['error', 'badRequest', 'Malformed request.', {}],
    ['status-message', 'badRequest', 'Malformed request.', {}],
  ];
  for (const [bodyShape, kind, message, fieldErrors] of shapes) {
    it(`400 in the '${bodyShape}' shape → ${kind}: "${message}"`, async () => {
      ctx.sandbox.faults.add({ method: 'POST', status: 400, bodyShape });
      const error = await rejectsWith(ctx.t.client.createProduct({ name: 'X', taxCode: 'saas' }), kind as never);
      assert.equal(error.message, message);
      assert.deepEqual({ ...error.fieldErrors }, fieldErrors);
      assert.equal(error.status, 400);
    });
  }

  it('400 field-keyed: the message names the first problem, all problems are kept', async () => {
    ctx.sandbox.faults.add({ method: 'PATCH', status: 400, body: { taxCode: ['"xyz" is not a valid choice.'], name: ['Too long.'] } });
    const error = await rejectsWith(ctx.t.client.updateProduct(ctx.productId, { name: 'Y' }), 'validation');
    assert.equal(error.message, 'taxCode: "xyz" is not a valid choice. (and 1 more problem)');
    assert.deepEqual({ ...error.fieldErrors }, { taxCode: ['"xyz" is not a valid choice.'], name: ['Too long.'] });
  });

  it('400 non_field_errors → the message, fieldErrors {}', async () => {
    ctx.sandbox.faults.add({ method: 'POST', status: 400, body: { non_field_errors: ['Name and identifier clash.'] } });
    const error = await rejectsWith(ctx.t.client.createProduct({ name: 'X', taxCode: 'saas' }), 'badRequest');
    assert.equal(error.message, 'Name and identifier clash.');
    assert.deepEqual({ ...error.fieldErrors }, {});
  });

  it('422 → validation', async () => {
    ctx.sandbox.faults.add({ status: 422, bodyShape: 'field' });
    const error = await rejectsWith(ctx.t.client.updateProductSettings(ctx.productId, { currency: 'EUR' }), 'validation');
    assert.deepEqual({ ...error.fieldErrors }, { name: ['This field is required.'] });
  });

  it('405 → badRequest', async () => {
    ctx.sandbox.faults.add({ status: 405, bodyShape: 'detail' });
    const error = await rejectsWith(ctx.t.client.archiveProduct(ctx.productId), 'badRequest');
    assert.match(error.message, /does not allow DELETE on \/api\/v1\/catalog\/products\/.*\(405\)/);
  });

  for (const [status, body] of [[409, { detail: 'Someone else changed this product.' }], [428, { status: 'error', message: 'Someone else changed this product.' }]] as const) {
    it(`${status} → conflict with the server message`, async () => {
      ctx.sandbox.faults.add({ status, body });
      const error = await rejectsWith(ctx.t.client.updateProduct(ctx.productId, { name: 'Z' }), 'conflict');
      assert.equal(error.message, 'Someone else changed this product.');
      assert.equal(error.status, status);
    });
  }

  it('500 → server, not retried even for GET', async () => {
    ctx.sandbox.faults.add({ status: 500, times: 0 });
    const error = await rejectsWith(ctx.t.client.getProduct(ctx.productId), 'server');
    assert.equal(error.message, `Kelviq (Sandbox) answered 500 Internal Server Error for GET /api/v1/catalog/products/${ctx.productId}/. Kelviq said: "A server error occurred."`);
    assert.equal(ctx.sandbox.journal.length, 1);
    assert.equal(error.retryable, false);
  });

  it('an nginx HTML 502 page → server (never a SyntaxError), retried for GET', async () => {
    ctx.sandbox.faults.add({ html: true, times: 0 });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'server');
    assert.match(error.message, /^Kelviq \(Sandbox\) answered 502 Bad Gateway for GET .* \(4 attempts\)$/);
    assert.equal(ctx.sandbox.journal.length, 4);
    assert.equal(error.retryable, true);
  });

  it('an HTML page with 200 or 404 → badResponse pointing at the base URL', async () => {
    ctx.sandbox.faults.add({ html: true, status: 200 });
    const ok = await rejectsWith(ctx.t.client.listProducts(), 'badResponse');
    assert.match(ok.message, /answered 200 to GET .* with an HTML page \(text\/html\) instead of JSON\. Check that the API base URL \(http:\/\/127\.0\.0\.1:\d+\/api\/v1\)/);
    ctx.sandbox.faults.add({ html: true, status: 404 });
    const missing = await rejectsWith(ctx.t.client.getProduct(ctx.productId), 'badResponse');
    assert.equal(missing.status, 404);
  });

  it('a body cut off mid-stream → retried for GET, then badResponse', async () => {
    ctx.sandbox.faults.add({ truncate: true, times: 0 });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'badResponse');
    assert.match(error.message, /^The answer from Kelviq \(Sandbox\) to GET .* was cut off/);
    assert.equal(ctx.sandbox.journal.length, 4);
  });

  it('a body cut off once → the retry succeeds', async () => {
    ctx.sandbox.faults.add({ truncate: true, times: 1 });
    const page = await ctx.t.client.listProducts();
    assert.equal(page.count, 36);
    assert.deepEqual(ctx.t.log.map((e) => [e.attempt, e.status]), [[1, 200], [2, 200]]);
    assert.match(ctx.t.log[0]?.error ?? '', /was cut off/);
  });

  it('complete but malformed JSON → badResponse, not retried', async () => {
    ctx.sandbox.faults.add({ status: 200, body: '{"count": 1, "next": null, "resu' });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'badResponse');
    assert.match(error.message, /malformed or truncated JSON/);
    assert.equal(ctx.sandbox.journal.length, 1);
  });

  it('JSON under a wrong content-type → badResponse', async () => {
    ctx.sandbox.faults.add({ status: 200, body: { count: 0, next: null, previous: null, results: [] }, headers: { 'Content-Type': 'text/plain' } });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'badResponse');
    assert.match(error.message, /a text\/plain body instead of JSON/);
  });

  it('an empty 200 → badResponse', async () => {
    ctx.sandbox.faults.add({ status: 200, body: '' });
    const error = await rejectsWith(ctx.t.client.getProduct(ctx.productId), 'badResponse');
    assert.match(error.message, /an empty body/);
  });

  it('a schema mismatch → badResponse naming the field path', async () => {
    ctx.sandbox.faults.add({ status: 200, body: { count: 1, next: null, previous: null, results: [{ id: MISSING_ID, identifier: 'x', name: 'X', taxCode: 7, modifiedOn: 'x' }] } });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'badResponse');
    assert.match(error.message, /^Kelviq \(Sandbox\) sent an unexpected answer to GET .*: results\[0\]\.taxCode: /);
  });

  it('a server that echoes the key never gets it into the error', async () => {
    ctx.sandbox.faults.add({ status: 400, body: { detail: `Key ${TEST_KEY} is not valid here`, [TEST_KEY]: [`bad ${TEST_KEY}`] } });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'validation');
    assert.match(error.message, /\[redacted\]/);
    ctx.sandbox.faults.add({ status: 503, body: { error: `upstream said ${TEST_KEY}` }, times: 0 });
    const server = await rejectsWith(ctx.t.client.listProducts(), 'server');
    assert.match(server.message, /upstream said \[redacted\]/);
    assertNoSecret(ctx.t.log);
  });

  describe('a server that echoes the key in the request-id header, in any form', () => {
    const forms = ['plain', 'upper', 'lower', 'prefix', 'base64', 'base64url', 'url'] as const;
    for (const as of forms) {
      it(`${as}: no request id in the log entry or the error, and no key anywhere`, async () => {
        ctx.sandbox.faults.add({ passThrough: true, echoKey: { header: 'X-Request-Id', as } });
        await ctx.t.client.listProducts({ pageSize: 1 });
        ctx.sandbox.faults.add({ status: 401, bodyShape: 'detail', echoKey: { header: 'X-Request-Id', as } });
        const error = await rejectsWith(ctx.t.client.listProducts({ pageSize: 1 }), 'auth');
        assert.equal(error.requestId, undefined);
        assert.deepEqual(ctx.t.log.map((e) => e.requestId), [undefined, undefined]);
        assertNoSecret(ctx.t.log);
        assertNoSecret(JSON.stringify(error));
      });
    }

    it('keeps a request id in the safe character set, and drops one outside it', async () => {
      ctx.sandbox.faults.add({ passThrough: true, headers: { 'X-Request-Id': 'req_Ab.9:x-1' } });
      ctx.sandbox.faults.add({ passThrough: true, headers: { 'X-Request-Id': '[Open](command:kelviq.signOut)' } });
      ctx.sandbox.faults.add({ passThrough: true, headers: { 'X-Request-Id': 'x'.repeat(129) } });
      for (let i = 0; i < 3; i++) await ctx.t.client.listProducts({ pageSize: 1 });
      assert.deepEqual(ctx.t.log.map((e) => e.requestId), ['req_Ab.9:x-1', undefined, undefined]);
    });
  });

  it('every per-attempt text is redacted, not only the final error', async () => {
    // The content type is the server's word, and it ends up in the attempt's message.
    ctx.sandbox.faults.add({ status: 200, body: 'x', headers: { 'Content-Type': `text/${Buffer.from(TEST_KEY).toString('base64url')}` } });
    await rejectsWith(ctx.t.client.listProducts(), 'badResponse');
    ctx.sandbox.faults.add({ status: 503, body: { detail: `upstream ${TEST_KEY.toUpperCase()}` }, times: 2 });
    await ctx.t.client.listProducts();
    assert.equal(ctx.t.log.length, 4);
    assert.match(ctx.t.log[1]?.error ?? '', /upstream \[redacted\]/);
    assertNoSecret(ctx.t.log);
  });

  it('a server message with link syntax comes out as plain text in the error and the log', async () => {
    ctx.sandbox.faults.add({ status: 500, body: { detail: 'Down. [Set a new key](command:kelviq.setApiKey?%7B%22apiKey%22%3A%22x%22%7D)\n\n$(check) fine' } });
    const error = await rejectsWith(ctx.t.client.listProducts(), 'server');
    assert.ok(!error.message.includes('](command:'), error.message);
    assert.match(error.message, /Kelviq said: "Down\. \[Set a new key\] \(command∶kelviq\.setApiKey/);
    assert.ok(!/\$\(|\n/.test(error.message));
    assert.ok(!String(ctx.t.log[0]?.error).includes('](command:'));
  });

  it('connection refused → network, retried for GET, message names the origin', async () => {
    const port = Number(new URL(ctx.sandbox.origin).port);
    const closed = await startTestSandbox('empty');
    const deadUrl = closed.baseUrl;
    await closed.close();
    const dead = makeClient(deadUrl);
    try {
      const error = await rejectsWith(dead.client.listProducts(), 'network');
      assert.match(error.message, /^Could not reach Kelviq \(Sandbox\) at http:\/\/127\.0\.0\.1:\d+: the connection was refused/);
      assert.equal(error.code, 'ECONNREFUSED');
      // the cause is a scrubbed stand-in, never undici's own error object
      assert.ok(error.cause instanceof Error);
      assert.deepEqual(Object.keys(error.cause), ['name', 'code']);
      assert.equal(error.cause.constructor, Error);
      assert.equal(dead.log.length, 4);
      assert.equal(error.retryable, true);
      assert.ok(port > 0);
    } finally {
      await dead.client.close();
    }
  });

  it('errors serialise usefully (JSON and inspect) and carry no key anywhere', async () => {
    ctx.sandbox.faults.add({ status: 400, bodyShape: 'field' });
    const error = await rejectsWith(ctx.t.client.createProduct({ name: 'X', taxCode: 'saas' }), 'validation');
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    assert.equal(json.kind, 'validation');
    assert.equal(json.message, 'name: This field is required.');
    assert.equal(json.status, 400);
    assert.deepEqual(json.fieldErrors, { name: ['This field is required.'] });
    assert.match(inspect(error), /ApiError: name: This field is required\./);
    assert.ok(error instanceof Error && error instanceof ApiError);
  });

  it('the client object itself does not show the key when inspected', () => {
    assertNoSecret(ctx.t.client);
    assertNoSecret(new KelviqClient({ baseUrl: ctx.sandbox.baseUrl, apiKey: TEST_KEY, environmentLabel: 'Sandbox' }));
  });

  it('constructor: unusable key or base URL → TypeError without the key', () => {
    const bad = [
      { apiKey: '', baseUrl: ctx.sandbox.baseUrl, re: /No Sandbox API key is set/ },
      { apiKey: `${TEST_KEY}\n`, baseUrl: ctx.sandbox.baseUrl, re: null }, // trailing newline trimmed: fine
      { apiKey: `sk ${TEST_KEY}`, baseUrl: ctx.sandbox.baseUrl, re: /contains spaces/ },
      { apiKey: TEST_KEY, baseUrl: 'http://api.kelviq.com/api/v1', re: /unencrypted/ },
    ];
    for (const { apiKey, baseUrl, re } of bad) {
      if (re === null) {
        new KelviqClient({ apiKey, baseUrl, environmentLabel: 'Sandbox' }).dispose();
        continue;
      }
      assert.throws(() => new KelviqClient({ apiKey, baseUrl, environmentLabel: 'Sandbox' }), (e: Error) => {
        assertNoSecret(e);
        return e instanceof TypeError && re.test(e.message);
      });
    }
  });
});
