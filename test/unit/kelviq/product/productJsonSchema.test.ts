import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { TAX_CODE_VALUES, TAX_CODES } from '../../../../src/api/kelviq/schemas';
import { EDITABLE_FIELDS, productDocumentJsonSchema, READ_ONLY_FIELDS } from '../../../../src/domain/kelviq/product';

type Schema = Record<string, unknown>;
const schema = productDocumentJsonSchema();
const properties = schema.properties as Record<string, Schema>;

/** Keywords with which the JSON language service would report a problem itself. */
const VALIDATING = [
  'type', 'const', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minLength', 'maxLength',
  'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems',
  'maxItems', 'uniqueItems', 'contains', 'minProperties', 'maxProperties', 'dependencies', 'not', 'oneOf', 'allOf',
  'if', 'deprecationMessage', 'errorMessage', '$ref',
];

/** Every schema node, with whether it is a branch of an anyOf that also has an empty (match-all) branch. */
function* nodes(node: unknown, inSafeAnyOf = false): Generator<[Schema, boolean]> {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  const s = node as Schema;
  yield [s, inSafeAnyOf];
  for (const child of Object.values((s.properties as Record<string, unknown>) ?? {})) yield* nodes(child);
  if (s.items) yield* nodes(s.items);
  if (Array.isArray(s.anyOf)) {
    const safe = s.anyOf.some((b) => typeof b === 'object' && b !== null && Object.keys(b).length === 0);
    for (const branch of s.anyOf) yield* nodes(branch, safe);
  }
}

describe('productDocumentJsonSchema', () => {
  it('offers the 10 tax codes with their descriptions', () => {
    const offer = (properties.taxCode!.anyOf as Schema[]).find((b) => Array.isArray(b.enum))!;
    assert.deepEqual(offer.enum, [...TAX_CODE_VALUES]);
    assert.equal((offer.enum as string[]).length, 10);
    assert.deepEqual(offer.enumDescriptions, TAX_CODE_VALUES.map((c) => TAX_CODES[c]));
    const markdown = offer.markdownEnumDescriptions as string[];
    TAX_CODE_VALUES.forEach((code, i) => assert.ok(markdown[i]!.includes(code) && markdown[i]!.includes(TAX_CODES[code])));
  });

  it('describes every field; read-only ones say so and are marked readOnly', () => {
    assert.deepEqual(Object.keys(properties), ['id', 'identifier', 'name', 'description', 'taxCode', 'createdBy', 'modifiedOn', 'plans', 'images']);
    for (const [name, field] of Object.entries(properties)) {
      assert.equal(typeof field.title, 'string', `${name} title`);
      assert.equal(typeof field.description, 'string', `${name} description`);
      assert.equal(typeof field.markdownDescription, 'string', `${name} markdownDescription`);
    }
    for (const name of READ_ONLY_FIELDS) {
      assert.equal(properties[name]!.readOnly, true, name);
      assert.match(properties[name]!.description as string, /^Read-only: set by kelviq/);
      assert.match(properties[name]!.markdownDescription as string, /Read-only: set by kelviq/);
    }
    for (const name of EDITABLE_FIELDS) {
      assert.equal(properties[name]!.readOnly, undefined, name);
      assert.doesNotMatch(properties[name]!.description as string, /Read-only/);
    }
  });

  it('describes images: each entry\'s editable fields with the spec\'s texts, id and image read-only, nothing offered to add an entry', () => {
    const images = properties.images!;
    assert.equal(images.readOnly, undefined);
    assert.match(images.description as string, /matched by id/);
    assert.match(images.description as string, /An image cannot be created by typing an entry: add images with Add Image… instead\.$/);
    const item = images.items as Schema;
    const fields = item.properties as Record<string, Schema>;
    assert.deepEqual(Object.keys(fields), ['id', 'name', 'image', 'ordering', 'thumbnail', 'enabled']);
    for (const name of ['id', 'image']) {
      assert.equal(fields[name]!.readOnly, true, name);
      assert.match(fields[name]!.description as string, /^Read-only: set by kelviq/, name);
    }
    for (const name of ['name', 'ordering', 'thumbnail', 'enabled']) {
      assert.equal(fields[name]!.readOnly, undefined, name);
      assert.doesNotMatch(fields[name]!.description as string, /Read-only/, name);
    }
    assert.match(fields.id!.description as string, /Unique identifier for the image\./);
    assert.match(fields.image!.description as string, /Storage key \/ URL for the image asset\. The underlying file cannot be changed; upload a new image instead\./);
    assert.match(fields.name!.description as string, /^Original filename or display name\./);
    assert.match(fields.ordering!.description as string, /^Position of the image in the gallery/);
    assert.match(fields.thumbnail!.description as string, /^If true, this image is used as the product thumbnail\. .*clear the flag on the product's other images; .*lowest ordering/);
    assert.match(fields.enabled!.description as string, /^If true, the image is shown publicly\.$/);
    assert.equal(item.defaultSnippets, undefined);
    assert.equal(images.defaultSnippets, undefined);
  });

  it('has no keyword that would make the JSON service flag what we already report', () => {
    assert.equal(schema.$schema, undefined);
    for (const [node, inSafeAnyOf] of nodes(schema)) {
      for (const keyword of VALIDATING) assert.equal(node[keyword], undefined, `${keyword} in ${JSON.stringify(node).slice(0, 80)}`);
      if (node.enum !== undefined) assert.ok(inSafeAnyOf, 'an enum only inside an anyOf with a match-all branch');
    }
  });

  it('accepts every document, even the ones validateProductDocument rejects (checked with Ajv, draft-07)', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    const documents: unknown[] = [
      {},
      [],
      'text',
      { name: '', taxCode: 'xyz' },
      { name: 5, taxCode: 5, description: {} },
      { nmae: 'x', id: 7, modifiedOn: 'not a date', images: 'none', plans: [1] },
      { name: 'ok', taxCode: 'saas', images: [{ name: 5 }, 'x', { id: 1, ordering: 1.5, thumbnail: 'yes', extra: true }] },
      { name: 'ok', taxCode: 'saas' },
    ];
    for (const document of documents) assert.equal(validate(document), true, JSON.stringify(document));
  });

  it('is plain JSON (survives a JSON round trip) and is the same on every call', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema);
    assert.deepEqual(productDocumentJsonSchema(), schema);
  });
});
