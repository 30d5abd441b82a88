// A Zaveit product's save as the document mechanism does it, on the Zaveit model: variants
// merge by `_id` (a colleague's change to another variant is kept; the same variant's price
// changed by both is a conflict), and the update body holds only `products`, whole.
import * as assert from 'node:assert/strict';
import type { Product } from '../../../src/api/zaveit/schemas';
import { diffJson, formatPath, mergeJson } from '../../../src/domain/document';
import { zaveitProductModel, zaveitUpdateBody } from '../../../src/domain/zaveit/product';

const server: Product = {
  id: 'p1',
  name: 'Cloud Backup Pro',
  description: 'Backup',
  currency: { code: 'NOK', _id: '68ad2e06811ce6cb6cf230c3' },
  products: [
    { _id: '68ad2e063aa48fa91ba4a9e4', sku: 'CBP-50', price: 99, amount: { default: 1, min: 1, max: 500 } },
    { _id: '68ad2e06846a035855c27c93', sku: 'CBP-200', price: 249, amount: { default: 1, min: 1, max: 500 } },
  ],
  updated: '2025-01-01T00:00:00.000Z',
  __v: 1,
};

function withPrice(product: Product, index: number, price: number): Product {
  const copy = structuredClone(product);
  copy.products![index]!.price = price;
  return copy;
}

const view = (p: Product) => zaveitProductModel.editableView(p);
const rules = zaveitProductModel.mergeRules;

describe('Zaveit product save (merge and update body)', () => {
  it("keeps a colleague's change to another variant and sends only `products`, whole", () => {
    const mine = view(withPrice(server, 0, 109));
    const theirs = withPrice(server, 1, 299);
    const merged = mergeJson(view(server), mine, view(theirs), rules);
    assert.deepEqual(merged.conflicts, []);
    const to = merged.value as Record<string, unknown>;
    const changes = diffJson(view(theirs), to, rules);
    assert.deepEqual(changes.map((c) => formatPath(c.path)), ['products[_id="68ad2e063aa48fa91ba4a9e4"].price']);
    const body = zaveitUpdateBody(view(theirs), to);
    assert.deepEqual(Object.keys(body), ['products']);
    assert.deepEqual(body.products?.map((v) => v.price), [109, 299]);
  });

  it('reports the same variant changed by both as a conflict on that path', () => {
    const merged = mergeJson(view(server), view(withPrice(server, 0, 109)), view(withPrice(server, 0, 119)), rules);
    assert.equal(merged.conflicts.length, 1);
    assert.equal(formatPath(merged.conflicts[0]!.path), 'products[_id="68ad2e063aa48fa91ba4a9e4"].price');
  });
});
