// The stages every kind's validation starts with. First the text: strict JSON, an object at the
// root (parseJsonObject), no field twice (JSON.parse would keep the last one silently;
// parseObjectDocument); each stops the ones after it. Then the document's value for the kind's
// schema (with a base, the server's fields are stubs: they are compared with the base, not
// parsed), and the schema's issues that are the user's: issues on data the base has exactly so
// are the server's and are dropped.
import type { Node, ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { dedupeProblems, type DocumentProblem } from './documentProblem';
import { keyOf, nodeRange, parseDocument, parseErrorMessage, propertiesOf } from './jsonRanges';
import type { JsonObject } from './jsonShapes';
import { nodeValue } from './jsonValue';
import type { Segment } from './segmentPath';
import type { ZodIssue } from './zodIssueProblems';

export interface ObjectDocumentRules {
  /** What the document holds, for "A <noun> document must be a JSON object": `plan`, `product`. */
  noun: string;
  /** Refuse a repeated key in nested objects too (else at the top level only). */
  nestedDuplicates?: boolean;
}

/** The root object, or the problems that stop validation before the schema. */
export type ParsedObjectDocument = { root: Node; problems?: undefined } | { root?: undefined; problems: DocumentProblem[] };

function jsonProblems(errors: readonly ParseError[], text: string): DocumentProblem[] {
  return dedupeProblems(
    errors.map((error) => ({ code: 'invalid-json' as const, message: parseErrorMessage(error, text), severity: 'error' as const, offset: error.offset, length: error.length })),
  );
}

function duplicateKeyProblems(node: Node, nested: boolean, out: DocumentProblem[] = [], top = true): DocumentProblem[] {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of propertiesOf(node)) {
      const key = keyOf(property);
      if (seen.has(key)) {
        out.push({ code: 'invalid-json', message: `Duplicate field \`${key}\`: each field may appear only once.`, severity: 'error', ...(top ? { field: key } : {}), ...nodeRange(property.children![0]!) });
      }
      seen.add(key);
      const value = property.children?.[1];
      if (value && nested) duplicateKeyProblems(value, nested, out, false);
    }
  } else if (node.type === 'array' && nested) {
    for (const item of node.children ?? []) duplicateKeyProblems(item, nested, out, false);
  }
  return out;
}

/** JSON syntax → root must be an object (`noun`: what the document holds, `plan`, `product`). */
export function parseJsonObject(text: string, noun: string): ParsedObjectDocument {
  const { root, errors } = parseDocument(text);
  if (errors.length > 0) return { problems: jsonProblems(errors, text) };
  if (!root) return { problems: [{ code: 'invalid-json', message: 'The document is empty: expected a JSON object.', severity: 'error', offset: 0, length: 0 }] };
  if (root.type !== 'object') {
    const what = root.type === 'array' ? 'an array' : `a ${root.type}`;
    return { problems: [{ code: 'not-an-object', message: `A ${noun} document must be a JSON object ({ … }), not ${what}.`, severity: 'error', ...nodeRange(root) }] };
  }
  return { root };
}

/** JSON syntax → root must be an object → no duplicate keys. */
export function parseObjectDocument(text: string, rules: ObjectDocumentRules): ParsedObjectDocument {
  const parsed = parseJsonObject(text, rules.noun);
  if (!parsed.root) return parsed;
  const duplicates = duplicateKeyProblems(parsed.root, rules.nestedDuplicates === true);
  return duplicates.length > 0 ? { problems: dedupeProblems(duplicates) } : parsed;
}

/** The document's value; `serverFields` (with a base) are stubs, null. A `"__proto__"` key is an ordinary field. */
export function documentValue(root: Node, serverFields: readonly string[] | undefined): JsonObject {
  const stubbed = new Set(serverFields);
  const out: JsonObject = {};
  for (const property of propertiesOf(root)) {
    const key = keyOf(property);
    const value = property.children?.[1];
    const parsed = value && !stubbed.has(key) ? nodeValue(value) : null;
    Object.defineProperty(out, key, { value: parsed, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The schema's issues with the document, less those `onServerData` says are on data the base has
 * exactly so. Unknown keys are always kept: the kind's isServerKey tells the server's from the user's.
 */
export function editIssues(schema: z.ZodType, value: unknown, onServerData: (path: Segment[]) => boolean): ZodIssue[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.filter((issue) => issue.code === 'unrecognized_keys' || !onServerData(issue.path as Segment[]));
}
