import assert from 'node:assert/strict';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { describeChanges, diffEditable, InvalidEditError } from '../../../../src/domain/kelviq/product';
import { baseProduct } from './fixtures';

const base = baseProduct();
const doc = (changes: Record<string, unknown>): Record<string, unknown> => ({ ...base, ...changes });

describe('diffEditable', () => {
  const cases: Array<[string, ProductDetail, Record<string, unknown>, object]> = [
    ['nothing changed', base, doc({}), {}],
    ['only name', base, doc({ name: 'Pro Suite 2' }), { name: 'Pro Suite 2' }],
    ['all three', base, doc({ name: 'N', description: 'D', taxCode: 'software' }), { name: 'N', description: 'D', taxCode: 'software' }],
    ['read-only changes are never sent', base, doc({ id: 'x', plans: [], identifier: 'y', extra: 1 }), {}],
    ['a field missing from the document is unchanged', base, { id: base.id, taxCode: 'ebook' }, { taxCode: 'ebook' }],
    ['description set to null is sent as ""', base, doc({ description: null }), { description: '' }],
    ['null and "" descriptions are the same', baseProduct({ description: null }), doc({ description: '' }), {}],
    ['a missing base description and "" are the same', baseProduct({ description: undefined }), doc({ description: '' }), {}],
    ['a new description where there was none', baseProduct({ description: null }), doc({ description: 'Hi' }), { description: 'Hi' }],
    ['name whitespace is a change, sent as typed', base, doc({ name: 'Pro Suite ' }), { name: 'Pro Suite ' }],
    ['an unknown tax code left as it was', baseProduct({ taxCode: 'newcode' }), doc({ taxCode: 'newcode' }), {}],
  ];
  for (const [name, b, edited, expected] of cases) {
    it(name, () => assert.deepEqual(diffEditable(b, edited), expected));
  }

  it('refuses a changed value the API would reject', () => {
    assert.throws(() => diffEditable(base, doc({ taxCode: 'xyz' })), (e: unknown) => e instanceof InvalidEditError && e.field === 'taxCode');
    assert.throws(() => diffEditable(base, doc({ name: '  ' })), InvalidEditError);
    assert.throws(() => diffEditable(base, doc({ description: 5 })), InvalidEditError);
  });
});

describe('describeChanges', () => {
  it('writes one line per changed field, in field order', () => {
    assert.deepEqual(describeChanges(base, { taxCode: 'software', name: 'New' }), ['name: "Pro Suite" → "New"', 'taxCode: "saas" → "software"']);
  });

  it('shows a null description as ""', () => {
    assert.deepEqual(describeChanges(baseProduct({ description: null }), { description: 'Hi' }), ['description: "" → "Hi"']);
  });

  it('truncates long strings with an ellipsis, by characters not code units', () => {
    const long = '😀'.repeat(100);
    const [line] = describeChanges(base, { description: long }, 10);
    assert.equal(line, `description: "Premium to…" → "${'😀'.repeat(10)}…"`);
    assert.deepEqual(describeChanges(base, { name: '😀'.repeat(8) }, 10), [`name: "Pro Suite" → "${'😀'.repeat(8)}"`]);
  });

  it('escapes newlines so every change stays on one line', () => {
    const [line] = describeChanges(base, { description: 'a\nb' });
    assert.equal(line, 'description: "Premium tools for growing teams." → "a\\nb"');
  });

  it('describes upload keys too, and nothing for an empty patch', () => {
    assert.deepEqual(describeChanges(base, { imageKeys: ['tmp/a.png'] }), ['imageKeys: ["tmp/a.png"]']);
    assert.deepEqual(describeChanges(base, {}), []);
  });
});
