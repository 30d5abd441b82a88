import assert from 'node:assert/strict';
import { z } from 'zod';
import { classifyNetworkError } from '../../../src/api/http/networkErrors';
import { decodeJson, describeSchemaMismatch, formatIssuePath, issuesToFieldErrors } from '../../../src/api/http/responseBody';
import { errorForStatus, type ErrorContext } from '../../../src/api/http/statusErrors';

const ctx: ErrorContext = {
  service: 'Kelviq',
  environmentLabel: 'Sandbox',
  method: 'PATCH',
  path: '/api/v1/catalog/products/abc/',
  baseUrl: 'https://sandboxapi.kelviq.com/api/v1',
  secrets: ['sk_secret_value_123'],
};
const json = 'application/json';

describe('api/http/statusErrors: errorForStatus', () => {
  const cases: Array<[string, number, string, string | undefined, string, RegExp, Record<string, string[]>?]> = [
    ['401', 401, '{"detail":"Invalid API key."}', json, 'auth', /^The Sandbox API key was rejected \(401\)\. Set a key created in the Sandbox environment\.$/],
    ['403', 403, '{"detail":"You do not have permission."}', json, 'forbidden', /not allowed to do PATCH .* \(403\).*permissions.*"You do not have permission\."/],
    ['404 generic', 404, '{"detail":"Not found."}', json, 'notFound', /has nothing at PATCH/],
    ['405', 405, '{"detail":"Method \\"PUT\\" not allowed."}', json, 'badRequest', /does not allow PATCH .*\(405\)/],
    ['400 field', 400, '{"taxCode":["\\"xyz\\" is not a valid choice."]}', json, 'validation', /^taxCode: "xyz" is not a valid choice\.$/, { taxCode: ['"xyz" is not a valid choice.'] }],
    ['400 detail', 400, '{"detail":"Already archived."}', json, 'badRequest', /^Already archived\.$/, {}],
    ['400 error', 400, '{"error":"Bad thing."}', json, 'badRequest', /^Bad thing\.$/, {}],
    ['400 status-message', 400, '{"status":"Bad request","message":"Malformed request."}', json, 'badRequest', /^Malformed request\.$/, {}],
    ['400 non_field_errors', 400, '{"non_field_errors":["Clash."]}', json, 'badRequest', /^Clash\.$/, {}],
    ['400 empty body', 400, '', undefined, 'badRequest', /rejected PATCH .* \(400\) without saying why/],
    ['422 field', 422, '{"name":["Required."]}', json, 'validation', /^name: Required\.$/, { name: ['Required.'] }],
    ['409', 409, '{"detail":"Edited by someone else."}', json, 'conflict', /^Edited by someone else\.$/],
    ['409 no body', 409, '', undefined, 'conflict', /conflicts with the current state \(409\)/],
    ['428', 428, '{"status":"error","message":"If-Match required."}', json, 'conflict', /^If-Match required\.$/],
    ['429', 429, '{"detail":"Request was throttled."}', json, 'rateLimited', /limiting the request rate \(429\)/],
    ['500', 500, '{"detail":"A server error occurred."}', json, 'server', /^Kelviq \(Sandbox\) answered 500 Internal Server Error for PATCH .*Kelviq said: "A server error occurred\."$/],
    ['503', 503, '', undefined, 'server', /^Kelviq \(Sandbox\) answered 503 Service Unavailable for PATCH /],
    ['502 HTML page is still a server error', 502, '<html><body>Bad Gateway</body></html>', 'text/html', 'server', /answered 502 Bad Gateway/],
    ['404 HTML page → badResponse naming the base URL', 404, '<html>nope</html>', 'text/html', 'badResponse', /404 .* an HTML page \(text\/html\) instead of JSON\. Check that the API base URL \(https:\/\/sandboxapi/],
    ['400 truncated JSON', 400, '{"name": ["Requ', json, 'badResponse', /malformed or truncated JSON/],
    ['400 short text/plain is a message', 400, 'Bad header', 'text/plain', 'badRequest', /^Bad header$/],
    ['401 HTML is still auth', 401, '<html>login</html>', 'text/html', 'auth', /API key was rejected/],
    ['301 redirect', 301, '', undefined, 'badResponse', /redirect.*Check the API base URL/],
    ['418 other', 418, '{"detail":"Teapot."}', json, 'badRequest', /answered 418 I'm a Teapot to PATCH .*"Teapot\."/],
    ['key echoed by the server is redacted', 400, '{"detail":"Bad key sk_secret_value_123"}', json, 'badRequest', /^Bad key \[redacted\]$/],
  ];
  for (const [name, status, text, contentType, kind, message, fieldErrors] of cases) {
    it(name, () => {
      const result = errorForStatus(ctx, status, text, contentType);
      assert.equal(result.kind, kind);
      assert.match(result.message, message);
      if (fieldErrors) assert.deepEqual({ ...result.fieldErrors }, fieldErrors);
    });
  }
  it('uses the caller-supplied 404 message', () => {
    const result = errorForStatus({ ...ctx, notFoundMessage: 'Product abc does not exist or was archived.' }, 404, '{"detail":"Not found."}', json);
    assert.equal(result.message, 'Product abc does not exist or was archived.');
  });
});

describe('api/http/responseBody', () => {
  const decodeCases: Array<[string, string | undefined, boolean, RegExp?]> = [
    ['{"a":1}', json, true],
    ['{"a":1}', 'application/json; charset=utf-8', true],
    ['{"a":1}', 'application/problem+json', true],
    ['{"a":1}', undefined, true],
    ['{"a":1}', 'text/html', false, /a text\/html body/],
    ['<!DOCTYPE html><html></html>', 'text/html; charset=utf-8', false, /an HTML page \(text\/html\)/],
    ['<html></html>', undefined, false, /an HTML page/],
    ['{"a":', json, false, /malformed or truncated JSON/],
    ['', json, false, /an empty body/],
  ];
  for (const [text, type, ok, reason] of decodeCases) {
    it(`decodeJson(${JSON.stringify(text)}, ${String(type)}) → ${ok ? 'ok' : 'fails'}`, () => {
      const result = decodeJson(text, type);
      assert.equal(result.ok, ok);
      if (!result.ok && reason) assert.match(result.reason, reason);
    });
  }
  const pathCases: Array<[PropertyKey[], string]> = [[[], '(the body)'], [['results', 3, 'taxCode'], 'results[3].taxCode'], [['images', 0], 'images[0]'], [['count'], 'count']];
  for (const [path, expected] of pathCases) it(`formatIssuePath(${JSON.stringify(path)}) → ${expected}`, () => assert.equal(formatIssuePath(path), expected));

  it('describes the first schema mismatch by its path', () => {
    const schema = z.object({ results: z.array(z.object({ taxCode: z.string() })) });
    const parsed = schema.safeParse({ results: [{ taxCode: 'saas' }, { taxCode: 7 }, { taxCode: null }] });
    assert.ok(!parsed.success);
    assert.match(describeSchemaMismatch(parsed.error), /^results\[1\]\.taxCode: .*expected string.* \(and 1 more\)$/);
  });
  it('maps request-body issues (unknown keys included) to field errors', () => {
    const schema = z.strictObject({ name: z.string().min(1, 'Name is required.') });
    const parsed = schema.safeParse({ name: '', colour: 'red' });
    assert.ok(!parsed.success);
    assert.deepEqual(issuesToFieldErrors(parsed.error), { name: ['Name is required.'], colour: ['is not a field the API accepts.'] });
  });
});

describe('api/http/networkErrors: classifyNetworkError', () => {
  const cases: Array<[string | undefined, string, string | undefined]> = [
    ['ECONNREFUSED', 'network', 'notSent'],
    ['UND_ERR_CONNECT_TIMEOUT', 'network', 'notSent'],
    ['EAI_AGAIN', 'network', 'notSent'],
    ['ENOTFOUND', 'network', undefined],
    ['ECONNRESET', 'network', 'connectionLost'],
    ['UND_ERR_SOCKET', 'network', 'connectionLost'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', 'timeout'],
    ['CERT_HAS_EXPIRED', 'network', undefined],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'network', undefined],
    ['SOMETHING_ELSE', 'network', undefined],
    [undefined, 'network', undefined],
  ];
  for (const [code, kind, failure] of cases) {
    it(`${String(code)} → ${kind} / ${String(failure)}`, () => {
      const result = classifyNetworkError(code);
      assert.equal(result.kind, kind);
      assert.equal(result.failure, failure);
    });
  }
});
