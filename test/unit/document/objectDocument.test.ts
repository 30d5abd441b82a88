// The shared first stages of every kind's validation: parseObjectDocument, documentValue, editIssues.
import assert from 'node:assert/strict';
import { z } from 'zod';
import { documentValue, editIssues, parseJsonObject, parseObjectDocument } from '../../../src/domain/document/objectDocument';

describe('parseObjectDocument', () => {
  it('a syntax error (an empty text is one) and a root that is not an object each stop there', () => {
    assert.deepEqual(parseObjectDocument('{"a": 1,}', { noun: 'plan' }).problems?.map((p) => [p.code, p.message]), [
      ['invalid-json', 'Trailing comma: JSON does not allow a comma before a closing bracket.'],
    ]);
    assert.equal(parseObjectDocument('', { noun: 'plan' }).problems?.[0]?.code, 'invalid-json');
    assert.deepEqual(parseObjectDocument('[1]', { noun: 'plan' }).problems?.map((p) => [p.code, p.message, p.offset, p.length]), [
      ['not-an-object', 'A plan document must be a JSON object ({ … }), not an array.', 0, 3],
    ]);
    assert.equal(parseObjectDocument('"x"', { noun: 'product' }).problems?.[0]?.message, 'A product document must be a JSON object ({ … }), not a string.');
  });

  it('a repeated key: at the top level always (with its field), in nested objects only when asked', () => {
    const text = '{"a": {"b": 1, "b": 2}, "a": [{"c": 1, "c": 1}]}';
    const top = parseObjectDocument(text, { noun: 'product' }).problems ?? [];
    assert.deepEqual(top.map((p) => [p.field, text.slice(p.offset, p.offset + p.length)]), [['a', '"a"']]);
    const nested = parseObjectDocument(text, { noun: 'product', nestedDuplicates: true }).problems ?? [];
    assert.deepEqual(nested.map((p) => [p.field, text.slice(p.offset, p.offset + p.length)]), [
      [undefined, '"b"'],
      ['a', '"a"'],
      [undefined, '"c"'],
    ]);
  });

  it('parseJsonObject stops before the duplicate-key check', () => {
    assert.equal(parseJsonObject('{"a": 1, "a": 2}', 'feature').root?.type, 'object');
    assert.equal(parseJsonObject('1', 'feature').problems?.[0]?.message, 'A feature document must be a JSON object ({ … }), not a number.');
  });

  it('a well-formed object: its root and no problems', () => {
    const parsed = parseObjectDocument('{"a": {"b": 1}}', { noun: 'plan', nestedDuplicates: true });
    assert.equal(parsed.problems, undefined);
    assert.equal(parsed.root?.type, 'object');
  });
});

describe('documentValue', () => {
  it('parses every field but the server fields, which are null stubs; "__proto__" is an ordinary field', () => {
    const { root } = parseObjectDocument('{"name": "x", "big": {"a": [1]}, "__proto__": {"p": 1}}', { noun: 'plan' });
    const value = documentValue(root!, ['big']);
    assert.deepEqual(Object.keys(value), ['name', 'big', '__proto__']);
    assert.equal(value.big, null);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, { p: 1 });
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(documentValue(root!, undefined).big, { a: [1] });
  });
});

describe('editIssues', () => {
  const schema = z.strictObject({ name: z.string(), count: z.number() });

  it('drops the issues on the server data, keeps unknown keys whatever onServerData says', () => {
    const value = { name: 1, count: 'x', extra: true };
    assert.deepEqual(editIssues(schema, value, () => false).map((i) => i.code).sort(), ['invalid_type', 'invalid_type', 'unrecognized_keys']);
    assert.deepEqual(editIssues(schema, value, (path) => path[0] === 'name').map((i) => [i.code, i.path]), [
      ['invalid_type', ['count']],
      ['unrecognized_keys', []],
    ]);
    assert.deepEqual(editIssues(schema, { name: 'a', count: 1 }, () => false), []);
  });
});
