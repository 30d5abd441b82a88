// Quick fix for a 'read-only' problem of a Zaveit product document: put the original value back
// (for `country._id` / `currency._id`: the object with only its id restored), keeping the
// formatting. A re-inserted field goes where serializeZaveitProduct would put it.
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { DocumentProblem } from '../../document/documentProblem';
import { parseDocument } from '../../document/jsonRanges';
import { DOCUMENT_FIELD_ORDER } from './serializeProduct';

function rank(key: string): [number, string] {
  const i = DOCUMENT_FIELD_ORDER.indexOf(key);
  return i >= 0 ? [i, ''] : [DOCUMENT_FIELD_ORDER.length, key];
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

/** `text` with the top-level `field` set to `original` (removed when undefined). Not an object: `text` as is. */
export function revertZaveitField(text: string, field: string, original: unknown): string {
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

/** Applies what a 'read-only' problem (or a removed-fields 'required' one) describes; other problems: `text`. */
export function revertZaveitProblem(text: string, problem: DocumentProblem): string {
  const restores = problem.code === 'read-only' || (problem.code === 'required' && problem.data?.originals !== undefined);
  if (!restores || !problem.field) return text;
  const originals = problem.data?.originals ?? { [problem.field]: problem.data?.original };
  let result = text;
  for (const [field, original] of Object.entries(originals)) result = revertZaveitField(result, field, original);
  return result;
}
