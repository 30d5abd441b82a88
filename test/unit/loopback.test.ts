// The one loopback rule (src/domain/environment/loopback.ts) as a table, and every place that
// must apply it: the API client (parseBaseUrl), the Custom environment check and the sandbox's
// Host header check all agree on every row.
import * as assert from 'node:assert/strict';
import { parseBaseUrl } from '../../src/api/http/baseUrl';
import { checkCustomBaseUrl, isLoopbackAuthority, isLoopbackHost, isLoopbackUrl } from '../../src/domain/environment';

describe('domain/environment/loopback', () => {
  const hosts: Array<[string, boolean]> = [
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.0.0.0', true],
    ['127.1.2.3', true],
    ['127.255.255.255', true],
    ['[::1]', true],
    ['127.256.0.1', false],
    ['127.0.0.01', false], // leading zeros: another spelling
    ['127.1', false],
    ['127.0.0.1.', false],
    ['0x7f.1', false],
    ['0x7f000001', false],
    ['2130706433', false],
    ['017700000001', false],
    ['::1', false], // URL.hostname keeps the brackets
    ['[0:0:0:0:0:0:0:1]', false],
    ['[::ffff:7f00:1]', false],
    ['127.evil.com', false],
    ['127.0.0.1.evil.com', false],
    ['localhost.evil.com', false],
    ['evil.localhost.com', false],
    ['mylocalhost', false],
    ['localhost.', false],
    ['128.0.0.1', false],
    ['10.0.0.5', false],
    ['0.0.0.0', false],
    ['', false],
  ];
  describe('isLoopbackHost', () => {
    for (const [host, expected] of hosts) it(`${JSON.stringify(host)} → ${expected}`, () => assert.equal(isLoopbackHost(host), expected));
  });

  const urls: Array<[string, boolean]> = [
    ['http://127.0.0.1:4010/api/v1', true],
    ['http://127.9.8.7/api/v1', true],
    ['http://localhost:4010', true],
    ['http://LocalHost:4010/', true],
    ['http://[::1]:4010/api/v1', true],
    ['https://127.0.0.1/api/v1', true],
    ['  http://127.0.0.1:4010/api/v1  ', true],
    ['http://127.evil.com/api/v1', false],
    ['http://127.0.0.1.evil.com/api/v1', false],
    ['http://localhost.evil.com/', false],
    ['http://0x7f.1/', false], // the URL parser rewrites it to 127.0.0.1: refused as written
    ['http://2130706433/', false],
    ['http://127.1:4010/', false],
    ['http://127.0.0.1./', false],
    ['http://127.0.0.1%2e/', false],
    ['http://[0:0:0:0:0:0:0:1]/', false],
    ['http://127.0.0.1@evil.com/', false],
    ['http://user:pw@127.0.0.1:4010/', false],
    ['http://evil.com#@127.0.0.1/', false],
    ['http://evil.com/?127.0.0.1', false],
    ['http://127.0.0.1\t.evil.com/', false], // the URL parser drops the tab
    ['ws://127.0.0.1:4010/', false],
    ['file:///127.0.0.1', false],
    ['127.0.0.1:4010', false],
    ['not a url', false],
  ];
  describe('isLoopbackUrl, parseBaseUrl and checkCustomBaseUrl agree on plain http', () => {
    for (const [url, expected] of urls) {
      it(`${JSON.stringify(url)} → ${expected ? 'loopback' : 'not loopback'}`, () => {
        assert.equal(isLoopbackUrl(url), expected);
        if (!url.trim().startsWith('http://')) return;
        const client = (() => {
          try {
            parseBaseUrl(url);
            return true;
          } catch {
            return false;
          }
        })();
        assert.equal(client, expected, 'parseBaseUrl');
        assert.equal(checkCustomBaseUrl(url).ok, expected, 'checkCustomBaseUrl');
      });
    }
  });

  describe('isLoopbackAuthority (the sandbox Host header check)', () => {
    const authorities: Array<[string, boolean]> = [
      ['127.0.0.1:4010', true],
      ['localhost:4010', true],
      ['localhost', true],
      ['[::1]:4010', true],
      ['127.0.0.1', true],
      ['evil.com:4010', false], // DNS rebinding: the name resolves to 127.0.0.1, the Host says evil.com
      ['127.0.0.1.evil.com:4010', false],
      ['127.evil.com', false],
      ['localhost.evil.com:4010', false],
      ['2130706433:4010', false],
      ['0x7f.1:4010', false],
      ['127.0.0.1@evil.com', false],
      ['127.0.0.1:4010/x', false],
      ['127.0.0.1 :4010', false],
      ['', false],
    ];
    for (const [authority, expected] of authorities) {
      it(`Host: ${JSON.stringify(authority)} → ${expected}`, () => assert.equal(isLoopbackAuthority(authority), expected));
    }
  });
});
