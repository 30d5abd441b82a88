// zod issues about a product document → problems on the exact JSON node (domain/document/
// zodIssueProblems places them): the product's wording of a wrong value and of an unknown field.
import type { Node } from 'jsonc-parser';
import type { z } from 'zod';
import type { DocumentProblem } from '../../document/documentProblem';
import { topField, zodIssuesToProblems } from '../../document/zodIssueProblems';
import { EDITABLE_FIELDS, IMAGE_EDITABLE_FIELDS } from './fields';
import { suggestField } from '../../document/fieldSuggestion';
import { jsonTypeOf, nodeRange } from '../../document/jsonRanges';
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

/** An entry of `images`: `['images', 3]`. */
const isImagePath = (path: readonly Segment[]): boolean => path.length === 2 && path[0] === 'images' && typeof path[1] === 'number';

const knownKeys = (path: readonly Segment[]): readonly string[] => (path.length === 0 ? EDITABLE_FIELDS : isImagePath(path) ? IMAGE_EDITABLE_FIELDS : []);

function unknownFieldMessage(path: readonly Segment[], key: string, suggestion: string | undefined): string {
  const editable = isImagePath(path) ? `${listFields(IMAGE_EDITABLE_FIELDS)} of an image` : listFields(EDITABLE_FIELDS);
  const hint = suggestion ? `Did you mean \`${suggestion}\`?` : `Only ${editable} can be edited.`;
  return `Unknown field \`${pathLabel([...path, key])}\`: the API does not accept it. ${hint}`;
}

/** What a nested value must be, in words. */
function expectedNested(expected: string): string {
  if (expected === 'boolean') return '`true` or `false`';
  if (expected === 'int') return 'a whole number';
  if (expected === 'object') return 'an object (an image)';
  return withArticle(expected);
}

function valueProblem(issue: Issue, node: Node, path: Segment[]): DocumentProblem {
  const label = pathLabel(path);
  const base = { severity: 'error' as const, field: topField(path), ...nodeRange(node) };
  const type = jsonTypeOf(node);
  const found = type === 'null' ? 'null' : withArticle(type);
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
    return { ...base, code: 'type', message: `\`${label}\` must be a string (one of: ${issue.values.map(String).join(', ')}), not ${found}.` };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int' && node.type === 'number') {
    return { ...base, code: 'type', message: `\`${label}\` must be a whole number (it is ${String(node.value)}).` };
  }
  if (issue.code === 'invalid_type') {
    const expected = (path.length === 1 ? EXPECTED[label] : undefined) ?? expectedNested(issue.expected);
    return { ...base, code: 'type', message: `\`${label}\` must be ${expected}, not ${found}.` };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return { ...base, code: 'required', message: `\`${label}\` cannot be empty.` };
  }
  return { ...base, code: 'type', message: `\`${label}\`: ${issue.message}` };
}

/** One problem per issue (domain/document/zodIssueProblems). `isServerKey(path)`: a key the server itself sends there (an image's extra field). */
export function issuesToProblems(issues: readonly Issue[], root: Node, isServerKey?: (path: readonly Segment[]) => boolean): DocumentProblem[] {
  return zodIssuesToProblems(issues, root, { valueProblem, knownKeys, unknownFieldMessage, ...(isServerKey ? { isServerKey } : {}) });
}
