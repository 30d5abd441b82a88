// validatePlanDocument: every problem of a plan document, each on the exact range of the JSON it
// concerns, at most one per range, in text order.
import type { Node, ParseError } from 'jsonc-parser';
import { deepEqual } from '../../document/deepEqual';
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import { keyOf, nodeRange, parseDocument, parseErrorMessage, propertiesOf } from '../../document/jsonRanges';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { nodeValue } from '../../document/jsonValue';
import { docKey, type Segment } from '../../document/segmentPath';
import { planValidationSchema } from './documentSchema';
import { issuesToProblems } from './issueProblems';
import { featuresOf } from './planObject';
import { isEditablePlanField } from './planFields';
import { untouchedElements, type Untouched } from './planPaths';
import {
  chargeFeatureProblems,
  currencyCodeProblems,
  entitlementValueProblems,
  featureProblems,
  paidCurrencyProblems,
  removedFieldProblems,
  tierProblems,
  trialProblems,
  type RuleContext,
} from './planRules';
import { readOnlyProblems, serverFieldsOf } from './readOnlyCheck';

function jsonProblems(errors: readonly ParseError[], text: string): DocumentProblem[] {
  return dedupeProblems(
    errors.map((error) => ({ code: 'invalid-json' as const, message: parseErrorMessage(error, text), severity: 'error' as const, offset: error.offset, length: error.length })),
  );
}

/** A repeated key in any object: JSON.parse keeps the last one silently, so we refuse it. */
function duplicateKeyProblems(node: Node, out: DocumentProblem[] = [], top = true): DocumentProblem[] {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of propertiesOf(node)) {
      const key = keyOf(property);
      if (seen.has(key)) {
        out.push({ code: 'invalid-json', message: `Duplicate field \`${key}\`: each field may appear only once.`, severity: 'error', ...(top ? { field: key } : {}), ...nodeRange(property.children![0]!) });
      }
      seen.add(key);
      const value = property.children?.[1];
      if (value) duplicateKeyProblems(value, out, false);
    }
  } else if (node.type === 'array') {
    for (const item of node.children ?? []) duplicateKeyProblems(item, out, false);
  }
  return out;
}

/** The document's value; with a base, the server's fields are stubs (they are compared with the base, not parsed). */
function documentValue(root: Node, serverFields: ReadonlySet<string> | undefined): JsonObject {
  const out: JsonObject = {};
  for (const property of propertiesOf(root)) {
    const key = keyOf(property);
    const value = property.children?.[1];
    const parsed = value && !serverFields?.has(key) ? nodeValue(value) : null;
    Object.defineProperty(out, key, { value: parsed, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The keys the server's prices have at each docKey (`prices`, `prices.chargeCatalogPrice`, …). */
function serverKeysByDocKey(base: JsonObject | undefined): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) for (const item of value) walk(item, path);
    else if (isPlainObject(value)) {
      const set = keys.get(path) ?? new Set<string>();
      keys.set(path, set);
      for (const [key, child] of Object.entries(value)) {
        set.add(key);
        walk(child, `${path}.${key}`);
      }
    }
  };
  if (base) walk(base.prices, 'prices');
  return keys;
}

/** An issue about data the base has exactly so (the server's, not the user's edit). */
function onServerData(path: readonly Segment[], doc: JsonObject, base: JsonObject | undefined, untouched: Untouched): boolean {
  const [field, index] = path;
  if (!base || typeof field !== 'string') return false;
  if (field === 'prices' && typeof index === 'number') return untouched.price(index);
  if (field === 'entitlements' && typeof index === 'number') return untouched.entitlement(index);
  return isEditablePlanField(field) && Object.hasOwn(doc, field) && deepEqual(doc[field], base[field]);
}

/**
 * Problems of a plan document. `base` is the plan object the text came from (undefined, or the
 * text's own value, when not known: read-only fields are then only type-checked, and the checks
 * that need the environment's features are skipped).
 *
 * Order: JSON syntax → root must be an object → no duplicate keys → types, unknown fields,
 * read-only fields and the rules (planRules.ts).
 */
export function validatePlanDocument(text: string, base: JsonObject | undefined): DocumentProblem[] {
  const { root, errors } = parseDocument(text);
  if (errors.length > 0) return jsonProblems(errors, text);
  if (!root) return [{ code: 'invalid-json', message: 'The document is empty: expected a JSON object.', severity: 'error', offset: 0, length: 0 }];
  if (root.type !== 'object') {
    const what = root.type === 'array' ? 'an array' : `a ${root.type}`;
    return [{ code: 'not-an-object', message: `A plan document must be a JSON object ({ … }), not ${what}.`, severity: 'error', ...nodeRange(root) }];
  }
  const duplicates = duplicateKeyProblems(root);
  if (duplicates.length > 0) return dedupeProblems(duplicates);

  const serverFields = base ? serverFieldsOf(base) : undefined;
  const doc = documentValue(root, serverFields ? new Set(serverFields) : undefined);
  const untouched = untouchedElements(doc, base);
  const parsed = planValidationSchema(serverFields).safeParse(doc);
  const issues = parsed.success
    ? []
    : parsed.error.issues.filter((issue) => issue.code === 'unrecognized_keys' || !onServerData(issue.path as Segment[], doc, base, untouched));
  const serverKeys = serverKeysByDocKey(base);
  const isServerKey = (path: Segment[]): boolean => path[0] === 'prices' && serverKeys.get(docKey(path.slice(0, -1)))?.has(String(path[path.length - 1])) === true;
  const ctx: RuleContext = { root, doc, base, features: featuresOf(base), untouched };
  return dedupeProblems([
    ...(base ? readOnlyProblems(root, doc, base) : []),
    ...issuesToProblems(issues, root, isServerKey),
    ...removedFieldProblems(ctx),
    ...paidCurrencyProblems(ctx),
    ...trialProblems(ctx),
    ...tierProblems(ctx),
    ...currencyCodeProblems(ctx),
    ...featureProblems(ctx),
    ...entitlementValueProblems(ctx),
    ...chargeFeatureProblems(ctx),
  ]);
}
