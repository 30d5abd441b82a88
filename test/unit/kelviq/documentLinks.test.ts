// Which names in a kelviq document become links: exactly the values of the addressable shape in
// the places that name other objects, with ranges inside the quotes; nothing else the text holds
// (a URL, a command link, a value in another field) is ever a link.
import assert from 'node:assert/strict';
import { planDocumentLinks, productDocumentLinks } from '../../../src/domain/kelviq/documentLinks';

const PRODUCT = '3f2b8c1e-9a4d-4e6f-8b2a-1c0d9e8f7a6b';
const FEATURE = '3a3e92ab-90a3-4f43-8e87-9d4c8c5a9c01';
const at = (text: string, value: string) => ({ offset: text.indexOf(`"${value}"`) + 1, length: value.length });

describe('domain/kelviq/documentLinks', () => {
  it('a product’s plan identifiers are plan links, inside the quotes', () => {
    const text = JSON.stringify({ name: 'pro-monthly', plans: ['pro-monthly', 'team_2'] }, null, 2);
    const links = productDocumentLinks(text);
    assert.deepEqual(links.map((l) => l.target), [{ kind: 'plan', identifier: 'pro-monthly' }, { kind: 'plan', identifier: 'team_2' }]);
    const first = links[0]!;
    assert.equal(text.slice(first.offset, first.offset + first.length), 'pro-monthly');
    assert.equal(first.offset, text.lastIndexOf('"pro-monthly"') + 1, 'the link is in plans, not on the name that reads the same');
  });

  it('no link from a value the API cannot address, a URL, a command link or a non-string', () => {
    const text = JSON.stringify({ plans: ['has space', 'https://evil.example/x', '[x](command:y)', 42, null, { identifier: 'x' }, '../x'] });
    assert.deepEqual(productDocumentLinks(text), []);
  });

  it('a plan’s product, its entitlements’ features and its charges’ features are links', () => {
    const text = JSON.stringify(
      {
        product: PRODUCT,
        description: 'see api-calls',
        prices: [{ currency: 'USD', chargeCatalogPrice: [{ feature: FEATURE, priceModel: 'FLAT' }, { feature: null }] }],
        entitlements: [{ feature: 'api-calls', featureName: 'api-calls', details: {} }, { feature: FEATURE }],
      },
      null,
      2,
    );
    const links = planDocumentLinks(text);
    assert.deepEqual(links.map((l) => l.target), [
      { kind: 'product', productId: PRODUCT },
      { kind: 'feature', identifier: 'api-calls' },
      { kind: 'featureId', featureId: FEATURE },
    ]);
    assert.deepEqual({ offset: links[0]!.offset, length: links[0]!.length }, at(text, PRODUCT));
    assert.equal(text.slice(links[1]!.offset - 12, links[1]!.offset - 1), '"feature": ', 'on the feature, not on featureName');
  });

  it('text being typed keeps the links it has; text that is not an object has none', () => {
    assert.deepEqual(planDocumentLinks('{"entitlements": [{"feature": "x"').map((l) => l.target), [{ kind: 'feature', identifier: 'x' }], 'text being typed keeps its links');
    assert.deepEqual(planDocumentLinks('[1, 2]'), []);
    assert.deepEqual(productDocumentLinks(''), []);
  });
});
