// zod issues about a plan document → problems on the exact JSON node: the value for a wrong
// value, the key for an unknown field, the object's opening brace for missing fields. Issues on
// the server's own data are dropped by the caller.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import type { DocumentProblem } from '../../document/documentProblem';
import { topField, toSegments, zodIssuesToProblems } from '../../document/zodIssueProblems';
import { suggestField } from '../../document/fieldSuggestion';
import { findProperty, jsonTypeOf, nodeRange } from '../../document/jsonRanges';
import { listFields, withArticle } from '../../document/problemWording';
import { docKey, pathLabel, type Segment } from '../../document/segmentPath';
import { COLLECTION_FIELDS, EDITABLE_PLAN_FIELDS, NESTED_ORDER, PRICE_FIELDS } from './planFields';

type Issue = z.core.$ZodIssue;

/** The keys each object of the document may have, by docKey (for "did you mean" and the list of known fields). */
const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': [...EDITABLE_PLAN_FIELDS, ...COLLECTION_FIELDS],
  prices: PRICE_FIELDS,
  'prices.chargeCatalogPrice': NESTED_ORDER['prices.*.chargeCatalogPrice.*']!,
  'prices.chargeCatalogPrice.charges': NESTED_ORDER['prices.*.chargeCatalogPrice.*.charges.*']!,
  'prices.chargeCatalogPrice.charges.tiers': NESTED_ORDER['prices.*.chargeCatalogPrice.*.charges.*.tiers.*']!,
  'prices.chargeCatalogPrice.usageAlerts': ['enabled', 'thresholds', 'thresholdType'],
  entitlements: ['feature', 'details'],
  'entitlements.details.usageAlerts': ['enabled', 'thresholds', 'thresholdType'],
  license: NESTED_ORDER.license!,
  links: NESTED_ORDER['links.*']!,
};

const NULLABLE = new Set(['description', 'license', 'links', 'metadata', 'prices.currency', 'prices.chargeCatalogPrice.feature', 'prices.chargeCatalogPrice.resetTime', 'entitlements.details.resetTime']);

function expectedText(issue: Issue & { code: 'invalid_type' }, key: string): string {
  const nullable = NULLABLE.has(key) ? ' or null' : '';
  switch (issue.expected) {
    case 'int':
      return 'a whole number';
    case 'boolean':
      return '`true` or `false`';
    case 'record':
      return `an object${nullable}`;
    default:
      return `${withArticle(String(issue.expected))}${nullable}`;
  }
}

function unknownFieldProblems(issue: Issue & { code: 'unrecognized_keys' }, root: Node, isServerKey: (path: Segment[]) => boolean): DocumentProblem[] {
  const path = toSegments(issue.path);
  const object = path.length ? findNodeAtLocation(root, path) : root;
  if (!object) return [];
  const known = Object.hasOwn(KNOWN_KEYS, docKey(path)) ? KNOWN_KEYS[docKey(path)]! : [];
  return issue.keys.flatMap((key): DocumentProblem[] => {
    const found = findProperty(object, key);
    if (!found || isServerKey([...path, key])) return [];
    const suggestion = suggestField(key, known);
    const where = path.length ? ` in \`${pathLabel(path)}\`` : '';
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : known.length ? ` Known fields${where}: ${listFields(known)}.` : '';
    return [
      {
        code: 'unknown-field',
        message: `Unknown field \`${pathLabel([...path, key])}\`: kelviq plans have no such field.${hint}`,
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
  if (issue.code === 'invalid_value' && node.type === 'string') {
    const allowed = issue.values.map(String);
    const suggestion = suggestField(String(node.value), allowed);
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
    return { ...base, code: 'enum', message: `${JSON.stringify(node.value)} is not a valid \`${label}\`. Allowed values: ${allowed.join(', ')}.${hint}`, data: { allowed, ...(suggestion ? { suggestion } : {}) } };
  }
  if (issue.code === 'invalid_value') {
    return { ...base, code: 'type', message: `\`${label}\` must be one of: ${issue.values.map(String).join(', ')} (not ${withArticle(jsonTypeOf(node))}).` };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int' && node.type === 'number') {
    return { ...base, code: 'type', message: `\`${label}\` must be a whole number (it is ${String(node.value)}).` };
  }
  if (issue.code === 'invalid_type') {
    return { ...base, code: 'type', message: `\`${label}\` must be ${expectedText(issue, key)}, not ${withArticle(jsonTypeOf(node))}.` };
  }
  if (issue.code === 'invalid_union') {
    return { ...base, code: 'type', message: `\`${label}\` has the wrong type (${withArticle(jsonTypeOf(node))}): see its hover for what it takes.` };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return { ...base, code: 'required', message: `\`${label}\` cannot be empty.` };
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return { ...base, code: 'invalid-value', message: `\`${label}\` must be at least ${String(issue.minimum)} (it is ${String(node.value)}).` };
  }
  if (issue.code === 'invalid_format' && key === 'prices.currency') {
    return { ...base, code: 'invalid-value', message: `\`${label}\` must be a three-letter ISO 4217 currency code in capitals, such as "USD".` };
  }
  return { ...base, code: 'type', message: `\`${label}\`: ${issue.message}` };
}

/** One problem per issue (domain/document/zodIssueProblems). `isServerKey(path)`: a key the server itself sends there (not unknown). */
export function issuesToProblems(issues: readonly Issue[], root: Node, isServerKey: (path: Segment[]) => boolean): DocumentProblem[] {
  return zodIssuesToProblems(issues, root, { valueProblem, pathLabel, unknownFieldProblems: (issue, at) => unknownFieldProblems(issue, at, isServerKey) });
}
