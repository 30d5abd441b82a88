import assert from 'node:assert/strict';
import type { ProductDetail } from '../../../../src/api/kelviq/schemas';
import { TAX_CODE_VALUES } from '../../../../src/api/kelviq/schemas';
import { serializeProduct, validateProductDocument, type DocumentProblem } from '../../../../src/domain/kelviq/product';
import { baseProduct, replaceOnce, sliced, type SlicedProblem } from './fixtures';

const base = baseProduct({ archived: false, images: [{ id: 'img-1', name: 'hero.png', image: 'media/products/pro-suite/hero.png', ordering: 1, thumbnail: true, enabled: true }] });
const text = serializeProduct(base);
const imagesEdited = replaceOnce(text, '"thumbnail": true', '"thumbnail": false');

interface Case {
  name: string;
  text: string;
  base?: ProductDetail | 'none';
  expected: SlicedProblem[];
  check?: (problems: DocumentProblem[]) => void;
}

const p = (code: SlicedProblem['code'], slice: string, field?: string): SlicedProblem => ({ code, slice, field });

const cases: Case[] = [
  { name: 'the unchanged document', text, expected: [] },
  { name: 'edited editable fields', text: replaceOnce(replaceOnce(text, '"Pro Suite"', '"Pro Suite 2"'), '"saas"', '"software"'), expected: [] },
  { name: 'a null description', text: replaceOnce(text, '"Premium tools for growing teams."', 'null'), expected: [] },
  {
    name: 'an invalid taxCode',
    text: replaceOnce(text, '"saas"', '"xyz"'),
    expected: [p('enum', '"xyz"', 'taxCode')],
    check: ([problem]) => {
      for (const code of TAX_CODE_VALUES) assert.ok(problem!.message.includes(code), `message lists ${code}`);
      assert.deepEqual(problem!.data?.allowed, [...TAX_CODE_VALUES]);
    },
  },
  {
    name: 'a misspelt taxCode suggests the code',
    text: replaceOnce(text, '"saas"', '"sofware"'),
    expected: [p('enum', '"sofware"', 'taxCode')],
    check: ([problem]) => assert.equal(problem!.data?.suggestion, 'software'),
  },
  { name: 'a taxCode of the wrong type: type only, no enum', text: replaceOnce(text, '"saas"', '5'), expected: [p('type', '5', 'taxCode')] },
  { name: 'a taxCode that is null', text: replaceOnce(text, '"saas"', 'null'), expected: [p('type', 'null', 'taxCode')] },
  {
    name: 'an empty name',
    text: replaceOnce(text, '"Pro Suite"', '""'),
    expected: [p('required', '""', 'name')],
    check: ([problem]) => assert.equal(problem!.message, '`name` cannot be empty.'),
  },
  { name: 'a blank name', text: replaceOnce(text, '"Pro Suite"', '"   "'), expected: [p('required', '"   "', 'name')] },
  {
    name: 'a name of the wrong type',
    text: replaceOnce(text, '"Pro Suite"', '42'),
    expected: [p('type', '42', 'name')],
    check: ([problem]) => assert.equal(problem!.message, '`name` must be a string, not a number.'),
  },
  { name: 'a description of the wrong type', text: replaceOnce(text, '"Premium tools for growing teams."', '["a"]'), expected: [p('type', '["a"]', 'description')] },
  {
    name: 'a missing name',
    text: replaceOnce(text, '  "name": "Pro Suite",\n', ''),
    expected: [p('required', '{', 'name')],
    check: ([problem]) => assert.equal(problem!.message, 'Missing required field `name`.'),
  },
  {
    name: 'missing name and taxCode: one problem on the brace',
    text: replaceOnce(replaceOnce(text, '  "name": "Pro Suite",\n', ''), '  "taxCode": "saas",\n', ''),
    expected: [p('required', '{', 'name')],
    check: ([problem]) => assert.deepEqual(problem!.data?.fields, ['name', 'taxCode']),
  },
  { name: 'a missing description is fine', text: replaceOnce(text, '  "description": "Premium tools for growing teams.",\n', ''), expected: [] },
  {
    name: 'an unknown field close to an editable one',
    text: replaceOnce(text, '  "name": "Pro Suite",\n', '  "name": "Pro Suite",\n  "nmae": "x",\n'),
    expected: [p('unknown-field', '"nmae"', 'nmae')],
    check: ([problem]) => {
      assert.equal(problem!.message, 'Unknown field `nmae`: the API does not accept it. Did you mean `name`?');
      assert.equal(problem!.severity, 'error');
      assert.equal(problem!.data?.suggestion, 'name');
    },
  },
  {
    name: 'a field named __proto__ is an unknown field, with a base too (it was dropped before)',
    text: replaceOnce(text, '  "name": "Pro Suite",\n', '  "name": "Pro Suite",\n  "__proto__": "x",\n'),
    expected: [p('unknown-field', '"__proto__"', '__proto__')],
  },
  {
    name: 'an unknown field with no close match',
    text: replaceOnce(text, '  "name": "Pro Suite",\n', '  "name": "Pro Suite",\n  "colour": "red",\n'),
    expected: [p('unknown-field', '"colour"', 'colour')],
    check: ([problem]) => {
      assert.equal(problem!.data?.suggestion, undefined);
      assert.ok(!problem!.message.includes('Did you mean'));
    },
  },
  {
    name: 'a changed id',
    text: replaceOnce(text, '"0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de"', '"other"'),
    expected: [p('read-only', '"other"', 'id')],
    check: ([problem]) => {
      assert.equal(problem!.message, '`id` is read-only; this change will not be saved.');
      assert.equal(problem!.data?.original, base.id);
    },
  },
  {
    name: 'a changed id of the wrong type: read-only only, no type problem',
    text: replaceOnce(text, '"0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de"', '7'),
    expected: [p('read-only', '7', 'id')],
  },
  {
    name: 'a changed plans array',
    text: replaceOnce(text, '"pro-annual"', '"pro-weekly"'),
    expected: [p('read-only', '[\n    "pro-monthly",\n    "pro-weekly"\n  ]', 'plans')],
    check: ([problem]) => assert.deepEqual(problem!.data?.original, base.plans),
  },
  { name: 'an image\'s editable field changed (images are editable)', text: imagesEdited, expected: [] },
  {
    name: 'a changed image file (`image` is read-only)',
    text: replaceOnce(text, '"media/products/pro-suite/hero.png"', '"media/other.png"'),
    expected: [p('read-only', '"media/other.png"', 'images')],
    check: ([problem]) => assert.equal(problem!.data?.original, 'media/products/pro-suite/hero.png'),
  },
  { name: 'a changed server field', text: replaceOnce(text, '"archived": false', '"archived": true'), expected: [p('read-only', 'true', 'archived')] },
  {
    name: 'a removed read-only field: one problem on the whole object',
    text: replaceOnce(text, '  "createdBy": "Jane Smith",\n', ''),
    expected: [p('read-only', replaceOnce(text, '  "createdBy": "Jane Smith",\n', '').trimEnd(), 'createdBy')],
    check: ([problem]) => {
      assert.equal(problem!.message, '`createdBy` is read-only; removing it will not be saved.');
      assert.deepEqual(problem!.data?.originals, { createdBy: 'Jane Smith' });
    },
  },
  {
    name: 'a read-only field the base did not have',
    text: replaceOnce(serializeProduct(baseProduct({ plans: undefined })), '  "images"', '  "plans": [],\n  "images"'),
    base: baseProduct({ plans: undefined }),
    expected: [p('read-only', '[]', 'plans')],
    check: ([problem]) => assert.ok(problem!.data && 'original' in problem.data && problem.data.original === undefined),
  },
  {
    name: 'invalid JSON hides every other problem',
    text: replaceOnce(text, '"taxCode": "saas",', '"taxCode": "xyz"'),
    expected: [p('invalid-json', '"createdBy"')],
    check: ([problem]) => assert.equal(problem!.message, 'Expected a comma.'),
  },
  {
    name: 'a trailing comma',
    text: '{"name": "x", "taxCode": "saas",}',
    base: 'none',
    expected: [p('invalid-json', '}')],
    check: ([problem]) => assert.equal(problem!.message, 'Trailing comma: JSON does not allow a comma before a closing bracket.'),
  },
  { name: 'a comment', text: '{"name": "x", /* c */ "taxCode": "saas"}', base: 'none', expected: [p('invalid-json', '/* c */')] },
  {
    name: 'an unterminated string (and the missing brace after it)',
    text: '{"name": "x',
    base: 'none',
    expected: [p('invalid-json', '"x'), p('invalid-json', '')],
    check: (problems) => assert.deepEqual(problems.map((pr) => pr.message), ['Unterminated string.', 'Expected a closing brace `}`.']),
  },
  { name: 'an array', text: '[1, 2]\n', expected: [p('not-an-object', '[1, 2]')] },
  { name: 'a string', text: '"product"', expected: [p('not-an-object', '"product"')] },
  {
    name: 'a duplicate key',
    text: replaceOnce(text, '  "name": "Pro Suite",\n', '  "name": "Pro Suite",\n  "name": "Other",\n'),
    expected: [p('invalid-json', '"name"', 'name')],
    check: ([problem]) => assert.ok(problem!.offset > text.indexOf('"name"')),
  },
  { name: 'no base: a minimal document', text: '{"name": "x", "taxCode": "saas"}', base: 'none', expected: [] },
  {
    name: 'no base: read-only fields are type-checked, extra fields are unknown',
    text: '{"id": 5, "name": "x", "taxCode": "saas", "archived": false}',
    base: 'none',
    expected: [p('type', '5', 'id'), p('unknown-field', '"archived"', 'archived')],
  },
  {
    name: 'no base: a wrong type nested in images',
    text: '{"name": "x", "taxCode": "saas", "images": [{"id": 3}]}',
    base: 'none',
    expected: [p('type', '3', 'images')],
    check: ([problem]) => assert.ok(problem!.message.includes('images[0].id')),
  },
  {
    name: 'no base: a nested missing field lands on its object',
    text: '{"name": "x", "taxCode": "saas", "images": [{"name": "a"}]}',
    base: 'none',
    expected: [p('required', '{', 'images')],
    check: ([problem]) => assert.equal(problem!.offset, '{"name": "x", "taxCode": "saas", "images": ['.length),
  },
  {
    name: 'a tax code the server knows but we do not, unchanged',
    text: serializeProduct(baseProduct({ taxCode: 'newcode' })),
    base: baseProduct({ taxCode: 'newcode' }),
    expected: [],
  },
  {
    name: 'a tax code we do not know, set by the user',
    text: replaceOnce(serializeProduct(baseProduct({ taxCode: 'newcode' })), '"newcode"', '"othercode"'),
    base: baseProduct({ taxCode: 'newcode' }),
    expected: [p('enum', '"othercode"', 'taxCode')],
  },
  {
    name: 'several problems, each on its own range',
    text: replaceOnce(replaceOnce(replaceOnce(text, '"Pro Suite"', '""'), '"saas"', '"xyz"'), '"pro-suite"', '"x"'),
    expected: [p('read-only', '"x"', 'identifier'), p('required', '""', 'name'), p('enum', '"xyz"', 'taxCode')],
  },
];

describe('validateProductDocument', () => {
  for (const c of cases) {
    it(c.name, () => {
      const problems = validateProductDocument(c.text, c.base === 'none' ? undefined : (c.base ?? base));
      assert.deepEqual(sliced(c.text, problems), c.expected);
      for (const problem of problems) assert.equal(problem.severity, 'error');
      c.check?.(problems);
    });
  }

});
