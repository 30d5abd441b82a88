// zaveitProductJsonSchema: the JSON Schema VS Code's JSON language service uses for hovers and
// completion in Zaveit product documents, generated from the zod document schema (and so from
// fieldDocs.ts). A build step writes it to schemas/zaveit-product.schema.json.
//
// Annotation-only, like the kelviq product's: validateZaveitDocument reports every problem
// (with our messages, ranges and quick fixes), so every validating keyword is dropped here and
// the JSON service reports nothing twice. Currency and country codes (ISO 4217, ISO 3166-1,
// named by the runtime's Intl data) are offered as `anyOf: [{enum, enumDescriptions,
// markdownEnumDescriptions}, {}]`: proposed with their names on completion and hover, but any
// value matches the empty branch, so nothing is flagged. New variants get a snippet.
import { z } from 'zod';
import { ZaveitProductDocumentSchema } from './documentSchema';
import { countryCodes, currencyCodes, type NamedCode } from './isoCodes';

type JsonObject = Record<string, unknown>;

const ANNOTATIONS = ['title', 'description', 'markdownDescription', 'readOnly', 'examples', 'default'] as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An annotation-only copy of a generated schema node; undefined if nothing is left. */
function annotationsOnly(node: unknown): JsonObject | undefined {
  if (!isObject(node)) return undefined;
  const out: JsonObject = {};
  for (const key of ANNOTATIONS) if (node[key] !== undefined) out[key] = node[key];
  if (isObject(node.properties)) {
    const properties: JsonObject = {};
    for (const [name, child] of Object.entries(node.properties)) {
      const kept = annotationsOnly(child);
      if (kept) properties[name] = kept;
    }
    if (Object.keys(properties).length > 0) out.properties = properties;
  }
  const items = annotationsOnly(node.items);
  if (items) out.items = items;
  // nullable/optional wrappers → anyOf [{…}, {type: null}]: keep what the branches still say.
  const branches = [...(Array.isArray(node.anyOf) ? node.anyOf : []), ...(Array.isArray(node.oneOf) ? node.oneOf : [])]
    .map(annotationsOnly)
    .filter((b): b is JsonObject => b !== undefined);
  for (const branch of branches) for (const [k, v] of Object.entries(branch)) if (out[k] === undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

function offer(codes: readonly NamedCode[]): JsonObject {
  return {
    anyOf: [
      {
        enum: codes.map((c) => c.code),
        enumDescriptions: codes.map((c) => c.name),
        markdownEnumDescriptions: codes.map((c) => `\`${c.code}\`: ${c.name}`),
      },
      {},
    ],
  };
}

function property(schema: JsonObject, path: readonly string[]): JsonObject | undefined {
  let node: unknown = schema;
  for (const key of path) node = key === '[]' ? (node as JsonObject | undefined)?.items : ((node as JsonObject | undefined)?.properties as JsonObject | undefined)?.[key];
  return isObject(node) ? node : undefined;
}

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
  const generated = z.toJSONSchema(ZaveitProductDocumentSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const schema = annotationsOnly(generated) ?? {};
  Object.assign(property(schema, ['currency', 'code']) ?? {}, offer(currencyCodes()));
  Object.assign(property(schema, ['country', 'code']) ?? {}, offer(countryCodes()));
  const items = property(schema, ['products', '[]']);
  if (items) items.defaultSnippets = [NEW_VARIANT_SNIPPET];
  return schema;
}
