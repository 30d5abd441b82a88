// The Zaveit tree's wording: row descriptions, states and tooltips (untrusted text escaped,
// code spans fenced so they hold any SKU literally).
import * as assert from 'node:assert/strict';
import type { Product } from '../../../src/api/zaveit/schemas';
import { markdownCode, markdownText } from '../../../src/domain/markdown';
import { perPeriod, priceRange, productRowDescription, productState, productTooltipMarkdown } from '../../../src/domain/zaveit/product/treeText';

function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p-1',
    name: 'Cloud Backup Pro',
    subscription: true,
    subscription_term: 8640,
    payment_period: 720,
    status: { active: true, deleted: false },
    currency: { code: 'NOK' },
    country: { code: 'NO' },
    products: [
      { _id: 'a', sku: 'CBP-50', price: 99 },
      { _id: 'b', sku: 'CBP-200', price: 149 },
      { _id: 'c', sku: 'CBP-1000', price: 199 },
    ],
    ...overrides,
  };
}

describe('Zaveit tree rows', () => {
  it('describes variants and the price range per billing period', () => {
    assert.equal(productRowDescription(product()), '3 variants · NOK 99–199 / month');
  });

  it('shows one price once, decimals when there are any, and one-off products', () => {
    assert.equal(priceRange(product({ products: [{ price: 433.44 }] })), 'NOK 433.44 / month');
    assert.equal(priceRange(product({ subscription: false, payment_period: 0, currency: { code: 'USD' }, products: [{ price: 650 }] })), 'USD 650 one-off');
    assert.equal(productRowDescription(product({ products: [] })), '0 variants · no price');
    assert.equal(productRowDescription(product({ products: [{ price: 1200 }] })), '1 variant · NOK 1,200 / month');
  });

  it('words billing periods in hours as months, weeks, days or hours', () => {
    const cases: Array<[number, string | undefined]> = [[720, '/ month'], [8640, '/ 12 months'], [168, '/ week'], [336, '/ 2 weeks'], [24, '/ day'], [36, '/ 36 hours'], [0, undefined]];
    for (const [hours, expected] of cases) assert.equal(perPeriod({ subscription: true, payment_period: hours }), expected, `${hours} hours`);
    assert.equal(perPeriod({ subscription: false, payment_period: 720 }), undefined);
  });

  it('puts the state first when the product is not active; deleted wins over inactive', () => {
    assert.equal(productState(product()), 'active');
    assert.equal(productState(product({ status: undefined })), 'active');
    assert.equal(productState(product({ status: { active: false, deleted: false } })), 'inactive');
    assert.equal(productState(product({ status: { active: false, deleted: true } })), 'deleted');
    assert.match(productRowDescription(product({ status: { active: false } })), /^inactive · 3 variants/);
    assert.match(productRowDescription(product({ status: { active: true, deleted: true } })), /^deleted · /);
  });

  it('lists SKUs, currency and country with names, term and billing in words in the tooltip', () => {
    const md = productTooltipMarkdown(product());
    for (const part of ['**Cloud Backup Pro**', '`CBP-50`', '`NOK` (Norwegian Krone)', '`NO` (Norway)', 'Term: 8640 hours = 12 months', 'Billing: every month', 'NOK 99\\.00']) {
      assert.ok(md.includes(part), `${part} in:\n${md}`);
    }
    assert.match(productTooltipMarkdown(product({ subscription: false })), /one-off/);
  });

  it('escapes catalog text so it cannot become a link, an image or HTML', () => {
    const md = productTooltipMarkdown(product({ name: '[click](command:evil) <img src=x> ![i](http://x/y.png)', description: '*bold* `code` # heading' }));
    assert.ok(!/\[click\]\(command:/.test(md), md);
    assert.ok(!/(^|[^\\])<img/.test(md), md);
    assert.ok(!md.includes('!['), md);
    assert.ok(md.includes('\\*bold\\*'), md);
  });
});

describe('Markdown of untrusted text', () => {
  it('escapes Markdown punctuation', () => {
    assert.equal(markdownText('a_b*c'), 'a\\_b\\*c');
  });

  it('fences a code span with one more backtick than the text holds', () => {
    assert.equal(markdownCode('SKU-1'), '`SKU-1`');
    assert.equal(markdownCode('A`B'), '``A`B``');
    assert.equal(markdownCode('``x'), '``` ``x ```');
    assert.equal(markdownCode('x`'), '`` x` ``');
    assert.equal(markdownCode(''), '(empty)');
  });

  it('keeps code spans on one line', () => {
    assert.equal(markdownCode('a\nb'), '`a b`');
  });
});
