// zod issues about a Zaveit product document → problems on the exact JSON node (domain/document/
// zodIssueProblems places them): Zaveit's wording of a wrong value and of an unknown field, and
// the fields each object may have. Issues on values the base already had are dropped by the
// caller (the server's data, not the user's edit).
import type { Node } from 'jsonc-parser';
import type { z } from 'zod';
import { EDITABLE_FIELDS } from '../../../api/zaveit/productFields';
import type { DocumentProblem } from '../../document/documentProblem';
import { knownKeysByDocKey, noSuchFieldMessage, topField, zodIssuesToProblems } from '../../document/zodIssueProblems';
import { jsonTypeOf, nodeRange } from '../../document/jsonRanges';
import { withArticle } from '../../document/problemWording';
import { docKey, pathLabel, type Segment } from '../../document/segmentPath';

type Issue = z.core.$ZodIssue;

/** The keys each object of the document may have, by docKey (for "did you mean"). */
const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': EDITABLE_FIELDS,
  status: ['active', 'deleted'],
  country: ['code'],
  currency: ['code', 'title'],
  managementLink: ['title', 'url'],
  amount: ['min', 'default', 'max'],
  products: ['_id', 'sku', 'price', 'cost_price', 'discount', 'amount', 'reference'],
  'products.amount': ['min', 'default', 'max'],
};

const knownKeys = knownKeysByDocKey(KNOWN_KEYS);
const unknownFieldMessage = noSuchFieldMessage('Zaveit products');

const HOURS_FIELDS = new Set(['subscription_term', 'payment_period']);
const NULLABLE = new Set(['amount.max', 'products.amount.max', 'products.reference']);

function expectedText(issue: Issue & { code: 'invalid_type' }, key: string): string {
  const nullable = NULLABLE.has(key) ? ' or null' : '';
  if (HOURS_FIELDS.has(key) && (issue.expected === 'int' || issue.expected === 'number')) return 'a whole number of hours';
  switch (issue.expected) {
    case 'int':
      return HOURS_FIELDS.has(key) ? 'a whole number of hours' : 'a whole number';
    case 'number':
      return `a number${nullable}`;
    case 'string':
      return `a string${nullable}`;
    case 'boolean':
      return '`true` or `false`';
    case 'array':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    default:
      return withArticle(String(issue.expected));
  }
}

function valueProblem(issue: Issue, node: Node, path: Segment[]): DocumentProblem {
  const label = pathLabel(path);
  const key = docKey(path);
  const base = { severity: 'error' as const, field: topField(path), ...nodeRange(node) };
  const found = withArticle(jsonTypeOf(node));
  if (issue.code === 'invalid_type' && issue.expected === 'int' && node.type === 'number') {
    return { ...base, code: 'type', message: `\`${label}\` must be ${expectedText(issue, key)} (it is ${String(node.value)}).` };
  }
  if (issue.code === 'invalid_type') {
    return { ...base, code: 'type', message: `\`${label}\` must be ${expectedText(issue, key)}, not ${found}.` };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return { ...base, code: 'required', message: `\`${label}\` cannot be empty.` };
  }
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return { ...base, code: 'invalid-value', message: `\`${label}\` must not be negative (it is ${String(node.value)}).` };
  }
  if (issue.code === 'invalid_format' && key === 'country.code') {
    return { ...base, code: 'invalid-value', message: `\`${label}\` must be a two-letter ISO 3166-1 country code in capitals, such as "NO".` };
  }
  if (issue.code === 'invalid_format' && key === 'currency.code') {
    return { ...base, code: 'invalid-value', message: `\`${label}\` must be a three-letter ISO 4217 currency code in capitals, such as "NOK".` };
  }
  return { ...base, code: 'type', message: `\`${label}\`: ${issue.message}` };
}

/** One problem per issue (domain/document/zodIssueProblems). `isServerKey(path)`: a key the server itself sends there (not unknown). */
export function issuesToProblems(issues: readonly Issue[], root: Node, isServerKey: (path: Segment[]) => boolean): DocumentProblem[] {
  return zodIssuesToProblems(issues, root, { valueProblem, knownKeys, unknownFieldMessage, isServerKey });
}
