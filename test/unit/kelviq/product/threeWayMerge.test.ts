import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { diffEditable, EDITABLE_FIELDS, type EditableField, mergeEdits } from '../../../../src/domain/kelviq/product';
import { baseProduct } from './fixtures';

// Small pools so that both sides often pick the same or different values for a field.
const names = fc.constantFrom('Alpha', 'Beta', 'Gamma');
const descriptions = fc.constantFrom<string | null>('', 'one', 'two', null);
const taxCodes = fc.constantFrom('saas', 'software', 'ebook');

const versionArb = fc.record({ name: names, description: descriptions, taxCode: taxCodes });
type Version = { name: string; description: string | null; taxCode: string };

const product = (v: Version, extra: Partial<ProductDetail> = {}): ProductDetail => baseProduct({ ...v, ...extra });
/** Independent oracle of "the value of a field": a null description means "". */
const value = (v: Version, f: EditableField): string => (f === 'description' ? (v.description ?? '') : v[f]);

describe('mergeEdits', () => {
  it('example: disjoint edits merge, mine is sent, theirs is kept', () => {
    const base = product({ name: 'Alpha', description: 'one', taxCode: 'saas' });
    const mine = { ...base, name: 'Beta' };
    const theirs = product({ name: 'Alpha', description: 'two', taxCode: 'saas' }, { modifiedOn: '2026-01-01T00:00:00Z' });
    assert.deepEqual(mergeEdits(base, mine, theirs), {
      merged: { name: 'Beta' },
      result: { name: 'Beta', description: 'two', taxCode: 'saas' },
      conflicts: [],
    });
  });

  it('example: both changed a field differently → conflict, not sent', () => {
    const base = product({ name: 'Alpha', description: 'one', taxCode: 'saas' });
    const outcome = mergeEdits(base, { ...base, taxCode: 'ebook' }, product({ name: 'Alpha', description: 'one', taxCode: 'software' }));
    assert.deepEqual(outcome.conflicts, [{ field: 'taxCode', base: 'saas', mine: 'ebook', theirs: 'software' }]);
    assert.deepEqual(outcome.merged, {});
    assert.equal(outcome.result.taxCode, 'software');
  });

  it('example: both made the same change → no conflict, nothing to send', () => {
    const base = product({ name: 'Alpha', description: 'one', taxCode: 'saas' });
    const outcome = mergeEdits(base, { ...base, name: 'Gamma' }, product({ name: 'Gamma', description: 'one', taxCode: 'saas' }));
    assert.deepEqual(outcome, { merged: {}, result: { name: 'Gamma', description: 'one', taxCode: 'saas' }, conflicts: [] });
  });

  it('property: the result holds every non-conflicting change of both sides', () => {
    fc.assert(
      fc.property(versionArb, versionArb, versionArb, (b, m, t) => {
        const { merged, result, conflicts } = mergeEdits(product(b), { ...product(b), ...m }, product(t));
        const conflicted = new Set(conflicts.map((c) => c.field));
        for (const f of EDITABLE_FIELDS) {
          const [vb, vm, vt] = [value(b, f), value(m, f), value(t, f)];
          if (conflicted.has(f)) continue;
          if (vm !== vb) {
            assert.equal(result[f], vm, `${f}: my change is kept`);
            assert.equal((merged as Record<string, unknown>)[f], vt === vb ? vm : undefined, `${f}: sent only if they did not make it too`);
          } else if (vt !== vb) {
            assert.equal(result[f], vt, `${f}: their change is kept`);
            assert.ok(!(f in merged), `${f}: their change is not sent`);
          } else {
            assert.equal(result[f], vb);
            assert.ok(!(f in merged));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: a conflict is reported exactly when both changed a field to different values', () => {
    fc.assert(
      fc.property(versionArb, versionArb, versionArb, (b, m, t) => {
        const { merged, conflicts } = mergeEdits(product(b), { ...product(b), ...m }, product(t));
        const expected = EDITABLE_FIELDS.filter((f) => value(m, f) !== value(b, f) && value(t, f) !== value(b, f) && value(m, f) !== value(t, f));
        assert.deepEqual(
          conflicts,
          expected.map((f) => ({ field: f, base: value(b, f), mine: value(m, f), theirs: value(t, f) })),
        );
        for (const f of expected) assert.ok(!(f in merged));
      }),
      { numRuns: 500 },
    );
  });

  it('property: merge(base, mine, base) sends exactly diff(base, mine), with no conflicts', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (b, m) => {
        const base = product(b);
        const mine = { ...base, ...m };
        const outcome = mergeEdits(base, mine, base);
        assert.deepEqual(outcome.merged, diffEditable(base, mine));
        assert.deepEqual(outcome.conflicts, []);
      }),
    );
  });

  it('property: merge(base, base, theirs) sends nothing and takes theirs', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (b, t) => {
        const base = product(b);
        const outcome = mergeEdits(base, { ...base }, product(t));
        assert.deepEqual(outcome.merged, {});
        assert.deepEqual(outcome.conflicts, []);
        assert.deepEqual(outcome.result, { name: t.name, description: t.description ?? '', taxCode: t.taxCode });
      }),
    );
  });

  it('ignores read-only differences between the versions', () => {
    const base = product({ name: 'Alpha', description: 'one', taxCode: 'saas' });
    const theirs = { ...base, modifiedOn: '2030-01-01T00:00:00Z', plans: [], extra: true };
    assert.deepEqual(mergeEdits(base, { ...base, id: 'changed' }, theirs).merged, {});
  });
});
