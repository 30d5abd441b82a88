// The generated JSON Schema for hovers and completion: a markdown hover per field with its
// meaning and unit, read-only marks, ISO codes with names from Intl, and no validating keyword
// (our own validation reports every problem once).
import assert from 'node:assert/strict';
import { EDITABLE_FIELDS, SERVER_OWNED_FIELDS } from '../../../src/api/zaveit/productFields';
import { countryCodes, currencyCodes, zaveitProductJsonSchema } from '../../../src/domain/zaveit/product';

type Node = Record<string, unknown>;
const schema = zaveitProductJsonSchema();
const props = schema.properties as Record<string, Node>;
const child = (node: Node | undefined, key: string): Node => ((node?.properties as Record<string, Node> | undefined)?.[key] ?? {}) as Node;

describe('domain/zaveit: zaveitProductJsonSchema', () => {
  it('every editable and server-owned field has a title and a markdownDescription; server-owned ones are readOnly', () => {
    for (const field of [...EDITABLE_FIELDS, ...SERVER_OWNED_FIELDS]) {
      assert.equal(typeof props[field]?.title, 'string', field);
      assert.equal(typeof props[field]?.markdownDescription, 'string', field);
    }
    for (const field of SERVER_OWNED_FIELDS) assert.equal(props[field]?.readOnly, true, field);
    for (const field of EDITABLE_FIELDS) assert.equal(props[field]?.readOnly, undefined, field);
    assert.equal(child(props.country, '_id').readOnly, true);
  });

  it('hovers give units: hours as months, prices in major units of the currency', () => {
    assert.match(String(props.subscription_term?.markdownDescription), /8640 hours = 12 months/);
    assert.match(String(props.payment_period?.markdownDescription), /`720` = every month/);
    const variant = (props.products?.items ?? {}) as Node;
    assert.match(String(child(variant, 'price').markdownDescription), /NOK 433\.44/);
    assert.match(String(child(child(variant, 'amount'), 'max').markdownDescription), /no upper limit/);
    assert.ok(Array.isArray(variant.defaultSnippets));
  });

  it('offers ISO 4217 and ISO 3166-1 codes with names, without enforcing them', () => {
    const currency = (child(props.currency, 'code').anyOf as Node[])[0]!;
    const country = (child(props.country, 'code').anyOf as Node[])[0]!;
    const currencies = currency.enum as string[];
    const countries = country.enum as string[];
    assert.equal(currencies.length, currencyCodes().length);
    assert.ok(currencies.length > 150, `${currencies.length} currencies`);
    assert.equal((currency.enumDescriptions as string[])[currencies.indexOf('NOK')], 'Norwegian Krone');
    assert.ok(countries.length >= 245 && countries.length <= 255, `${countries.length} countries`);
    assert.equal((country.enumDescriptions as string[])[countries.indexOf('NO')], 'Norway');
    for (const notACountry of ['EU', 'UN', 'ZZ', 'UK', 'XA']) assert.ok(!countries.includes(notACountry), notACountry);
    assert.deepEqual((child(props.country, 'code').anyOf as Node[])[1], {});
    assert.equal(countryCodes().find((c) => c.code === 'XK')?.name, 'Kosovo');
  });

  it('keeps no validating keyword, at any depth', () => {
    const annotations = new Set(['title', 'description', 'markdownDescription', 'readOnly', 'properties', 'items', 'anyOf', 'enum', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets', 'default', 'examples']);
    const walk = (node: Node, where: string): void => {
      for (const key of Object.keys(node)) assert.ok(annotations.has(key), `${where}: ${key}`);
      for (const [name, sub] of Object.entries((node.properties ?? {}) as Record<string, Node>)) walk(sub, `${where}.${name}`);
      if (node.items) walk(node.items as Node, `${where}[]`);
      for (const branch of (node.anyOf ?? []) as Node[]) walk(branch, `${where}|`);
    };
    walk(schema, '(root)');
  });
});
