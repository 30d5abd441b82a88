// Quick fix for a read-only problem (or a removed-fields one that carries what to put back): put
// the original value back, keeping the formatting. A top-level field goes back where
// serializeProduct puts it; inside `images` (an image's `id`, `image` or server field, or the
// fields removed from one entry) the value is put back at the node the problem is on.
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import type { DocumentProblem } from '../../document/documentProblem';
import { keyOf, parseDocument, propertiesOf } from '../../document/jsonRanges';
import { carriesOriginals, revertProblemFields, revertTopLevelField, revertValueAt } from '../../document/revertField';
import { DOCUMENT_FIELD_ORDER } from './fields';

/**
 * `text` with the top-level property `field` set back to `original`, or removed if `original` is
 * undefined (the base had no such field). A re-inserted property goes where serializeProduct
 * would put it. The rest of the text is untouched. Returns `text` as is if it is not a JSON object.
 */
export function revertReadOnlyEdit(text: string, field: string, original: unknown): string {
  return revertTopLevelField(text, field, original, DOCUMENT_FIELD_ORDER);
}

/** The path of the node a nested problem starts at (an image entry or one of its values); undefined at the top level. */
function nestedPath(text: string, problem: DocumentProblem): (string | number)[] | undefined {
  const { root, errors } = parseDocument(text);
  if (!root || errors.length > 0) return undefined;
  const node = findNodeAtOffset(root, problem.offset, false);
  if (!node || node.offset !== problem.offset) return undefined;
  const path = getNodePath(node);
  return path.length > 1 ? path : undefined;
}

/** Applies the revert a problem describes (all removed fields at once); problems that carry nothing to put back: `text`. */
export function revertReadOnlyProblem(text: string, problem: DocumentProblem): string {
  if (!carriesOriginals(problem)) return text;
  const path = nestedPath(text, problem);
  if (path && path.length === 2) {
    // Fields removed from one image entry: each put back in it.
    let result = text;
    for (const [key, value] of Object.entries(problem.data?.originals ?? {})) result = revertValueAt(result, [...path, key], value);
    return result;
  }
  if (path) return revertValueAt(text, path, problem.data?.original);
  return revertProblemFields(text, problem, DOCUMENT_FIELD_ORDER);
}

/** Top-level keys of a document in text order (for callers and tests). */
export function documentKeys(text: string): string[] {
  return propertiesOf(parseDocument(text).root).map(keyOf);
}
