// readOnlyRanges: where each kind's read-only fields are in a document's text, with the kind's
// note, so the editor shows them subdued before anyone edits one.
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { readOnlyRanges } from '../../../src/domain/document';
import { kelviqProductModel, serializeProduct } from '../../../src/domain/kelviq/product';
import { serializeZaveitProduct, zaveitProductModel } from '../../../src/domain/zaveit/product';
import { baseProduct } from '../kelviq/product/fixtures';
import { planModel, serializePlan } from '../../../src/domain/kelviq/plan';
import { basePlan } from '../kelviq/plan/fixtures';
import { SEED_CREATE_RESPONSE } from '../zaveit/seedExamples';

function keysOf(text: string, model: Parameters<typeof readOnlyRanges>[1]) {
  return readOnlyRanges(parseTree(text), model).map((r) => ({ key: JSON.parse(text.slice(r.keyOffset, r.keyOffset + r.keyLength)) as string, r }));
}

describe('domain/document: readOnlyRanges', () => {
  it('a kelviq product: id, identifier, createdBy, modifiedOn, plans, server extras and each image\'s id and file, never name/description/taxCode or an image\'s editable fields', () => {
    const images = [{ id: 'img-1', name: 'hero.png', image: 'media/hero.png', ordering: 1, thumbnail: true, enabled: true, addedByServer: 1 }];
    const text = serializeProduct({ ...baseProduct(), plans: ['pro'], images, extraFromServer: 1 });
    const found = keysOf(text, kelviqProductModel);
    assert.deepEqual(found.map((f) => f.key).sort(), ['addedByServer', 'createdBy', 'extraFromServer', 'id', 'id', 'identifier', 'image', 'modifiedOn', 'plans']);
    const identifier = found.find((f) => f.key === 'identifier');
    assert.match(identifier?.r.note ?? '', /cannot change an identifier/);
    assert.match(found.find((f) => f.key === 'extraFromServer')?.r.note ?? '', /kept as it is/);
    assert.match(found.find((f) => f.key === 'addedByServer')?.r.note ?? '', /kept as it is/);
    const [productId, imageId] = found.filter((f) => f.key === 'id');
    assert.match(productId!.r.note, /this product its ID/);
    assert.match(imageId!.r.note, /this image its ID.*Add Image…; an image cannot be created by typing it/);
    assert.match(found.find((f) => f.key === 'image')!.r.note, /file.*Add Image…/);
    // The range runs from the key to the end of the value.
    const plans = found.find((f) => f.key === 'plans')!.r;
    assert.deepEqual(JSON.parse(`{${text.slice(plans.offset, plans.offset + plans.length)}}`), { plans: ['pro'] });
    assert.equal(text.slice(imageId!.r.offset, imageId!.r.offset + imageId!.r.length), '"id": "img-1"');
  });

  it('a Zaveit product: server-owned top-level fields, and nested ids the field docs mark read-only, not variant fields', () => {
    const text = serializeZaveitProduct(SEED_CREATE_RESPONSE as never);
    const keys = keysOf(text, zaveitProductModel).map((f) => f.key);
    for (const key of ['id', 'tenant', 'updated']) if (text.includes(`"${key}"`)) assert.ok(keys.includes(key), key);
    for (const key of ['name', 'description', 'products', 'price', 'sku', 'code']) assert.ok(!keys.includes(key), key);
    if (/"country":\s*\{[^}]*"_id"/.test(text)) assert.ok(keys.includes('_id'), 'country._id');
  });

  it('a kelviq plan: server-owned plan fields, price ids and entitlement feature names, never what a person edits', () => {
    const text = serializePlan(basePlan());
    const keys = keysOf(text, planModel).map((f) => f.key);
    for (const key of ['identifier', 'version', 'modifiedOn', 'id', 'featureName']) if (text.includes(`"${key}"`)) assert.ok(keys.includes(key), key);
    for (const key of ['name', 'prices', 'entitlements', 'currency', 'priceType', 'feature']) assert.ok(!keys.includes(key), key);
  });

  it('does not walk into a read-only value, and takes no markup from keys', () => {
    const model = { readOnlyNote: (path: readonly string[]) => (path[0] === 'locked' ? 'Read-only: because.' : undefined) };
    const text = '{"locked": {"inner": {"locked": 1}}, "open": {"locked": [1]}, "[x](command:y)": 2}';
    const found = keysOf(text, model);
    assert.deepEqual(found.map((f) => f.key), ['locked']);
    assert.equal(readOnlyRanges(undefined, model).length, 0);
  });
});
