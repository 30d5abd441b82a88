// Quick fix for a read-only problem: put the original value back, keeping the formatting.
import type { DocumentProblem } from '../../document/documentProblem';
import { keyOf, parseDocument, propertiesOf } from '../../document/jsonRanges';
import { revertProblemFields, revertTopLevelField } from '../../document/revertField';
import { DOCUMENT_FIELD_ORDER } from './fields';

/**
 * `text` with the top-level property `field` set back to `original`, or removed if `original` is
 * undefined (the base had no such field). A re-inserted property goes where serializeProduct
 * would put it. The rest of the text is untouched. Returns `text` as is if it is not a JSON object.
 */
export function revertReadOnlyEdit(text: string, field: string, original: unknown): string {
  return revertTopLevelField(text, field, original, DOCUMENT_FIELD_ORDER);
}

/** Applies the revert a 'read-only' problem describes (all removed fields at once); other problems: `text`. */
export function revertReadOnlyProblem(text: string, problem: DocumentProblem): string {
  return problem.code === 'read-only' ? revertProblemFields(text, problem, DOCUMENT_FIELD_ORDER) : text;
}

/** Top-level keys of a document in text order (for callers and tests). */
export function documentKeys(text: string): string[] {
  return propertiesOf(parseDocument(text).root).map(keyOf);
}
