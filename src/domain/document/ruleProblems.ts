// Building blocks of a kind's rules (the checks beyond one value's type): a problem on the node at
// a path, the editable fields a save cannot remove, and a well-formed code that is not one the
// runtime knows (ISO currencies, countries: a warning, the server may know more).
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { DocumentProblem } from './documentProblem';
import { suggestField } from './fieldSuggestion';
import { nodeRange } from './jsonRanges';
import type { JsonObject } from './jsonShapes';
import { listFields } from './problemWording';
import type { Segment } from './segmentPath';

export interface ProblemOptions {
  /** Default: 'error'. */
  severity?: DocumentProblem['severity'];
  data?: DocumentProblem['data'];
}

/** A problem on the node at `path`, about the path's top-level field; none when the text has no such node. */
export function problemAt(root: Node, path: readonly Segment[], code: DocumentProblem['code'], message: string, options: ProblemOptions = {}): DocumentProblem[] {
  const node = findNodeAtLocation(root, path as Segment[]);
  if (!node) return [];
  const { severity = 'error', data } = options;
  return [{ code, message, severity, field: String(path[0]), ...nodeRange(node), ...(data ? { data } : {}) }];
}

/**
 * Editable fields the base has and the text does not (`removed`): a save can only change them,
 * not remove them. One problem on the object's opening brace, carrying what to put back.
 * `owner` says who has them: "the plan", "the product".
 */
export function removedFieldsProblem(root: Node, base: JsonObject, removed: readonly string[], owner: string): DocumentProblem[] {
  if (removed.length === 0) return [];
  const many = removed.length > 1;
  return [
    {
      code: 'required',
      message: `${listFields(removed)} cannot be removed: ${owner} has ${many ? 'them' : 'it'}, and a save can only change ${many ? 'their values' : 'its value'}. Put ${many ? 'them' : 'it'} back.`,
      severity: 'error',
      field: removed[0]!,
      offset: root.offset,
      length: 1,
      data: { fields: [...removed], originals: Object.fromEntries(removed.map((f) => [f, base[f]])) },
    },
  ];
}

/** A well-formed `code` at `path` that is none of `known`: a warning, with the closest known code. `what`: "an ISO 4217 currency code in use". */
export function unknownCodeProblem(root: Node, path: readonly Segment[], code: string, known: readonly { code: string }[], what: string): DocumentProblem[] {
  if (known.some((k) => k.code === code)) return [];
  const suggestion = suggestField(code, known.map((k) => k.code));
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  return problemAt(root, path, 'enum', `"${code}" is not ${what}.${hint}`, { severity: 'warning', data: suggestion ? { suggestion } : undefined });
}
