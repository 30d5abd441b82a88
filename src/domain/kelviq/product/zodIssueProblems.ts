// zod issues about a product document → problems on the exact JSON node (domain/document/
// zodIssueProblems places them): the product's wording of a wrong value and of an unknown field.
import type { Node } from 'jsonc-parser';
import type { z } from 'zod';
import type { DocumentProblem } from '../../document/documentProblem';
import { topField, zodIssuesToProblems } from '../../document/zodIssueProblems';
import { EDITABLE_FIELDS } from './fields';
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

const knownKeys = (path: readonly Segment[]): readonly string[] => (path.length === 0 ? EDITABLE_FIELDS : []);

function unknownFieldMessage(path: readonly Segment[], key: string, suggestion: string | undefined): string {
  const hint = suggestion ? `Did you mean \`${suggestion}\`?` : `Only ${listFields(EDITABLE_FIELDS)} can be edited.`;
  return `Unknown field \`${pathLabel([...path, key])}\`: the API does not accept it. ${hint}`;
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

/** One problem per issue (domain/document/zodIssueProblems). */
export function issuesToProblems(issues: readonly Issue[], root: Node): DocumentProblem[] {
  return zodIssuesToProblems(issues, root, { valueProblem, knownKeys, unknownFieldMessage });
}
