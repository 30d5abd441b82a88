// Product document addresses `kelviq:/<environment>/products/<uuid>/<label>.json`: they round-trip
// for every environment, and anything that is not exactly that shape (no traversal, no stray
// segments, no unknown environment, no non-UUID id) parses to undefined.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ENVIRONMENT_IDS, type EnvironmentId } from '../../../src/domain/environment';
import { documentLabel, isProductId, parseProductPath, PRODUCT_SCHEME, productPath, type ProductAddress } from '../../../src/domain/kelviq/productUri';

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c0d9e8f7a6b';
const UPPER = ID.toUpperCase();

describe('domain/kelviq/productUri', () => {
  it('the scheme is "kelviq"', () => assert.equal(PRODUCT_SCHEME, 'kelviq'));

  describe('productPath', () => {
    const cases: Array<[ProductAddress, string, string]> = [
      [{ environment: 'sandbox', productId: ID }, 'pro-suite', `/sandbox/products/${ID}/pro-suite.json`],
      [{ environment: 'production', productId: ID }, 'Pro Suite', `/production/products/${ID}/pro-suite.json`],
      [{ environment: 'custom', productId: UPPER }, 'x', `/custom/products/${ID}/x.json`],
      [{ environment: 'sandbox', productId: ID }, '', `/sandbox/products/${ID}/product.json`],
      [{ environment: 'sandbox', productId: ID }, '../../etc/passwd', `/sandbox/products/${ID}/..-..-etc-passwd.json`],
    ];
    for (const [address, label, expected] of cases) {
      it(`${address.environment} ${address.productId.slice(0, 8)}… ${JSON.stringify(label)} → ${expected}`, () => assert.equal(productPath(address, label), expected));
    }
  });

  describe('productPath / parseProductPath round-trip', () => {
    for (const environment of ENVIRONMENT_IDS) {
      for (const productId of [ID, UPPER]) {
        it(`${environment}, ${productId === ID ? 'lower' : 'upper'}-case id`, () => {
          const path = productPath({ environment, productId }, 'Pro Suite');
          assert.deepEqual(parseProductPath(path), { environment, productId: ID });
        });
      }
    }

    it('property: any environment, any UUID, any label', () => {
      fc.assert(
        fc.property(fc.constantFrom(...ENVIRONMENT_IDS), fc.uuid(), fc.boolean(), fc.string({ unit: 'binary', maxLength: 120 }), (environment, uuid, upper, label) => {
          const productId = upper ? uuid.toUpperCase() : uuid;
          const path = productPath({ environment, productId }, label);
          assert.deepEqual(parseProductPath(path), { environment, productId: uuid.toLowerCase() });
          // Exactly five segments: '', environment, 'products', id, label.
          assert.equal(path.split('/').length, 5, path);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('parseProductPath', () => {
    const accepted: Array<[string, ProductAddress]> = [
      [`/sandbox/products/${ID}/pro-suite.json`, { environment: 'sandbox', productId: ID }],
      [`/production/products/${ID}/x.json`, { environment: 'production', productId: ID }],
      [`/custom/products/${UPPER}/x.json`, { environment: 'custom', productId: ID }],
      // The label is cosmetic: any single segment ending in .json will do.
      [`/sandbox/products/${ID}/Some Name!.json`, { environment: 'sandbox', productId: ID }],
      [`/sandbox/products/${ID}/a.b.json`, { environment: 'sandbox', productId: ID }],
    ];
    for (const [path, expected] of accepted) it(`${JSON.stringify(path)} → ${expected.environment} ${expected.productId}`, () => assert.deepEqual(parseProductPath(path), expected));

    const rejected: Array<[string, string]> = [
      ['empty', ''],
      ['root', '/'],
      ['no leading slash', `sandbox/products/${ID}/x.json`],
      ['unknown environment', `/staging/products/${ID}/x.json`],
      ['upper-case environment', `/Sandbox/products/${ID}/x.json`],
      ['prototype name as environment', `/constructor/products/${ID}/x.json`],
      ['wrong collection', `/sandbox/plans/${ID}/x.json`],
      ['missing label', `/sandbox/products/${ID}.json`],
      ['missing label segment', `/sandbox/products/${ID}/`],
      ['empty label', `/sandbox/products/${ID}/.json`],
      ['missing .json', `/sandbox/products/${ID}/x`],
      ['other extension', `/sandbox/products/${ID}/x.jsonc`],
      ['.json not at the end', `/sandbox/products/${ID}/x.json.bak`],
      ['trailing slash', `/sandbox/products/${ID}/x.json/`],
      ['trailing segment', `/sandbox/products/${ID}/x.json/y.json`],
      ['label in a sub-folder', `/sandbox/products/${ID}/a/x.json`],
      ['extra leading segment', `/x/sandbox/products/${ID}/x.json`],
      ['double slash', `//sandbox/products/${ID}/x.json`],
      ['dot-dot id', '/sandbox/products/../x.json'],
      ['dot-dot traversal', `/sandbox/products/../../${ID}/x.json`],
      ['encoded dot-dot id', '/sandbox/products/%2e%2e/x.json'],
      ['encoded slash in id', `/sandbox/products/${ID.slice(0, 8)}%2f${ID.slice(9)}/x.json`],
      ['not a UUID', '/sandbox/products/pro-suite/x.json'],
      ['UUID without dashes', `/sandbox/products/${ID.replace(/-/g, '')}/x.json`],
      ['UUID with braces', `/sandbox/products/{${ID}}/x.json`],
      ['UUID with a suffix', `/sandbox/products/${ID}0/x.json`],
      ['UUID with a non-hex digit', `/sandbox/products/${ID.slice(0, -1)}g/x.json`],
      ['whitespace around the id', `/sandbox/products/ ${ID}/x.json`],
      ['query', `/sandbox/products/${ID}/x.json?x=1`],
      ['windows separators', `\\sandbox\\products\\${ID}\\x.json`],
    ];
    for (const [name, path] of rejected) it(`${name}: ${JSON.stringify(path)} → undefined`, () => assert.equal(parseProductPath(path), undefined));
  });

  describe('isProductId', () => {
    const cases: Array<[string, boolean]> = [
      [ID, true],
      [UPPER, true],
      ['00000000-0000-0000-0000-000000000000', true],
      ['', false],
      ['..', false],
      [`${ID}\n`, false],
      [`\n${ID}`, false],
      [ID.slice(1), false],
      [ID.replace(/-/g, ''), false],
      ['3f2b8c1e_9a4d_4e6f_8b2a_1c0d9e8f7a6b', false],
    ];
    for (const [value, expected] of cases) it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(isProductId(value), expected));
  });

  describe('documentLabel', () => {
    const cases: Array<[string, string]> = [
      ['pro-suite', 'pro-suite'],
      ['Pro Suite', 'pro-suite'],
      ['  Pro   Suite  ', 'pro-suite'],
      ['pro_suite.v2', 'pro_suite.v2'],
      ['a/b\\c', 'a-b-c'],
      ['../../etc/passwd', '..-..-etc-passwd'],
      ['Plan: "Pro" <beta>?*|', 'plan-pro-beta'],
      ['Café Crème', 'caf-cr-me'],
      ['日本語', 'product'],
      ['🚀 Rocket', 'rocket'],
      ['', 'product'],
      ['   ', 'product'],
      ['---', 'product'],
      ['/', 'product'],
      ['a\u0000b\nc', 'a-b-c'],
      ['x'.repeat(100), 'x'.repeat(60)],
    ];
    for (const [input, expected] of cases) {
      const shown = input.length > 40 ? `${input.slice(0, 10)}… (${input.length} chars)` : input;
      it(`${JSON.stringify(shown)} → ${JSON.stringify(expected)}`, () => assert.equal(documentLabel(input), expected));
    }
    // are trimmed BEFORE the 60-character cap, so a cut that lands on a dash leaves one at the end.
    // Input 'a'.repeat(59) + ' b' → expected 'a'.repeat(59); actual 'a'.repeat(59) + '-' (tab title
    // "aaa…a-.json"). Still file-name safe. Fix: slice first, then trim.
    it('a label cut at 60 characters does not end with a dash', () => {
      assert.equal(documentLabel(`${'a'.repeat(59)} b`), 'a'.repeat(59));
    });

    it('property: always a non-empty, file-name-safe label of at most 60 characters', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
          const label = documentLabel(input);
          assert.match(label, /^[a-z0-9._-]{1,60}$/, `${JSON.stringify(input)} → ${JSON.stringify(label)}`);
        }),
        { numRuns: 500 },
      );
    });
  });

  it('every environment id is a lower-case word (the path pattern relies on it)', () => {
    for (const id of ENVIRONMENT_IDS satisfies readonly EnvironmentId[]) assert.match(id, /^[a-z]+$/);
  });
});
