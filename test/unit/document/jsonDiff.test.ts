import assert from 'node:assert/strict';
import { diffJson, formatPath, idKeys, WHOLE_ARRAYS, type JsonChange } from '../../../src/domain/document';

const rules = idKeys({ variants: '_id' });
const id = (value: string | number) => ({ key: '_id', id: value });

/** The changes as `path: before → after` lines, sorted: for assertions that ignore order. */
function lines(changes: JsonChange[]): string[] {
  return changes.map((c) => `${formatPath(c.path)}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).sort();
}

describe('diffJson', () => {
  it('equal values: no change', () => {
    const doc = { name: 'A', settings: { color: 'red' }, variants: [{ _id: 'a', price: 1 }], tags: ['x'] };
    assert.deepEqual(diffJson(doc, structuredClone(doc), rules), []);
    assert.deepEqual(diffJson(1, 1, rules), []);
    assert.deepEqual(diffJson(null, null, rules), []);
  });

  it('key order does not matter', () => {
    assert.deepEqual(diffJson({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, rules), []);
  });

  it('nested objects: one change at the deepest differing path', () => {
    const before = { name: 'A', settings: { display: { color: 'red', size: 1 }, flag: true } };
    const after = { name: 'A', settings: { display: { color: 'blue', size: 1 }, flag: true } };
    assert.deepEqual(diffJson(before, after, WHOLE_ARRAYS), [{ path: ['settings', 'display', 'color'], before: 'red', after: 'blue' }]);
  });

  it('several nested changes, each at its own path', () => {
    const before = { a: { b: 1, c: 2 }, d: 'x' };
    const after = { a: { b: 10, c: 2 }, d: 'y' };
    assert.deepEqual(lines(diffJson(before, after, rules)), ['a.b: 1 → 10', 'd: "x" → "y"']);
  });

  it('added and removed keys: before/after undefined', () => {
    assert.deepEqual(diffJson({ a: 1 }, { a: 1, b: { c: 2 } }, rules), [{ path: ['b'], before: undefined, after: { c: 2 } }]);
    assert.deepEqual(diffJson({ a: 1, b: 2 }, { a: 1 }, rules), [{ path: ['b'], before: 2, after: undefined }]);
  });

  it('a change of kind (object ↔ primitive, object ↔ array) is one change at that path', () => {
    assert.deepEqual(diffJson({ s: { x: 1 } }, { s: null }, rules), [{ path: ['s'], before: { x: 1 }, after: null }]);
    assert.deepEqual(diffJson({ s: { x: 1 } }, { s: [1] }, rules), [{ path: ['s'], before: { x: 1 }, after: [1] }]);
    assert.deepEqual(diffJson({ a: 1 }, 'text', rules), [{ path: [], before: { a: 1 }, after: 'text' }]);
  });

  it('arrays without an id rule are compared whole', () => {
    assert.deepEqual(diffJson({ tags: ['a', 'b', 'c'] }, { tags: ['a', 'x', 'c'] }, rules), [
      { path: ['tags'], before: ['a', 'b', 'c'], after: ['a', 'x', 'c'] },
    ]);
    // Reordering an array compared whole is a change.
    assert.deepEqual(diffJson({ tags: ['a', 'b'] }, { tags: ['b', 'a'] }, rules), [{ path: ['tags'], before: ['a', 'b'], after: ['b', 'a'] }]);
  });

  it('arrays of objects under WHOLE_ARRAYS are compared whole too', () => {
    const before = { variants: [{ _id: 'a', price: 1 }] };
    const after = { variants: [{ _id: 'a', price: 2 }] };
    assert.deepEqual(diffJson(before, after, WHOLE_ARRAYS), [{ path: ['variants'], before: before.variants, after: after.variants }]);
  });

  it('id-keyed arrays: an edit inside an element is at the element path, by id', () => {
    const before = { variants: [{ _id: 'a', price: 1, name: 'S' }, { _id: 'b', price: 2, name: 'L' }] };
    const after = { variants: [{ _id: 'a', price: 1, name: 'S' }, { _id: 'b', price: 3, name: 'L' }] };
    assert.deepEqual(diffJson(before, after, rules), [{ path: ['variants', id('b'), 'price'], before: 2, after: 3 }]);
  });

  it('id-keyed arrays: additions and removals of elements', () => {
    const a = { _id: 'a', price: 1 };
    const b = { _id: 'b', price: 2 };
    const c = { _id: 'c', price: 3 };
    assert.deepEqual(diffJson({ variants: [a, b] }, { variants: [a, b, c] }, rules), [{ path: ['variants', id('c')], before: undefined, after: c }]);
    assert.deepEqual(diffJson({ variants: [a, b] }, { variants: [b] }, rules), [{ path: ['variants', id('a')], before: a, after: undefined }]);
    assert.deepEqual(diffJson({ variants: [a] }, { variants: [] }, rules), [{ path: ['variants', id('a')], before: a, after: undefined }]);
    assert.deepEqual(diffJson({ variants: [] }, { variants: [a] }, rules), [{ path: ['variants', id('a')], before: undefined, after: a }]);
  });

  it('id-keyed arrays: an edit, an addition and a removal together', () => {
    const before = { variants: [{ _id: 'a', price: 1 }, { _id: 'b', price: 2 }] };
    const after = { variants: [{ _id: 'c', price: 9 }, { _id: 'a', price: 5 }] };
    assert.deepEqual(lines(diffJson(before, after, rules)), [
      'variants[_id="a"].price: 1 → 5',
      'variants[_id="b"]: {"_id":"b","price":2} → undefined',
      'variants[_id="c"]: undefined → {"_id":"c","price":9}',
    ]);
  });

  it('id-keyed arrays: numeric ids', () => {
    const before = { variants: [{ _id: 1, price: 1 }] };
    const after = { variants: [{ _id: 1, price: 2 }] };
    assert.deepEqual(diffJson(before, after, rules), [{ path: ['variants', id(1), 'price'], before: 1, after: 2 }]);
  });

  it('a pure reordering of an id-keyed array is no change', () => {
    const a = { _id: 'a', price: 1 };
    const b = { _id: 'b', price: 2 };
    const c = { _id: 'c', price: 3 };
    assert.deepEqual(diffJson({ variants: [a, b, c] }, { variants: [c, a, b] }, rules), []);
  });

  it('a reordering together with an edit: only the edit', () => {
    const before = { variants: [{ _id: 'a', price: 1 }, { _id: 'b', price: 2 }] };
    const after = { variants: [{ _id: 'b', price: 2 }, { _id: 'a', price: 7 }] };
    assert.deepEqual(diffJson(before, after, rules), [{ path: ['variants', id('a'), 'price'], before: 1, after: 7 }]);
  });

  it('an id-keyed array whose elements have no unique ids is compared whole', () => {
    const dup = { variants: [{ _id: 'a', price: 1 }, { _id: 'a', price: 2 }] };
    const fixed = { variants: [{ _id: 'a', price: 1 }, { _id: 'b', price: 2 }] };
    assert.deepEqual(diffJson(dup, fixed, rules), [{ path: ['variants'], before: dup.variants, after: fixed.variants }]);
    const noId = { variants: [{ price: 1 }] };
    assert.deepEqual(diffJson(noId, fixed, rules), [{ path: ['variants'], before: noId.variants, after: fixed.variants }]);
    const notObjects = { variants: ['a'] };
    assert.deepEqual(diffJson(notObjects, fixed, rules), [{ path: ['variants'], before: ['a'], after: fixed.variants }]);
  });

  it('nested id rules: arrays inside elements (rule key paths leave ids out)', () => {
    const nested = idKeys({ plans: 'id', 'plans.prices': 'id' });
    const before = { plans: [{ id: 'p', prices: [{ id: 1, amount: 10 }, { id: 2, amount: 20 }] }] };
    const after = { plans: [{ id: 'p', prices: [{ id: 2, amount: 25 }, { id: 1, amount: 10 }] }] };
    assert.deepEqual(diffJson(before, after, nested), [
      { path: ['plans', { key: 'id', id: 'p' }, 'prices', { key: 'id', id: 2 }, 'amount'], before: 20, after: 25 },
    ]);
  });

  it('undefined-valued keys equal absent keys', () => {
    assert.deepEqual(diffJson({ a: 1, b: undefined }, { a: 1 }, rules), []);
    assert.deepEqual(diffJson({ a: 1 }, { a: 1, b: undefined }, rules), []);
    assert.deepEqual(diffJson({ s: { x: undefined } }, { s: {} }, rules), []);
    assert.deepEqual(diffJson({ variants: [{ _id: 'a', note: undefined }] }, { variants: [{ _id: 'a' }] }, rules), []);
    assert.deepEqual(diffJson({ a: undefined }, { a: 2 }, rules), [{ path: ['a'], before: undefined, after: 2 }]);
    assert.deepEqual(diffJson({ a: 2 }, { a: undefined }, rules), [{ path: ['a'], before: 2, after: undefined }]);
  });

  it('null is a value, not an absence', () => {
    assert.deepEqual(diffJson({ a: null }, {}, rules), [{ path: ['a'], before: null, after: undefined }]);
  });
});
