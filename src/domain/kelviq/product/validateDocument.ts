// validateProductDocument: every problem of a product document, each on the exact range of the
// JSON it concerns, at most one per range.
import type { Node, ParseError } from 'jsonc-parser';
import type { ProductDetail } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import { documentValidationSchema } from './documentSchema';
import { isEditableField } from './fields';
import { keyOf, nodeRange, parseDocument, parseErrorMessage, propertiesOf } from '../../document/jsonRanges';
import { nodeValue } from '../../document/jsonValue';
import { readOnlyProblems } from './readOnlyCheck';
import { issuesToProblems } from './zodIssueProblems';

function jsonProblems(errors: readonly ParseError[], text: string): DocumentProblem[] {
  return dedupeProblems(
    errors.map((error) => ({
      code: 'invalid-json' as const,
      message: parseErrorMessage(error, text),
      severity: 'error' as const,
      offset: error.offset,
      length: error.length,
    })),
  );
}

/** A repeated top-level key: JSON.parse keeps the last one silently, so we refuse it. */
function duplicateKeyProblems(root: Node): DocumentProblem[] {
  const seen = new Set<string>();
  const problems: DocumentProblem[] = [];
  for (const property of propertiesOf(root)) {
    const key = keyOf(property);
    if (seen.has(key)) {
      problems.push({
        code: 'invalid-json',
        message: `Duplicate field \`${key}\`: each field may appear only once.`,
        severity: 'error',
        field: key,
        ...nodeRange(property.children![0]!),
      });
    }
    seen.add(key);
  }
  return problems;
}

/**
 * Problems of a product document. `base` is the version the user opened (undefined when not
 * known: read-only fields are then only type-checked and every extra field is unknown).
 *
 * Order of checks, each stopping the ones after it when it finds something:
 * JSON syntax → root must be an object → no duplicate keys → schema + read-only comparison.
 * An editable field whose value equals the base is never reported (e.g. a tax code the server
 * knows but this extension does not yet).
 */
export function validateProductDocument(text: string, base: ProductDetail | undefined): DocumentProblem[] {
  const { root, errors } = parseDocument(text);
  if (errors.length > 0) return jsonProblems(errors, text);
  if (!root) {
    return [{ code: 'invalid-json', message: 'The document is empty: expected a JSON object.', severity: 'error', offset: 0, length: 0 }];
  }
  if (root.type !== 'object') {
    return [
      {
        code: 'not-an-object',
        message: `A product document must be a JSON object ({ … }), not ${root.type === 'array' ? 'an array' : `a ${root.type}`}.`,
        severity: 'error',
        ...nodeRange(root),
      },
    ];
  }
  const duplicates = duplicateKeyProblems(root);
  if (duplicates.length > 0) return duplicates;

  // With a base, every non-editable field accepts any value in the schema (it is checked against
  // the base instead), so only the editable fields' values are built from the syntax tree.
  const document = base ? editableView(root) : (nodeValue(root) as Record<string, unknown>);
  const unchanged = (field: unknown): boolean =>
    base !== undefined &&
    typeof field === 'string' &&
    isEditableField(field) &&
    Object.prototype.hasOwnProperty.call(document, field) &&
    deepEqual(document[field], base[field]);

  const parsed = documentValidationSchema(base).safeParse(document);
  const issues = parsed.success ? [] : parsed.error.issues.filter((issue) => !unchanged(issue.path[0]));
  return dedupeProblems([...(base ? readOnlyProblems(root, base, text) : []), ...issuesToProblems(issues, root)]);
}

function editableView(root: Node): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const property of propertiesOf(root)) {
    const key = keyOf(property);
    const value = property.children?.[1];
    view[key] = isEditableField(key) && value ? nodeValue(value) : null;
  }
  return view;
}
