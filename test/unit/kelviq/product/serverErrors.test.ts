import assert from 'node:assert/strict';
import { serializeProduct, serverErrorsToProblems } from '../../../../src/domain/kelviq/product';
import { baseProduct, sliced } from './fixtures';

const text = serializeProduct(baseProduct());

describe('serverErrorsToProblems', () => {
  it('puts each field error on that property value', () => {
    const problems = serverErrorsToProblems(text, { name: ['This field may not be blank.'], taxCode: ['"xyz" is not a valid choice.'] });
    assert.deepEqual(sliced(text, problems), [
      { code: 'server', slice: '"Pro Suite"', field: 'name' },
      { code: 'server', slice: '"saas"', field: 'taxCode' },
    ]);
    assert.equal(problems[0]!.message, 'This field may not be blank.');
    assert.equal(problems[0]!.severity, 'error');
  });

  it('joins several messages for one field into one problem', () => {
    const problems = serverErrorsToProblems(text, { name: ['Too long.', 'Already taken.'] });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.message, 'Too long.\nAlready taken.');
  });

  it('finds snake_case and dotted field names', () => {
    const problems = serverErrorsToProblems(text, { tax_code: ['Bad code.'], 'images.0.name': ['Bad name.'] });
    assert.deepEqual(sliced(text, problems), [
      { code: 'server', slice: '"saas"', field: 'taxCode' },
      { code: 'server', slice: '"hero.png"', field: 'images' },
    ]);
  });

  it('puts non-field errors and unknown fields on the first property key, in one problem', () => {
    const problems = serverErrorsToProblems(text, { non_field_errors: ['Product is archived.'], imageKeys: ['Upload expired.'] });
    assert.deepEqual(sliced(text, problems), [{ code: 'server', slice: '"id"', field: undefined }]);
    assert.equal(problems[0]!.message, 'Product is archived.\nimageKeys: Upload expired.');
  });

  it('uses offset 0 when the text has no property', () => {
    for (const broken of ['', '{}', 'not json']) {
      const problems = serverErrorsToProblems(broken, { detail: ['Nope.'] });
      assert.equal(problems.length, 1);
      assert.deepEqual([problems[0]!.offset, problems[0]!.length], [0, 0]);
    }
  });

  it('skips fields without messages', () => {
    assert.deepEqual(serverErrorsToProblems(text, { name: [], taxCode: [' '] }), []);
  });
});

describe('serverErrorsToProblems with field names that are Object.prototype members', () => {
  const doc = '{\n  "name": "x",\n  "constructor": "c",\n  "__proto__": "p"\n}';
  it('places them like any other field, and reports unknown ones on the first key', () => {
    const fieldErrors = JSON.parse('{"__proto__": ["p bad"], "constructor": ["c bad"], "toString": ["t bad"], "valueOf": "v bad"}') as Record<string, string[]>;
    const problems = serverErrorsToProblems(doc, fieldErrors);
    assert.deepEqual(sliced(doc, problems), [
      { code: 'server', slice: '"name"', field: undefined },
      { code: 'server', slice: '"c"', field: 'constructor' },
      { code: 'server', slice: '"p"', field: '__proto__' },
    ]);
    assert.equal(problems[0]!.message, 'toString: t bad\nvalueOf: v bad');
  });
  it('accepts a prototype-free object (what the API layer hands out)', () => {
    const fieldErrors = Object.assign(Object.create(null) as Record<string, string[]>, JSON.parse('{"constructor": ["c bad"]}') as Record<string, string[]>);
    assert.deepEqual(serverErrorsToProblems(doc, fieldErrors).map((p) => p.field), ['constructor']);
  });
});
