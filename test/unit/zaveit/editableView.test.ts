// The editable view (what diffs and merges see), the update/create bodies made from it, and the
// three-way merge of Zaveit products with variants matched by `_id`: examples, then a property
// test over random base / mine / theirs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { zaveitDemoCatalog } from '../../../sandbox/zaveit';
import { diffJson, formatPath, isElementId, mergeJson, type JsonPath } from '../../../src/domain/document';
import {
  serializeZaveitProduct,
  zaveitEditableView,
  zaveitProductModel,
  zaveitUpdateBody,
} from '../../../src/domain/zaveit/product';

const rules = zaveitProductModel.mergeRules;
type Obj = Record<string, unknown>;
const view = (o: Obj): Obj => zaveitEditableView(o);
/** What a document holds after the user saved its text: parsed back from the serialised form. */
const asDocument = (o: Obj): Obj => JSON.parse(serializeZaveitProduct(o)) as Obj;

const DEMO = zaveitDemoCatalog().products;

describe('domain/zaveit: editable view', () => {
  it('an untouched document has the same view as the server object, for every demo product', () => {
    for (const product of DEMO) {
      assert.deepEqual(view(asDocument(product)), view(product), product.name);
      assert.deepEqual(diffJson(view(product), view(asDocument(product)), rules), []);
    }
  });

  it('drops server-owned parts (ids, country/currency _id, currency.title) and normalises description', () => {
    const v = view({ id: 'x', name: 'N', description: null, country: { code: 'NO', _id: 'c' }, currency: { code: 'NOK', title: 'Norway kroner', _id: 'k' }, updated: 'u', stock: 1 });
    assert.deepEqual(v, { name: 'N', description: '', country: { code: 'NO' }, currency: { code: 'NOK' } });
  });

  it('gives new variants distinct placeholder ids, so two of them are two additions', () => {
    const base = DEMO[1]!;
    const mine = asDocument(base);
    const variant = { _id: '', sku: 'NEW', price: 1, amount: { min: 1, default: 1 } };
    (mine.products as Obj[]).push({ ...variant }, { ...variant, sku: 'NEW2' }, { sku: 'NO-ID', price: 2, amount: { min: 1, default: 1 } });
    const ids = (view(mine).products as Obj[]).map((p) => p._id);
    assert.deepEqual(ids.slice(-3), ['new:1', 'new:2', 'new:3']);
    const changes = diffJson(view(base), view(mine), rules);
    assert.deepEqual(changes.map((c) => formatPath(c.path)), ['products[_id="new:1"]', 'products[_id="new:2"]', 'products[_id="new:3"]']);
    assert.ok(changes.every((c) => c.before === undefined));
  });

  it('update body: changed top-level fields whole, placeholders back to "", a currency with its title; {} for no change', () => {
    const base = DEMO[0]!;
    const from = view(base);
    assert.deepEqual(zaveitUpdateBody(from, view(asDocument(base))), {});
    const mine = asDocument(base);
    (mine.products as Obj[])[0]!.price = 1;
    (mine.products as Obj[]).push({ _id: '', sku: 'X', price: 2, amount: { min: 1, default: 1 } });
    mine.currency = { code: 'EUR', _id: (base.currency as Obj)._id };
    const body = zaveitUpdateBody(from, view(mine)) as Obj;
    assert.deepEqual(Object.keys(body), ['currency', 'products']);
    assert.deepEqual(body.currency, { code: 'EUR', title: 'Euro' });
    const products = body.products as Obj[];
    assert.equal(products.length, 4);
    assert.equal(products[3]!._id, '');
    assert.equal(products[0]!._id, (base.products as Obj[])[0]!._id);
  });
});

describe('domain/zaveit: three-way merge of products', () => {
  const base = DEMO[2]!; // Endpoint Security: 4 variants
  const variantsOf = (o: Obj): Obj[] => o.products as Obj[];

  it("a colleague's change to one variant and mine to another both keep", () => {
    const mine = asDocument(base);
    variantsOf(mine)[0]!.price = 41;
    const theirs = structuredClone(base) as Obj;
    variantsOf(theirs)[3]!.discount = 15;
    theirs.description = 'Now with EDR.';
    const { value, conflicts } = mergeJson(view(base), view(mine), view(theirs), rules);
    assert.deepEqual(conflicts, []);
    const merged = value as Obj;
    assert.equal(variantsOf(merged)[0]!.price, 41);
    assert.equal(variantsOf(merged)[3]!.discount, 15);
    assert.equal(merged.description, 'Now with EDR.');
  });

  it('both changed the same variant field differently → one conflict at that path', () => {
    const mine = asDocument(base);
    variantsOf(mine)[1]!.price = 1;
    const theirs = structuredClone(base) as Obj;
    variantsOf(theirs)[1]!.price = 2;
    const { conflicts } = mergeJson(view(base), view(mine), view(theirs), rules);
    const id = variantsOf(base)[1]!._id as string;
    assert.deepEqual(conflicts.map((c) => formatPath(c.path)), [`products[_id=${JSON.stringify(id)}].price`]);
  });

  it('my two new variants and their new variant are all kept', () => {
    const mine = asDocument(base);
    variantsOf(mine).push({ _id: '', sku: 'M1', price: 1, amount: { min: 1, default: 1 } }, { _id: '', sku: 'M2', price: 2, amount: { min: 1, default: 1 } });
    const theirs = structuredClone(base) as Obj;
    variantsOf(theirs).push({ _id: 'ffffffffffffffffffffffff', sku: 'T1', price: 3, amount: { min: 1, default: 1 } });
    const { value, conflicts } = mergeJson(view(base), view(mine), view(theirs), rules);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(variantsOf(value as Obj).map((v) => v.sku), ['ES-1', 'ES-5', 'ES-25', 'ES-100', 'T1', 'M1', 'M2']);
  });

  // ── property ──────────────────────────────────────────────────────────────────────────────

  const hex24 = fc.stringMatching(/^[0-9a-f]{24}$/);
  const small = <T>(...values: T[]) => fc.constantFrom(...values);
  const variantArb = (id: fc.Arbitrary<string>) =>
    fc.record({ _id: id, sku: small('A', 'B', 'C', 'D'), price: small(1, 2, 3), discount: small(0, 5), amount: fc.constant({ min: 1, default: 1, max: 10 }), reference: fc.constant('') });
  const baseArb = fc.uniqueArray(hex24, { minLength: 1, maxLength: 4 }).chain((ids) =>
    fc.record({
      id: fc.constant('p1'),
      name: small('Alpha', 'Beta'),
      description: small('', 'one'),
      subscription_term: small(0, 720, 8640),
      amount: fc.record({ min: fc.constant(1), default: small(1, 2), max: fc.constant(10) }),
      currency: fc.record({ code: small('NOK', 'EUR'), _id: fc.constant('c'.repeat(24)) }),
      products: fc.tuple(...ids.map((id) => variantArb(fc.constant(id)))),
      updated: fc.constant('2026-01-01T00:00:00.000Z'),
    }),
  );

  interface Edits {
    name?: string;
    description?: string;
    term?: number;
    amountDefault?: number;
    currency?: string;
    variantEdits: { index: number; field: 'price' | 'sku' | 'discount'; value: string | number }[];
    removals: number[];
    additions: number;
  }
  const editsArb: fc.Arbitrary<Edits> = fc.record(
    {
      name: small('Alpha', 'Beta', 'Gamma'),
      description: small('', 'one', 'two'),
      term: small(0, 720, 8640),
      amountDefault: small(1, 2, 3),
      currency: small('NOK', 'EUR', 'USD'),
      variantEdits: fc.array(
        fc.oneof(
          fc.record({ index: fc.nat(3), field: fc.constant('price' as const), value: small(1, 2, 3, 4) }),
          fc.record({ index: fc.nat(3), field: fc.constant('sku' as const), value: small('A', 'B', 'E') }),
          fc.record({ index: fc.nat(3), field: fc.constant('discount' as const), value: small(0, 5, 10) }),
        ),
        { maxLength: 3 },
      ),
      removals: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
      additions: fc.nat(2),
    },
    { requiredKeys: ['variantEdits', 'removals', 'additions'] },
  );

  function apply(base: Obj, edits: Edits, side: 'mine' | 'theirs'): Obj {
    const out = structuredClone(base);
    if (edits.name !== undefined) out.name = edits.name;
    if (edits.description !== undefined) out.description = edits.description;
    if (edits.term !== undefined) out.subscription_term = edits.term;
    if (edits.amountDefault !== undefined) (out.amount as Obj).default = edits.amountDefault;
    if (edits.currency !== undefined) out.currency = { ...(out.currency as Obj), code: edits.currency };
    const variants = out.products as Obj[];
    for (const e of edits.variantEdits) if (variants[e.index]) variants[e.index]![e.field] = e.value;
    const removed = new Set(edits.removals.filter((i) => i < variants.length).map((i) => variants[i]!._id));
    out.products = variants.filter((v) => !removed.has(v._id));
    for (let k = 0; k < edits.additions; k++) {
      // A new variant in my document has "" as its id; one on the server already has a real one.
      const id = side === 'mine' ? '' : `eeeeeeeeeeeeeeeeeeeeee${String(k).padStart(2, '0')}`;
      (out.products as Obj[]).push({ _id: id, sku: `${side}-${k}`, price: 9, amount: { min: 1, default: 1 } });
    }
    return side === 'mine' ? asDocument(out) : out;
  }

  /** The value at a path whose element ids name variants; undefined when absent. */
  function at(value: unknown, path: JsonPath): unknown {
    let node = value;
    for (const segment of path) {
      if (isElementId(segment)) node = Array.isArray(node) ? node.find((e: Obj) => e[segment.key] === segment.id) : undefined;
      else node = typeof node === 'object' && node !== null ? (node as Obj)[segment] : undefined;
    }
    return node;
  }

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  it('property: every change of only one side is kept; a conflict exactly where both changed the same path differently', () => {
    fc.assert(
      fc.property(baseArb, editsArb, editsArb, (b, mineEdits, theirEdits) => {
        const base = b as unknown as Obj;
        const vb = view(base);
        const vm = view(apply(base, mineEdits, 'mine'));
        const vt = view(apply(base, theirEdits, 'theirs'));
        const { value, conflicts } = mergeJson(vb, vm, vt, rules);
        const expectedConflicts: string[] = [];
        const top: JsonPath[] = [['name'], ['description'], ['subscription_term'], ['amount', 'default'], ['currency', 'code']];
        const check = (path: JsonPath): void => {
          const [bv, mv, tv] = [at(vb, path), at(vm, path), at(vt, path)];
          const mineChanged = !same(bv, mv);
          const theirsChanged = !same(bv, tv);
          if (mineChanged && theirsChanged && !same(mv, tv)) {
            expectedConflicts.push(formatPath(path));
            assert.ok(same(at(value, path), tv), `${formatPath(path)}: a conflict keeps theirs`);
          } else {
            assert.ok(same(at(value, path), mineChanged ? mv : tv), `${formatPath(path)}: expected ${JSON.stringify(mineChanged ? mv : tv)}, got ${JSON.stringify(at(value, path))}`);
          }
        };
        top.forEach(check);
        for (const variant of vb.products as Obj[]) {
          const vpath: JsonPath = ['products', { key: '_id', id: variant._id as string }];
          const removedByOne = at(vm, vpath) === undefined || at(vt, vpath) === undefined;
          if (removedByOne) check(vpath);
          else for (const field of ['price', 'sku', 'discount']) check([...vpath, field]);
        }
        // Every addition of either side is there, untouched.
        for (const side of [vm, vt]) {
          for (const variant of side.products as Obj[]) {
            if ((vb.products as Obj[]).some((v) => v._id === variant._id)) continue;
            assert.ok(same(at(value, ['products', { key: '_id', id: variant._id as string }]), variant), `addition ${String(variant._id)} kept`);
          }
        }
        assert.deepEqual(conflicts.map((c) => formatPath(c.path)).sort(), expectedConflicts.sort());
      }),
      { numRuns: 400 },
    );
  });
});
