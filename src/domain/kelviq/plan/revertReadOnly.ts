// The revert quick fix of a plan document: a 'read-only' problem (or a removed-fields 'required'
// one) puts back what it describes. A top-level field goes back where serializePlan puts it
// (domain/document/revertField); a nested one (a price's `id` or server field, an entitlement's
// `featureName`) is put back, or removed when the base had none, at the node the problem is on,
// keeping the rest of the text as it is.
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import type { DocumentProblem } from '../../document/documentProblem';
import { parseDocument } from '../../document/jsonRanges';
import { carriesOriginals, revertProblemFields, revertValueAt } from '../../document/revertField';
import { DOCUMENT_FIELD_ORDER } from './planFields';

function nestedPath(text: string, problem: DocumentProblem): (string | number)[] | undefined {
  const { root, errors } = parseDocument(text);
  if (!root || errors.length > 0) return undefined;
  const node = findNodeAtOffset(root, problem.offset, true);
  if (!node || node.offset !== problem.offset || node.length !== problem.length) return undefined;
  const path = getNodePath(node);
  return path.length > 1 ? path : undefined;
}

/** `text` with what `problem` describes undone; `text` itself for other problems. */
export function revertPlanProblem(text: string, problem: DocumentProblem): string {
  if (!carriesOriginals(problem)) return text;
  const path = problem.code === 'read-only' && !problem.data?.originals ? nestedPath(text, problem) : undefined;
  return path ? revertValueAt(text, path, problem.data?.original) : revertProblemFields(text, problem, DOCUMENT_FIELD_ORDER);
}
