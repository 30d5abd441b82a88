import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TAX_CODE_VALUES } from '../../../../src/api/kelviq/schemas';
import { validateProductDocument } from '../../../../src/domain/kelviq/product';
import { baseProduct } from './fixtures';

const base = baseProduct({ archived: false });

describe('validateProductDocument (properties)', () => {
  const jsonValue = fc.oneof(
    fc.constantFrom(null, true, 0, '', 'saas', 'x', 'Pro Suite', [], {}),
    fc.string({ maxLength: 5 }),
    fc.integer(),
    fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  );
  const field = fc.constantFrom('id', 'identifier', 'name', 'description', 'taxCode', 'createdBy', 'modifiedOn', 'plans', 'images', 'archived', 'nmae', 'other');

  it('never reports two problems on one range, and every range lies inside the text', () => {
    fc.assert(
      fc.property(fc.dictionary(field, fc.option(jsonValue, { nil: undefined })), fc.boolean(), (changes, withBase) => {
        const doc: Record<string, unknown> = { ...base };
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) delete doc[key];
          else doc[key] = value;
        }
        const docText = JSON.stringify(doc, null, 2);
        const problems = validateProductDocument(docText, withBase ? base : undefined);
        const ranges = problems.map((pr) => `${pr.offset}:${pr.length}`);
        assert.equal(new Set(ranges).size, ranges.length, `duplicate ranges in ${JSON.stringify(problems)}`);
        for (const pr of problems) {
          assert.ok(pr.offset >= 0 && pr.length >= 0 && pr.offset + pr.length <= docText.length);
          const slice = docText.slice(pr.offset, pr.offset + pr.length);
          if (pr.code === 'type' || pr.code === 'enum') assert.doesNotThrow(() => JSON.parse(slice), `a value: ${slice}`);
          if (pr.code === 'read-only' && pr.field !== undefined && pr.field in doc) {
            // A changed read-only field: exactly the JSON text of its value.
            assert.deepEqual(JSON.parse(slice), doc[pr.field]);
          }
        }
        if (withBase && problems.length === 0) {
          assert.ok(typeof doc.name === 'string' && doc.name.trim() !== '');
          assert.ok((TAX_CODE_VALUES as string[]).includes(doc.taxCode as string));
        }
      }),
      { numRuns: 300 },
    );
  });
});
