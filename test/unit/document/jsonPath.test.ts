import assert from 'node:assert/strict';
import { formatPath, idKeys, keyPathOf, WHOLE_ARRAYS, type JsonPath } from '../../../src/domain/document';

describe('formatPath', () => {
  it('names the whole document for the empty path', () => {
    assert.equal(formatPath([]), '(the whole document)');
  });

  it('joins plain keys with dots', () => {
    assert.equal(formatPath(['settings', 'display', 'color']), 'settings.display.color');
    assert.equal(formatPath(['$ref', '_x1']), '$ref._x1');
  });

  it('names array elements by id, string ids quoted, number ids bare', () => {
    assert.equal(formatPath(['variants', { key: '_id', id: 'v2' }, 'price', 'amount']), 'variants[_id="v2"].price.amount');
    assert.equal(formatPath(['plans', { key: 'id', id: 7 }]), 'plans[id=7]');
  });

  it('quotes keys that are not identifiers', () => {
    assert.equal(formatPath(['a-b']), '["a-b"]');
    assert.equal(formatPath(['meta', 'x.y', '1st', '']), 'meta["x.y"]["1st"][""]');
    assert.equal(formatPath(['say "hi"']), '["say \\"hi\\""]');
  });

  it('a path that starts with an element id', () => {
    assert.equal(formatPath([{ key: '_id', id: 'a' }, 'name']), '[_id="a"].name');
  });

  it('tells apart paths that differ only in the type of an id', () => {
    const asString: JsonPath = ['variants', { key: '_id', id: '1' }];
    const asNumber: JsonPath = ['variants', { key: '_id', id: 1 }];
    assert.notEqual(formatPath(asString), formatPath(asNumber));
  });
});

describe('keyPathOf', () => {
  it('keeps the object keys and leaves element ids out', () => {
    assert.deepEqual(keyPathOf(['plans', { key: 'id', id: 'p1' }, 'prices', { key: 'id', id: 3 }, 'amount']), ['plans', 'prices', 'amount']);
    assert.deepEqual(keyPathOf([]), []);
    assert.deepEqual(keyPathOf([{ key: '_id', id: 'a' }]), []);
  });
});

describe('idKeys', () => {
  const rules = idKeys({ variants: '_id', 'plans.prices': 'id' });

  it('finds the id key of a listed key path (joined with dots)', () => {
    assert.equal(rules.idKeyOf(['variants']), '_id');
    assert.equal(rules.idKeyOf(['plans', 'prices']), 'id');
  });

  it('has no id key for other paths', () => {
    assert.equal(rules.idKeyOf([]), undefined);
    assert.equal(rules.idKeyOf(['plans']), undefined);
    assert.equal(rules.idKeyOf(['prices']), undefined);
    assert.equal(rules.idKeyOf(['variants', 'options']), undefined);
  });

  it('does not take keys from the object prototype', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(rules.idKeyOf([key]), undefined, key);
  });

  it('WHOLE_ARRAYS has no id key anywhere', () => {
    assert.equal(WHOLE_ARRAYS.idKeyOf(['variants']), undefined);
  });
});
