import assert from 'node:assert/strict';
import { versionOf } from '../../../src/domain/document';

describe('versionOf', () => {
  const kelviq = { versionFields: ['modifiedOn'] } as const;
  const zaveit = { versionFields: ['updated', '__v'] } as const;

  it('one field: equal tokens for equal values, whatever else differs', () => {
    const a = versionOf(kelviq, { modifiedOn: '2025-04-12T08:21:14.910Z', name: 'A' });
    const b = versionOf(kelviq, { name: 'B', modifiedOn: '2025-04-12T08:21:14.910Z' });
    assert.equal(typeof a, 'string');
    assert.equal(a, b);
  });

  it('one field: different tokens for different values', () => {
    assert.notEqual(versionOf(kelviq, { modifiedOn: '2025-04-12T08:21:14.910Z' }), versionOf(kelviq, { modifiedOn: '2025-04-12T08:21:15.000Z' }));
    assert.notEqual(versionOf(kelviq, { modifiedOn: 1 }), versionOf(kelviq, { modifiedOn: '1' }), 'a number is not its string');
  });

  it('undefined when the fields are absent, undefined or null', () => {
    assert.equal(versionOf(kelviq, {}), undefined);
    assert.equal(versionOf(kelviq, { name: 'A' }), undefined);
    assert.equal(versionOf(kelviq, { modifiedOn: undefined }), undefined);
    assert.equal(versionOf(kelviq, { modifiedOn: null }), undefined);
    assert.equal(versionOf(zaveit, { name: 'A' }), undefined);
    assert.equal(versionOf({ versionFields: [] }, { modifiedOn: 'x' }), undefined);
  });

  it('reads own fields only, not the prototype', () => {
    assert.equal(versionOf(kelviq, Object.create({ modifiedOn: 'inherited' }) as Record<string, unknown>), undefined);
    assert.equal(versionOf({ versionFields: ['toString'] }, {}), undefined);
  });

  it('two fields (updated, __v): equal for equal values, different when either differs', () => {
    const token = versionOf(zaveit, { updated: '2025-01-01', __v: 3, name: 'A' });
    assert.equal(typeof token, 'string');
    assert.equal(versionOf(zaveit, { __v: 3, updated: '2025-01-01' }), token);
    assert.notEqual(versionOf(zaveit, { updated: '2025-01-01', __v: 4 }), token);
    assert.notEqual(versionOf(zaveit, { updated: '2025-01-02', __v: 3 }), token);
  });

  it('two fields: one present is enough, and which one matters', () => {
    const onlyUpdated = versionOf(zaveit, { updated: 1 });
    const onlyV = versionOf(zaveit, { __v: 1 });
    assert.notEqual(onlyUpdated, undefined);
    assert.notEqual(onlyV, undefined);
    assert.notEqual(onlyUpdated, onlyV);
    assert.notEqual(versionOf(zaveit, { updated: 'a', __v: 'b' }), versionOf(zaveit, { updated: 'b', __v: 'a' }));
  });
});
