// The problems we report on a catalog document (any kind, any backend), with exact text ranges.
import type { TextRange } from './jsonRanges';

export type DocumentProblemCode =
  | 'invalid-json'
  | 'too-deep'
  | 'not-an-object'
  | 'type'
  | 'invalid-value' // the right type, but against a rule (a bound, uniqueness, a URL, a known code)
  | 'enum'
  | 'required'
  | 'unknown-field'
  | 'read-only'
  | 'server';

export interface DocumentProblemData {
  /** read-only: the base value of `field`; `undefined` means the base has no such field (revert removes it). */
  original?: unknown;
  /** read-only removal of several fields at once: field → base value. */
  originals?: Record<string, unknown>;
  /** unknown-field: the editable field the user probably meant. */
  suggestion?: string;
  /** enum: the accepted values. */
  allowed?: string[];
  /** required: every missing field reported by this problem. */
  fields?: string[];
}

export interface DocumentProblem extends TextRange {
  code: DocumentProblemCode;
  message: string;
  severity: 'error' | 'warning';
  /** The top-level property the problem is about, if any. */
  field?: string;
  data?: DocumentProblemData;
}

/** One problem per range (the first wins), ordered by position. */
export function dedupeProblems(problems: readonly DocumentProblem[]): DocumentProblem[] {
  const seen = new Set<string>();
  const unique: DocumentProblem[] = [];
  for (const problem of problems) {
    const key = `${problem.offset}:${problem.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(problem);
  }
  return unique.sort((a, b) => a.offset - b.offset || a.length - b.length);
}
