// serializeZaveitProduct: a stable, readable key order (editable first, server-owned next, the
// server's unknown fields sorted last), known nested objects ordered, the rest as sent.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { zaveitDemoCatalog } from '../../../sandbox/zaveit';
import { documentKeys } from '../../../src/domain/kelviq/product';
import { EDITABLE_FIELDS, SERVER_OWNED_FIELDS } from '../../../src/api/zaveit/productFields';
import { serializeZaveitProduct } from '../../../src/domain/zaveit/product';
import { SEED_CREATE_RESPONSE } from './seedExamples';

describe('domain/zaveit: serializeZaveitProduct', () => {
  it('editable fields first, then server-owned, then unknown ones sorted', () => {
    const text = serializeZaveitProduct({ zeta: 1, ...SEED_CREATE_RESPONSE, alpha: true, '10': 'x' });
    const keys = documentKeys(text);
    const known = [...EDITABLE_FIELDS, ...SERVER_OWNED_FIELDS].filter((k) => keys.includes(k));
    assert.deepEqual(keys, [...known, '10', 'alpha', 'zeta']);
    assert.equal(keys[0], 'name');
    assert.ok(keys.indexOf('products') < keys.indexOf('id'));
    assert.ok(text.endsWith('}\n'));
  });

  it('orders known nested objects (variants: _id, sku, price, …; quantities: min, default, max)', () => {
    const text = serializeZaveitProduct(SEED_CREATE_RESPONSE);
    assert.match(text, /"amount": \{\n {4}"min": 1,\n {4}"default": 1,\n {4}"max": 100\n {2}\}/);
    assert.match(text, /\{\n {6}"_id": "variant-id-1",\n {6}"sku": "SKU-001",\n {6}"price": 100,\n {6}"cost_price": 1,\n {6}"amount": \{\n {8}"min": 1,/);
    assert.match(text, /"currency": \{\n {4}"code": "NOK",\n {4}"_id": "currency-id-1"\n {2}\}/);
  });

  it('always shows description ("" when missing or null), and drops undefined values', () => {
    assert.match(serializeZaveitProduct({ id: 'p', name: 'N' }), /"description": ""/);
    assert.match(serializeZaveitProduct({ id: 'p', name: 'N', description: null }), /"description": ""/);
    assert.doesNotMatch(serializeZaveitProduct({ id: 'p', name: 'N', stock: undefined }), /stock/);
  });

  it('is the same JSON, for every demo product and for random extra fields', () => {
    for (const product of zaveitDemoCatalog().products) assert.deepEqual(JSON.parse(serializeZaveitProduct(product)), product);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (extra) => {
        const product = { ...extra, ...SEED_CREATE_RESPONSE };
        const text = serializeZaveitProduct(product);
        assert.equal(serializeZaveitProduct(JSON.parse(text) as Record<string, unknown>), text, 'stable');
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(product)));
      }),
      { numRuns: 200 },
    );
  });
});
