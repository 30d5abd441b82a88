// Turning zod issues about a document into problems on the exact JSON node they concern.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import type { DocumentProblem } from '../../document/documentProblem';
import { EDITABLE_FIELDS } from './fields';
import { suggestField } from '../../document/fieldSuggestion';
import { findProperty, jsonTypeOf, nodeRange } from '../../document/jsonRanges';
import { listFields, withArticle } from '../../document/problemWording';
import { pathLabel, type Segment } from '../../document/segmentPath';

type Issue = z.core.$ZodIssue;

/** What each top-level field must be, for "`x` must be …" messages. */
const EXPECTED: Record<string, string> = {
  id: 'a string',
  identifier: 'a string',
  name: 'a string',
  description: 'a string or null',
  taxCode: 'a string',
  createdBy: 'a string or null',
  modifiedOn: 'a string',
  plans: 'an array of strings',
  images: 'an array of image objects',
};

function topField(path: readonly Segment[]): string | undefined {
  return typeof path[0] === 'string' ? path[0] : undefined;
}

function toSegments(path: readonly PropertyKey[]): Segment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

function unknownFieldProblems(issue: Issue & { code: 'unrecognized_keys' }, root: Node): DocumentProblem[] {
  const path = toSegments(issue.path);
  const object = path.length ? findNodeAtLocation(root, path) : root;
  if (!object) return [];
  return issue.keys.flatMap((key): DocumentProblem[] => {
    const found = findProperty(object, key);
    if (!found) return [];
    const suggestion = path.length === 0 ? suggestField(key, EDITABLE_FIELDS) : undefined;
    const hint = suggestion ? `Did you mean \`${suggestion}\`?` : `Only ${listFields(EDITABLE_FIELDS)} can be edited.`;
    return [
      {
        code: 'unknown-field',
        message: `Unknown field \`${pathLabel([...path, key])}\`: the API does not accept it. ${hint}`,
        severity: 'error',
        field: topField([...path, key]),
        ...nodeRange(found.key),
        ...(suggestion ? { data: { suggestion } } : {}),
      },
    ];
  });
}

function valueProblem(issue: Issue, node: Node, path: Segment[]): DocumentProblem {
  const label = pathLabel(path);
  const base = { severity: 'error' as const, field: topField(path), ...nodeRange(node) };
  const found = jsonTypeOf(node);
  if (issue.code === 'invalid_value' && node.type === 'string') {
    const allowed = issue.values.map(String);
    const suggestion = suggestField(String(node.value), allowed);
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
    return {
      ...base,
      code: 'enum',
      message: `${JSON.stringify(node.value)} is not a valid \`${label}\`. Allowed values: ${allowed.join(', ')}.${hint}`,
      data: { allowed, ...(suggestion ? { suggestion } : {}) },
    };
  }
  if (issue.code === 'invalid_value') {
    return { ...base, code: 'type', message: `\`${label}\` must be a string (one of: ${issue.values.map(String).join(', ')}), not ${withArticle(found)}.` };
  }
  if (issue.code === 'invalid_type') {
    const expected = (path.length === 1 ? EXPECTED[label] : undefined) ?? withArticle(issue.expected);
    return { ...base, code: 'type', message: `\`${label}\` must be ${expected}, not ${withArticle(found)}.` };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return { ...base, code: 'required', message: `\`${label}\` cannot be empty.` };
  }
  return { ...base, code: 'type', message: `\`${label}\`: ${issue.message}` };
}

/**
 * One problem per issue, on the value node for a wrong value, on the key for an unknown field,
 * and on the object's opening brace for missing fields (all missing fields of one object in one
 * problem, so that range carries a single problem).
 */
export function issuesToProblems(issues: readonly Issue[], root: Node): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const missing = new Map<Node, Segment[][]>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      problems.push(...unknownFieldProblems(issue, root));
      continue;
    }
    const path = toSegments(issue.path);
    const node = path.length ? findNodeAtLocation(root, path) : root;
    if (node) {
      problems.push(valueProblem(issue, node, path));
      continue;
    }
    const parent = path.length > 1 ? findNodeAtLocation(root, path.slice(0, -1)) : root;
    if (parent?.type === 'object') {
      missing.set(parent, [...(missing.get(parent) ?? []), path]);
      continue;
    }
    let ancestor: Node | undefined;
    for (let n = path.length - 1; !ancestor && n >= 0; n--) ancestor = n ? findNodeAtLocation(root, path.slice(0, n)) : root;
    problems.push({ code: 'type', message: `\`${pathLabel(path)}\`: ${issue.message}`, severity: 'error', field: topField(path), ...nodeRange(ancestor ?? root) });
  }
  for (const [object, paths] of missing) {
    const labels = paths.map(pathLabel);
    const plural = labels.length > 1 ? 's' : '';
    problems.push({
      code: 'required',
      message: `Missing required field${plural} ${listFields(labels)}.`,
      severity: 'error',
      field: topField(paths[0]!),
      offset: object.offset,
      length: 1,
      data: { fields: labels },
    });
  }
  return problems;
}
