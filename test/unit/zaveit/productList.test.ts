// The Zaveit tree's list model: server pages, or the whole list from a server that ignored
// paging (then searched and paged here), deleted rows hidden unless shown, stale answers dropped.
import * as assert from 'node:assert/strict';
import type { ProductListPage } from '../../../src/api/zaveit/listPage';
import type { Product } from '../../../src/api/zaveit/schemas';
import { ZaveitProductList } from '../../../src/domain/zaveit/productList';

function products(n: number, from = 1): Product[] {
  return Array.from({ length: n }, (_, i) => ({ id: `p${from + i}`, name: `Product ${from + i}`, status: { active: true, deleted: false } }));
}

function page(items: Product[], pageNo: number, perPage: number, unpaged = false): ProductListPage {
  return { items, page: pageNo, perPage, shape: 'array', unpaged, hasMore: !unpaged && items.length >= perPage, received: items.length };
}

describe('ZaveitProductList', () => {
  it('appends server pages while they come back full', () => {
    const list = new ZaveitProductList(2);
    const gen = list.reset();
    assert.ok(list.acceptPage(gen, page(products(2), 1, 2)));
    assert.equal(list.hasMore, true);
    assert.deepEqual(list.previousPageIds, ['p1', 'p2']);
    assert.ok(list.acceptPage(gen, page(products(1, 3), 2, 2)));
    assert.equal(list.hasMore, false);
    assert.deepEqual(list.items(false).map((p) => p.id), ['p1', 'p2', 'p3']);
  });

  it('drops stale and out-of-order pages', () => {
    const list = new ZaveitProductList(2);
    const old = list.reset();
    const gen = list.reset('x');
    assert.equal(list.acceptPage(old, page(products(2), 1, 2)), false);
    assert.equal(list.acceptPage(gen, page(products(2), 2, 2)), false);
    assert.equal(list.loaded, false);
  });

  it('searches and pages locally when the server ignored paging', () => {
    const list = new ZaveitProductList(2);
    const gen = list.reset('product 1');
    assert.ok(list.acceptPage(gen, page(products(12), 1, 2, true)));
    assert.equal(list.unpaged, true);
    assert.equal(list.matchCount, 4, 'Product 1, 10, 11, 12');
    assert.deepEqual(list.items(false).map((p) => p.id), ['p1', 'p10']);
    assert.equal(list.hasMore, true);
    assert.ok(list.showMoreLocally());
    assert.deepEqual(list.items(false).map((p) => p.id), ['p1', 'p10', 'p11', 'p12']);
    assert.equal(list.hasMore, false);
  });

  it('hides soft-deleted products unless asked, and counts them', () => {
    const list = new ZaveitProductList(10);
    const gen = list.reset();
    const items = products(3);
    items[1]!.status = { active: false, deleted: true };
    list.acceptPage(gen, page(items, 1, 10));
    assert.deepEqual(list.items(false).map((p) => p.id), ['p1', 'p3']);
    assert.deepEqual(list.items(true).map((p) => p.id), ['p1', 'p2', 'p3']);
    assert.equal(list.deletedCount(), 1);
  });

  it('upserts a created or saved product without a refetch', () => {
    const list = new ZaveitProductList(10);
    const gen = list.reset();
    list.acceptPage(gen, page(products(2), 1, 10));
    list.upsert({ id: 'p2', name: 'Renamed' });
    list.upsert({ id: 'new', name: 'New' });
    assert.deepEqual(list.items(true).map((p) => p.name), ['New', 'Product 1', 'Renamed']);
    assert.ok(list.remove('new'));
    assert.equal(list.find('new'), undefined);
  });
});
