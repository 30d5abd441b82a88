import assert from 'node:assert/strict';
import { parseBaseUrl } from '../../../src/api/http/baseUrl';
import { clampPageSize, isProductId, pageCount, pageFromLink, productListPath, productPath, productSettingsPath } from '../../../src/api/kelviq/paths';

describe('api/kelviq/paths', () => {
  describe('productListPath', () => {
    const cases: Array<[Parameters<typeof productListPath>[0], string]> = [
      [{}, '/catalog/products/?page_size=100'],
      [{ page: 2, pageSize: 50 }, '/catalog/products/?page=2&page_size=50'],
      [{ search: 'pro plan', page: 1 }, '/catalog/products/?search=pro%20plan&page=1&page_size=100'],
      [{ search: '  ' }, '/catalog/products/?page_size=100'],
      [{ search: 'a&b=c#d?e/f' }, '/catalog/products/?search=a%26b%3Dc%23d%3Fe%2Ff&page_size=100'],
      [{ search: 'ünïcødé' }, '/catalog/products/?search=%C3%BCn%C3%AFc%C3%B8d%C3%A9&page_size=100'],
      [{ pageSize: 1000 }, '/catalog/products/?page_size=100'],
      [{ pageSize: 0 }, '/catalog/products/?page_size=1'],
    ];
    for (const [query, expected] of cases) it(`${JSON.stringify(query)} → ${expected}`, () => assert.equal(productListPath(query), expected));
  });

  describe('clampPageSize', () => {
    const cases: Array<[number | undefined, number]> = [[undefined, 100], [1, 1], [100, 100], [101, 100], [0, 1], [-5, 1], [12.7, 12], [NaN, 100], [Infinity, 100]];
    for (const [input, expected] of cases) it(`${String(input)} → ${expected}`, () => assert.equal(clampPageSize(input), expected));
  });

  describe('pageCount', () => {
    const cases: Array<[number, number, number]> = [[0, 100, 1], [1, 100, 1], [100, 100, 1], [101, 100, 2], [250, 100, 3], [36, 5, 8], [10, 0, 1]];
    for (const [count, size, expected] of cases) it(`${count} items / ${size} → ${expected}`, () => assert.equal(pageCount(count, size), expected));
  });

  describe('pageFromLink (query only; scheme and host ignored)', () => {
    const cases: Array<[string | null, number | undefined]> = [
      ['http://api.kelviq.com/api/v1/catalog/products/?page=3&page_size=100', 3],
      ['https://evil.example/?page_size=100&page=2', 2],
      ['http://api.kelviq.com/api/v1/catalog/products/?page_size=100', 1], // DRF drops page=1 from `previous`
      ['/catalog/products/?page=0', undefined],
      ['/catalog/products/?page=abc', undefined],
      ['http://x/', undefined],
      [null, undefined],
    ];
    for (const [link, expected] of cases) it(`${String(link)} → ${String(expected)}`, () => assert.equal(pageFromLink(link), expected));
  });

  describe('ids', () => {
    const cases: Array<[unknown, boolean]> = [
      ['0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de', true],
      ['0D65F7C0-7E91-4F56-9B32-13A9A6A7C1DE', true],
      ['0d65f7c0-7e91-4f56-9b32-13a9a6a7c1d', false],
      ['../../etc/passwd', false],
      ['0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de/settings', false],
      ['', false],
      [undefined, false],
      [42, false],
    ];
    for (const [id, expected] of cases) it(`isProductId(${JSON.stringify(id)}) → ${expected}`, () => assert.equal(isProductId(id), expected));
    it('builds product paths with a trailing slash and a lower-case id', () => {
      assert.equal(productPath('0D65F7C0-7E91-4F56-9B32-13A9A6A7C1DE'), '/catalog/products/0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de/');
      assert.equal(productSettingsPath('0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de'), '/catalog/products/0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de/settings/');
    });
  });
});

describe('api/http/baseUrl: parseBaseUrl', () => {
  const ok: Array<[string, string, string]> = [
    ['https://sandboxapi.kelviq.com/api/v1', 'https://sandboxapi.kelviq.com', '/api/v1'],
    ['https://api.kelviq.com/api/v1/', 'https://api.kelviq.com', '/api/v1'],
    ['http://127.0.0.1:4010/api/v1', 'http://127.0.0.1:4010', '/api/v1'],
    ['http://localhost:4010', 'http://localhost:4010', ''],
    ['http://[::1]:4010/api/v1', 'http://[::1]:4010', '/api/v1'],
    ['  https://api.kelviq.com/api/v1  ', 'https://api.kelviq.com', '/api/v1'],
  ];
  for (const [input, origin, basePath] of ok) {
    it(`${input} → ${origin} + ${basePath || "''"}`, () => assert.deepEqual(parseBaseUrl(input), { origin, basePath }));
  }
  const bad: Array<[string, RegExp]> = [
    ['not a url', /not a valid URL/],
    ['ftp://api.kelviq.com/api/v1', /https:\/\//],
    ['http://api.kelviq.com/api/v1', /unencrypted/],
    ['https://user:pw@api.kelviq.com/api/v1', /user name or password/],
    ['https://api.kelviq.com/api/v1?x=1', /query or fragment/],
  ];
  for (const [input, message] of bad) it(`rejects ${input}`, () => assert.throws(() => parseBaseUrl(input), (e: Error) => e instanceof TypeError && message.test(e.message)));
});
