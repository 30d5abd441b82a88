// zod issues about a Zaveit product document → problems on the exact JSON node: the value for a
// wrong value, the key for an unknown field, the object's opening brace for missing fields.
// Issues on values the base already had are dropped by the caller (the server's data, not the
// user's edit).
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import { EDITABLE_FIELDS } from '../../../api/zaveit/productFields';
import type { DocumentProblem } from '../../document/documentProblem';
import { topField, toSegments, zodIssuesToProblems } from '../../document/zodIssueProblems';
import { suggestField } from '../../document/fieldSuggestion';
import { findProperty, jsonTypeOf, nodeRange } from '../../document/jsonRanges';
import { listFields, withArticle } from '../../document/problemWording';
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

function unknownFieldProblems(issue: Issue & { code: 'unrecognized_keys' }, root: Node, isServerKey: (path: Segment[]) => boolean): DocumentProblem[] {
  const path = toSegments(issue.path);
  const object = path.length ? findNodeAtLocation(root, path) : root;
  if (!object) return [];
  const key = docKey(path);
  const known = Object.hasOwn(KNOWN_KEYS, key) ? KNOWN_KEYS[key]! : [];
  return issue.keys.flatMap((key): DocumentProblem[] => {
    const found = findProperty(object, key);
    if (!found || isServerKey([...path, key])) return [];
    const suggestion = suggestField(key, known);
    const where = path.length ? ` in \`${pathLabel(path)}\`` : '';
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : known.length ? ` Known fields${where}: ${listFields(known)}.` : '';
    return [
      {
        code: 'unknown-field',
        message: `Unknown field \`${pathLabel([...path, key])}\`: Zaveit products have no such field.${hint}`,
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
  return zodIssuesToProblems(issues, root, { valueProblem, pathLabel, unknownFieldProblems: (issue, at) => unknownFieldProblems(issue, at, isServerKey) });
}
