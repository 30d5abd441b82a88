// zod issues as document problems, the part every kind shares: one problem per issue on the
// node it names, and the missing fields of one object as one problem on its opening brace. Each
// kind says how a value's issue and an unknown key read (its field names, its wording).
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import type { DocumentProblem } from './documentProblem';
import { nodeRange } from './jsonRanges';
import { listFields } from './problemWording';
import type { Segment } from './segmentPath';

export type ZodIssue = z.core.$ZodIssue;

export interface IssueWording {
  valueProblem(issue: ZodIssue, node: Node, path: Segment[]): DocumentProblem;
  unknownFieldProblems(issue: ZodIssue & { code: 'unrecognized_keys' }, root: Node): DocumentProblem[];
  pathLabel(path: readonly Segment[]): string;
}

export function toSegments(path: readonly PropertyKey[]): Segment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

export function topField(path: readonly Segment[]): string | undefined {
  return typeof path[0] === 'string' ? path[0] : undefined;
}

export function zodIssuesToProblems(issues: readonly ZodIssue[], root: Node, wording: IssueWording): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const missing = new Map<Node, Segment[][]>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      problems.push(...wording.unknownFieldProblems(issue, root));
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
    problems.push({ code: 'type', message: `\`${wording.pathLabel(path)}\`: ${issue.message}`, severity: 'error', field: topField(path), ...nodeRange(parent ?? root) });
  }
  for (const [object, paths] of missing) {
    const labels = paths.map(wording.pathLabel);
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
