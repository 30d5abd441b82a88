// serializePlan: the text of a plan document. Same plan in, same text out. The plan's fields in
// DOCUMENT_FIELD_ORDER (`description` always shown, "" for none), then fields the server added,
// sorted; prices, charges, tiers and entitlements with a fixed key order (NESTED_ORDER). The
// environment's features (PLAN_FEATURES_KEY) are not written.
import type { JsonObject } from '../../document/jsonShapes';
import { writeOrderedJson } from '../../document/orderedJson';
import { PLAN_FEATURES_KEY } from './planObject';
import { DOCUMENT_FIELD_ORDER, NESTED_ORDER } from './planFields';

const ORDER = { '': DOCUMENT_FIELD_ORDER, ...NESTED_ORDER };

/** Pretty JSON (2-space indent, trailing newline). */
export function serializePlan(plan: JsonObject): string {
  const shown: JsonObject = {};
  for (const key of Object.keys(plan)) {
    if (key !== PLAN_FEATURES_KEY) Object.defineProperty(shown, key, { value: plan[key], enumerable: true, writable: true, configurable: true });
  }
  if (shown.description === undefined || shown.description === null) shown.description = '';
  return `${writeOrderedJson(shown, { order: ORDER, sortRest: true }) ?? '{}'}\n`;
}
