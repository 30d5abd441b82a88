import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type ProductDetail, TAX_CODE_VALUES } from '../../../../src/api/kelviq/schemas';
import { diffJson } from '../../../../src/domain/document';
import { documentKeys, kelviqProductModel, serializeProduct, validateProductDocument } from '../../../../src/domain/kelviq/product';
import { baseProduct } from './fixtures';

const jsonScalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
const productArb: fc.Arbitrary<ProductDetail> = fc
  .record({
    id: fc.uuid(),
    identifier: fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4})?$/),
    name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
    description: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    taxCode: fc.constantFrom(...TAX_CODE_VALUES),
    createdBy: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
    modifiedOn: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
    plans: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    images: fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), ordering: fc.integer() }), { maxLength: 2 }),
  })
  .chain((known) =>
    fc
      .dictionary(fc.string({ minLength: 1, maxLength: 6 }), jsonScalar, { maxKeys: 4 })
      .map((extra) => ({ ...Object.fromEntries(Object.entries(extra).filter(([k]) => !(k in known))), ...known }) as ProductDetail),
  );

/** The same product with its keys inserted in another order. */
function reordered(product: ProductDetail, seed: number): ProductDetail {
  const entries = Object.entries(product);
  const shuffled = entries.map((e, i) => [((i + 1) * (seed + 7919)) % 104729, e] as const).sort((a, b) => a[0] - b[0]);
  return Object.fromEntries(shuffled.map(([, e]) => e)) as ProductDetail;
}

describe('serializeProduct', () => {
  it('writes 2-space pretty JSON with a trailing newline and the fixed key order', () => {
    const product = { archived: false, ...baseProduct({ plans: ['a'], images: [] }), zeta: 1 } as ProductDetail;
    assert.equal(
      serializeProduct(product),
      [
        '{',
        '  "id": "0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de",',
        '  "identifier": "pro-suite",',
        '  "name": "Pro Suite",',
        '  "description": "Premium tools for growing teams.",',
        '  "taxCode": "saas",',
        '  "createdBy": "Jane Smith",',
        '  "modifiedOn": "2025-04-12T08:21:14.910Z",',
        '  "plans": [',
        '    "a"',
        '  ],',
        '  "images": [],',
        '  "archived": false,',
        '  "zeta": 1',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('sorts unknown server fields by code units, integer-like keys included', () => {
    const extra = JSON.parse('{"zeta": 1, "Alpha": 2, "10": 3, "beta": 4, "2": 5, "__proto__": 6}') as Record<string, unknown>;
    const text = serializeProduct({ ...baseProduct(), ...extra } as ProductDetail);
    const keys = documentKeys(text);
    assert.deepEqual(keys.slice(9), ['10', '2', 'Alpha', '__proto__', 'beta', 'zeta']);
    assert.deepEqual(keys.slice(0, 9), ['id', 'identifier', 'name', 'description', 'taxCode', 'createdBy', 'modifiedOn', 'plans', 'images']);
  });

  it('shows a missing description as "" and keeps a null one', () => {
    assert.match(serializeProduct(baseProduct({ description: undefined })), /\n {2}"description": "",\n/);
    assert.match(serializeProduct(baseProduct({ description: null })), /\n {2}"description": null,\n/);
  });

  it('omits missing read-only fields', () => {
    const text = serializeProduct(baseProduct({ createdBy: undefined, plans: undefined, images: undefined }));
    assert.deepEqual(documentKeys(text), ['id', 'identifier', 'name', 'description', 'taxCode', 'modifiedOn']);
  });

  it('is deterministic: key insertion order does not matter', () => {
    fc.assert(
      fc.property(productArb, fc.nat(1000), (product, seed) => {
        assert.equal(serializeProduct(reordered(product, seed)), serializeProduct(product));
        assert.equal(serializeProduct(product), serializeProduct(product));
      }),
    );
  });

  it('round-trips: parsing the text gives the product back, valid and with nothing to save', () => {
    fc.assert(
      fc.property(productArb, (product) => {
        const text = serializeProduct(product);
        assert.ok(text.endsWith('}\n'));
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(product)));
        assert.deepEqual(validateProductDocument(text, product), []);
        const view = (o: Record<string, unknown>) => kelviqProductModel.editableView(o);
        assert.deepEqual(diffJson(view(product), view(JSON.parse(text) as Record<string, unknown>), kelviqProductModel.mergeRules), []);
      }),
    );
  });
});
