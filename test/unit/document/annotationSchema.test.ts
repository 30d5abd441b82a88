// The shared helpers kinds add to their JSON Schemas with: schemaNodeAt, offerValues.
import assert from 'node:assert/strict';
import { offerValues, schemaNodeAt } from '../../../src/domain/document/annotationSchema';

describe('schemaNodeAt', () => {
  const schema = { properties: { prices: { items: { properties: { currency: { title: 'Currency' } } } }, name: { title: 'Name' } } };
  it('walks `properties` keys, `[]` stepping into `items`; undefined where the schema has no such node', () => {
    assert.deepEqual(schemaNodeAt(schema, ['prices', '[]', 'currency']), { title: 'Currency' });
    assert.deepEqual(schemaNodeAt(schema, ['name']), { title: 'Name' });
    assert.equal(schemaNodeAt(schema, ['name', '[]']), undefined);
    assert.equal(schemaNodeAt(schema, ['nope', 'deeper']), undefined);
  });
});

describe('offerValues', () => {
  it('an enum with descriptions next to an empty branch (offered, never enforced); markdown characters escaped', () => {
    assert.deepEqual(offerValues([{ value: 'USD', description: 'US Dollar' }, { value: 'x', description: 'a *bold* [link]' }]), {
      anyOf: [
        {
          enum: ['USD', 'x'],
          enumDescriptions: ['US Dollar', 'a *bold* [link]'],
          markdownEnumDescriptions: ['`USD`: US Dollar', '`x`: a \\*bold\\* \\[link\\]'],
        },
        {},
      ],
    });
  });
});
