// productSaveCalls: which requests a product save sends, in which order: the product's PATCH,
// one PATCH per changed image with only its changed fields, one DELETE per removed image, and
// the thumbnail rules (one `thumbnail: true`, never a `false` the server's clearing makes for us).
import assert from 'node:assert/strict';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import type { JsonObject } from '../../../../src/domain/document';
import { allProductCalls, kelviqProductModel as model, productSaveCalls, type ProductCall, type ProductSavePlan } from '../../../../src/domain/kelviq/product';
import { productWithImages } from './fixtures';

type Images = NonNullable<ProductDetail['images']>;
const THEIRS = productWithImages();
const PRODUCT = '/catalog/products/0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de/';

/** The plan for the document `change` makes of the server's product. */
function plan(change: (doc: ProductDetail) => JsonObject, theirs: ProductDetail = THEIRS): ProductSavePlan {
  return productSaveCalls({ theirs, from: model.editableView(theirs), to: model.editableView(change(structuredClone(theirs))) });
}

/** The document with image `id` changed by `fields`. */
function withImage(doc: ProductDetail, id: string, fields: Record<string, unknown>): ProductDetail {
  return { ...doc, images: doc.images!.map((i) => (i.id === id ? { ...i, ...fields } : i)) as Images };
}

const ids = (p: ProductSavePlan): string[][] => p.stages.map((stage) => stage.map((c) => c.id));
const call = (p: ProductSavePlan, id: string): ProductCall => allProductCalls(p).find((c) => c.id === id)!;
const body = (p: ProductSavePlan, id: string): unknown => {
  const c = call(p, id);
  return c.kind === 'deleteImage' ? undefined : c.body;
};

describe('domain/kelviq/product: productSaveCalls', () => {
  it('nothing changed: no call; entries only moved around: no call either', () => {
    assert.deepEqual(plan((d) => d).stages, []);
    assert.deepEqual(plan((d) => ({ ...d, images: [...d.images!].reverse() })).stages, []);
  });

  it('product fields: one PATCH with exactly the changed ones (description null → "" is no change)', () => {
    const p = plan((d) => ({ ...d, name: 'Pro Suite 2', taxCode: 'software' }));
    assert.deepEqual(ids(p), [['product']]);
    assert.deepEqual([call(p, 'product').method, call(p, 'product').path], ['PATCH', PRODUCT]);
    assert.deepEqual(body(p, 'product'), { name: 'Pro Suite 2', taxCode: 'software' });
  });

  it('an image\'s field: one PATCH of that image with only that field', () => {
    const p = plan((d) => withImage(d, 'img-b', { name: 'Banner' }));
    assert.deepEqual(ids(p), [['image:img-b:update']]);
    const c = call(p, 'image:img-b:update');
    assert.deepEqual([c.method, c.path], ['PATCH', `${PRODUCT}image/img-b/`]);
    assert.deepEqual(body(p, 'image:img-b:update'), { name: 'Banner' });
  });

  it('only the images that changed, each with only its changed fields, in parallel with the product PATCH', () => {
    const p = plan((d) => ({ ...withImage(withImage(d, 'img-b', { ordering: 7 }), 'img-c', { enabled: true, name: 'Detail' }), description: 'New' }));
    assert.deepEqual(ids(p), [['product', 'image:img-b:update', 'image:img-c:update']]);
    assert.deepEqual(body(p, 'image:img-b:update'), { ordering: 7 });
    assert.deepEqual(body(p, 'image:img-c:update'), { name: 'Detail', enabled: true });
    assert.deepEqual(body(p, 'product'), { description: 'New' });
  });

  it('an image\'s file or a field the server adds is never sent (not in the editable view)', () => {
    assert.deepEqual(plan((d) => withImage(d, 'img-a', { image: 'media/other.png', createdOn: 'x' })).stages, []);
  });

  describe('thumbnails', () => {
    it('B set as thumbnail while A keeps its old true: only B\'s PATCH, `thumbnail: true`; nothing for A', () => {
      const p = plan((d) => withImage(d, 'img-b', { thumbnail: true }));
      assert.deepEqual(ids(p), [['image:img-b:update']]);
      assert.deepEqual(body(p, 'image:img-b:update'), { thumbnail: true });
    });

    it('B set as thumbnail and A set to false: A\'s false is not sent (kelviq clears it); B\'s call settles it', () => {
      const p = plan((d) => withImage(withImage(d, 'img-a', { thumbnail: false }), 'img-b', { thumbnail: true }));
      assert.deepEqual(ids(p), [['image:img-b:update']]);
      const c = call(p, 'image:img-b:update');
      assert.deepEqual(c.kind === 'updateImage' && [c.body, c.settles], [{ thumbnail: true }, ['img-a']]);
    });

    it('the old thumbnail also renamed: its PATCH carries the name only, after the thumbnail\'s PATCH', () => {
      const p = plan((d) => withImage(withImage(d, 'img-a', { thumbnail: false, name: 'Hero' }), 'img-b', { thumbnail: true }));
      assert.deepEqual(ids(p), [['image:img-b:update'], ['image:img-a:update']]);
      assert.deepEqual(body(p, 'image:img-a:update'), { name: 'Hero' });
    });

    it('a new thumbnail goes with the product PATCH; every other image PATCH waits for it', () => {
      const p = plan((d) => ({ ...withImage(withImage(d, 'img-c', { thumbnail: true, name: 'Detail' }), 'img-b', { enabled: false }), name: 'N' }));
      assert.deepEqual(ids(p), [['product', 'image:img-c:update'], ['image:img-b:update']]);
      assert.deepEqual(body(p, 'image:img-c:update'), { name: 'Detail', thumbnail: true });
    });

    it('two images newly marked: only the first in the gallery (lowest ordering) sends `thumbnail: true`, wherever it stands in the list', () => {
      const p = plan((d) => {
        const marked = withImage(withImage(d, 'img-c', { thumbnail: true, name: 'Detail' }), 'img-b', { thumbnail: true });
        return { ...marked, images: [...marked.images!].reverse() };
      });
      assert.deepEqual(ids(p), [['image:img-b:update'], ['image:img-c:update']]);
      assert.deepEqual(body(p, 'image:img-b:update'), { thumbnail: true });
      assert.deepEqual(body(p, 'image:img-c:update'), { name: 'Detail' });
      const c = call(p, 'image:img-b:update');
      assert.deepEqual(c.kind === 'updateImage' && c.settles, ['img-c']);
    });

    it('the thumbnail turned off with no new one: `thumbnail: false` is sent', () => {
      const p = plan((d) => withImage(d, 'img-a', { thumbnail: false }));
      assert.deepEqual(ids(p), [['image:img-a:update']]);
      assert.deepEqual(body(p, 'image:img-a:update'), { thumbnail: false });
    });
  });

  describe('deletions', () => {
    it('a removed entry: one DELETE of that image', () => {
      const p = plan((d) => ({ ...d, images: d.images!.filter((i) => i.id !== 'img-c') }));
      assert.deepEqual(ids(p), [['image:img-c:delete']]);
      const c = call(p, 'image:img-c:delete');
      assert.deepEqual([c.method, c.path, c.kind === 'deleteImage' && c.label], ['DELETE', `${PRODUCT}image/img-c/`, 'detail.png']);
    });

    it('DELETEs go last, in parallel, after every PATCH', () => {
      const p = plan((d) => ({ ...withImage(d, 'img-a', { name: 'Hero' }), images: [withImage(d, 'img-a', { name: 'Hero' }).images![0]!], name: 'N' }));
      assert.deepEqual(ids(p), [['product', 'image:img-a:update'], ['image:img-b:delete', 'image:img-c:delete']]);
    });

    it('the old thumbnail deleted and B made the thumbnail: B first, then the DELETE', () => {
      const p = plan((d) => ({ ...d, images: withImage(d, 'img-b', { thumbnail: true }).images!.filter((i) => i.id !== 'img-a') }));
      assert.deepEqual(ids(p), [['image:img-b:update'], ['image:img-a:delete']]);
    });

    it('all three stages', () => {
      const p = plan((d) => {
        const changed = withImage(withImage(d, 'img-b', { thumbnail: true }), 'img-a', { ordering: 9 });
        return { ...changed, images: changed.images!.filter((i) => i.id !== 'img-c'), taxCode: 'software' };
      });
      assert.deepEqual(ids(p), [['product', 'image:img-b:update'], ['image:img-a:update'], ['image:img-c:delete']]);
    });
  });

  describe('refused: images are added with Add Image…, never typed', () => {
    const cases: Array<[string, (d: ProductDetail) => JsonObject, RegExp]> = [
      ['an entry without an id', (d) => ({ ...d, images: [...d.images!, { name: 'new.png' }] }), /an entry has no id\. Only the product's images can be listed; add images with Add Image…; an image cannot be created by typing it\.$/],
      ['an id the product does not have', (d) => ({ ...d, images: [...d.images!, { id: 'img-z' }] }), /this product has no image with the id “img-z”; add images with Add Image…; an image cannot be created by typing it\.$/],
      ['an edited id', (d) => withImage(d, 'img-b', { id: 'img-b2' }), /no image with the id “img-b2”/],
      ['an image listed twice', (d) => ({ ...d, images: [...d.images!, { ...d.images![0]!, name: 'copy' }] }), /the image “img-a” is listed twice/],
      ['a name of the wrong type', (d) => withImage(d, 'img-b', { name: null }), /The image “banner\.png” cannot be saved: its name must be a string\./],
      ['an ordering that is not whole', (d) => withImage(d, 'img-b', { ordering: 1.5 }), /its ordering must be a whole number/],
      ['a thumbnail that is not a boolean', (d) => withImage(d, 'img-b', { thumbnail: 'yes' }), /its thumbnail must be true or false/],
    ];
    for (const [name, change, message] of cases) it(name, () => assert.throws(() => plan(change), message));

    it('ids in paths are URL-encoded', () => {
      const odd = productWithImages({ images: [{ id: 'a/b c', name: 'x', ordering: 0, thumbnail: false, enabled: true }] });
      const p = plan((d) => withImage(d, 'a/b c', { name: 'y' }), odd);
      assert.equal(call(p, 'image:a/b c:update').path, `${PRODUCT}image/a%2Fb%20c/`);
    });
  });
});
