import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IDENTIFIER_PATTERN } from '../../src/api';
import { slugify } from '../../src/domain/catalog';

describe('slugify (identifier suggested by Create Product…)', () => {
  const cases: Array<[string, string]> = [
    ['Pro Suite', 'pro-suite'],
    ['  Pro   Suite  ', 'pro-suite'],
    ['Zürich Transit Data', 'zurich-transit-data'],
    ['Crème brûlée 2.0!', 'creme-brulee-2-0'],
    ['---', ''],
    ['A'.repeat(49) + ' B', 'a'.repeat(49)],
  ];
  for (const [name, slug] of cases) {
    it(`${JSON.stringify(name)} → ${JSON.stringify(slug)}`, () => assert.equal(slugify(name), slug));
  }

  it('gives a valid identifier (or nothing) for any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const slug = slugify(name);
        return slug === '' || (IDENTIFIER_PATTERN.test(slug) && slug.length <= 50);
      }),
    );
  });
});
