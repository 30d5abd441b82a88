import assert from 'node:assert/strict';
import { describeProblems, parseErrorBody, type ParsedErrorBody } from '../../../src/api/http/errorBody';
import { errorForStatus } from '../../../src/api/http/statusErrors';
import { ApiError } from '../../../src/api/http/errors';

/** fieldErrors has no prototype; compare its entries with a plain object literal. */
const plain = (parsed: ParsedErrorBody): ParsedErrorBody => ({ ...parsed, fieldErrors: { ...parsed.fieldErrors } });

describe('api/http/errorBody: parseErrorBody', () => {
  const cases: Array<[string, unknown, ParsedErrorBody]> = [
    ['field-keyed (DRF)', { taxCode: ['"xyz" is not a valid choice.'] }, { fieldErrors: { taxCode: ['"xyz" is not a valid choice.'] } }],
    ['several fields, several messages', { name: ['Required.', 'Too short.'], identifier: ['Taken.'] }, { fieldErrors: { name: ['Required.', 'Too short.'], identifier: ['Taken.'] } }],
    ['a field given as a bare string', { name: 'This field is required.' }, { fieldErrors: { name: ['This field is required.'] } }],
    ['detail', { detail: 'Already archived.' }, { message: 'Already archived.', fieldErrors: {} }],
    ['detail with DRF code', { detail: 'Invalid token.', code: 'token_not_valid' }, { message: 'Invalid token.', fieldErrors: {} }],
    ['error', { error: 'Product is locked.' }, { message: 'Product is locked.', fieldErrors: {} }],
    ['error object', { error: { code: 'x', message: 'Nested.' } }, { message: 'Nested.', fieldErrors: {} }],
    ['status + message', { status: 'error', message: 'Plan is published.' }, { message: 'Plan is published.', fieldErrors: {} }],
    ['status as the only message', { status: 'Product archived elsewhere.' }, { message: 'Product archived elsewhere.', fieldErrors: {} }],
    ['status token alone', { status: 'failed' }, { fieldErrors: {} }],
    ['non_field_errors → message, not a field', { non_field_errors: ['Identifier and name clash.'] }, { message: 'Identifier and name clash.', fieldErrors: {} }],
    ['non_field_errors plus a field', { non_field_errors: ['Bad combo.'], name: ['Required.'] }, { message: 'Bad combo.', fieldErrors: { name: ['Required.'] } }],
    ['nested serializer errors', { images: [{}, { name: ['Too long.'] }] }, { fieldErrors: { 'images.1.name': ['Too long.'] } }],
    ['nested object errors', { settings: { currency: ['Unknown currency.'] } }, { fieldErrors: { 'settings.currency': ['Unknown currency.'] } }],
    ['errors wrapper', { errors: { name: ['Required.'] } }, { fieldErrors: { name: ['Required.'] } }],
    ['drf-standardized-errors', { type: 'validation_error', errors: [{ code: 'invalid', detail: 'Bad.', attr: 'taxCode' }] }, { fieldErrors: { taxCode: ['Bad.'] } }],
    ['top-level list', ['Something went wrong.'], { message: 'Something went wrong.', fieldErrors: {} }],
    ['plain string', 'Oops', { message: 'Oops', fieldErrors: {} }],
    ['null', null, { fieldErrors: {} }],
    ['number', 42, { fieldErrors: {} }],
    ['empty object', {}, { fieldErrors: {} }],
    ['non-message scalars are ignored', { retries: 3, name: ['Required.'] }, { fieldErrors: { name: ['Required.'] } }],
    ['blank messages are dropped', { detail: '  ', name: [''] }, { fieldErrors: {} }],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.deepEqual(plain(parseErrorBody(body)), expected));
  }

  describe('keys that name Object.prototype members are fields like any other', () => {
    const hostile = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
    for (const key of hostile) {
      it(`{"${key}": ["y"]} → a field "${key}"`, () => {
        const parsed = parseErrorBody(JSON.parse(`{"${key}": ["y"], "name": "z"}`));
        assert.deepEqual(Object.keys(parsed.fieldErrors), [key, 'name']);
        assert.deepEqual(parsed.fieldErrors[key], ['y']);
        assert.equal(Object.getPrototypeOf(parsed.fieldErrors), null);
        assert.equal(describeProblems(parsed), `${key}: y (and 1 more problem)`);
      });
      it(`a nested "${key}" and one inside a list are fields too`, () => {
        const parsed = parseErrorBody(JSON.parse(`{"images": [{"${key}": ["bad"]}], "errors": [{"attr": "${key}", "detail": "d"}]}`));
        assert.deepEqual({ ...parsed.fieldErrors }, { [key]: ['d'], [`images.0.${key}`]: ['bad'] });
      });
    }

    it('Object.prototype is untouched and a missing field reads as undefined', () => {
      const parsed = parseErrorBody(JSON.parse('{"__proto__": {"polluted": ["yes"]}, "name": ["x"]}'));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(parsed.fieldErrors.constructor, undefined);
      assert.deepEqual(parsed.fieldErrors['__proto__.polluted'], ['yes']);
    });

    it('a 401 with {"constructor":["y"]} is an auth error, not a TypeError', () => {
      const ctx = { service: 'Kelviq', environmentLabel: 'Sandbox', method: 'GET', path: '/x/', baseUrl: 'https://x', secrets: [] };
      const result = errorForStatus(ctx, 401, '{"constructor":["y"]}', 'application/json');
      assert.equal(result.kind, 'auth');
      const error = new ApiError({ kind: result.kind, message: result.message, method: 'GET', path: '/x/', fieldErrors: result.fieldErrors });
      assert.deepEqual(error.fieldErrors.constructor, ['y']);
      assert.equal(JSON.parse(JSON.stringify(error)).fieldErrors.constructor[0], 'y');
    });
  });

  it('never throws on hostile input (deep nesting, cycles of arrays)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 1000; i++) deep = { a: [deep] };
    assert.doesNotThrow(() => parseErrorBody(deep));
    assert.doesNotThrow(() => parseErrorBody({ detail: deep }));
  });
});

describe('api/http/errorBody: describeProblems', () => {
  const cases: Array<[string, ParsedErrorBody, string | undefined]> = [
    ['first field problem', { fieldErrors: { taxCode: ['"xyz" is not a valid choice.'] } }, 'taxCode: "xyz" is not a valid choice.'],
    ['counts the rest', { fieldErrors: { name: ['Required.'], identifier: ['Taken.', 'Too long.'] } }, 'name: Required. (and 2 more problems)'],
    ['one more', { fieldErrors: { name: ['Required.'], identifier: ['Taken.'] } }, 'name: Required. (and 1 more problem)'],
    ['message only', { message: 'Already archived.', fieldErrors: {} }, 'Already archived.'],
    ['generic message is dropped before a field', { message: 'Invalid input.', fieldErrors: { name: ['Required.'] } }, 'name: Required.'],
    ['specific message is kept before a field', { message: 'Bad combo.', fieldErrors: { name: ['Required.'] } }, 'Bad combo. name: Required.'],
    ['nothing', { fieldErrors: {} }, undefined],
  ];
  for (const [name, parsed, expected] of cases) {
    it(name, () => assert.equal(describeProblems(parsed), expected));
  }
});
