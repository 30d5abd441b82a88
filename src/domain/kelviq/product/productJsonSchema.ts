// productDocumentJsonSchema: the JSON Schema VS Code's JSON language service uses for hovers
// and completion in product documents, generated from the same zod schema we validate with.
//
// It is deliberately annotation-only: validateProductDocument reports every problem (with our
// messages, ranges and quick fixes), so this schema must not make the JSON service report the
// same things again. After z.toJSONSchema, every validating keyword is dropped (type, required,
// additionalProperties, minLength, pattern, format, …) and the tax-code enum is offered through
// `anyOf: [{ enum, enumDescriptions, markdownEnumDescriptions }, {}]`: the JSON service still
// proposes the codes with their descriptions (completion walks every anyOf branch) and shows the
// code's description on hover, but any value matches the empty branch, so nothing is flagged.
import { z } from 'zod';
import { ProductDocumentSchema } from './documentSchema';

type JsonObject = Record<string, unknown>;

/** Keywords that only describe (kept as they are). */
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

  if (Array.isArray(node.enum)) {
    // Offered, never enforced: see the header comment.
    const offer: JsonObject = { enum: node.enum };
    if (Array.isArray(node.enumDescriptions)) offer.enumDescriptions = node.enumDescriptions;
    if (Array.isArray(node.markdownEnumDescriptions)) offer.markdownEnumDescriptions = node.markdownEnumDescriptions;
    out.anyOf = [offer, {}];
  } else {
    // e.g. nullable → anyOf [{type:string},{type:null}]: keep only branches that still say something.
    const branches = [...(Array.isArray(node.anyOf) ? node.anyOf : []), ...(Array.isArray(node.oneOf) ? node.oneOf : [])]
      .map(annotationsOnly)
      .filter((b): b is JsonObject => b !== undefined);
    for (const branch of branches) for (const [k, v] of Object.entries(branch)) if (out[k] === undefined) out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The product document's JSON Schema (draft-07 compatible, no `$schema`): titles and hover
 * text per field (read-only ones say "Read-only: set by kelviq"), `readOnly: true` on read-only
 * fields, and the tax codes with their descriptions for completion. A build script writes it
 * to `schemas/product.schema.json`.
 */
export function productDocumentJsonSchema(): JsonObject {
  const generated = z.toJSONSchema(ProductDocumentSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return annotationsOnly(generated) ?? {};
}
