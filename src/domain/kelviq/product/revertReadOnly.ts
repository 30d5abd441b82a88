// Quick fix for a read-only problem: put the original value back, keeping the formatting.
import { applyEdits, type FormattingOptions, modify } from 'jsonc-parser';
import type { DocumentProblem } from '../../document/documentProblem';
import { DOCUMENT_FIELD_ORDER, isKnownField } from './fields';
import { keyOf, parseDocument, propertiesOf } from '../../document/jsonRanges';

/** Where a field goes in the document: known fields in display order, then the rest sorted. */
function rank(key: string): [number, string] {
  return isKnownField(key) ? [DOCUMENT_FIELD_ORDER.indexOf(key), ''] : [DOCUMENT_FIELD_ORDER.length, key];
}

function comesBefore(a: string, b: string): boolean {
  const [ra, ka] = rank(a);
  const [rb, kb] = rank(b);
  return ra < rb || (ra === rb && ka < kb);
}

function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const insertSpaces = !indent.startsWith('\t');
  return { insertSpaces, tabSize: insertSpaces ? indent.length : 1, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/**
 * `text` with the top-level property `field` set back to `original`, or removed if `original` is
 * undefined (the base had no such field). A re-inserted property goes where serializeProduct
 * would put it. The rest of the text is untouched. Returns `text` as is if it is not a JSON object.
 */
export function revertReadOnlyEdit(text: string, field: string, original: unknown): string {
  const { root, errors } = parseDocument(text);
  if (!root || root.type !== 'object' || errors.length > 0) return text;
  const edits = modify(text, [field], original, {
    formattingOptions: formattingOf(text),
    getInsertionIndex: (keys) => {
      const index = keys.findIndex((key) => comesBefore(field, key));
      return index === -1 ? keys.length : index;
    },
  });
  return applyEdits(text, edits);
}

/** Applies the revert a 'read-only' problem describes (all removed fields at once); other problems: `text`. */
export function revertReadOnlyProblem(text: string, problem: DocumentProblem): string {
  if (problem.code !== 'read-only' || !problem.field) return text;
  const originals = problem.data?.originals ?? { [problem.field]: problem.data?.original };
  let result = text;
  for (const [field, original] of Object.entries(originals)) result = revertReadOnlyEdit(result, field, original);
  return result;
}

/** Top-level keys of a document in text order (for callers and tests). */
export function documentKeys(text: string): string[] {
  return propertiesOf(parseDocument(text).root).map(keyOf);
}
