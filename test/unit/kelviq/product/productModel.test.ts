import assert from 'node:assert/strict';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { diffJson, type JsonObject } from '../../../../src/domain/document';
import { kelviqProductModel as model } from '../../../../src/domain/kelviq/product';
import { baseProduct } from './fixtures';

const base = baseProduct();
const doc = (changes: Record<string, unknown>): JsonObject => ({ ...base, ...changes });

/** What a save sends: the top-level fields whose editable value differs. */
function sent(b: ProductDetail, edited: JsonObject): JsonObject {
  const to = model.editableView(edited);
  const fields = new Set(diffJson(model.editableView(b), to, model.mergeRules).map((c) => String(c.path[0])));
  return Object.fromEntries([...fields].map((f) => [f, to[f]]));
}

describe('kelviqProductModel: the editable view a save is measured on', () => {
  const cases: Array<[string, ProductDetail, JsonObject, object]> = [
    ['nothing changed', base, doc({}), {}],
    ['only name', base, doc({ name: 'Pro Suite 2' }), { name: 'Pro Suite 2' }],
    ['all three', base, doc({ name: 'N', description: 'D', taxCode: 'software' }), { name: 'N', description: 'D', taxCode: 'software' }],
    ['read-only changes are never sent', base, doc({ id: 'x', plans: [], identifier: 'y', extra: 1 }), {}],
    ['description set to null is sent as ""', base, doc({ description: null }), { description: '' }],
    ['a description removed from the text clears it', base, { ...doc({}), description: undefined }, { description: '' }],
    ['null and "" descriptions are the same', baseProduct({ description: null }), doc({ description: '' }), {}],
    ['a missing base description and "" are the same', baseProduct({ description: undefined }), doc({ description: '' }), {}],
    ['a new description where there was none', baseProduct({ description: null }), doc({ description: 'Hi' }), { description: 'Hi' }],
    ['name whitespace is a change, sent as typed', base, doc({ name: 'Pro Suite ' }), { name: 'Pro Suite ' }],
    ['an unknown tax code left as it was', baseProduct({ taxCode: 'newcode' }), doc({ taxCode: 'newcode' }), {}],
    ['an image\'s name: the images, each as its id and editable fields', base, doc({ images: [{ ...base.images![0], name: 'x' }] }), { images: [{ id: 'img-1', name: 'x', ordering: 1, thumbnail: true, enabled: true }] }],
    ['an image\'s file or a field the server adds is never a change', base, doc({ images: [{ ...base.images![0], image: 'other', extra: 1 }] }), {}],
    ['no images and an empty list are the same', baseProduct({ images: undefined }), doc({ images: [] }), {}],
  ];
  for (const [name, b, edited, expected] of cases) {
    it(name, () => assert.deepEqual(sent(b, edited), expected));
  }

  it('reads its version from modifiedOn and its mtime from the same field', () => {
    assert.deepEqual(model.versionFields, ['modifiedOn']);
    assert.equal(model.modifiedAt(base), Date.parse(base.modifiedOn));
  });
});
