import assert from 'node:assert/strict';
import { diffJson, formatPath, idKeys, mergeJson, UNKNOWN_BASE, WHOLE_ARRAYS, type MergeConflict } from '../../../src/domain/document';

const rules = idKeys({ variants: '_id' });
const id = (value: string) => ({ key: '_id', id: value });

interface Variant {
  _id: string;
  name: string;
  price: number;
}
interface Doc {
  name: string;
  price: number;
  tagline?: string;
  tags: string[];
  settings: { color: string; size: number; extra?: Record<string, unknown> };
  variants: Variant[];
}

const base: Doc = {
  name: 'Pro',
  price: 10,
  tags: ['a', 'b'],
  settings: { color: 'red', size: 1 },
  variants: [
    { _id: 'a', name: 'Small', price: 5 },
    { _id: 'b', name: 'Large', price: 9 },
  ],
};

/** A copy of base changed by `change`. */
function edit(change: (doc: Doc) => void): Doc {
  const doc = structuredClone(base);
  change(doc);
  return doc;
}
const variant = (doc: Doc, vid: string): Variant => doc.variants.find((v) => v._id === vid)!;
const paths = (conflicts: MergeConflict[]) => conflicts.map((c) => formatPath(c.path)).sort();

describe('mergeJson (known base)', () => {
  it('nothing changed: the base, no conflict', () => {
    assert.deepEqual(mergeJson(base, structuredClone(base), structuredClone(base), rules), { value: base, conflicts: [] });
  });

  it('changed only by me: mine', () => {
    const mine = edit((d) => (d.name = 'Pro 2'));
    assert.deepEqual(mergeJson(base, mine, structuredClone(base), rules), { value: mine, conflicts: [] });
  });

  it('changed only by them: theirs', () => {
    const theirs = edit((d) => (d.settings.size = 2));
    assert.deepEqual(mergeJson(base, structuredClone(base), theirs, rules), { value: theirs, conflicts: [] });
  });

  it('mine and theirs changed different fields: both kept', () => {
    const mine = edit((d) => (d.name = 'Pro 2'));
    const theirs = edit((d) => (d.price = 12));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.value, { ...base, name: 'Pro 2', price: 12 });
  });

  it('both made the same change: that value, no conflict', () => {
    const mine = edit((d) => (d.name = 'Same'));
    const theirs = edit((d) => (d.name = 'Same'));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.equal((r.value as Doc).name, 'Same');
  });

  it('both changed a field differently: a conflict; theirs kept, or mine with prefer mine', () => {
    const mine = edit((d) => (d.name = 'Mine'));
    const theirs = edit((d) => {
      d.name = 'Theirs';
      d.price = 11;
    });
    const expected: MergeConflict[] = [{ path: ['name'], base: 'Pro', mine: 'Mine', theirs: 'Theirs' }];

    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, expected);
    assert.deepEqual(r.value, { ...base, name: 'Theirs', price: 11 });

    const r2 = mergeJson(base, mine, theirs, rules, { prefer: 'mine' });
    assert.deepEqual(r2.conflicts, expected);
    assert.deepEqual(r2.value, { ...base, name: 'Mine', price: 11 });

    assert.deepEqual(mergeJson(base, mine, theirs, rules, { prefer: 'theirs' }), r);
  });

  it('nested objects: different fields merge, the same field conflicts at its own path', () => {
    const mine = edit((d) => (d.settings.color = 'blue'));
    const theirs = edit((d) => (d.settings.size = 3));
    assert.deepEqual(mergeJson(base, mine, theirs, rules), { value: { ...base, settings: { color: 'blue', size: 3 } }, conflicts: [] });

    const theirs2 = edit((d) => (d.settings.color = 'green'));
    assert.deepEqual(mergeJson(base, mine, theirs2, rules).conflicts, [{ path: ['settings', 'color'], base: 'red', mine: 'blue', theirs: 'green' }]);
  });

  it("a colleague's change to variants[_id=a].price and mine to variants[_id=b].price: no conflict", () => {
    const theirs = edit((d) => (variant(d, 'a').price = 6));
    const mine = edit((d) => (variant(d, 'b').price = 10));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual((r.value as Doc).variants, [
      { _id: 'a', name: 'Small', price: 6 },
      { _id: 'b', name: 'Large', price: 10 },
    ]);
  });

  it('different fields of the same variant: no conflict', () => {
    const theirs = edit((d) => (variant(d, 'a').price = 6));
    const mine = edit((d) => (variant(d, 'a').name = 'Tiny'));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(variant(r.value as Doc, 'a'), { _id: 'a', name: 'Tiny', price: 6 });
  });

  it('the same variant field changed differently: a conflict at the element field path', () => {
    const theirs = edit((d) => (variant(d, 'a').price = 6));
    const mine = edit((d) => (variant(d, 'a').price = 7));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, [{ path: ['variants', id('a'), 'price'], base: 5, mine: 7, theirs: 6 }]);
    assert.equal(formatPath(r.conflicts[0]!.path), 'variants[_id="a"].price');
    assert.equal(variant(r.value as Doc, 'a').price, 6);
    assert.equal(variant(mergeJson(base, mine, theirs, rules, { prefer: 'mine' }).value as Doc, 'a').price, 7);
  });

  it('a colleague adds a variant while I edit another one: both kept', () => {
    const theirs = edit((d) => d.variants.push({ _id: 'c', name: 'Huge', price: 20 }));
    const mine = edit((d) => (variant(d, 'a').name = 'Tiny'));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual((r.value as Doc).variants, [
      { _id: 'a', name: 'Tiny', price: 5 },
      { _id: 'b', name: 'Large', price: 9 },
      { _id: 'c', name: 'Huge', price: 20 },
    ]);
  });

  it('both add different variants: both kept', () => {
    const theirs = edit((d) => d.variants.push({ _id: 'c', name: 'Huge', price: 20 }));
    const mine = edit((d) => d.variants.push({ _id: 'd', name: 'Mini', price: 1 }));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(
      (r.value as Doc).variants.map((v) => v._id),
      ['a', 'b', 'c', 'd'],
    );
  });

  it('I remove a variant the colleague did not touch: removed', () => {
    const mine = edit((d) => (d.variants = d.variants.filter((v) => v._id !== 'b')));
    const theirs = edit((d) => {
      variant(d, 'a').price = 6;
      d.name = 'Renamed';
    });
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.value, { ...base, name: 'Renamed', variants: [{ _id: 'a', name: 'Small', price: 6 }] });
  });

  it('the colleague removes a variant I did not touch: removed', () => {
    const theirs = edit((d) => (d.variants = d.variants.filter((v) => v._id !== 'a')));
    const mine = edit((d) => (variant(d, 'b').price = 1));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual((r.value as Doc).variants, [{ _id: 'b', name: 'Large', price: 1 }]);
  });

  it('both remove the same variant: removed, no conflict', () => {
    const removeB = (d: Doc) => (d.variants = d.variants.filter((v) => v._id !== 'b'));
    const r = mergeJson(base, edit(removeB), edit(removeB), rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual((r.value as Doc).variants, [{ _id: 'a', name: 'Small', price: 5 }]);
  });

  it('I remove a variant the colleague edited: a conflict at the variant path', () => {
    const mine = edit((d) => (d.variants = d.variants.filter((v) => v._id !== 'b')));
    const theirs = edit((d) => (variant(d, 'b').price = 99));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, [{ path: ['variants', id('b')], base: base.variants[1], mine: undefined, theirs: { _id: 'b', name: 'Large', price: 99 } }]);
    assert.deepEqual((r.value as Doc).variants, theirs.variants, 'theirs kept: the edited variant stays');
    const r2 = mergeJson(base, mine, theirs, rules, { prefer: 'mine' });
    assert.deepEqual((r2.value as Doc).variants, mine.variants, 'mine: the variant is removed');
  });

  it('the colleague removes a variant I edited: a conflict at the variant path', () => {
    const theirs = edit((d) => (d.variants = d.variants.filter((v) => v._id !== 'a')));
    const mine = edit((d) => (variant(d, 'a').name = 'Tiny'));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(paths(r.conflicts), ['variants[_id="a"]']);
    assert.deepEqual((r.value as Doc).variants, theirs.variants);
    const r2 = mergeJson(base, mine, theirs, rules, { prefer: 'mine' });
    assert.deepEqual(variant(r2.value as Doc, 'a'), { _id: 'a', name: 'Tiny', price: 5 });
  });

  it('a reordering by one side and an edit by the other: no conflict, the edit kept', () => {
    const mine = edit((d) => d.variants.reverse());
    const theirs = edit((d) => (variant(d, 'a').price = 6));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, []);
    assert.equal(variant(r.value as Doc, 'a').price, 6);
    assert.equal((r.value as Doc).variants.length, 2);
  });

  it('new keys added by both with the same value: no conflict', () => {
    const add = (d: Doc) => {
      d.tagline = 'New!';
      d.settings.extra = { deep: [1, 2], on: true };
      d.variants.push({ _id: 'c', name: 'Huge', price: 20 });
    };
    const r = mergeJson(base, edit(add), edit(add), rules);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.value, edit(add));
  });

  it('a new key added by both with different values: a conflict with no base', () => {
    const r = mergeJson(
      base,
      edit((d) => (d.tagline = 'Mine')),
      edit((d) => (d.tagline = 'Theirs')),
      rules,
    );
    assert.deepEqual(r.conflicts, [{ path: ['tagline'], base: undefined, mine: 'Mine', theirs: 'Theirs' }]);
    assert.equal((r.value as Doc).tagline, 'Theirs');
  });

  it('a key removed by me and changed by them: a conflict', () => {
    const mine = edit((d) => delete d.tagline);
    const baseWith = { ...base, tagline: 'Old' };
    const r = mergeJson(baseWith, mine, { ...baseWith, tagline: 'Changed' }, rules);
    assert.deepEqual(r.conflicts, [{ path: ['tagline'], base: 'Old', mine: undefined, theirs: 'Changed' }]);
    assert.equal((r.value as Doc).tagline, 'Changed');
    const r2 = mergeJson(baseWith, mine, { ...baseWith, tagline: 'Changed' }, rules, { prefer: 'mine' });
    assert.ok(!('tagline' in (r2.value as Doc)), 'prefer mine: the key is absent, not undefined-valued');
  });

  it('arrays without an id rule merge whole: different changes conflict at the array', () => {
    const mine = edit((d) => d.tags.push('mine'));
    const theirs = edit((d) => d.tags.push('theirs'));
    const r = mergeJson(base, mine, theirs, rules);
    assert.deepEqual(r.conflicts, [{ path: ['tags'], base: ['a', 'b'], mine: ['a', 'b', 'mine'], theirs: ['a', 'b', 'theirs'] }]);
    // Under WHOLE_ARRAYS, edits to different variants conflict too.
    const m = edit((d) => (variant(d, 'a').price = 1));
    const t = edit((d) => (variant(d, 'b').price = 1));
    assert.deepEqual(paths(mergeJson(base, m, t, WHOLE_ARRAYS).conflicts), ['variants']);
  });

  it('undefined-valued keys count as absent', () => {
    const r = mergeJson({ a: 1 }, { a: 1, b: undefined }, { a: 2 }, rules);
    assert.deepEqual(r, { value: { a: 2 }, conflicts: [] });
  });

  it('an undefined base means "absent": additions by both merge key by key', () => {
    const r = mergeJson(undefined, { a: 1, b: 2 }, { a: 1, c: 3 }, rules);
    assert.deepEqual(r, { value: { a: 1, c: 3, b: 2 }, conflicts: [] });
  });

  it('a "__proto__" key is an ordinary field, as nodeValue and JSON.parse make it', () => {
    // diffJson sees my change at ["__proto__"]; the merge must keep it as an own key and leave
    // the prototype of the result alone.
    const mine = JSON.parse('{"a":1,"__proto__":{"evil":true}}') as Record<string, unknown>;
    assert.deepEqual(diffJson({ a: 1 }, mine, rules), [{ path: ['__proto__'], before: undefined, after: { evil: true } }]);
    const r = mergeJson({ a: 1 }, mine, { a: 2 }, rules);
    const value = r.value as Record<string, unknown>;
    assert.deepEqual(r.conflicts, []);
    assert.equal(Object.getPrototypeOf(value), Object.prototype, 'the prototype of the result is not replaced');
    assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'), 'my "__proto__" field is kept');
    assert.deepEqual(Object.keys(value), ['a', '__proto__']);
    assert.deepEqual(value, JSON.parse('{"a":2,"__proto__":{"evil":true}}'));
  });

  it("the result takes theirs' key order, then keys only I have", () => {
    const r = mergeJson({ x: 0 }, { x: 0, mineOnly: 1, z: 2 }, { z: 2, y: 3, x: 0 }, rules);
    assert.deepEqual(Object.keys(r.value as object), ['z', 'y', 'x', 'mineOnly']);
  });
});

describe('mergeJson (UNKNOWN_BASE)', () => {
  it('equal documents: no conflict', () => {
    assert.deepEqual(mergeJson(UNKNOWN_BASE, structuredClone(base), structuredClone(base), rules), { value: base, conflicts: [] });
  });

  it('every path where mine and theirs differ is a conflict; equal paths are not', () => {
    const mine = edit((d) => {
      d.name = 'Mine';
      variant(d, 'a').price = 1;
      d.settings.color = 'blue';
      d.tagline = 'only mine';
      d.variants.push({ _id: 'm', name: 'Mine', price: 1 });
    });
    const theirs = edit((d) => {
      d.name = 'Theirs';
      variant(d, 'b').name = 'XL';
      d.tags = ['z'];
    });
    const r = mergeJson(UNKNOWN_BASE, mine, theirs, rules);
    assert.deepEqual(paths(r.conflicts), [
      'name',
      'settings.color',
      'tagline',
      'tags',
      'variants[_id="a"].price',
      'variants[_id="b"].name',
      'variants[_id="m"]',
    ]);
    for (const c of r.conflicts) assert.equal(c.base, undefined, `${formatPath(c.path)}: no base`);
    assert.deepEqual(
      r.conflicts.find((c) => formatPath(c.path) === 'name'),
      { path: ['name'], base: undefined, mine: 'Mine', theirs: 'Theirs' },
    );
    // Nothing is reverted silently: theirs everywhere, or mine everywhere with prefer mine.
    assert.deepEqual(r.value, theirs);
    assert.deepEqual(mergeJson(UNKNOWN_BASE, mine, theirs, rules, { prefer: 'mine' }).value, mine);
  });

  it('is not the same as an undefined base', () => {
    const r = mergeJson(UNKNOWN_BASE, { a: 1, b: 2 }, { a: 1, c: 3 }, rules);
    assert.deepEqual(paths(r.conflicts), ['b', 'c']);
    assert.deepEqual(r.value, { a: 1, c: 3 });
  });
});
