// The generated JSON Schema for hovers and completion: a hover per field, read-only marks, the
// enums and ISO 4217 currencies offered with descriptions, the features of one environment, and
// no validating keyword (validatePlanDocument reports every problem once).
import assert from 'node:assert/strict';
import { currencyCodes } from '../../../../src/domain/isoCodes';
import {
  EDITABLE_PLAN_FIELDS,
  featuresOf,
  PAYMENT_TYPES,
  planDocumentJsonSchema,
  planFeatureSchema,
  PRICE_FIELDS,
  PRICE_MODELS,
  PRICE_TYPES,
  READ_ONLY_PLAN_FIELDS,
  RESETS,
  TAX_BEHAVIORS,
  type EnumValue,
} from '../../../../src/domain/kelviq/plan';
import { basePlan, FEATURES } from './fixtures';

type Node = Record<string, unknown>;
const schema = planDocumentJsonSchema();
const props = schema.properties as Record<string, Node>;
const child = (node: Node | undefined, key: string): Node => ((node?.properties as Record<string, Node> | undefined)?.[key] ?? {}) as Node;
const items = (node: Node | undefined): Node => (node?.items ?? {}) as Node;
const price = items(props.prices);
const charge = items(child(price, 'chargeCatalogPrice'));
const entitlement = items(props.entitlements);
const offered = (node: Node): Node => ((node.anyOf as Node[] | undefined) ?? []).find((b) => Array.isArray(b.enum)) ?? {};

describe('domain/kelviq/plan: planDocumentJsonSchema', () => {
  it('every plan field has a title and a markdown hover; the ones kelviq sets are readOnly', () => {
    for (const field of [...EDITABLE_PLAN_FIELDS, 'prices', 'entitlements', ...READ_ONLY_PLAN_FIELDS]) {
      assert.equal(typeof props[field]?.title, 'string', field);
      assert.equal(typeof props[field]?.markdownDescription, 'string', field);
    }
    for (const field of READ_ONLY_PLAN_FIELDS) assert.equal(props[field]?.readOnly, true, field);
    for (const field of EDITABLE_PLAN_FIELDS) assert.equal(props[field]?.readOnly, undefined, field);
    for (const field of PRICE_FIELDS) assert.equal(typeof child(price, field).markdownDescription, 'string', field);
    assert.equal(child(price, 'id').readOnly, true);
    assert.equal(child(entitlement, 'featureName').readOnly, true);
  });

  const enums: [string, Node, readonly EnumValue[]][] = [
    ['priceType', child(price, 'priceType'), PRICE_TYPES],
    ['taxBehavior', child(price, 'taxBehavior'), TAX_BEHAVIORS],
    ['priceModel', child(charge, 'priceModel'), PRICE_MODELS],
    ['reset', child(charge, 'reset'), RESETS],
    ['entitlement reset', child(child(entitlement, 'details'), 'reset'), RESETS],
    ['paymentType', child(charge, 'paymentType'), PAYMENT_TYPES],
  ];
  for (const [name, node, list] of enums) {
    it(`offers ${name} with a description per value, without enforcing it`, () => {
      const offer = offered(node);
      assert.deepEqual(offer.enum, list.map((e) => e.value));
      assert.equal((offer.enumDescriptions as string[]).length, list.length);
      (offer.markdownEnumDescriptions as string[]).forEach((d, i) => assert.ok(d.startsWith(`\`${list[i]!.value}\`: `), d));
      assert.ok((node.anyOf as Node[]).some((b) => Object.keys(b).length === 0), 'an empty branch: any value matches');
    });
  }

  it('offers the ISO 4217 currencies the runtime knows, with their names', () => {
    const offer = offered(child(price, 'currency'));
    assert.equal((offer.enum as string[]).length, currencyCodes().length);
    assert.ok((offer.enum as string[]).length > 150);
    assert.equal((offer.enumDescriptions as string[])[(offer.enum as string[]).indexOf('EUR')], 'Euro');
  });

  it('hovers say what a left-out price field becomes; snippets for a new price and a new entitlement', () => {
    assert.match(String(child(price, 'taxBehavior').markdownDescription), /Left out: `"UNSPECIFIED"`/);
    assert.match(String(child(price, 'trialPeriod').markdownDescription), /days/);
    assert.ok(Array.isArray(price.defaultSnippets) && Array.isArray(entitlement.defaultSnippets));
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

  it('planFeatureSchema: one environment\'s feature identifiers for entitlements and UUIDs for priced features', () => {
    const withFeatures = planFeatureSchema(featuresOf(basePlan())!);
    const p = withFeatures.properties as Record<string, Node>;
    const identifiers = offered(child(items(p.entitlements), 'feature'));
    assert.deepEqual(identifiers.enum, ['api-calls', 'seats', 'sso', 'audit-log']);
    assert.equal((identifiers.enumDescriptions as string[])[2], 'Single sign-on (BOOLEAN)');
    const uuids = offered(child(items(child(items(p.prices), 'chargeCatalogPrice')), 'feature'));
    assert.ok((uuids.enum as string[]).includes(FEATURES.apiCalls.id));
    assert.deepEqual(Object.keys(offered(child(entitlement, 'feature'))), [], 'the static schema names no feature');
  });
});
