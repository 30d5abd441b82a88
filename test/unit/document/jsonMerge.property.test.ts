// Properties of diffJson + mergeJson on random documents with an id-keyed `variants` array:
// base, and mine/theirs derived from it by random independent edits.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { diffJson, formatPath, idKeys, mergeJson, UNKNOWN_BASE, type JsonChange } from '../../../src/domain/document';
import { related, samePath, sortedById, valueAt } from './support';

const rules = idKeys({ variants: '_id' });
const RUNS = 300;

type Primitive = string | number | boolean | null;
interface Variant {
  _id: string;
  name: Primitive;
  price: Primitive;
}
interface Doc {
  // Generated as a string, a number, a boolean and null; edits may change their types.
  title: Primitive;
  count: Primitive;
  active: Primitive;
  note: Primitive;
  nested: { p: Primitive; q: Primitive; r?: Primitive };
  variants: Variant[];
}

// Small pools, so that both sides often pick the same value, or the base's.
const primitive = fc.constantFrom<Primitive>('x', 'y', 0, 1, true, false, null);
const variantArb = fc.record({ _id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), name: primitive, price: primitive });
const baseArb: fc.Arbitrary<Doc> = fc.record({
  title: fc.constantFrom('x', 'y', 'Pro'),
  count: fc.integer({ min: 0, max: 2 }),
  active: fc.boolean(),
  note: fc.constant(null),
  nested: fc.record({ p: primitive, q: primitive, r: primitive }, { requiredKeys: ['p', 'q'] }),
  variants: fc.uniqueArray(variantArb, { selector: (v) => v._id, maxLength: 4 }),
});

type Edit =
  | { op: 'top'; field: 'title' | 'count' | 'active' | 'note'; value: Primitive }
  | { op: 'nested'; field: 'p' | 'q' | 'r'; value: Primitive }
  | { op: 'variant'; index: number; field: 'name' | 'price'; value: Primitive }
  | { op: 'add'; name: Primitive; price: Primitive }
  | { op: 'remove'; index: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('top' as const), field: fc.constantFrom('title' as const, 'count' as const, 'active' as const, 'note' as const), value: primitive }),
  fc.record({ op: fc.constant('nested' as const), field: fc.constantFrom('p' as const, 'q' as const, 'r' as const), value: primitive }),
  fc.record({ op: fc.constant('variant' as const), index: fc.nat(7), field: fc.constantFrom('name' as const, 'price' as const), value: primitive }),
  fc.record({ op: fc.constant('add' as const), name: primitive, price: primitive }),
  fc.record({ op: fc.constant('remove' as const), index: fc.nat(7) }),
);
const editsArb = fc.array(editArb, { minLength: 1, maxLength: 5 });

/** base with `edits` applied; added variants get ids fresh to base and to the other side. */
function apply(base: Doc, edits: Edit[], side: 'mine' | 'theirs'): Doc {
  const doc = structuredClone(base);
  let fresh = 0;
  for (const e of edits) {
    const n = doc.variants.length;
    switch (e.op) {
      case 'top':
        doc[e.field] = e.value;
        break;
      case 'nested':
        doc.nested[e.field] = e.value;
        break;
      case 'variant':
        if (n > 0) doc.variants[e.index % n]![e.field] = e.value;
        break;
      case 'add':
        doc.variants.push({ _id: `${side}-${fresh++}`, name: e.name, price: e.price });
        break;
      case 'remove':
        if (n > 0) doc.variants.splice(e.index % n, 1);
        break;
    }
  }
  return doc;
}

const scenario = fc.tuple(baseArb, editsArb, editsArb).map(([base, m, t]) => ({ base, mine: apply(base, m, 'mine'), theirs: apply(base, t, 'theirs') }));

/** Whether some change in `changes` is at a path related to `change`'s (the same, an ancestor or a descendant). */
const touches = (changes: JsonChange[], change: JsonChange) => changes.some((c) => related(c.path, change.path));

/**
 * The paths both sides changed to different values, computed from the two diffs: the same path
 * with different results, or one side's change at an ancestor of the other's (e.g. my removal of
 * a variant vs their edit inside it), reported at the ancestor.
 */
function expectedConflicts(dm: JsonChange[], dt: JsonChange[]): Set<string> {
  const out = new Set<string>();
  for (const m of dm) {
    for (const t of dt) {
      if (samePath(m.path, t.path)) {
        if (!isDeepStrictEqual(m.after, t.after)) out.add(formatPath(m.path));
      } else if (related(m.path, t.path)) {
        out.add(formatPath(m.path.length < t.path.length ? m.path : t.path));
      }
    }
  }
  return out;
}

describe('mergeJson (properties)', () => {
  it('every path changed only by me has mine\'s value; only by them, theirs\'; by both alike, that value', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const dm = diffJson(base, mine, rules);
        const dt = diffJson(base, theirs, rules);
        const { value } = mergeJson(base, mine, theirs, rules);
        for (const c of dm) {
          if (!touches(dt, c)) assert.deepStrictEqual(valueAt(value, c.path), valueAt(mine, c.path), `mine at ${formatPath(c.path)}`);
        }
        for (const c of dt) {
          if (!touches(dm, c)) assert.deepStrictEqual(valueAt(value, c.path), valueAt(theirs, c.path), `theirs at ${formatPath(c.path)}`);
        }
        for (const c of dm) {
          if (dt.some((t) => samePath(t.path, c.path) && isDeepStrictEqual(t.after, c.after))) {
            assert.deepStrictEqual(valueAt(value, c.path), c.after, `both at ${formatPath(c.path)}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a conflict is reported exactly for the paths both changed to different values', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const expected = expectedConflicts(diffJson(base, mine, rules), diffJson(base, theirs, rules));
        for (const prefer of ['theirs', 'mine'] as const) {
          const r = mergeJson(base, mine, theirs, rules, { prefer });
          const reported = r.conflicts.map((c) => formatPath(c.path));
          assert.equal(new Set(reported).size, reported.length, `no path reported twice: ${reported.join(', ')}`);
          assert.deepStrictEqual(new Set(reported), expected);
          for (const c of r.conflicts) {
            const where = formatPath(c.path);
            assert.deepStrictEqual(c.base, valueAt(base, c.path), `base at ${where}`);
            assert.deepStrictEqual(c.mine, valueAt(mine, c.path), `mine at ${where}`);
            assert.deepStrictEqual(c.theirs, valueAt(theirs, c.path), `theirs at ${where}`);
            assert.deepStrictEqual(valueAt(r.value, c.path), prefer === 'mine' ? c.mine : c.theirs, `${prefer} kept at ${where}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("with prefer 'mine', the result differs from theirs only at paths I changed, with my values", () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const dm = diffJson(base, mine, rules);
        const { value } = mergeJson(base, mine, theirs, rules, { prefer: 'mine' });
        for (const c of diffJson(theirs, value, rules)) {
          const where = formatPath(c.path);
          assert.ok(touches(dm, c), `${where} is sent but I did not change it (my changes: ${dm.map((d) => formatPath(d.path)).join(', ')})`);
          assert.deepStrictEqual(c.after, valueAt(mine, c.path), `my value is sent at ${where}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is symmetric: swapping mine and theirs gives the same conflict paths and, without conflicts, the same value', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const r = mergeJson(base, mine, theirs, rules);
        const swapped = mergeJson(base, theirs, mine, rules);
        assert.deepStrictEqual(new Set(swapped.conflicts.map((c) => formatPath(c.path))), new Set(r.conflicts.map((c) => formatPath(c.path))));
        if (r.conflicts.length === 0) assert.deepStrictEqual(sortedById(r.value), sortedById(swapped.value));
        // prefer 'mine' of one is prefer 'theirs' of the other, conflicts or not.
        assert.deepStrictEqual(sortedById(mergeJson(base, mine, theirs, rules, { prefer: 'mine' }).value), sortedById(swapped.value));
      }),
      { numRuns: RUNS },
    );
  });

  it('trivial merges: unchanged theirs gives mine, unchanged mine gives theirs, no conflicts', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        assert.deepStrictEqual(mergeJson(base, mine, structuredClone(base), rules), { value: mine, conflicts: [] });
        assert.deepStrictEqual(mergeJson(base, structuredClone(base), theirs, rules), { value: theirs, conflicts: [] });
        assert.deepStrictEqual(mergeJson(base, mine, structuredClone(mine), rules), { value: mine, conflicts: [] });
      }),
      { numRuns: RUNS },
    );
  });

  it('UNKNOWN_BASE: the conflicts are exactly the paths of diffJson(mine, theirs)', () => {
    fc.assert(
      fc.property(scenario, ({ mine, theirs }) => {
        const r = mergeJson(UNKNOWN_BASE, mine, theirs, rules);
        const expected = new Set(diffJson(mine, theirs, rules).map((c) => formatPath(c.path)));
        assert.deepStrictEqual(new Set(r.conflicts.map((c) => formatPath(c.path))), expected);
        for (const c of r.conflicts) assert.equal(c.base, undefined);
        assert.deepStrictEqual(sortedById(r.value), sortedById(theirs));
        assert.deepStrictEqual(sortedById(mergeJson(UNKNOWN_BASE, mine, theirs, rules, { prefer: 'mine' }).value), sortedById(mine));
      }),
      { numRuns: RUNS },
    );
  });

  it('diffJson: no change between a document and a reordering of its variants; the changes of an edit are at distinct, unrelated paths', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine }) => {
        assert.deepStrictEqual(diffJson(mine, { ...mine, variants: [...mine.variants].reverse() }, rules), []);
        const changes = diffJson(base, mine, rules);
        for (const [i, a] of changes.entries()) {
          assert.ok(!isDeepStrictEqual(a.before, a.after), `a real change at ${formatPath(a.path)}`);
          assert.deepStrictEqual(a.before, valueAt(base, a.path));
          assert.deepStrictEqual(a.after, valueAt(mine, a.path));
          for (const b of changes.slice(i + 1)) assert.ok(!related(a.path, b.path), `${formatPath(a.path)} vs ${formatPath(b.path)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
