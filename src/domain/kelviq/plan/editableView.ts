// planEditableView: the part of a plan the user may change, normalised so that an untouched
// document never differs from the server's version. Diffs, merges and the save's call plan run on
// it. The plan fields are the PATCH's (description missing or null → "", links → [], metadata →
// {}); prices are normalised (priceDefaults.ts) and matched by `currency`; entitlements are
// `{feature, details}` matched by the feature's identifier (the read-only `featureName` is left
// out); files are their `file` and the fields the file PATCH takes, matched by `file` (planFiles.ts).
import { idKeys } from '../../document/jsonPath';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { fileView } from './planFiles';
import { EDITABLE_PLAN_FIELDS } from './planFields';
import { normalizeDetails, normalizePrice } from './priceDefaults';

/** Prices are one per currency (the prices list says so); entitlements one per feature; files one per stored file. */
export const PLAN_MERGE_RULES = idKeys({ prices: 'currency', entitlements: 'feature', files: 'file' });

const EMPTY: Readonly<Record<string, () => unknown>> = {
  description: () => '',
  links: () => [],
  metadata: () => ({}),
};

function entitlementView(entitlement: unknown): unknown {
  if (!isPlainObject(entitlement)) return entitlement;
  const view: JsonObject = {};
  if (entitlement.feature !== undefined) view.feature = entitlement.feature;
  view.details = normalizeDetails(entitlement.details);
  return view;
}

/** The editable view of a plan object or of a parsed, valid plan document. */
export function planEditableView(object: JsonObject): JsonObject {
  const view: JsonObject = {};
  for (const field of EDITABLE_PLAN_FIELDS) {
    const value = Object.hasOwn(object, field) ? object[field] : undefined;
    const empty = Object.hasOwn(EMPTY, field) ? EMPTY[field] : undefined;
    if ((value === undefined || value === null) && empty) view[field] = empty();
    else if (value !== undefined) view[field] = value;
  }
  if (Array.isArray(object.prices)) view.prices = object.prices.map(normalizePrice);
  if (Array.isArray(object.entitlements)) view.entitlements = object.entitlements.map(entitlementView);
  // A plan without files may send null; a document without `files` leaves them as they are.
  if (object.files === null) view.files = [];
  else if (Array.isArray(object.files)) view.files = object.files.map(fileView);
  return view;
}
