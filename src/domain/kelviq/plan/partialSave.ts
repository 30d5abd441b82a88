// When some of a save's calls succeeded and others did not: what is now on the server (the
// editable view after the calls that succeeded), what is still unsaved, a message that says
// exactly which, and the calls a retry sends (only the rest). Pure.
import type { JsonChange } from '../../document/jsonDiff';
import { diffJson } from '../../document/jsonDiff';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { quoted } from '../../untrustedText';
import { PLAN_MERGE_RULES } from './editableView';
import { records } from './planPaths';
import { allCalls, planSaveCalls, type PlanCall, type PlanSaveInput, type PlanSavePlan } from './saveCalls';

export interface PartialSave {
  /** The editable view now on the server: `from` with the successful calls applied. */
  saved: JsonObject;
  /** What is still to be sent (diffJson(saved, to)). */
  unsaved: JsonChange[];
  /** Plain text: what was saved and what was not (names quoted). */
  message: string;
  /** The calls a retry sends: only what was not saved. */
  retry: PlanSavePlan;
}

function withoutFeature(list: unknown, feature: string): unknown[] {
  return (Array.isArray(list) ? list : []).filter((e: unknown) => !(isPlainObject(e) && e.feature === feature));
}

function entitlementOf(view: JsonObject, feature: string): JsonObject | undefined {
  return records(view.entitlements).find((e) => e.feature === feature);
}

/** `view` with the effect of one successful call (its values taken from `to`). */
function apply(view: JsonObject, call: PlanCall, to: JsonObject): JsonObject {
  const next = { ...view };
  switch (call.kind) {
    case 'updatePlan':
      for (const field of call.fields) next[field] = to[field];
      break;
    case 'setPrices':
      next.prices = to.prices;
      break;
    case 'addEntitlements': {
      const others = (Array.isArray(next.entitlements) ? next.entitlements : []).filter((e: unknown) => !(isPlainObject(e) && call.features.includes(String(e.feature))));
      next.entitlements = [...others, ...call.features.map((f) => entitlementOf(to, f)).filter(isPlainObject)];
      break;
    }
    case 'updateEntitlement': {
      const entitlement = entitlementOf(to, call.feature);
      next.entitlements = (Array.isArray(next.entitlements) ? next.entitlements : []).map((e: unknown) => (isPlainObject(e) && e.feature === call.feature && entitlement ? entitlement : e));
      break;
    }
    case 'removeEntitlement':
      next.entitlements = withoutFeature(next.entitlements, call.feature);
      break;
    case 'updateFile': {
      const file = records(to.files).find((f) => f.file === call.file);
      next.files = (Array.isArray(next.files) ? next.files : []).map((f: unknown) => (isPlainObject(f) && f.file === call.file && file ? file : f));
      break;
    }
    case 'removeFile':
      next.files = (Array.isArray(next.files) ? next.files : []).filter((f: unknown) => !(isPlainObject(f) && f.file === call.file));
      break;
  }
  return next;
}

/** What one call saves, in words: `the plan's name and description`, `the prices (USD, EUR)`, … */
export function describeCall(call: PlanCall): string {
  const and = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
  switch (call.kind) {
    case 'updatePlan':
      return `the plan's ${and(call.fields)}`;
    case 'setPrices': {
      // Codes are only named when they are codes (the list may hold a colleague's text).
      const codes = [...new Set(call.body.prices.map((p) => p.currency).filter((c): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c)))];
      const count = call.body.prices.length;
      if (count === 0) return 'the prices (all removed)';
      return `the prices (${codes.length > 0 ? codes.join(', ') : `${count} price${count > 1 ? 's' : ''}`})`;
    }
    case 'addEntitlements':
      return `the new entitlement${call.features.length > 1 ? 's' : ''} for ${and(call.features.map((f) => quoted(f)))}`;
    case 'updateEntitlement':
      return `the change to the entitlement for ${quoted(call.feature)}`;
    case 'removeEntitlement':
      return `the removal of the entitlement for ${quoted(call.feature)}`;
    case 'updateFile':
      return `the ${and(call.fields)} of the file ${quoted(call.label)}`;
    case 'removeFile':
      return `the removal of the file ${quoted(call.label)}`;
  }
}

/**
 * The state after a save whose calls `succeeded` (by call id) and whose other calls failed or
 * were not made. `input` is the save's theirs/from/to; `plan` the calls it planned.
 */
export function afterPartialSave(input: PlanSaveInput, plan: PlanSavePlan, succeeded: Iterable<string>): PartialSave {
  const done = new Set(succeeded);
  const calls = allCalls(plan);
  const ok = calls.filter((c) => done.has(c.id));
  const rest = calls.filter((c) => !done.has(c.id));
  const saved = ok.reduce((view, call) => apply(view, call, input.to), input.from);
  // Once one write went through, the most recent version is a draft: the rest no longer waits for one.
  const theirs = ok.length > 0 ? { ...input.theirs, isLatest: false } : input.theirs;
  const retry = planSaveCalls({ theirs, from: saved, to: input.to });
  const draft = ok.length > 0 && input.theirs.isLatest === true ? ' A new draft version of the plan was created; publish it to make the changes live.' : '';
  const sentence = (items: PlanCall[]): string => items.map(describeCall).join('; ');
  const message =
    rest.length === 0
      ? `Saved ${sentence(ok)}.${draft}`
      : ok.length === 0
        ? `Nothing was saved. Not saved: ${sentence(rest)}. Saving again sends all of it.`
        : `Saved ${sentence(ok)}. Not saved: ${sentence(rest)}. Saving again sends only what was not saved.${draft}`;
  return { saved, unsaved: diffJson(saved, input.to, PLAN_MERGE_RULES), message, retry };
}
