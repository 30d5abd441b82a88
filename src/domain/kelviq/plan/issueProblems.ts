// zod issues about a plan document → problems on the exact JSON node (domain/document/
// zodIssueProblems places them): the plan's wording of a wrong value and of an unknown field, and
// the fields each object may have. Issues on the server's own data are dropped by the caller.
import type { Node } from 'jsonc-parser';
import type { z } from 'zod';
import type { DocumentProblem } from '../../document/documentProblem';
import { knownKeysByDocKey, noSuchFieldMessage, topField, zodIssuesToProblems } from '../../document/zodIssueProblems';
import { suggestField } from '../../document/fieldSuggestion';
import { jsonTypeOf, nodeRange } from '../../document/jsonRanges';
import { withArticle } from '../../document/problemWording';
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

const knownKeys = knownKeysByDocKey(KNOWN_KEYS);
const unknownFieldMessage = noSuchFieldMessage('kelviq plans');

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
  return zodIssuesToProblems(issues, root, { valueProblem, knownKeys, unknownFieldMessage, isServerKey });
}
