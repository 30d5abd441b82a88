// Properties of image edits, over random changes to a product's images (fields changed, removed
// or added, entries moved, removed or typed in): problems never share a range and lie inside the
// text; a text with no error always has a call plan (validation and the plan agree), which sends
// only changed fields and at most one `thumbnail: true`; and a thumbnail warning names the image
// the plan makes the thumbnail.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { deepEqual, type JsonObject } from '../../../../src/domain/document';
import { allProductCalls, kelviqProductModel as model, productSaveCalls, validateProductDocument } from '../../../../src/domain/kelviq/product';
import { productWithImages } from './fixtures';

const base = productWithImages();
const KEYS = ['id', 'name', 'image', 'ordering', 'thumbnail', 'enabled', 'nmae'] as const;
const odd = fc.constantFrom<unknown>(null, 1.5, '', 'x', 'img-a', 'img-z', 'media/other.png', 7);
/** Mostly a value of the field's own type, now and then anything. */
const VALUES: Record<(typeof KEYS)[number], fc.Arbitrary<unknown>> = {
  id: odd,
  name: fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 4 }) }, { weight: 1, arbitrary: odd }),
  image: odd,
  ordering: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -1, max: 4 }) }, { weight: 1, arbitrary: odd }),
  thumbnail: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(true, true, false) }, { weight: 1, arbitrary: odd }),
  enabled: fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: odd }),
  nmae: odd,
};
/** Per key: left as it is, removed, or set (the read-only and unknown keys rarely). */
const keyEdit = (key: (typeof KEYS)[number]) => {
  const rare = key === 'id' || key === 'image' || key === 'nmae';
  return fc.oneof(
    { weight: rare ? 40 : 8, arbitrary: fc.constant<'keep'>('keep') },
    { weight: 1, arbitrary: fc.constant<'remove'>('remove') },
    { weight: rare ? 1 : 4, arbitrary: VALUES[key].map((v) => ({ set: v })) },
  );
};
const imageEdit = fc.tuple(...KEYS.map(keyEdit));
const documentEdit = fc.record({
  images: fc.tuple(imageEdit, imageEdit, imageEdit),
  removed: fc.oneof({ weight: 2, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.subarray([0, 1, 2]) }),
  order: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
  added: fc.oneof({ weight: 6, arbitrary: fc.constant<unknown[]>([]) }, { weight: 1, arbitrary: fc.array(fc.oneof(fc.constant<unknown>({}), fc.constant<unknown>('extra'), odd.map((id) => ({ id, name: 'new' }))), { maxLength: 2 }) }),
});

type DocumentEdit = { images: ('keep' | 'remove' | { set: unknown })[][]; removed: number[]; order: number[]; added: unknown[] };

function applyEdit(edit: DocumentEdit): ProductDetail {
  const images = base.images!.map((image, i) => {
    const out: JsonObject = { ...image };
    KEYS.forEach((key, k) => {
      const change = edit.images[i]![k]!;
      if (change === 'remove') delete out[key];
      else if (change !== 'keep') out[key] = change.set;
    });
    return out;
  });
  const kept = edit.order.filter((i) => !edit.removed.includes(i)).map((i) => images[i]);
  return { ...base, images: [...kept, ...edit.added] as ProductDetail['images'] };
}

describe('product document images (properties)', () => {
  it('problems: one per range, inside the text; no error → a plan that sends only changes, one thumbnail at most, the one the warning names', () => {
    fc.assert(
      fc.property(documentEdit, (edit) => {
        const doc = applyEdit(edit);
        const text = JSON.stringify(doc, null, 2);
        const problems = validateProductDocument(text, base);
        const ranges = problems.map((p) => `${p.offset}:${p.length}`);
        assert.equal(new Set(ranges).size, ranges.length, JSON.stringify(problems));
        for (const p of problems) assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length);
        if (problems.some((p) => p.severity === 'error')) return;

        const from = model.editableView(base);
        const to = model.editableView(doc as JsonObject);
        const plan = productSaveCalls({ theirs: base, from, to });
        const before = new Map((from.images as JsonObject[]).map((i) => [i.id, i]));
        const after = new Map((to.images as JsonObject[]).map((i) => [i.id, i]));
        const calls = allProductCalls(plan);
        for (const call of calls) {
          if (call.kind !== 'updateImage') continue;
          for (const [field, sent] of Object.entries(call.body)) {
            assert.deepEqual(sent, after.get(call.imageId)![field]);
            assert.ok(!deepEqual(sent, before.get(call.imageId)![field]), `${call.imageId}.${field} is a change`);
          }
        }
        const thumbnails = calls.filter((c) => c.kind === 'updateImage' && c.body.thumbnail === true);
        assert.ok(thumbnails.length <= 1);
        // While an image becomes the thumbnail, no `thumbnail: false` is sent (kelviq clears the others).
        if (thumbnails.length > 0) assert.ok(!calls.some((c) => c.kind === 'updateImage' && c.body.thumbnail === false));
        const warnings = problems.filter((p) => p.severity === 'warning');
        if (warnings.length > 0) {
          const named = /saving makes `images\[(\d+)\]` the thumbnail/.exec(warnings[0]!.message);
          assert.ok(named, warnings[0]!.message);
          const id = (JSON.parse(text) as { images: JsonObject[] }).images[Number(named[1])]!.id;
          assert.deepEqual(thumbnails.map((c) => c.kind === 'updateImage' && c.imageId), [id]);
        }
        for (const id of before.keys()) if (!after.has(id)) assert.ok(calls.some((c) => c.kind === 'deleteImage' && c.imageId === id));
      }),
      { numRuns: 1000 },
    );
  });
});
