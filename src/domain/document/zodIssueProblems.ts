// zod issues as document problems, the part every kind shares: one problem per issue on the
// node it names, an unknown field on its key (with the known field it is probably a typo of), and
// the missing fields of one object as one problem on its opening brace. Each kind says how a
// value's issue and an unknown field read (its field names, its wording).
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import type { DocumentProblem } from './documentProblem';
import { suggestField } from './fieldSuggestion';
import { findProperty, nodeRange } from './jsonRanges';
import { listFields } from './problemWording';
import { docKey, pathLabel, type Segment } from './segmentPath';

export type ZodIssue = z.core.$ZodIssue;

export interface IssueWording {
  /** The problem of a value the schema refused, on that value's node. */
  valueProblem(issue: ZodIssue, node: Node, path: Segment[]): DocumentProblem;
  /** The fields the object at `path` may have: what "did you mean" picks from. */
  knownKeys(path: readonly Segment[]): readonly string[];
  /** The message of the unknown field `key` of the object at `path`; `suggestion`: the known field it is close to. */
  unknownFieldMessage(path: readonly Segment[], key: string, suggestion: string | undefined, known: readonly string[]): string;
  /** A key the server itself sends at `path`: not unknown (left out: none is). */
  isServerKey?(path: readonly Segment[]): boolean;
}

export function toSegments(path: readonly PropertyKey[]): Segment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

export function topField(path: readonly Segment[]): string | undefined {
  return typeof path[0] === 'string' ? path[0] : undefined;
}

/** knownKeys from a table keyed by docKey (`prices.chargeCatalogPrice`); no entry: no known fields. */
export function knownKeysByDocKey(table: Readonly<Record<string, readonly string[]>>): (path: readonly Segment[]) => readonly string[] {
  return (path) => {
    const key = docKey(path);
    return Object.hasOwn(table, key) ? table[key]! : [];
  };
}

/** "Unknown field `x`: <owners> have no such field." and a "did you mean", or the fields the object may have. */
export function noSuchFieldMessage(owners: string): IssueWording['unknownFieldMessage'] {
  return (path, key, suggestion, known) => {
    const where = path.length ? ` in \`${pathLabel(path)}\`` : '';
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : known.length ? ` Known fields${where}: ${listFields(known)}.` : '';
    return `Unknown field \`${pathLabel([...path, key])}\`: ${owners} have no such field.${hint}`;
  };
}

function unknownFieldProblems(issue: ZodIssue & { code: 'unrecognized_keys' }, root: Node, wording: IssueWording): DocumentProblem[] {
  const path = toSegments(issue.path);
  const object = path.length ? findNodeAtLocation(root, path) : root;
  if (!object) return [];
  const known = wording.knownKeys(path);
  return issue.keys.flatMap((key): DocumentProblem[] => {
    const found = findProperty(object, key);
    if (!found || wording.isServerKey?.([...path, key])) return [];
    const suggestion = suggestField(key, known);
    return [
      {
        code: 'unknown-field',
        message: wording.unknownFieldMessage(path, key, suggestion, known),
        severity: 'error',
        field: topField([...path, key]),
        ...nodeRange(found.key),
        ...(suggestion ? { data: { suggestion } } : {}),
      },
    ];
  });
}

export function zodIssuesToProblems(issues: readonly ZodIssue[], root: Node, wording: IssueWording): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const missing = new Map<Node, Segment[][]>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      problems.push(...unknownFieldProblems(issue, root, wording));
      continue;
    }
    const path = toSegments(issue.path);
    const node = path.length ? findNodeAtLocation(root, path) : root;
    if (node) {
      problems.push(wording.valueProblem(issue, node, path));
      continue;
    }
    const parent = path.length > 1 ? findNodeAtLocation(root, path.slice(0, -1)) : root;
    if (parent?.type === 'object') {
      missing.set(parent, [...(missing.get(parent) ?? []), path]);
      continue;
    }
    problems.push({ code: 'type', message: `\`${pathLabel(path)}\`: ${issue.message}`, severity: 'error', field: topField(path), ...nodeRange(parent ?? root) });
  }
  for (const [object, paths] of missing) {
    const labels = paths.map(pathLabel);
    problems.push({
      code: 'required',
      message: `Missing required field${labels.length > 1 ? 's' : ''} ${listFields(labels)}.`,
      severity: 'error',
      field: topField(paths[0]!),
      offset: object.offset,
      length: 1,
      data: { fields: labels },
    });
  }
  return problems;
}
