import assert from 'node:assert/strict';
import {
  documentKeys,
  revertReadOnlyEdit,
  revertReadOnlyProblem,
  serializeProduct,
  validateProductDocument,
} from '../../../../src/domain/kelviq/product';
import { baseProduct, replaceOnce } from './fixtures';

const base = baseProduct({ archived: false });
const text = serializeProduct(base);

describe('revertReadOnlyEdit', () => {
  it('restores a changed value and touches nothing else', () => {
    const edited = replaceOnce(replaceOnce(text, '"pro-suite"', '"hacked"'), '"Pro Suite"', '"Renamed"');
    const reverted = revertReadOnlyEdit(edited, 'identifier', base.identifier);
    assert.equal(reverted, replaceOnce(text, '"Pro Suite"', '"Renamed"'));
  });

  it('restores a changed array, formatted like the document', () => {
    const edited = replaceOnce(text, '"pro-annual"', '"pro-weekly"');
    assert.equal(revertReadOnlyEdit(edited, 'plans', base.plans), text);
  });

  it('re-inserts a removed field where serializeProduct puts it', () => {
    const edited = replaceOnce(text, '  "createdBy": "Jane Smith",\n', '');
    const reverted = revertReadOnlyEdit(edited, 'createdBy', 'Jane Smith');
    assert.deepEqual(documentKeys(reverted), documentKeys(text));
    assert.deepEqual(JSON.parse(reverted), JSON.parse(text));
    assert.deepEqual(validateProductDocument(reverted, base), []);
  });

  it('removes a field the base did not have (original undefined)', () => {
    const noPlans = baseProduct({ plans: undefined });
    const edited = replaceOnce(serializeProduct(noPlans), '  "images"', '  "plans": ["x"],\n  "images"');
    assert.equal(revertReadOnlyEdit(edited, 'plans', undefined), serializeProduct(noPlans));
  });

  it('keeps tab indentation and CRLF line ends', () => {
    const tabbed = '{\r\n\t"id": "a",\r\n\t"name": "x"\r\n}\r\n';
    assert.equal(revertReadOnlyEdit(tabbed, 'id', 'b'), '{\r\n\t"id": "b",\r\n\t"name": "x"\r\n}\r\n');
    const inserted = revertReadOnlyEdit('{\r\n\t"name": "x"\r\n}\r\n', 'id', 'b');
    assert.equal(inserted, '{\r\n\t"id": "b",\r\n\t"name": "x"\r\n}\r\n');
  });

  it('leaves invalid JSON alone', () => {
    assert.equal(revertReadOnlyEdit('{"id": ', 'id', 'a'), '{"id": ');
  });
});

describe('revertReadOnlyProblem', () => {
  it('fixes every read-only problem validateProductDocument reports', () => {
    let edited = replaceOnce(text, '"0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de"', '7');
    edited = replaceOnce(edited, '"archived": false', '"archived": true');
    edited = replaceOnce(edited, '  "createdBy": "Jane Smith",\n', '');
    edited = replaceOnce(edited, '  "modifiedOn": "2025-04-12T08:21:14.910Z",\n', '');
    let problems = validateProductDocument(edited, base);
    assert.deepEqual(problems.map((p) => p.code), ['read-only', 'read-only', 'read-only']);
    while (problems.length > 0) {
      edited = revertReadOnlyProblem(edited, problems[0]!);
      const next = validateProductDocument(edited, base);
      assert.ok(next.length < problems.length, 'each fix removes a problem');
      problems = next;
    }
    assert.equal(edited, text);
  });

  it('does nothing for other problems', () => {
    const edited = replaceOnce(text, '"saas"', '"xyz"');
    const [problem] = validateProductDocument(edited, base);
    assert.equal(revertReadOnlyProblem(edited, problem!), edited);
  });
});
