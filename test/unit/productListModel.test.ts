// The products explorer's paging model: pages land in order and only for the current generation,
// products never show twice, and local edits (create, save, archive) keep the count right.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ProductListModel, type PageAnswer } from '../../src/domain/catalog/productListModel';

interface P {
  readonly id: string;
  readonly name?: string;
}

const p = (id: string, name?: string): P => (name === undefined ? { id } : { id, name });
const ids = (m: ProductListModel<P>): string[] => m.items.map((x) => x.id);
const answer = (count: number, ...results: string[]): PageAnswer<P> => ({ count, results: results.map((id) => p(id)) });

/** A catalog of `n` products `p0…p{n-1}`, served the way the API pages it. */
function catalog(n: number): P[] {
  return Array.from({ length: n }, (_, i) => p(`p${i}`));
}
function serve(all: readonly P[], page: number, pageSize: number): PageAnswer<P> {
  return { count: all.length, results: all.slice((page - 1) * pageSize, page * pageSize) };
}

/** The model's observable state, for whole-state comparisons. */
function state(m: ProductListModel<P>) {
  return { items: ids(m), total: m.total, search: m.search, generation: m.generation, loaded: m.loaded, hasMore: m.hasMore, nextPage: m.nextPage };
}

describe('domain/catalog/ProductListModel', () => {
  describe('a new model', () => {
    it('is empty, not loaded, asks for page 1, generation 0', () => {
      const m = new ProductListModel<P>(10);
      assert.deepEqual(state(m), { items: [], total: undefined, search: undefined, generation: 0, loaded: false, hasMore: false, nextPage: 1 });
      assert.equal(m.pageSize, 10);
    });
    it('defaults to pages of 100', () => assert.equal(new ProductListModel<P>().pageSize, 100));
  });

  describe('reset', () => {
    it('returns a new generation each time and forgets everything', () => {
      const m = new ProductListModel<P>(2);
      const g1 = m.reset('pro');
      assert.equal(g1, 1);
      assert.ok(m.acceptPage(g1, 1, answer(5, 'a', 'b')));
      const g2 = m.reset();
      assert.equal(g2, 2);
      assert.equal(m.generation, 2);
      assert.deepEqual(state(m), { items: [], total: undefined, search: undefined, generation: 2, loaded: false, hasMore: false, nextPage: 1 });
    });

    const searches: Array<[string | undefined, string | undefined]> = [
      [undefined, undefined],
      ['', undefined],
      ['   ', undefined],
      ['\t\n ', undefined],
      ['pro', 'pro'],
      ['  pro plan  ', 'pro plan'],
      ['\tPro\n', 'Pro'],
    ];
    for (const [input, expected] of searches) {
      it(`search ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
        const m = new ProductListModel<P>();
        m.reset('previous');
        m.reset(input);
        assert.equal(m.search, expected);
      });
    }
  });

  describe('acceptPage: only the next page of the current generation lands', () => {
    const cases: Array<{ name: string; generation: (current: number) => number; page: number; accepted: boolean }> = [
      { name: 'current generation, next page', generation: (g) => g, page: 2, accepted: true },
      { name: 'a stale generation (before the reset)', generation: (g) => g - 1, page: 2, accepted: false },
      { name: 'a future generation', generation: (g) => g + 1, page: 2, accepted: false },
      { name: 'the same page again', generation: (g) => g, page: 1, accepted: false },
      { name: 'a page skipped ahead', generation: (g) => g, page: 3, accepted: false },
      { name: 'page 0', generation: (g) => g, page: 0, accepted: false },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.accepted ? 'accepted' : 'dropped, nothing changes'}`, () => {
        const m = new ProductListModel<P>(2);
        m.reset();
        const g = m.reset('x');
        assert.ok(m.acceptPage(g, 1, answer(6, 'a', 'b')));
        const before = state(m);
        const ok = m.acceptPage(c.generation(g), c.page, answer(6, 'c', 'd'));
        assert.equal(ok, c.accepted);
        if (c.accepted) assert.deepEqual(state(m), { ...before, items: ['a', 'b', 'c', 'd'], nextPage: 3, hasMore: true });
        else assert.deepEqual(state(m), before);
      });
    }

    it('a page that arrives after a refresh is dropped, and the refreshed page 1 lands', () => {
      const m = new ProductListModel<P>(2);
      const old = m.reset();
      const fresh = m.reset();
      assert.equal(m.acceptPage(old, 1, answer(2, 'stale1', 'stale2')), false);
      assert.equal(m.loaded, false);
      assert.ok(m.acceptPage(fresh, 1, answer(1, 'a')));
      assert.deepEqual(ids(m), ['a']);
    });

    it('page 1 must come first', () => {
      const m = new ProductListModel<P>(2);
      const g = m.reset();
      assert.equal(m.acceptPage(g, 2, answer(4, 'c', 'd')), false);
      assert.equal(m.loaded, false);
    });

    it('products that shift between pages are shown once, in first-seen order', () => {
      const m = new ProductListModel<P>(3);
      const g = m.reset();
      assert.ok(m.acceptPage(g, 1, answer(7, 'a', 'b', 'c')));
      // A product was created meanwhile: 'c' slid onto page 2.
      assert.ok(m.acceptPage(g, 2, answer(7, 'c', 'd', 'e')));
      assert.deepEqual(ids(m), ['a', 'b', 'c', 'd', 'e']);
      assert.equal(m.nextPage, 3);
      assert.ok(m.acceptPage(g, 3, answer(7, 'e', 'f')));
      assert.deepEqual(ids(m), ['a', 'b', 'c', 'd', 'e', 'f']);
      // Three pages of 3 cover the count of 7: nothing more to ask for, even with fewer items shown.
      assert.equal(m.hasMore, false);
    });
    // the items before the page and not updated while the page's results are appended, so a
    // product listed twice within ONE page is shown twice. Input: page 1 = [a, b, b] (count 3) →
    // expected items [a, b]; actual [a, b, b]. Fix: `seen.add(item.id)` after each push.
    it('a product listed twice within one page is shown once', () => {
      const m = new ProductListModel<P>(3);
      const g = m.reset();
      assert.ok(m.acceptPage(g, 1, answer(3, 'a', 'b', 'b')));
      assert.deepEqual(ids(m), ['a', 'b']);
    });

    it('stops asking once the pages cover the count, even when a shifted product left fewer items', () => {
      const m = new ProductListModel<P>(2);
      const g = m.reset();
      assert.ok(m.acceptPage(g, 1, answer(4, 'a', 'b')));
      assert.equal(m.hasMore, true);
      assert.ok(m.acceptPage(g, 2, answer(4, 'b', 'c')));
      assert.deepEqual(ids(m), ['a', 'b', 'c']);
      assert.equal(m.hasMore, false, 'two pages of 2 cover a count of 4');
    });

    it('keeps the first copy of a product that shifted (not the later one)', () => {
      const m = new ProductListModel<P>(2);
      const g = m.reset();
      m.acceptPage(g, 1, { count: 4, results: [p('a', 'first'), p('b')] });
      m.acceptPage(g, 2, { count: 4, results: [p('b', 'second'), p('a', 'second')] });
      assert.deepEqual(m.items, [p('a', 'first'), p('b')]);
    });

    it('takes the latest count from each page', () => {
      const m = new ProductListModel<P>(2);
      const g = m.reset();
      m.acceptPage(g, 1, answer(10, 'a', 'b'));
      assert.equal(m.total, 10);
      m.acceptPage(g, 2, answer(3, 'c'));
      assert.equal(m.total, 3);
      assert.equal(m.hasMore, false);
    });
  });

  describe('hasMore / nextPage', () => {
    // [page size, count, pages fed in (each full unless the count ends it), hasMore, nextPage]
    const cases: Array<[number, number, number, boolean, number]> = [
      [10, 0, 1, false, 2],
      [10, 5, 1, false, 2],
      [10, 10, 1, false, 2],
      [10, 11, 1, true, 2],
      [10, 11, 2, false, 3],
      [10, 25, 2, true, 3],
      [10, 25, 3, false, 4],
      [1, 3, 2, true, 3],
      [1, 3, 3, false, 4],
    ];
    for (const [size, count, pages, more, next] of cases) {
      it(`${count} products, pages of ${size}, ${pages} page(s) in → hasMore ${more}, next page ${next}`, () => {
        const all = catalog(count);
        const m = new ProductListModel<P>(size);
        const g = m.reset();
        for (let page = 1; page <= pages; page++) assert.ok(m.acceptPage(g, page, serve(all, page, size)));
        assert.equal(m.hasMore, more);
        assert.equal(m.nextPage, next);
        assert.equal(m.loaded, true);
      });
    }
  });

  describe('the page size the server serves, and counts it cannot be trusted with', () => {
    it('a server that serves 50 when asked for 100: pages are counted in 50s, every product is reached', () => {
      const all = catalog(150);
      const m = new ProductListModel<P>(100);
      const g = m.reset();
      for (let page = 1; page <= 3; page++) {
        assert.equal(m.nextPage, page);
        assert.ok(m.acceptPage(g, page, serve(all, page, 50)));
        assert.equal(m.hasMore, page < 3, `after page ${page}`);
      }
      assert.equal(m.servedPageSize, 50);
      assert.deepEqual(m.items, all);
    });

    it('a count of 1e15: Load more stays only until a short page shows the real end', () => {
      const m = new ProductListModel<P>(2);
      const g = m.reset();
      m.acceptPage(g, 1, answer(1e15, 'a', 'b'));
      assert.equal(m.hasMore, true);
      m.acceptPage(g, 2, answer(1e15, 'c'));
      assert.equal(m.hasMore, false);
      assert.deepEqual(ids(m), ['a', 'b', 'c']);
    });

    it('an empty page ends the list, page 1 included', () => {
      const m = new ProductListModel<P>(2);
      const g = m.reset();
      m.acceptPage(g, 1, answer(50));
      assert.equal(m.hasMore, false);
      const m2 = new ProductListModel<P>(2);
      const g2 = m2.reset();
      m2.acceptPage(g2, 1, answer(9, 'a', 'b'));
      m2.acceptPage(g2, 2, answer(9));
      assert.equal(m2.hasMore, false);
    });

    it('a reset forgets the served page size', () => {
      const m = new ProductListModel<P>(10);
      m.acceptPage(m.reset(), 1, answer(20, 'a', 'b'));
      assert.equal(m.servedPageSize, 2);
      m.reset();
      assert.equal(m.servedPageSize, 10);
    });
  });

  describe('acceptAll (Load all)', () => {
    const cases: Array<[number, number, number]> = [
      // [page size, products, next page afterwards]
      [10, 0, 1],
      [10, 1, 2],
      [10, 10, 2],
      [10, 11, 3],
      [100, 250, 4],
    ];
    for (const [size, n, next] of cases) {
      it(`${n} products, pages of ${size} → total ${n}, no more, next page ${next}`, () => {
        const m = new ProductListModel<P>(size);
        const g = m.reset('q');
        m.acceptPage(g, 1, serve(catalog(n + 5), 1, size));
        assert.ok(m.acceptAll(g, catalog(n)));
        assert.deepEqual(ids(m), catalog(n).map((x) => x.id));
        assert.equal(m.total, n);
        assert.equal(m.loaded, true);
        assert.equal(m.hasMore, false);
        assert.equal(m.nextPage, next);
        assert.equal(m.search, 'q');
      });
    }

    it('is dropped when stale', () => {
      const m = new ProductListModel<P>(2);
      const old = m.reset();
      const g = m.reset();
      m.acceptPage(g, 1, answer(5, 'a', 'b'));
      const before = state(m);
      assert.equal(m.acceptAll(old, catalog(3)), false);
      assert.deepEqual(state(m), before);
    });

    it('copies the list (later changes to the caller\'s array do not leak in)', () => {
      const m = new ProductListModel<P>(2);
      const g = m.reset();
      const list = catalog(2);
      m.acceptAll(g, list);
      list.push(p('late'));
      assert.deepEqual(ids(m), ['p0', 'p1']);
    });
  });

  describe('find / upsert / remove', () => {
    function loaded(): ProductListModel<P> {
      const m = new ProductListModel<P>(3);
      const g = m.reset();
      m.acceptPage(g, 1, answer(5, 'a', 'b', 'c'));
      return m;
    }

    it('find returns the product or undefined', () => {
      const m = loaded();
      assert.deepEqual(m.find('b'), p('b'));
      assert.equal(m.find('zz'), undefined);
    });

    it('upsert of a new product inserts it at the top and counts it', () => {
      const m = loaded();
      m.upsert(p('new'));
      assert.deepEqual(ids(m), ['new', 'a', 'b', 'c']);
      assert.equal(m.total, 6);
    });

    it('upsert of a known product replaces it in place; the count is unchanged', () => {
      const m = loaded();
      m.upsert(p('b', 'renamed'));
      assert.deepEqual(ids(m), ['a', 'b', 'c']);
      assert.deepEqual(m.find('b'), p('b', 'renamed'));
      assert.equal(m.total, 5);
    });

    it('upsert before the first page shows the product but leaves the count unknown', () => {
      const m = new ProductListModel<P>();
      m.upsert(p('new'));
      assert.deepEqual(ids(m), ['new']);
      assert.equal(m.total, undefined);
      assert.equal(m.loaded, false);
    });

    it('upsert then a page containing the same product does not show it twice', () => {
      const m = loaded();
      m.upsert(p('new'));
      assert.ok(m.acceptPage(m.generation, 2, answer(6, 'c', 'new', 'd')));
      assert.deepEqual(ids(m), ['new', 'a', 'b', 'c', 'd']);
    });

    const removals: Array<[string, boolean, string[], number]> = [
      ['b', true, ['a', 'c'], 4],
      ['a', true, ['b', 'c'], 4],
      ['zz', false, ['a', 'b', 'c'], 5],
    ];
    for (const [id, removed, rest, total] of removals) {
      it(`remove(${id}) → ${removed}, leaves ${rest.join(',')}, total ${total}`, () => {
        const m = loaded();
        assert.equal(m.remove(id), removed);
        assert.deepEqual(ids(m), rest);
        assert.equal(m.total, total);
      });
    }

    it('replace swaps a listed product in place and never adds one (a save during a search)', () => {
      const m = new ProductListModel<P>(3);
      const g = m.reset('pro');
      m.acceptPage(g, 1, answer(2, 'a', 'b'));
      assert.equal(m.replace(p('b', 'renamed')), true);
      assert.deepEqual(m.items, [p('a'), p('b', 'renamed')]);
      assert.equal(m.replace(p('other')), false);
      assert.deepEqual(ids(m), ['a', 'b']);
      assert.equal(m.total, 2);
    });

    it('remove before the first page leaves the count unknown', () => {
      const m = new ProductListModel<P>();
      m.upsert(p('a'));
      assert.equal(m.remove('a'), true);
      assert.equal(m.total, undefined);
    });

    it('upsert and remove keep hasMore consistent with what is left to fetch', () => {
      const m = new ProductListModel<P>(3);
      const g = m.reset();
      m.acceptPage(g, 1, answer(3, 'a', 'b', 'c'));
      assert.equal(m.hasMore, false);
      m.upsert(p('new'));
      assert.equal(m.hasMore, false, 'the created product is already shown');
      m.remove('a');
      assert.equal(m.hasMore, false);
      assert.equal(m.total, 3);
    });
  });

  describe('property: feeding pages in order yields exactly the catalog', () => {
    it('for any catalog of 0..1000 products and any page size 1..100', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.string({ maxLength: 8 }), (n, pageSize, search) => {
          const all = catalog(n);
          const m = new ProductListModel<P>(pageSize);
          m.reset('stale search');
          const g = m.reset(search);
          let pages = 0;
          do {
            const page = m.nextPage;
            assert.equal(page, pages + 1);
            assert.ok(m.acceptPage(g, page, serve(all, page, pageSize)), `page ${page} dropped`);
            // A late answer to an earlier request for the same page never lands twice.
            assert.equal(m.acceptPage(g, page, serve(all, page, pageSize)), false);
            pages += 1;
            assert.ok(pages <= n + 1, 'runaway paging');
          } while (m.hasMore);
          assert.deepEqual(m.items, all);
          assert.equal(m.total, n);
          assert.equal(m.hasMore, false);
          assert.equal(pages, n === 0 ? 1 : Math.ceil(n / pageSize));
          assert.equal(m.generation, g);
        }),
        { numRuns: 200 },
      );
    });
  });
});
