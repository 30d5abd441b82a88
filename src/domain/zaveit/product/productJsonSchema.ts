// zaveitProductJsonSchema: the JSON Schema VS Code's JSON language service uses for hovers and
// completion in Zaveit product documents, generated from the zod document schema (and so from
// fieldDocs.ts). A build step writes it to schemas/zaveit-product.schema.json.
//
// Annotation-only (domain/document/annotationSchema.ts), like the kelviq product's: validateZaveitDocument reports every problem
// (with our messages, ranges and quick fixes), so every validating keyword is dropped here and
// the JSON service reports nothing twice. Currency and country codes (ISO 4217, ISO 3166-1,
// named by the runtime's Intl data) are offered as `anyOf: [{enum, enumDescriptions,
// markdownEnumDescriptions}, {}]`: proposed with their names on completion and hover, but any
// value matches the empty branch, so nothing is flagged. New variants get a snippet.
import { ZaveitProductDocumentSchema } from './documentSchema';
import { documentJsonSchema, offerValues, schemaNodeAt } from '../../document/annotationSchema';
import type { JsonObject } from '../../document/jsonShapes';
import { countryCodes, currencyCodes, type NamedCode } from '../../isoCodes';

const offerCodes = (codes: readonly NamedCode[]): JsonObject => offerValues(codes.map((c) => ({ value: c.code, description: c.name })));

/** A completion snippet for a new variant inside `products`. */
const NEW_VARIANT_SNIPPET = {
  label: 'New variant',
  description: 'A new variant: the server assigns its _id when the product is saved.',
  body: { _id: '', sku: '$1', price: 0, cost_price: 0, discount: 0, amount: { min: 1, default: 1, max: 1 }, reference: '' },
};

/**
 * The Zaveit product document's JSON Schema (draft-07 compatible, no `$schema`): a title and
 * markdown hover per field with its meaning and unit (read-only ones say "Read-only: set by
 * Zaveit"), `readOnly: true` on server-owned fields, currency and country codes with their
 * names, and a new-variant snippet.
 */
export function zaveitProductJsonSchema(): JsonObject {
  const schema = documentJsonSchema(ZaveitProductDocumentSchema);
  Object.assign(schemaNodeAt(schema, ['currency', 'code']) ?? {}, offerCodes(currencyCodes()));
  Object.assign(schemaNodeAt(schema, ['country', 'code']) ?? {}, offerCodes(countryCodes()));
  const items = schemaNodeAt(schema, ['products', '[]']);
  if (items) items.defaultSnippets = [NEW_VARIANT_SNIPPET];
  return schema;
}
