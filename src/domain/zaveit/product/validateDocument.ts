// validateZaveitDocument: every problem of a Zaveit product document, each on the exact range
// of the JSON it concerns, at most one per range, in text order.
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import type { JsonObject } from '../../document/jsonShapes';
import { documentValue, editIssues, parseObjectDocument } from '../../document/objectDocument';
import type { Segment } from '../../document/segmentPath';
import { ABSENT, baseValueAt, unchangedAt } from './documentPaths';
import { amountProblems, codeProblems, currencyTitleProblems, removedFieldProblems, skuProblems, urlProblems, variantIdProblems, type RuleContext } from './documentRules';
import { documentValidationSchema } from './documentSchema';
import { issuesToProblems } from './issueProblems';
import { readOnlyProblems, serverFieldsOf } from './readOnlyCheck';

/**
 * Problems of a Zaveit product document. `base` is the server version the text came from
 * (undefined for a new product: server-owned fields are then only type-checked). A problem on a
 * value the base already had is not reported: it is the server's data, not the user's edit.
 *
 * Order: JSON syntax → root must be an object → no duplicate keys (domain/document/objectDocument)
 * → types, unknown fields, read-only fields and the rules (documentRules.ts).
 */
export function validateZaveitDocument(text: string, base: JsonObject | undefined): DocumentProblem[] {
  const { root, problems } = parseObjectDocument(text, { noun: 'product', nestedDuplicates: true });
  if (!root) return problems;

  const serverFields = base ? serverFieldsOf(base) : undefined;
  const doc = documentValue(root, serverFields);
  const issues = editIssues(documentValidationSchema(serverFields), doc, (path) => unchangedAt(base, doc, path));
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
