// The product model's askBeforeWrite: a save that deletes images asks first, naming each image and
// the product in plain text (names are the catalog's: untrusted), with "Delete Image and Save".
import assert from 'node:assert/strict';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { diffJson, type JsonObject } from '../../../../src/domain/document';
import { kelviqProductModel as model } from '../../../../src/domain/kelviq/product';
import { plainText } from '../../../../src/domain/untrustedText';
import { productWithImages } from './fixtures';

function ask(theirs: ProductDetail, mine: JsonObject) {
  const from = model.editableView(theirs);
  const to = model.editableView(mine);
  return model.askBeforeWrite!({ theirs, from, to, changes: diffJson(from, to, model.mergeRules) });
}

const base = productWithImages();
const without = (doc: ProductDetail, ...ids: string[]): ProductDetail => ({ ...doc, images: doc.images!.filter((i) => !ids.includes(i.id)) });

describe('kelviqProductModel.askBeforeWrite: deleting images', () => {
  it('no question when nothing is deleted (edits, a new thumbnail, entries moved around)', () => {
    assert.equal(ask(base, { ...base, name: 'x' }), undefined);
    assert.equal(ask(base, { ...base, images: [...base.images!].reverse().map((i) => ({ ...i, name: 'renamed' })) }), undefined);
  });

  it('one image: names it and the product; "Delete Image and Save"', () => {
    assert.deepEqual(ask(base, without(base, 'img-b')), {
      message: 'Delete the image “banner.png” of “Pro Suite”?',
      detail: 'Saving deletes this image from “Pro Suite” in kelviq; it cannot be restored:\n• “banner.png”',
      confirm: 'Delete Image and Save',
    });
  });

  it('two images with other changes: each named (an image without a name by its file; the thumbnail said so); "Delete 2 Images and Save"', () => {
    assert.deepEqual(ask(base, { ...without(base, 'img-a', 'img-c'), name: 'Pro Suite 2' }), {
      message: 'Delete 2 images of “Pro Suite”?',
      detail: [
        'Saving deletes these images from “Pro Suite” in kelviq; they cannot be restored:',
        '• “hero.png” (the thumbnail)',
        '• “detail.png”',
        "The document's other changes are saved with them.",
      ].join('\n'),
      confirm: 'Delete 2 Images and Save',
    });
  });

  it('names come out plain: newlines, markdown, command: links and quotes are neutralised', () => {
    const hostile = productWithImages({
      name: 'Pro"\n[x](command:workbench.action.reloadWindow)',
      images: [{ id: 'img-x', name: 'a\nb **bold** [run](command:workbench.action.terminal.new) $(alert) ”end', image: 'media/x.png', ordering: 0, thumbnail: false, enabled: true }],
    });
    const question = ask(hostile, without(hostile, 'img-x'))!;
    assert.equal(question.message, "Delete the image “a b **bold** [run] (command∶workbench.action.terminal.new) $ (alert) 'end” of “Pro' [x] (command∶workbench.action.reloadWindow)”?");
    for (const line of [question.message, ...question.detail.split('\n')]) {
      assert.equal(plainText(line), line, 'each line is already plain text');
      assert.doesNotMatch(line, /command:|\]\(|\$\(/);
    }
    assert.equal(question.confirm, 'Delete Image and Save');
  });

  it('the question is the same while the deletions are (the mechanism asks once per question)', () => {
    assert.deepEqual(ask(base, without(base, 'img-b')), ask({ ...base, modifiedOn: '2025-06-01T00:00:00.000Z' }, without(base, 'img-b')));
  });
});
