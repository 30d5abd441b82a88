// writeProduct over the domain's own ProductApi interface (an in-memory fake: the stage and
// partial-save logic only; the HTTP path is tested against the sandbox): the stages run in order,
// each stage's calls at once, one GET after; a failure after something landed is a
// PartialSaveError with exactly what landed, and the retry sends only the rest.
import assert from 'node:assert/strict';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import type { CallOptions } from '../../../../src/api';
import type { KelviqClient } from '../../../../src/api/kelviq/kelviqClient';
import { diffJson, isPartialSaveError, mergeJson, type JsonObject, type SaveRequest } from '../../../../src/domain/document';
import {
  afterProductPartialSave,
  allProductCalls,
  kelviqProductModel as model,
  productSaveCalls,
  serializeProduct,
  validateProductDocument,
  writeProduct,
  type ProductApi,
} from '../../../../src/domain/kelviq/product';
import { FakeProductApi } from './fakeProductApi';
import { productWithImages } from './fixtures';

type Images = NonNullable<ProductDetail['images']>;

/** The kelviq client's product calls fit the interface (checked by the compiler; the image calls are the colleague's). */
const _clientFits = (client: Pick<KelviqClient, 'updateProduct' | 'getProduct'>): Pick<ProductApi<CallOptions>, 'updateProduct' | 'getProduct'> => client;
void _clientFits;

function withImage(doc: ProductDetail, id: string, fields: Record<string, unknown>): ProductDetail {
  return { ...doc, images: doc.images!.map((i) => (i.id === id ? { ...i, ...fields } : i)) as Images };
}

/** The save request the mechanism hands over for the text `mine` (no colleague: the merge is `mine`). */
function request(theirs: ProductDetail, mine: JsonObject): SaveRequest<ProductDetail> {
  const from = model.editableView(theirs);
  const to = model.editableView(mine);
  return { theirs, from, to, changes: diffJson(from, to, model.mergeRules) };
}

/** B becomes the thumbnail, A is renamed (its flag left at true), C deleted, and the product renamed. */
function everything(doc: ProductDetail): ProductDetail {
  const changed = withImage(withImage(doc, 'img-b', { thumbnail: true }), 'img-a', { name: 'Hero' });
  return { ...changed, name: 'Pro Suite 2', images: changed.images!.filter((i) => i.id !== 'img-c') };
}

async function partialSaveError(promise: Promise<unknown>) {
  const err = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(isPartialSaveError(err), String(err));
  return err;
}

describe('domain/kelviq/product: writeProduct', () => {
  it('runs the stages in order, each stage\'s calls at once, then reads the product back once', async () => {
    const base = productWithImages();
    const api = new FakeProductApi(structuredClone(base));
    const result = await writeProduct(api, base.id, request(base, everything(base)), { tag: 'save' });
    assert.deepEqual(api.events, [
      'start PATCH product',
      'start PATCH image img-b',
      'end PATCH product',
      'end PATCH image img-b',
      'start PATCH image img-a',
      'end PATCH image img-a',
      'start DELETE image img-c',
      'end DELETE image img-c',
      'start GET',
      'end GET',
    ]);
    assert.deepEqual(api.gets, [{ tag: 'save' }]);
    // The server's result: the old thumbnail cleared by kelviq, not by a call of ours.
    assert.deepEqual(result.images!.map((i) => [i.id, i.name, i.thumbnail]), [
      ['img-a', 'Hero', false],
      ['img-b', 'banner.png', true],
    ]);
    assert.equal(result.name, 'Pro Suite 2');
  });

  it('only product fields: one PATCH, whose answer is the result (no read back)', async () => {
    const base = productWithImages();
    const api = new FakeProductApi(structuredClone(base));
    await writeProduct(api, base.id, request(base, { ...base, description: 'New' }), {});
    assert.deepEqual(api.calls, ['PATCH product']);
  });

  it('a failure before anything landed is the call\'s own error (nothing to keep), and nothing after it is sent', async () => {
    const base = productWithImages();
    const api = new FakeProductApi(structuredClone(base));
    api.failures.set('PATCH product', new Error('Name cannot be empty.'));
    await assert.rejects(writeProduct(api, base.id, request(base, { ...base, name: 'x', images: base.images!.slice(1) }), {}), (err: Error) => !isPartialSaveError(err) && err.message === 'Name cannot be empty.');
    assert.deepEqual(api.calls, ['PATCH product']);
  });

  it('a failure in the first stage after the other call of that stage landed: exactly that landed, no image is deleted', async () => {
    const base = productWithImages();
    const api = new FakeProductApi(structuredClone(base));
    api.failures.set('PATCH image img-b', new Error('server answered 500'));
    const err = await partialSaveError(writeProduct(api, base.id, request(base, everything(base)), { tag: 'save' }, { tag: 'after' }));
    assert.deepEqual(api.calls, ['PATCH product', 'PATCH image img-b', 'GET']);
    assert.deepEqual(api.gets, [{ tag: 'after' }]);
    assert.deepEqual(err.landed, { ...model.editableView(base), name: 'Pro Suite 2' });
    assert.equal(
      err.message,
      "Saved the product's name. Not saved: the image “banner.png” (thumbnail); the image “hero.png” (name); the deletion of the image “detail.png”. Saving again sends only what was not saved. Why: server answered 500",
    );
    assert.equal((err.serverVersion as ProductDetail).name, 'Pro Suite 2');
    assert.equal(api.product.images!.length, 3);
  });

  it('a failure in the second stage: the thumbnail landed (and settled the other flags), the DELETE was not sent', async () => {
    const base = productWithImages();
    const api = new FakeProductApi(structuredClone(base));
    api.failures.set('PATCH image img-a', new Error('timeout'));
    const mine = everything(withImage(base, 'img-a', { thumbnail: false }));
    const err = await partialSaveError(writeProduct(api, base.id, request(base, mine), {}));
    assert.deepEqual(api.calls, ['PATCH product', 'PATCH image img-b', 'PATCH image img-a', 'GET']);
    const landed = err.landed.images as JsonObject[];
    assert.deepEqual(landed.map((i) => [i.id, i.name, i.thumbnail]), [
      ['img-a', 'hero.png', false],
      ['img-b', 'banner.png', true],
      ['img-c', null, false],
    ]);
    assert.match(err.message, /^Saved the product's name; the image “banner\.png” \(thumbnail\)\. Not saved: the image “hero\.png” \(name\); the deletion of the image “detail\.png”\./);
  });

  it('refuses a request whose server version is of another product, before any call', async () => {
    const base = productWithImages();
    const api = new FakeProductApi(structuredClone(base));
    await assert.rejects(writeProduct(api, 'other-id', request(base, { ...base, name: 'x' }), {}), /another product/);
    assert.deepEqual(api.calls, []);
  });
});

describe('domain/kelviq/product: afterProductPartialSave', () => {
  const base = productWithImages();
  const input = (mine: ProductDetail) => ({ theirs: base, from: model.editableView(base), to: model.editableView(mine) });

  it('the saved view plus the retry reach the target: applying the retry leaves nothing unsaved', () => {
    const i = input(everything(base));
    const plan = productSaveCalls(i);
    const first = afterProductPartialSave(i, plan, ['image:img-b:update']);
    assert.deepEqual(allProductCalls(first.retry).map((c) => c.id), ['product', 'image:img-a:update', 'image:img-c:delete']);
    const second = afterProductPartialSave({ ...i, from: first.saved }, first.retry, allProductCalls(first.retry).map((c) => c.id));
    assert.deepEqual(second.unsaved, []);
    assert.deepEqual(second.retry.stages, []);
  });

  it('a landed thumbnail settles the flags the text changed: no thumbnail call is left for the retry', () => {
    const mine = withImage(withImage(withImage(base, 'img-a', { thumbnail: false }), 'img-b', { thumbnail: true }), 'img-c', { thumbnail: true, name: 'Detail' });
    const i = input(mine);
    const plan = productSaveCalls(i);
    const result = afterProductPartialSave(i, plan, ['image:img-b:update']);
    assert.deepEqual((result.saved.images as JsonObject[]).map((x) => x.thumbnail), [false, true, true]);
    assert.deepEqual(allProductCalls(result.retry).map((c) => [c.id, c.kind !== 'deleteImage' && c.body]), [['image:img-c:update', { name: 'Detail' }]]);
  });

  it('nothing succeeded: nothing saved, everything in the retry', () => {
    const i = input(everything(base));
    const plan = productSaveCalls(i);
    const result = afterProductPartialSave(i, plan, []);
    assert.deepEqual(result.saved, i.from);
    assert.deepEqual(result.retry, plan);
    assert.match(result.message, /^Nothing was saved\. Not saved: .*Saving again sends all of it\.$/);
  });

  it('names in the message are plain text: newlines, markdown and command: links come out inert', () => {
    const hostile = productWithImages({ images: [{ id: 'img-x', name: 'evil\n[click](command:workbench.action.terminal.new)**x**', ordering: 0, thumbnail: false, enabled: true }] });
    const i = { theirs: hostile, from: model.editableView(hostile), to: model.editableView({ ...hostile, images: [] }) };
    const plan = productSaveCalls(i);
    const { message } = afterProductPartialSave(i, plan, []);
    assert.equal(message, 'Nothing was saved. Not saved: the deletion of the image “evil [click] (command∶workbench.action.terminal.new)**x**”. Saving again sends all of it.');
  });
});

describe('domain/kelviq/product: productWithEditable (the base after a partial save)', () => {
  const base = productWithImages({ images: [...productWithImages().images!.map((i) => ({ ...i, createdOn: '2025-01-01' }))], description: null });

  it('takes the view\'s values and keeps each image\'s file and server fields (matched by id, in their own key order), and what the view leaves out', () => {
    const view = model.editableView(everything(base));
    const next = model.withEditable!(base, view);
    assert.equal(next.name, 'Pro Suite 2');
    assert.equal(next.description, null, 'the same value as the view\'s "" stays as the server wrote it');
    assert.equal(next.modifiedOn, base.modifiedOn);
    assert.deepEqual(next.images, [
      { ...base.images![0], name: 'Hero' },
      { ...base.images![1], thumbnail: true },
    ]);
    assert.deepEqual(Object.keys(next.images![0]!), Object.keys(base.images![0]!));
  });

  it('the text with the landed change typed in checks out against the new base and has no change left', () => {
    const landedText = serializeProduct(withImage(base, 'img-b', { name: 'Banner' }));
    const next = model.withEditable!(base, model.editableView(withImage(base, 'img-b', { name: 'Banner' })));
    assert.deepEqual(validateProductDocument(landedText, next), []);
    assert.deepEqual(diffJson(model.editableView(next), model.editableView(JSON.parse(landedText) as JsonObject), model.mergeRules), []);
  });
});

describe('three-way merges around thumbnails: the server clearing the old thumbnail is never a conflict', () => {
  const base = productWithImages();
  const view = (o: JsonObject): JsonObject => model.editableView(o);
  const merge = (b: JsonObject, mine: JsonObject, theirs: JsonObject) => mergeJson(view(b), view(mine), view(theirs), model.mergeRules);

  for (const [variant, mine] of [
    ['A left at its old true', withImage(base, 'img-b', { thumbnail: true })],
    ['A set to false', withImage(withImage(base, 'img-a', { thumbnail: false }), 'img-b', { thumbnail: true })],
  ] as const) {
    describe(`I set B as the thumbnail (${variant})`, () => {
      it('while a colleague renamed A: no conflict; the save sends only B\'s `thumbnail: true`; the colleague\'s name is kept', () => {
        const theirs = { ...withImage(base, 'img-a', { name: 'Hero (colleague)' }), modifiedOn: '2025-05-02T00:00:00.000Z' };
        const merged = merge(base, mine, theirs);
        assert.deepEqual(merged.conflicts, []);
        const plan = productSaveCalls({ theirs, from: view(theirs), to: merged.value as JsonObject });
        assert.deepEqual(allProductCalls(plan).map((c) => [c.id, c.kind !== 'deleteImage' && c.body]), [['image:img-b:update', { thumbnail: true }]]);
        assert.equal(((merged.value as JsonObject).images as JsonObject[])[0]!.name, 'Hero (colleague)');
      });

      it('after the save, the next save from the same text (plus a new edit) merges kelviq\'s cleared flag without a conflict and sends only the new edit', () => {
        const server = withImage(withImage(base, 'img-a', { thumbnail: false }), 'img-b', { thumbnail: true });
        const next = withImage(mine, 'img-c', { name: 'Detail' });
        const merged = merge(mine, next, server);
        assert.deepEqual(merged.conflicts, []);
        const plan = productSaveCalls({ theirs: server, from: view(server), to: merged.value as JsonObject });
        assert.deepEqual(allProductCalls(plan).map((c) => [c.id, c.kind !== 'deleteImage' && c.body]), [['image:img-c:update', { name: 'Detail' }]]);
      });

      it('a partial save landed B\'s thumbnail; the retry merges the cleared flag without a conflict and sends only the rest', async () => {
        const text = { ...withImage(mine, 'img-a', { name: 'Hero' }), images: withImage(mine, 'img-a', { name: 'Hero' }).images!.filter((i) => i.id !== 'img-c') };
        const api = new FakeProductApi(structuredClone(base));
        api.failures.set('PATCH image img-a', new Error('timeout'));
        const err = await partialSaveError(writeProduct(api, base.id, request(base, text), {}));
        // What the document mechanism does with it (DocumentSaver.notePartialSave).
        const from = view(base);
        const newBase = model.withEditable!(base, mergeJson(from, err.landed, view(base), model.mergeRules, { prefer: 'mine' }).value as JsonObject);
        assert.deepEqual(validateProductDocument(serializeProduct(text as ProductDetail), newBase), []);
        assert.deepEqual(
          diffJson(view(newBase), view(text), model.mergeRules).map((c) => c.path.map((s) => (typeof s === 'string' ? s : s.id)).join('.')),
          ['images.img-a.name', 'images.img-c'],
          'the document stays dirty with exactly the rest',
        );
        // The retry: the server now has A's flag cleared by kelviq.
        api.failures.clear();
        const theirs = await api.getProduct(base.id, {});
        assert.equal(theirs.images!.find((i) => i.id === 'img-a')!.thumbnail, false);
        const merged = mergeJson(view(newBase), view(text), view(theirs), model.mergeRules);
        assert.deepEqual(merged.conflicts, []);
        const before = api.calls.length;
        await writeProduct(api, base.id, { ...request(theirs, merged.value as JsonObject), from: view(theirs) }, {});
        assert.deepEqual(api.calls.slice(before), ['PATCH image img-a', 'DELETE image img-c', 'GET']);
        assert.deepEqual(api.product.images!.map((i) => [i.id, i.name, i.thumbnail]), [
          ['img-a', 'Hero', false],
          ['img-b', 'banner.png', true],
        ]);
      });
    });
  }

  it('a colleague made C the thumbnail while I made B: no conflict by path; my save\'s B wins (kelviq clears C) — the last thumbnail set is the one kept', () => {
    const mine = withImage(base, 'img-b', { thumbnail: true });
    const theirs = withImage(withImage(base, 'img-a', { thumbnail: false }), 'img-c', { thumbnail: true });
    const merged = merge(base, mine, theirs);
    assert.deepEqual(merged.conflicts, []);
    const plan = productSaveCalls({ theirs, from: view(theirs), to: merged.value as JsonObject });
    assert.deepEqual(allProductCalls(plan).map((c) => [c.id, c.kind !== 'deleteImage' && c.body]), [['image:img-b:update', { thumbnail: true }]]);
  });
});
