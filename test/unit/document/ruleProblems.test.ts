// The shared building blocks of every kind's rules: problemAt, removedFieldsProblem, unknownCodeProblem.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/domain/document';
import { problemAt, removedFieldsProblem, unknownCodeProblem } from '../../../src/domain/document/ruleProblems';

const text = '{"prices": [{"currency": "USX"}], "name": "x"}';
const root = parseDocument(text).root!;
const at = (offset: number, length: number) => text.slice(offset, offset + length);

describe('problemAt', () => {
  it('a problem on the node at the path, about its top-level field; none where the text has no node', () => {
    const [problem] = problemAt(root, ['prices', 0, 'currency'], 'invalid-value', 'No.');
    assert.deepEqual({ ...problem, text: at(problem!.offset, problem!.length) }, {
      code: 'invalid-value',
      message: 'No.',
      severity: 'error',
      field: 'prices',
      offset: problem!.offset,
      length: 5,
      text: '"USX"',
    });
    assert.deepEqual(problemAt(root, ['prices', 1, 'currency'], 'invalid-value', 'No.'), []);
    assert.deepEqual(problemAt(root, ['name'], 'enum', 'Hm.', { severity: 'warning', data: { suggestion: 'y' } }).map((p) => [p.severity, p.data]), [['warning', { suggestion: 'y' }]]);
  });
});

describe('removedFieldsProblem', () => {
  it('one problem on the opening brace naming every removed field, with what to put back', () => {
    assert.deepEqual(removedFieldsProblem(root, { a: 1, b: [2] }, [], 'the plan'), []);
    assert.deepEqual(removedFieldsProblem(root, { a: 1, b: [2] }, ['a'], 'the plan'), [
      {
        code: 'required',
        message: '`a` cannot be removed: the plan has it, and a save can only change its value. Put it back.',
        severity: 'error',
        field: 'a',
        offset: 0,
        length: 1,
        data: { fields: ['a'], originals: { a: 1 } },
      },
    ]);
    const [many] = removedFieldsProblem(root, { a: 1, b: [2] }, ['a', 'b'], 'the product');
    assert.equal(many?.message, '`a` and `b` cannot be removed: the product has them, and a save can only change their values. Put them back.');
    assert.deepEqual(many?.data?.originals, { a: 1, b: [2] });
  });
});

describe('unknownCodeProblem', () => {
  const known = [{ code: 'USD' }, { code: 'EUR' }];
  it('a known code: nothing; an unknown one: a warning with the closest known code', () => {
    assert.deepEqual(unknownCodeProblem(root, ['prices', 0, 'currency'], 'USD', known, 'an ISO 4217 currency code in use'), []);
    assert.deepEqual(unknownCodeProblem(root, ['prices', 0, 'currency'], 'USX', known, 'an ISO 4217 currency code in use').map((p) => [p.code, p.severity, p.message, p.data]), [
      ['enum', 'warning', '"USX" is not an ISO 4217 currency code in use. Did you mean "USD"?', { suggestion: 'USD' }],
    ]);
    assert.deepEqual(unknownCodeProblem(root, ['name'], 'QQQ', known, 'a code').map((p) => [p.message, p.data]), [['"QQQ" is not a code.', undefined]]);
  });
});
