// validateZaveitDocument: every problem of a Zaveit product document, each on the exact range
// of the JSON it concerns, at most one per range, in text order.
import type { Node, ParseError } from 'jsonc-parser';
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import { keyOf, nodeRange, parseDocument, parseErrorMessage, propertiesOf } from '../../document/jsonRanges';
import type { JsonObject } from '../../document/jsonShapes';
import { nodeValue } from '../../document/jsonValue';
import type { Segment } from '../../document/segmentPath';
import { ABSENT, baseValueAt, unchangedAt } from './documentPaths';
import { amountProblems, codeProblems, currencyTitleProblems, removedFieldProblems, skuProblems, urlProblems, variantIdProblems, type RuleContext } from './documentRules';
import { documentValidationSchema } from './documentSchema';
import { issuesToProblems } from './issueProblems';
import { readOnlyProblems, serverFieldsOf } from './readOnlyCheck';

function jsonProblems(errors: readonly ParseError[], text: string): DocumentProblem[] {
  return dedupeProblems(
    errors.map((error) => ({ code: 'invalid-json' as const, message: parseErrorMessage(error, text), severity: 'error' as const, offset: error.offset, length: error.length })),
  );
}

/** A repeated key in any object: JSON.parse keeps the last one silently, so we refuse it. */
function duplicateKeyProblems(node: Node, out: DocumentProblem[] = [], top = true): DocumentProblem[] {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of propertiesOf(node)) {
      const key = keyOf(property);
      if (seen.has(key)) {
        out.push({ code: 'invalid-json', message: `Duplicate field \`${key}\`: each field may appear only once.`, severity: 'error', ...(top ? { field: key } : {}), ...nodeRange(property.children![0]!) });
      }
      seen.add(key);
      const value = property.children?.[1];
      if (value) duplicateKeyProblems(value, out, false);
    }
  } else if (node.type === 'array') {
    for (const item of node.children ?? []) duplicateKeyProblems(item, out, false);
  }
  return out;
}

/** The document's value; with a base, server fields are stubbed (they are compared with the base, not parsed). */
function documentValue(root: Node, serverFields: ReadonlySet<string> | undefined): JsonObject {
  const out: JsonObject = {};
  for (const property of propertiesOf(root)) {
    const key = keyOf(property);
    const value = property.children?.[1];
    const parsed = value && !serverFields?.has(key) ? nodeValue(value) : null;
    Object.defineProperty(out, key, { value: parsed, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Problems of a Zaveit product document. `base` is the server version the text came from
 * (undefined for a new product: server-owned fields are then only type-checked). A problem on a
 * value the base already had is not reported: it is the server's data, not the user's edit.
 *
 * Order: JSON syntax → root must be an object → no duplicate keys → types, unknown fields,
 * read-only fields and the rules (documentRules.ts).
 */
export function validateZaveitDocument(text: string, base: JsonObject | undefined): DocumentProblem[] {
  const { root, errors } = parseDocument(text);
  if (errors.length > 0) return jsonProblems(errors, text);
  if (!root) return [{ code: 'invalid-json', message: 'The document is empty: expected a JSON object.', severity: 'error', offset: 0, length: 0 }];
  if (root.type !== 'object') {
    const what = root.type === 'array' ? 'an array' : `a ${root.type}`;
    return [{ code: 'not-an-object', message: `A product document must be a JSON object ({ … }), not ${what}.`, severity: 'error', ...nodeRange(root) }];
  }
  const duplicates = duplicateKeyProblems(root);
  if (duplicates.length > 0) return dedupeProblems(duplicates);

  const serverFields = base ? serverFieldsOf(base) : undefined;
  const doc = documentValue(root, serverFields ? new Set(serverFields) : undefined);
  const parsed = documentValidationSchema(serverFields).safeParse(doc);
  const issues = parsed.success
    ? []
    : parsed.error.issues.filter((issue) => issue.code === 'unrecognized_keys' || !unchangedAt(base, doc, issue.path as Segment[]));
  // A nested key the base's counterpart object has is the server's (it round-trips), not unknown.
  const isServerKey = (path: Segment[]): boolean => {
    if (!base || path.length < 2) return false;
    const before = baseValueAt(base, doc, path.slice(0, -1));
    return before !== ABSENT && typeof before === 'object' && before !== null && Object.hasOwn(before, String(path[path.length - 1]));
  };
  const ctx: RuleContext = { root, doc, base };
  return dedupeProblems([
    ...(base ? readOnlyProblems(root, base, text) : []),
    ...issuesToProblems(issues, root, isServerKey),
    ...removedFieldProblems(ctx),
    ...amountProblems(ctx),
    ...skuProblems(ctx),
    ...urlProblems(ctx),
    ...variantIdProblems(ctx),
    ...codeProblems(ctx),
    ...currencyTitleProblems(ctx),
  ]);
}
