// Zaveit document URIs: products by id, drafts carrying their currency and country.
import * as assert from 'node:assert/strict';
import { parseZaveitPath, zaveitDocumentLabel, zaveitDraftPath, zaveitProductPath } from '../../../src/domain/zaveit/productUri';

describe('Zaveit document paths', () => {
  it('round-trips a product id and makes a file-name-safe label', () => {
    const path = zaveitProductPath('beeb288f-b641-4924-af8b-0c0907cd498f', 'Cloud Backup Pro');
    assert.equal(path, '/products/beeb288f-b641-4924-af8b-0c0907cd498f/cloud-backup-pro.json');
    assert.deepEqual(parseZaveitPath(path), { kind: 'product', productId: 'beeb288f-b641-4924-af8b-0c0907cd498f' });
    assert.equal(zaveitDocumentLabel('Domain Registration .no'), 'domain-registration-.no');
    assert.equal(zaveitDocumentLabel('Crème brûlée'), 'creme-brulee');
    assert.equal(zaveitDocumentLabel('///'), 'product');
  });

  it('names drafts after their currency and country, numbered from the second', () => {
    assert.equal(zaveitDraftPath('nok', 'no'), '/products/new/new-product-NOK-NO.json');
    assert.equal(zaveitDraftPath('EUR', 'DE', 2), '/products/new/new-product-EUR-DE-2.json');
    assert.deepEqual(parseZaveitPath('/products/new/new-product-EUR-DE-2.json'), { kind: 'draft', label: 'new-product-EUR-DE-2', currency: 'EUR', country: 'DE' });
  });

  it('refuses anything else before any request', () => {
    for (const path of ['/products/new/whatever.json', '/products/a b/x.json', '/products/x.json', '/other/p1/x.json', '/products/%E0%A4%A/x.json', '/products/p1/x.txt']) {
      assert.equal(parseZaveitPath(path), undefined, path);
    }
  });
});
