// annotationsOnly: the JSON Schema a document kind gives VS Code's JSON language service for
// hovers and completion, reduced to what only describes. Each kind's own validator reports every
// problem (with our messages, ranges and quick fixes), so the JSON service must not report the
// same things again: every validating keyword of z.toJSONSchema's output is dropped (type,
// required, additionalProperties, minLength, pattern, format, …), and an enum is offered as
// `anyOf: [{ enum, enumDescriptions, markdownEnumDescriptions }, {}]`: the JSON service still
// proposes the values with their descriptions (completion walks every anyOf branch) and shows a
// value's description on hover, but any value matches the empty branch, so nothing is flagged.
// documentJsonSchema builds a kind's schema so; schemaNodeAt and offerValues let the kind add
// values of its own (codes, features) offered the same way.
import { z } from 'zod';
import { isPlainObject, type JsonObject } from './jsonShapes';

/** Keywords that only describe (kept as they are). */
const ANNOTATIONS = ['title', 'description', 'markdownDescription', 'readOnly', 'examples', 'default'] as const;

const isObject = isPlainObject;

/** An annotation-only copy of a generated schema node; undefined if nothing is left. */
export function annotationsOnly(node: unknown): JsonObject | undefined {
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

/** The annotation-only JSON Schema (draft-07 compatible, no `$schema`) of a kind's zod document schema. */
export function documentJsonSchema(schema: z.ZodType): JsonObject {
  const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return annotationsOnly(generated) ?? {};
}

/** The node at a path of `properties` keys, `[]` stepping into `items`. */
export function schemaNodeAt(schema: JsonObject, path: readonly string[]): JsonObject | undefined {
  let at: unknown = schema;
  for (const key of path) {
    if (!isPlainObject(at)) return undefined;
    at = key === '[]' ? at.items : isPlainObject(at.properties) ? at.properties[key] : undefined;
  }
  return isPlainObject(at) ? at : undefined;
}

export interface OfferedValue {
  value: string;
  /** Plain text (markdown characters are escaped in the markdown description). */
  description: string;
}

/** Values proposed with their descriptions on completion and hover, never enforced (see the header). */
export function offerValues(values: readonly OfferedValue[]): JsonObject {
  return {
    anyOf: [
      {
        enum: values.map((v) => v.value),
        enumDescriptions: values.map((v) => v.description),
        markdownEnumDescriptions: values.map((v) => `\`${v.value}\`: ${v.description.replace(/[\\`*_[\]<>]/g, '\\$&')}`),
      },
      {},
    ],
  };
}
