// validateZaveitDocument: every rule, each on its exact range, with quick-fix data where there is
// one; and what must not be reported (untouched documents, the server's own odd values).
import assert from 'node:assert/strict';
import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import { zaveitDemoCatalog } from '../../../sandbox/zaveit';
import { findPropertyRange, type DocumentProblem } from '../../../src/domain/document';
import { revertZaveitProblem, serializeZaveitProduct, validateZaveitDocument } from '../../../src/domain/zaveit/product';

const BASE = zaveitDemoCatalog().products[0]!; // Cloud Backup Pro: NOK, 3 variants
const TEXT = serializeZaveitProduct(BASE);

function edit(text: string, path: JSONPath, value: unknown): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
}

function valueRange(text: string, path: JSONPath): { offset: number; length: number } {
  const found = findPropertyRange(text, path);
  assert.ok(found, `no ${JSON.stringify(path)}`);
  return found.value;
}

function keyRange(text: string, path: JSONPath): { offset: number; length: number } {
  const found = findPropertyRange(text, path);
  assert.ok(found?.key, `no key ${JSON.stringify(path)}`);
  return found.key;
}

function only(problems: DocumentProblem[]): DocumentProblem {
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  return problems[0]!;
}

function expectOne(text: string, base: typeof BASE | undefined, expected: Partial<DocumentProblem> & { offset: number; length: number }): DocumentProblem {
  const problem = only(validateZaveitDocument(text, base));
  for (const [key, value] of Object.entries(expected)) assert.deepEqual((problem as unknown as Record<string, unknown>)[key], value, `${key} of ${JSON.stringify(problem)}`);
  return problem;
}

describe('domain/zaveit: validateZaveitDocument', () => {
  describe('untouched documents have no problems', () => {
    for (const product of zaveitDemoCatalog().products) {
      it(`${product.name}: with and without its base`, () => {
        const text = serializeZaveitProduct(product);
        assert.deepEqual(validateZaveitDocument(text, product), []);
        assert.deepEqual(validateZaveitDocument(text, undefined), []);
      });
    }
  });

  describe('syntax and shape', () => {
    it('JSON syntax: a trailing comma, at its position', () => {
      const text = '{\n  "name": "x",\n}';
      const p = only(validateZaveitDocument(text, undefined));
      assert.equal(p.code, 'invalid-json');
      assert.match(p.message, /Trailing comma/);
      assert.equal(p.offset, text.indexOf('}'));
    });

    it('not an object; an empty document', () => {
      expectOne('[1]', undefined, { code: 'not-an-object', offset: 0, length: 3 });
      expectOne('', undefined, { code: 'invalid-json', offset: 0, length: 0 });
    });

    it('a repeated key, also inside a variant, on the second key', () => {
      const text = TEXT.replace('"sku": "CBP-50",', '"sku": "CBP-50",\n      "sku": "CBP-51",');
      expectOne(text, BASE, { code: 'invalid-json', offset: text.indexOf('"sku": "CBP-51"'), length: 5 });
    });
  });

  describe('types (zod)', () => {
    const cases: Array<[string, JSONPath, unknown, string]> = [
      ['a price as a string', ['products', 1, 'price'], '249', '`products[1].price` must be a number, not a string.'],
      ['subscription as a string', ['subscription'], 'yes', '`subscription` must be `true` or `false`, not a string.'],
      ['hours with a fraction', ['subscription_term'], 1.5, '`subscription_term` must be a whole number of hours (it is 1.5).'],
      ['payment_period as a string', ['payment_period'], '720', '`payment_period` must be a whole number of hours, not a string.'],
      ['status as an array', ['status'], [], '`status` must be an object, not an array.'],
      ['amount.max as a string', ['amount', 'max'], 'none', '`amount.max` must be a number or null, not a string.'],
    ];
    for (const [name, path, value, message] of cases) {
      it(`${name} → on the value`, () => {
        const text = edit(TEXT, path, value);
        expectOne(text, BASE, { code: 'type', message, ...valueRange(text, path), field: String(path[0]) });
      });
    }

    it('an empty name → required, on the value', () => {
      const text = edit(TEXT, ['name'], '  ');
      expectOne(text, BASE, { code: 'required', message: '`name` cannot be empty.', ...valueRange(text, ['name']) });
    });

    it('a new variant without price and amount → one problem on its opening brace', () => {
      const text = edit(TEXT, ['products', 3], { _id: '', sku: 'NEW' });
      const range = valueRange(text, ['products', 3]);
      expectOne(text, BASE, { code: 'required', offset: range.offset, length: 1, message: 'Missing required fields `products[3].price` and `products[3].amount`.' });
    });
  });

  describe('unknown fields', () => {
    it('top level, with a suggestion, on the key', () => {
      const text = edit(TEXT, ['descripton'], 'x');
      const p = expectOne(text, BASE, { code: 'unknown-field', ...keyRange(text, ['descripton']) });
      assert.equal(p.data?.suggestion, 'description');
      assert.match(p.message, /Did you mean `description`\?/);
    });

    it('inside a variant, with a suggestion from the variant fields', () => {
      const text = edit(TEXT, ['products', 0, 'prcie'], 1);
      const p = expectOne(text, BASE, { code: 'unknown-field', ...keyRange(text, ['products', 0, 'prcie']) });
      assert.equal(p.data?.suggestion, 'price');
    });

    it('camelCase for snake_case is one edit away', () => {
      const text = edit(TEXT, ['costPrice'], 1);
      assert.equal(only(validateZaveitDocument(text, BASE)).data?.suggestion, undefined, 'no top-level field is that close');
      const text2 = edit(TEXT, ['subscriptionTerm'], 1);
      assert.equal(only(validateZaveitDocument(text2, BASE)).data?.suggestion, 'subscription_term');
    });

    it('a key `__proto__` is an ordinary unknown field', () => {
      const text = TEXT.replace('"name":', '"__proto__": 1,\n  "name":');
      expectOne(text, BASE, { code: 'unknown-field', offset: text.indexOf('"__proto__"'), length: '"__proto__"'.length });
    });
  });

  describe('read-only (server-owned) fields', () => {
    it('an edited id → on the value, carrying the original; the revert gives back the server text', () => {
      const text = edit(TEXT, ['id'], 'hacked');
      const p = expectOne(text, BASE, { code: 'read-only', field: 'id', ...valueRange(text, ['id']) });
      assert.deepEqual(p.data, { original: BASE.id });
      assert.equal(revertZaveitProblem(text, p), TEXT);
    });

    it('removed created and updated → one problem over the document, with both originals; the revert restores them', () => {
      const text = edit(edit(TEXT, ['created'], undefined), ['updated'], undefined);
      const p = expectOne(text, BASE, { code: 'read-only', field: 'created', offset: 0, length: text.trimEnd().length });
      assert.deepEqual(p.data?.originals, { created: BASE.created, updated: BASE.updated });
      assert.equal(revertZaveitProblem(text, p), TEXT);
    });

    it('a server-owned field the base lacks cannot be added; the revert removes it', () => {
      const text = edit(TEXT, ['serviceList'], ['x']);
      const p = expectOne(text, BASE, { code: 'read-only', field: 'serviceList', ...valueRange(text, ['serviceList']) });
      assert.equal(p.data?.original, undefined);
      assert.deepEqual(validateZaveitDocument(revertZaveitProblem(text, p), BASE), []);
    });

    it('country._id edited → on the _id; the revert puts back only the id, keeping a code change', () => {
      const text = edit(edit(TEXT, ['country', '_id'], 'ffffffffffffffffffffffff'), ['country', 'code'], 'SE');
      const p = expectOne(text, BASE, { code: 'read-only', field: 'country', ...valueRange(text, ['country', '_id']) });
      const reverted = revertZaveitProblem(text, p);
      assert.deepEqual(validateZaveitDocument(reverted, BASE), []);
      assert.match(reverted, /"code": "SE"/);
    });

    it('currency._id removed → on the currency object; the revert puts it back', () => {
      const text = edit(TEXT, ['currency', '_id'], undefined);
      const p = expectOne(text, BASE, { code: 'read-only', field: 'currency', ...valueRange(text, ['currency']) });
      assert.equal(revertZaveitProblem(text, p), TEXT);
    });

    it('without a base, server-owned fields are only type-checked', () => {
      const text = edit(TEXT, ['__v'], 'one');
      expectOne(text, undefined, { code: 'type', ...valueRange(text, ['__v']) });
      assert.deepEqual(validateZaveitDocument(edit(TEXT, ['id'], 'other'), undefined), []);
    });
  });

  describe('quantity bounds', () => {
    it('amount.max below amount.min → on max (and default, which cannot fit, on default); null means unlimited', () => {
      const text = edit(edit(TEXT, ['amount', 'min'], 5), ['amount', 'default'], 5);
      const withMax = edit(text, ['amount', 'max'], 2);
      assert.deepEqual(validateZaveitDocument(withMax, BASE).map((p) => [p.code, p.message, p.offset, p.length]), [
        ['invalid-value', '`amount.default` (5) is above `amount.max` (2).', valueRange(withMax, ['amount', 'default']).offset, 1],
        ['invalid-value', '`amount.max` (2) is below `amount.min` (5). Use null for no upper limit.', valueRange(withMax, ['amount', 'max']).offset, 1],
      ]);
      assert.deepEqual(validateZaveitDocument(edit(text, ['amount', 'max'], null), BASE), []);
    });

    it('amount.default below min, and above max → on default', () => {
      const below = edit(TEXT, ['amount', 'default'], 0);
      expectOne(below, BASE, { code: 'invalid-value', message: '`amount.default` (0) is below `amount.min` (1).', ...valueRange(below, ['amount', 'default']) });
      const above = edit(edit(TEXT, ['amount', 'max'], 3), ['amount', 'default'], 4);
      expectOne(above, BASE, { code: 'invalid-value', message: '`amount.default` (4) is above `amount.max` (3).', ...valueRange(above, ['amount', 'default']) });
    });

    it('the same for each variant, named by its index; a variant max may be left out', () => {
      const text = edit(TEXT, ['products', 1, 'amount', 'default'], 501);
      expectOne(text, BASE, { code: 'invalid-value', message: '`products[1].amount.default` (501) is above `products[1].amount.max` (500).', ...valueRange(text, ['products', 1, 'amount', 'default']) });
      assert.deepEqual(validateZaveitDocument(edit(TEXT, ['products', 1, 'amount', 'max'], undefined), BASE), []);
    });

    for (const field of ['price', 'cost_price', 'discount'] as const) {
      it(`a negative ${field} → on the value`, () => {
        const text = edit(TEXT, ['products', 2, field], -1);
        expectOne(text, BASE, { code: 'invalid-value', message: `\`products[2].${field}\` must not be negative (it is -1).`, ...valueRange(text, ['products', 2, field]) });
      });
    }

    it('negative hours → on the value', () => {
      const text = edit(TEXT, ['subscription_term'], -720);
      expectOne(text, BASE, { code: 'invalid-value', message: '`subscription_term` must not be negative (it is -720).', ...valueRange(text, ['subscription_term']) });
    });
  });

  describe('SKUs', () => {
    it('an empty SKU → required, on it', () => {
      const text = edit(TEXT, ['products', 0, 'sku'], '');
      expectOne(text, BASE, { code: 'required', message: '`products[0].sku` cannot be empty: every variant needs a SKU.', ...valueRange(text, ['products', 0, 'sku']) });
    });

    it('a SKU used twice → on the one that was changed, naming the other', () => {
      const text = edit(TEXT, ['products', 2, 'sku'], 'CBP-50');
      expectOne(text, BASE, { code: 'invalid-value', message: 'SKU "CBP-50" is also used by `products[0]`: each variant needs its own SKU.', ...valueRange(text, ['products', 2, 'sku']) });
    });

    it('a new variant repeating a SKU → on the new one', () => {
      const text = edit(TEXT, ['products', 3], { _id: '', sku: 'CBP-200', price: 1, amount: { min: 1, default: 1 } });
      expectOne(text, BASE, { code: 'invalid-value', ...valueRange(text, ['products', 3, 'sku']) });
    });
  });

  describe('management link', () => {
    for (const url of ['ftp://files.example.com', 'portal.example.com', 'https://', ' https://x.example.com']) {
      it(`${JSON.stringify(url)} → on the url`, () => {
        const text = edit(TEXT, ['managementLink', 'url'], url);
        expectOne(text, BASE, { code: 'invalid-value', ...valueRange(text, ['managementLink', 'url']) });
      });
    }
    it('"" and http(s) URLs are fine', () => {
      for (const url of ['', 'http://127.0.0.1:8080/x', 'https://portal.example.com/a?b=c']) assert.deepEqual(validateZaveitDocument(edit(TEXT, ['managementLink', 'url'], url), BASE), []);
    });
  });

  describe('variant ids', () => {
    it('an id that is not one of the base variants → on it', () => {
      const text = edit(TEXT, ['products', 1, '_id'], 'aaaaaaaaaaaaaaaaaaaaaaaa');
      const p = expectOne(text, BASE, { code: 'invalid-value', ...valueRange(text, ['products', 1, '_id']) });
      assert.match(p.message, /is not the id of a variant of this product\. Use "" for a new variant/);
    });

    it('an id used twice → on the second', () => {
      const first = (BASE.products as { _id: string }[])[0]!._id;
      const text = edit(edit(TEXT, ['products', 1, '_id'], first), ['products', 1, 'sku'], 'OTHER');
      expectOne(text, BASE, { code: 'invalid-value', ...valueRange(text, ['products', 1, '_id']) });
    });

    it('two new variants with "" are fine', () => {
      const variant = { _id: '', sku: 'N1', price: 1, amount: { min: 1, default: 1 } };
      const text = edit(edit(TEXT, ['products', 3], variant), ['products', 4], { ...variant, sku: 'N2' });
      assert.deepEqual(validateZaveitDocument(text, BASE), []);
    });
  });

  describe('codes', () => {
    it('a lower-case country code → error; an unknown well-formed one → warning', () => {
      const lower = edit(TEXT, ['country', 'code'], 'no');
      expectOne(lower, BASE, { code: 'invalid-value', severity: 'error', ...valueRange(lower, ['country', 'code']) });
      const unknown = edit(TEXT, ['country', 'code'], 'QQ');
      expectOne(unknown, BASE, { code: 'enum', severity: 'warning', ...valueRange(unknown, ['country', 'code']) });
    });

    it('an unknown currency code → warning with a suggestion', () => {
      const text = edit(TEXT, ['currency', 'code'], 'NOX');
      const p = expectOne(text, BASE, { code: 'enum', severity: 'warning', ...valueRange(text, ['currency', 'code']) });
      assert.ok(p.data?.suggestion, 'suggests a close code');
    });

    it('currency.title added to a saved product → a warning that it is not saved', () => {
      const text = edit(TEXT, ['currency', 'title'], 'Norske kroner');
      const p = expectOne(text, BASE, { code: 'invalid-value', severity: 'warning', ...valueRange(text, ['currency', 'title']) });
      assert.match(p.message, /not saved: the server does not return it/);
      assert.deepEqual(validateZaveitDocument(text, undefined), [], 'fine in a new product');
    });
  });

  describe('removing editable fields', () => {
    it('a removed products and amount → one problem, with originals for a revert', () => {
      const text = edit(edit(TEXT, ['products'], undefined), ['amount'], undefined);
      const p = expectOne(text, BASE, { code: 'required', offset: 0, length: 1, field: 'amount' });
      assert.deepEqual(p.data?.fields, ['amount', 'products']);
      assert.deepEqual(validateZaveitDocument(revertZaveitProblem(text, p), BASE), []);
    });

    it('a removed description is fine (it means "")', () => {
      assert.deepEqual(validateZaveitDocument(edit(TEXT, ['description'], undefined), BASE), []);
    });
  });

  describe('the server\'s own odd values are not reported while untouched', () => {
    const odd = { ...BASE, amount: { min: 5, default: 1, max: 2 }, type: 3.5, products: [{ ...(BASE.products as object[])[0], sku: '', price: -1, extra: true }] };
    const text = serializeZaveitProduct(odd);

    it('with the base: nothing', () => {
      assert.deepEqual(validateZaveitDocument(text, odd), []);
    });

    it('without a base: all of it', () => {
      const codes = validateZaveitDocument(text, undefined).map((p) => p.code).sort();
      assert.deepEqual(codes, ['invalid-value', 'invalid-value', 'invalid-value', 'required', 'type', 'unknown-field']);
    });

    it('touching one of them reports that one', () => {
      const touched = edit(text, ['amount', 'default'], 0);
      assert.deepEqual(validateZaveitDocument(touched, odd).map((p) => p.message), [
        '`amount.default` (0) is below `amount.min` (5).',
        '`amount.max` (2) is below `amount.min` (5). Use null for no upper limit.',
      ]);
    });
  });
});
