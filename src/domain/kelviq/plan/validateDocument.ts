// validatePlanDocument: every problem of a plan document, each on the exact range of the JSON it
// concerns, at most one per range, in text order. The `files` list has the rules of every
// attachment list (domain/kelviq/attachmentRules.ts).
import { deepEqual } from '../../document/deepEqual';
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { documentValue, editIssues, parseObjectDocument } from '../../document/objectDocument';
import { docKey, type Segment } from '../../document/segmentPath';
import { attachmentContext, attachmentProblems, isAttachmentServerKey, onAttachmentServerData, type AttachmentContext } from '../attachmentRules';
import { planValidationSchema } from './documentSchema';
import { issuesToProblems } from './issueProblems';
import { PLAN_FILES } from './planFiles';
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
function onServerData(path: readonly Segment[], doc: JsonObject, base: JsonObject | undefined, untouched: Untouched, files: AttachmentContext): boolean {
  const [field, index] = path;
  if (!base || typeof field !== 'string') return false;
  if (field === 'files' && path.length > 1) return onAttachmentServerData(files, path);
  if (field === 'prices' && typeof index === 'number') return untouched.price(index);
  if (field === 'entitlements' && typeof index === 'number') return untouched.entitlement(index);
  return isEditablePlanField(field) && Object.hasOwn(doc, field) && deepEqual(doc[field], base[field]);
}

/**
 * Problems of a plan document. `base` is the plan object the text came from (undefined, or the
 * text's own value, when not known: read-only fields are then only type-checked, and the checks
 * that need the environment's features are skipped).
 *
 * Order: JSON syntax → root must be an object → no duplicate keys (domain/document/objectDocument)
 * → types, unknown fields, read-only fields and the rules (planRules.ts).
 */
export function validatePlanDocument(text: string, base: JsonObject | undefined): DocumentProblem[] {
  const { root, problems } = parseObjectDocument(text, { noun: 'plan', nestedDuplicates: true });
  if (!root) return problems;

  const serverFields = base ? serverFieldsOf(base) : undefined;
  const doc = documentValue(root, serverFields);
  const untouched = untouchedElements(doc, base);
  const files = attachmentContext(PLAN_FILES, root, doc, base);
  const issues = editIssues(planValidationSchema(serverFields), doc, (path) => onServerData(path, doc, base, untouched, files));
  const serverKeys = serverKeysByDocKey(base);
  const isServerKey = (path: Segment[]): boolean =>
    (path[0] === 'prices' && serverKeys.get(docKey(path.slice(0, -1)))?.has(String(path[path.length - 1])) === true) || isAttachmentServerKey(files, path);
  const ctx: RuleContext = { root, doc, base, features: featuresOf(base), untouched };
  return dedupeProblems([
    ...(base ? readOnlyProblems(root, doc, base, text) : []),
    ...issuesToProblems(issues, root, isServerKey),
    ...removedFieldProblems(ctx),
    ...paidCurrencyProblems(ctx),
    ...trialProblems(ctx),
    ...tierProblems(ctx),
    ...currencyCodeProblems(ctx),
    ...featureProblems(ctx),
    ...entitlementValueProblems(ctx),
    ...chargeFeatureProblems(ctx),
    ...attachmentProblems(files, doc),
  ]);
}
