// writeOrderedJson: JSON.stringify's 2-space layout, with fixed key orders at given key paths.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { writeOrderedJson } from '../../../src/domain/document';

describe('writeOrderedJson', () => {
  it('without orders it is JSON.stringify(value, null, 2), for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.equal(writeOrderedJson(value, { order: {} }), JSON.stringify(value, null, 2));
      }),
    );
  });

  it('orders the keys named at a key path, array elements as `*`; the rest keep their order', () => {
    const value = { b: 1, a: [{ z: 1, y: 2, x: 3 }], c: { q: 1, p: 2 } };
    const text = writeOrderedJson(value, { order: { '': ['c', 'a'], 'a.*': ['x', 'y'], c: ['p'] } })!;
    assert.deepEqual(JSON.parse(text), value);
    assert.ok(text.indexOf('"c"') < text.indexOf('"a"') && text.indexOf('"a"') < text.indexOf('"b"'));
    assert.ok(text.indexOf('"x"') < text.indexOf('"y"') && text.indexOf('"y"') < text.indexOf('"z"'));
    assert.ok(text.indexOf('"p"') < text.indexOf('"q"'));
  });

  it('sortRest sorts the root keys no order names, by code units; undefined values are left out', () => {
    const text = writeOrderedJson({ zeta: 1, Alpha: 2, beta: undefined, id: 0 }, { order: { '': ['id'] }, sortRest: true })!;
    assert.equal(text, '{\n  "id": 0,\n  "Alpha": 2,\n  "zeta": 1\n}');
    assert.equal(writeOrderedJson(undefined, { order: {} }), undefined);
  });

  it('a "__proto__" key is written as an ordinary field', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as Record<string, unknown>;
    assert.equal(writeOrderedJson(value, { order: { '': ['a'] } }), '{\n  "a": 2,\n  "__proto__": {\n    "x": 1\n  }\n}');
  });

  it('a field named "" is not the root: neither the root order nor a top-level field\'s applies in it', () => {
    const value = { '': { b: 1, a: { y: 1, x: 2 } }, a: { y: 1, x: 2 } };
    const options = { order: { '': ['a'], a: ['x'] }, sortRest: true };
    assert.equal(writeOrderedJson(value, options), JSON.stringify({ a: { x: 2, y: 1 }, '': value[''] }, null, 2));
    assert.equal(writeOrderedJson(value[''], options, '', '  '), JSON.stringify(value[''], null, 2).replace(/\n/g, '\n  '));
    assert.equal(writeOrderedJson(value.a, options, 'a', '  '), '{\n    "x": 2,\n    "y": 1\n  }');
  });
});
