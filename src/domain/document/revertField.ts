// The revert quick fix, for any document kind: put a top-level field (or a nested value) back to
// the version the text came from (or remove it when that version had none), keeping the rest of
// the text and its formatting. A re-inserted field goes where the kind's serialisation would put
// it. Which problems a revert applies to (carriesOriginals).
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { DocumentProblem } from './documentProblem';
import { parseDocument } from './jsonRanges';

/** Where a field goes: the kind's known fields in their order, then the rest sorted. */
function comesBefore(order: readonly string[], a: string, b: string): boolean {
  const rank = (key: string): [number, string] => {
    const i = order.indexOf(key);
    return i >= 0 ? [i, ''] : [order.length, key];
  };
  const [ra, ka] = rank(a);
  const [rb, kb] = rank(b);
  return ra < rb || (ra === rb && ka < kb);
}

function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const insertSpaces = !indent.startsWith('\t');
  return { insertSpaces, tabSize: insertSpaces ? indent.length : 1, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** `text` with the top-level `field` set to `original` (removed when undefined). Not an object: `text` as is. */
export function revertTopLevelField(text: string, field: string, original: unknown, order: readonly string[]): string {
  const { root, errors } = parseDocument(text);
  if (!root || root.type !== 'object' || errors.length > 0) return text;
  const edits = modify(text, [field], original, {
    formattingOptions: formattingOf(text),
    getInsertionIndex: (keys) => {
      const index = keys.findIndex((key) => comesBefore(order, field, key));
      return index === -1 ? keys.length : index;
    },
  });
  return applyEdits(text, edits);
}

/** `text` with the value at `path` (below the top level) set to `value`, or removed when undefined; formatting kept. */
export function revertValueAt(text: string, path: readonly (string | number)[], value: unknown): string {
  return applyEdits(text, modify(text, [...path], value, { formattingOptions: formattingOf(text) }));
}

/** A problem whose revert puts back what it carries: a 'read-only' one, or a removed-fields 'required' one (`data.originals`). */
export function carriesOriginals(problem: DocumentProblem): boolean {
  return problem.code === 'read-only' || (problem.code === 'required' && problem.data?.originals !== undefined);
}

/** Puts back every field a problem carries originals for (`data.original`, or `data.originals` for several). */
export function revertProblemFields(text: string, problem: DocumentProblem, order: readonly string[]): string {
  if (!problem.field) return text;
  const originals = problem.data?.originals ?? { [problem.field]: problem.data?.original };
  let result = text;
  for (const [field, original] of Object.entries(originals)) result = revertTopLevelField(result, field, original, order);
  return result;
}
