import assert from 'node:assert/strict';
import { deepEqual, editDistance, findPropertyRange, suggestField } from '../../../../src/domain/kelviq/product';

describe('findPropertyRange', () => {
  const text = '{\n  "name": "x",\n  "images": [{ "id": "a" }]\n}';
  const slice = (r: { offset: number; length: number } | undefined) => (r ? text.slice(r.offset, r.offset + r.length) : undefined);

  it('gives the key, value and property ranges of a top-level field', () => {
    const r = findPropertyRange(text, ['name'])!;
    assert.deepEqual([slice(r.key), slice(r.value), slice(r.property)], ['"name"', '"x"', '"name": "x"']);
  });

  it('follows nested paths with array indexes', () => {
    assert.equal(slice(findPropertyRange(text, ['images', 0, 'id'])!.value), '"a"');
    const element = findPropertyRange(text, ['images', 0])!;
    assert.equal(element.key, undefined);
    assert.equal(slice(element.value), '{ "id": "a" }');
  });

  it('returns undefined for a missing path and the whole document for []', () => {
    assert.equal(findPropertyRange(text, ['nope']), undefined);
    assert.equal(findPropertyRange('', ['name']), undefined);
    assert.equal(slice(findPropertyRange(text, [])!.value), text);
  });
});

describe('suggestField', () => {
  const fields = ['name', 'description', 'taxCode'];
  const cases: Array<[string, string | undefined]> = [
    ['nmae', 'name'],
    ['Name', 'name'],
    ['descripton', 'description'],
    ['taxcode', 'taxCode'],
    ['tax_code', 'taxCode'],
    ['title', undefined],
    ['n', undefined],
    ['colour', undefined],
  ];
  for (const [input, expected] of cases) it(`${input} → ${String(expected)}`, () => assert.equal(suggestField(input, fields), expected));

  it('counts a transposition as one edit', () => {
    assert.equal(editDistance('nmae', 'name'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
});

describe('deepEqual', () => {
  it('ignores key order, not array order', () => {
    assert.equal(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }), true);
    assert.equal(deepEqual([1, 2], [2, 1]), false);
    assert.equal(deepEqual({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(deepEqual(null, {}), false);
    assert.equal(deepEqual([], {}), false);
    assert.equal(deepEqual('1', 1), false);
  });
});
