// Quick fix for a 'read-only' problem of a Zaveit product document (or a removed-fields
// 'required' one): put the original value back (for `country._id` / `currency._id`: the object
// with only its id restored), keeping the formatting; a re-inserted field goes where
// serializeZaveitProduct would put it. The mechanics are the neutral ones of revertField.ts.
import type { DocumentProblem } from '../../document/documentProblem';
import { carriesOriginals, revertProblemFields, revertTopLevelField } from '../../document/revertField';
import { DOCUMENT_FIELD_ORDER } from './serializeProduct';

/** `text` with the top-level `field` set to `original` (removed when undefined). Not an object: `text` as is. */
export function revertZaveitField(text: string, field: string, original: unknown): string {
  return revertTopLevelField(text, field, original, DOCUMENT_FIELD_ORDER);
}

/** Applies what a 'read-only' problem (or a removed-fields 'required' one) describes; other problems: `text`. */
export function revertZaveitProblem(text: string, problem: DocumentProblem): string {
  return carriesOriginals(problem) ? revertProblemFields(text, problem, DOCUMENT_FIELD_ORDER) : text;
}
