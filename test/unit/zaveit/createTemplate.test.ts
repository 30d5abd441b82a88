// The new-product template: the documented create body's shape, neutral values, the chosen
// currency and country, zero problems, and a body the create schema accepts.
import assert from 'node:assert/strict';
import { ProductCreateSchema } from '../../../src/api/zaveit/schemas';
import { validateZaveitBody } from '../../../sandbox/zaveit';
import { createZaveitTemplate, serializeZaveitProduct, validateZaveitDocument, zaveitCreateBody } from '../../../src/domain/zaveit/product';
import { SEED_CREATE_REQUEST } from './seedExamples';

describe('domain/zaveit: createZaveitTemplate', () => {
  for (const [currency, country] of [['NOK', 'NO'], ['EUR', 'DE'], ['USD', 'US'], ['jpy', 'jp']] as const) {
    it(`${currency}/${country}: zero problems, a valid create body`, () => {
      const template = createZaveitTemplate({ currency, country });
      assert.deepEqual(validateZaveitDocument(serializeZaveitProduct(template), undefined), []);
      const body = zaveitCreateBody(template);
      assert.ok(ProductCreateSchema.safeParse(body).success);
      assert.equal(validateZaveitBody('create', structuredClone(body)).ok, true);
      assert.deepEqual(body.currency?.code, currency.toUpperCase());
      assert.deepEqual(body.country, { code: country.toUpperCase() });
    });
  }

  it('has the documented create body\'s fields, one new variant, and names the currency', () => {
    const template = createZaveitTemplate({ currency: 'NOK', country: 'NO', name: ' Backup ' });
    assert.deepEqual(Object.keys(template).sort(), Object.keys(SEED_CREATE_REQUEST).sort());
    assert.equal(template.name, 'Backup');
    assert.deepEqual(template.currency, { code: 'NOK', title: 'Norwegian Krone' });
    const variants = template.products as Record<string, unknown>[];
    assert.equal(variants.length, 1);
    assert.equal(variants[0]!._id, '');
  });
});
