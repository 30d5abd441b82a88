// planWithEditable: a plan object with its editable part replaced by an editable view, keeping
// what the view leaves out: the plan's server-owned fields, each price's `id` (matched by
// currency), each entitlement's `featureName` (matched by feature), each file's `id`,
// `downloadUrl` and server fields (matched by `file`), and the environment's
// features. After a save that landed in part, this is the base the still-unsaved text is
// measured from: the text keeps showing the ids it came with, and they still check out.
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { EDITABLE_PLAN_FIELDS, ENTITLEMENT_READ_ONLY_FIELDS, PLAN_FILE_FIELDS, PRICE_READ_ONLY_FIELDS } from './planFields';
import { records } from './planPaths';
import type { PlanObject } from './planObject';
import { defineField } from '../../document/jsonShapes';

/** `item` with the read-only `fields` of the element of `old` that has the same `key`. */
function keepReadOnly(item: unknown, old: readonly JsonObject[], key: string, fields: readonly string[]): unknown {
  if (!isPlainObject(item)) return item;
  const match = old.find((o) => o[key] !== undefined && o[key] === item[key]);
  if (!match) return item;
  const out: JsonObject = {};
  for (const field of fields) if (Object.hasOwn(match, field)) defineField(out, field, match[field]);
  for (const field of Object.keys(item)) defineField(out, field, item[field]);
  return out;
}

export function planWithEditable(object: PlanObject, view: JsonObject): PlanObject {
  const out: JsonObject = {};
  for (const key of Object.keys(object)) defineField(out, key, object[key]);
  for (const field of EDITABLE_PLAN_FIELDS) {
    if (Object.hasOwn(view, field)) defineField(out, field, view[field]);
    else delete out[field];
  }
  if (Array.isArray(view.prices)) defineField(out, 'prices', view.prices.map((p) => keepReadOnly(p, records(object.prices), 'currency', PRICE_READ_ONLY_FIELDS)));
  if (Array.isArray(view.entitlements)) {
    defineField(out, 'entitlements', view.entitlements.map((e) => keepReadOnly(e, records(object.entitlements), 'feature', ENTITLEMENT_READ_ONLY_FIELDS)));
  }
  if (Array.isArray(view.files)) {
    const old = records(object.files);
    const readOnly = [...new Set(old.flatMap((f) => Object.keys(f)))].filter((k) => !(PLAN_FILE_FIELDS as readonly string[]).includes(k));
    defineField(out, 'files', view.files.map((f) => keepReadOnly(f, old, 'file', readOnly)));
  }
  return out as PlanObject;
}
