// A product document's images: editable for what the image endpoint takes (name, ordering,
// thumbnail, enabled), matched by id, with `id` and `image` read-only. Each problem on its exact
// range, with the message a person needs and, for read-only ones, a revert that puts the value back.
import assert from 'node:assert/strict';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { diffJson, formatPath } from '../../../../src/domain/document';
import { kelviqProductModel as model, revertReadOnlyProblem, serializeProduct, validateProductDocument, type DocumentProblem } from '../../../../src/domain/kelviq/product';
import { edit, productWithImages, sliced, valueText, type SlicedProblem } from './fixtures';

const base = productWithImages();
const text = serializeProduct(base);
const p = (code: SlicedProblem['code'], slice: string, field = 'images'): SlicedProblem => ({ code, slice, field });
const validate = (t: string, b: ProductDetail | undefined = base): DocumentProblem[] => validateProductDocument(t, b);
const errors = (t: string, b?: ProductDetail): DocumentProblem[] => validate(t, b).filter((x) => x.severity === 'error');
const images = (t: string): Record<string, unknown>[] => (JSON.parse(t) as { images: Record<string, unknown>[] }).images;
const withImages = (list: unknown[]): string => edit(text, ['images'], list);
/** What a save would change, as paths. */
const changes = (t: string): string[] => diffJson(model.editableView(base), model.editableView(JSON.parse(t) as Record<string, unknown>), model.mergeRules).map((c) => formatPath(c.path));

/** Applies the revert of each problem that has one until none is left; the result. */
function revertAll(t: string): string {
  let current = t;
  for (let i = 0; i < 10; i++) {
    const next = validate(current).find((x) => x.code === 'read-only' || x.data?.originals);
    if (!next) return current;
    const reverted = revertReadOnlyProblem(current, next);
    assert.notEqual(reverted, current, `the revert of ${next.message} changes the text`);
    current = reverted;
  }
  return current;
}

describe('product document images: what may change', () => {
  it('the unchanged document: no problem, nothing to save', () => {
    assert.deepEqual(validate(text), []);
    assert.deepEqual(changes(text), []);
  });

  it('each editable field of an image: no problem, and only that field is a change', () => {
    let t = edit(text, ['images', 0, 'name'], 'Hero');
    t = edit(t, ['images', 1, 'ordering'], 5);
    t = edit(t, ['images', 2, 'enabled'], true);
    t = edit(t, ['images', 2, 'name'], 'detail.png');
    assert.deepEqual(validate(t), []);
    assert.deepEqual(changes(t).sort(), ['images[id="img-a"].name', 'images[id="img-b"].ordering', 'images[id="img-c"].enabled', 'images[id="img-c"].name']);
  });

  it('moving entries around in the list: no problem and no change (images are matched by id)', () => {
    const moved = withImages([...images(text)].reverse());
    assert.deepEqual(validate(moved), []);
    assert.deepEqual(changes(moved), []);
  });

  it('removing an entry: no problem; the change is the image\'s removal (a DELETE, asked first)', () => {
    const removed = withImages(images(text).slice(1));
    assert.deepEqual(validate(removed), []);
    assert.deepEqual(changes(removed), ['images[id="img-a"]']);
  });

  it('one thumbnail moved to another image (old one set to false): no problem, no warning', () => {
    const t = edit(edit(text, ['images', 0, 'thumbnail'], false), ['images', 1, 'thumbnail'], true);
    assert.deepEqual(validate(t), []);
  });

  it('without a base, images are type-checked as the server sends them (a null name is fine)', () => {
    assert.deepEqual(validateProductDocument(text, undefined), []);
  });

  it('a field named __proto__ in an image is an unknown field, not a prototype', () => {
    const t = text.replace('"id": "img-a",', '"id": "img-a",\n      "__proto__": "x",');
    assert.deepEqual(sliced(t, validate(t)), [p('unknown-field', '"__proto__"')]);
  });

  it('an image exactly as the server sent it is never reported, odd values included', () => {
    const odd = productWithImages({ images: [{ id: 'x', ordering: 1.5, name: null, createdOn: '2025-01-01' }, { id: 'x', thumbnail: true }, { id: 'y', thumbnail: true }] });
    assert.deepEqual(validate(serializeProduct(odd), odd), []);
  });
});

describe('product document images: problems, each on its exact range', () => {
  const cases: Array<{ name: string; text: string; expected: SlicedProblem[]; message?: RegExp; check?: (problems: DocumentProblem[]) => void }> = [
    {
      name: 'an entry without an id: on its opening brace, saying how images are added',
      text: withImages([...images(text), { name: 'new.png', ordering: 3 }]),
      expected: [p('required', '{')],
      message: /^`images\[3\]` has no `id`, so it is not one of the product's images\. Add images with Add Image…; an image cannot be created by typing it\.$/,
    },
    {
      name: 'an id the product does not have: on the id',
      text: withImages([...images(text), { id: 'img-z', name: 'new.png' }]),
      expected: [p('invalid-value', '"img-z"')],
      message: /^`images\[3\]\.id` is not the id of an image of this product: add images with Add Image…; an image cannot be created by typing it\.$/,
    },
    {
      name: 'an id of the wrong type is an unknown id (no second type problem)',
      text: withImages([...images(text), { id: 7, name: 'new.png' }]),
      expected: [p('invalid-value', '7')],
    },
    {
      name: 'an id of the wrong type on an entry that still shows its file: read-only, the id to put back found by the file',
      text: edit(text, ['images', 1, 'id'], 7),
      expected: [p('read-only', '7')],
      check: ([problem]) => assert.equal(problem!.data?.original, 'img-b'),
    },
    {
      name: 'an edited id (the entry still shows its file): read-only, carrying the id to put back',
      text: edit(text, ['images', 1, 'id'], 'img-b2'),
      expected: [p('read-only', '"img-b2"')],
      message: /^`images\[1\]\.id` was changed: an image's id is set by kelviq and cannot be edited\. Put it back; add images with Add Image…/,
      check: ([problem]) => assert.equal(problem!.data?.original, 'img-b'),
    },
    {
      name: 'an id listed twice: on the second one',
      text: withImages([...images(text), { ...images(text)[0], image: 'media/copy.png' }]),
      expected: [p('invalid-value', '"img-a"')],
      message: /^`images\[3\]\.id` is the id of `images\[0\]` too: each image can be listed only once\.$/,
      check: ([problem]) => assert.ok(problem!.offset > text.indexOf('"img-c"')),
    },
    {
      name: 'an edited file (`image`): read-only, carrying the file to put back',
      text: edit(text, ['images', 0, 'image'], 'media/other.png'),
      expected: [p('read-only', '"media/other.png"')],
      message: /^`images\[0\]\.image` is read-only: an image's file cannot be changed; upload a new image with Add Image… instead\./,
      check: ([problem]) => assert.equal(problem!.data?.original, 'media/products/pro-suite/a/hero.png'),
    },
    {
      name: 'a removed file: read-only, on the whole entry',
      text: edit(text, ['images', 2, 'image'], undefined),
      expected: [p('read-only', valueText(edit(text, ['images', 2, 'image'], undefined), ['images', 2]))],
      message: /^`images\[2\]\.image` is read-only; removing it will not be saved\.$/,
      check: ([problem]) => assert.deepEqual(problem!.data?.originals, { image: 'media/products/pro-suite/c/detail.png' }),
    },
    {
      name: 'a removed editable field: on the entry\'s opening brace, carrying what to put back',
      text: edit(edit(text, ['images', 1, 'name'], undefined), ['images', 1, 'enabled'], undefined),
      expected: [p('required', '{')],
      message: /^`images\[1\]\.name` and `images\[1\]\.enabled` cannot be removed: the image has them, and a save can only change their values\. Put them back\.$/,
      check: ([problem]) => assert.deepEqual(problem!.data?.originals, { name: 'banner.png', enabled: true }),
    },
    {
      name: 'an unknown field in an image: on its key, with the field it is probably a typo of',
      text: edit(text, ['images', 0, 'nmae'], 'x'),
      expected: [p('unknown-field', '"nmae"')],
      message: /^Unknown field `images\[0\]\.nmae`: the API does not accept it\. Did you mean `name`\?$/,
    },
    {
      name: 'an unknown field with no close match lists what an image can edit',
      text: edit(text, ['images', 0, 'colour'], 'red'),
      expected: [p('unknown-field', '"colour"')],
      message: /Only `name`, `ordering`, `thumbnail` and `enabled` of an image can be edited\.$/,
    },
    { name: 'a name of the wrong type', text: edit(text, ['images', 0, 'name'], 5), expected: [p('type', '5')], message: /^`images\[0\]\.name` must be a string, not a number\.$/ },
    { name: 'a name set to null (the PATCH takes a string)', text: edit(text, ['images', 0, 'name'], null), expected: [p('type', 'null')], message: /^`images\[0\]\.name` must be a string, not null: an image's name can be changed, not removed\.$/ },
    { name: 'an ordering that is not whole', text: edit(text, ['images', 1, 'ordering'], 1.5), expected: [p('type', '1.5')], message: /^`images\[1\]\.ordering` must be a whole number \(it is 1\.5\)\.$/ },
    { name: 'an ordering of the wrong type', text: edit(text, ['images', 1, 'ordering'], '2'), expected: [p('type', '"2"')], message: /must be a number, not a string\.$/ },
    { name: 'a thumbnail of the wrong type', text: edit(text, ['images', 1, 'thumbnail'], 'yes'), expected: [p('type', '"yes"')], message: /^`images\[1\]\.thumbnail` must be `true` or `false`, not a string\.$/ },
    { name: 'enabled of the wrong type', text: edit(text, ['images', 2, 'enabled'], null), expected: [p('type', 'null')], message: /^`images\[2\]\.enabled` must be `true` or `false`, not null\.$/ },
    { name: 'an entry that is not an object', text: withImages([...images(text), 'extra.png']), expected: [p('type', '"extra.png"')], message: /^`images\[3\]` must be an object \(an image\), not a string\.$/ },
    { name: 'images that is not an array', text: edit(text, ['images'], { id: 'img-a' }), expected: [p('type', '{\n    "id": "img-a"\n  }')], message: /^`images` must be an array of image objects, not an object\.$/ },
    {
      name: 'the whole images field removed: a save can only change the list',
      text: edit(text, ['images'], undefined),
      expected: [p('required', '{')],
      message: /^`images` cannot be removed: the product has images, and a save can only change the list\. To delete an image, remove its entry from the list\./,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const problems = validate(c.text);
      assert.deepEqual(sliced(c.text, problems), c.expected);
      for (const problem of problems) assert.equal(problem.severity, 'error');
      if (c.message) assert.match(problems[0]!.message, c.message);
      c.check?.(problems);
    });
  }

  it('a changed server field of an image is read-only; a new field the server does not send is unknown', () => {
    const withExtra = productWithImages({ images: [{ ...productWithImages().images![0]!, createdOn: '2025-01-01' }] });
    const t = serializeProduct(withExtra);
    assert.deepEqual(sliced(edit(t, ['images', 0, 'createdOn'], 'x'), validate(edit(t, ['images', 0, 'createdOn'], 'x'), withExtra)), [p('read-only', '"x"')]);
    assert.deepEqual(validate(t, withExtra), []);
  });
});

describe('product document images: thumbnails', () => {
  it('B set as thumbnail while A keeps its old `true`: a warning (not an error) on A, naming B as the one the save makes the thumbnail', () => {
    const t = edit(text, ['images', 1, 'thumbnail'], true);
    const problems = validate(t);
    assert.deepEqual(sliced(t, problems), [p('invalid-value', 'true')]);
    const [warning] = problems;
    assert.equal(warning!.severity, 'warning');
    assert.equal(warning!.offset, t.indexOf('true', t.indexOf('"img-a"')));
    assert.equal(
      warning!.message,
      "Only one image can be the thumbnail: saving makes `images[1]` the thumbnail, and kelviq then clears `thumbnail` on the product's other images, `images[0]` included. Set this one to false to say so.",
    );
    assert.deepEqual(errors(t), []);
  });

  it('two images newly marked: the one first in the gallery (lowest ordering) is named, wherever it stands in the list', () => {
    const t = withImages([...images(text)].reverse().map((i) => ({ ...i, thumbnail: true })));
    // Reversed: C (ordering 2), B (1), A (0, already the thumbnail). B is the first newly marked one.
    const problems = validate(t);
    assert.deepEqual(problems.map((x) => [x.severity, valueText(t, ['images', problems.indexOf(x) === 0 ? 0 : 2, 'thumbnail'])]), [
      ['warning', 'true'],
      ['warning', 'true'],
    ]);
    for (const problem of problems) assert.match(problem.message, /saving makes `images\[1\]` the thumbnail/);
  });

  it('without a base every marked image counts as new', () => {
    const t = serializeProduct(productWithImages({ images: [{ id: 'a', ordering: 3, thumbnail: true }, { id: 'b', ordering: 1, thumbnail: true }] }));
    const problems = validateProductDocument(t, undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /saving makes `images\[1\]` the thumbnail, .* `images\[0\]` included/);
  });
});

describe('product document images: revert puts the read-only values back', () => {
  const edited: Array<[string, string]> = [
    ['an edited id', edit(text, ['images', 1, 'id'], 'img-b2')],
    ['an edited file', edit(text, ['images', 0, 'image'], 'media/other.png')],
    ['a removed file', edit(text, ['images', 2, 'image'], undefined)],
    ['removed editable fields', edit(edit(text, ['images', 1, 'name'], undefined), ['images', 1, 'enabled'], undefined)],
    ['the whole list removed', edit(text, ['images'], undefined)],
  ];
  for (const [name, t] of edited) {
    it(name, () => {
      const reverted = revertAll(t);
      assert.deepEqual(validate(reverted), []);
      assert.deepEqual(JSON.parse(reverted), JSON.parse(text));
    });
  }

  it('an unknown id carries nothing to put back (it is not read-only data of this product)', () => {
    const t = withImages([...images(text), { id: 'img-z' }]);
    const [problem] = validate(t);
    assert.equal(revertReadOnlyProblem(t, problem!), t);
  });

  it('a revert inside one entry keeps the rest of the text as it is', () => {
    const t = edit(edit(text, ['images', 0, 'name'], 'Hero'), ['images', 0, 'image'], 'media/other.png');
    const [problem] = validate(t);
    assert.equal(revertReadOnlyProblem(t, problem!), edit(text, ['images', 0, 'name'], 'Hero'));
  });
});

describe('product document images: read-only notes (the hover of subdued fields)', () => {
  it('an image\'s id and file are read-only with a reason; its editable fields and the list are not', () => {
    assert.match(model.readOnlyNote(['images', 'id'])!, /^Read-only: kelviq gave this image its ID; the document matches images by it\. Add images with Add Image…; an image cannot be created by typing it\. Changes here are not saved\.$/);
    assert.match(model.readOnlyNote(['images', 'image'])!, /^Read-only: .*file.*Add Image…/);
    assert.match(model.readOnlyNote(['images', 'createdOn'])!, /kept as it is/);
    for (const key of ['name', 'ordering', 'thumbnail', 'enabled']) assert.equal(model.readOnlyNote(['images', key]), undefined, key);
    assert.equal(model.readOnlyNote(['images']), undefined);
    assert.match(model.readOnlyNote(['plans'])!, /edited as plans/);
  });
});
