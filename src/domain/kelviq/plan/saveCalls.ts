// planSaveCalls: the fewest API calls that take a plan from one editable view (`from`, the
// server's) to another (`to`, the merge result), and which of them may run at the same time.
// Pure: the VS Code side runs the calls.
//
//   plan fields changed     → one PATCH /catalog/plans/{identifier}/ with the changed fields
//   any price changed       → one POST …/prices/bulk/ with the whole new list (it replaces them)
//   entitlements added      → one POST …/features/ with all of them (the feature's UUID)
//   an entitlement changed  → one PATCH …/features/{feature identifier}/ each, `details` whole
//   an entitlement removed  → one DELETE …/features/{feature identifier}/ each
//   a file's fields changed → one PATCH …/file/{id}/ each, with only its changed fields
//   a file's entry removed  → one DELETE …/file/{id}/ each
//
// Files are matched by their stored `file` (planFiles.ts); a call names the file by it, and the
// id it is sent to is the one the server's files give it now (planSync.ts reads them again when
// an earlier call of the save made the draft, whose copies have new ids).
//
// Order (stages run one after the other; the calls of one stage may run in parallel):
// - when the most recent version is published (`isLatest`), the first write creates a new draft
//   version, so one call goes alone first and the rest follow on that draft;
// - prices whose charges name a feature being added go after the POST that adds it, and the
//   DELETE of an entitlement whose feature the old prices charged for goes after the prices
//   (assumed: kelviq may refuse a charge for a feature the plan does not have);
// - file removals go last: they cannot be undone, so a save that fails part way removed nothing.
import { deepEqual } from '../../document/deepEqual';
import type { SaveRequest } from '../../document/documentModel';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { quoted } from '../../untrustedText';
import { featuresOf } from './planObject';
import { ADD_FILE_HINT, fileIdOf, fileLabel } from './planFiles';
import { EDITABLE_PLAN_FIELDS, PLAN_FILE_FIELDS, type EditablePlanField, type PlanFileField } from './planFields';
import { records } from './planPaths';
import type { EntitlementPatchBody, EntitlementsAddBody, PlanFilePatchBody, PlanUpdateBody, PriceBulkBody } from './planServerState';

interface CallBase {
  /** Stable within a plan: `plan`, `prices`, `entitlements:add`, `entitlement:<identifier>:update|remove`, `file:<file>:update|remove`. */
  id: string;
  path: string;
}
export type PlanCall =
  | (CallBase & { kind: 'updatePlan'; method: 'PATCH'; body: PlanUpdateBody; fields: EditablePlanField[] })
  | (CallBase & { kind: 'setPrices'; method: 'POST'; body: PriceBulkBody })
  | (CallBase & { kind: 'addEntitlements'; method: 'POST'; body: EntitlementsAddBody; features: string[] })
  | (CallBase & { kind: 'updateEntitlement'; method: 'PATCH'; body: EntitlementPatchBody; feature: string })
  | (CallBase & { kind: 'removeEntitlement'; method: 'DELETE'; feature: string })
  | (CallBase & { kind: 'updateFile'; method: 'PATCH'; body: PlanFilePatchBody; fields: PlanFileField[]; file: string; fileId: string; label: string })
  | (CallBase & { kind: 'removeFile'; method: 'DELETE'; file: string; fileId: string; label: string });

/** The calls that send a file (`fileId`: its id when the save was planned). */
export type PlanFileCall = Extract<PlanCall, { kind: 'updateFile' | 'removeFile' }>;
export const isFileCall = (call: PlanCall): call is PlanFileCall => call.kind === 'updateFile' || call.kind === 'removeFile';

export interface PlanSavePlan {
  /** Run one after the other; the calls of one stage may run in parallel. Empty: nothing to send. */
  stages: PlanCall[][];
}

export type PlanSaveInput = Pick<SaveRequest, 'theirs' | 'from' | 'to'>;

export function planEndpoints(identifier: string): { plan: string; prices: string; features: string; feature: (identifier: string) => string; file: (id: string) => string } {
  const plan = `/catalog/plans/${encodeURIComponent(identifier)}/`;
  return {
    plan,
    prices: `${plan}prices/bulk/`,
    features: `${plan}features/`,
    feature: (f) => `${plan}features/${encodeURIComponent(f)}/`,
    file: (id) => `${plan}file/${encodeURIComponent(id)}/`,
  };
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function byFeature(view: JsonObject): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const e of records(view.entitlements)) {
    if (typeof e.feature !== 'string' || map.has(e.feature)) throw new Error('The entitlements cannot be saved: each needs its own feature identifier.');
    map.set(e.feature, e);
  }
  return map;
}

function detailsOf(e: JsonObject | undefined): Record<string, unknown> {
  return e && isPlainObject(e.details) ? e.details : {};
}

/** Feature UUIDs the prices' charges name. */
function chargedFeatures(view: JsonObject): Set<string> {
  return new Set(records(view.prices).flatMap((p) => records(p.chargeCatalogPrice).map((c) => c.feature).filter((f): f is string => typeof f === 'string')));
}

function calls(input: PlanSaveInput): PlanCall[] {
  const { theirs, from, to } = input;
  const identifier = typeof theirs.identifier === 'string' ? theirs.identifier : '';
  if (!identifier) throw new Error('The plan cannot be saved: the server\'s plan has no identifier.');
  const paths = planEndpoints(identifier);
  const out: PlanCall[] = [];

  const fields = EDITABLE_PLAN_FIELDS.filter((f) => own(to, f) !== undefined && !deepEqual(own(from, f), own(to, f)));
  if (fields.length > 0) {
    const body = Object.fromEntries(fields.map((f) => [f, own(to, f)])) as PlanUpdateBody;
    out.push({ id: 'plan', kind: 'updatePlan', method: 'PATCH', path: paths.plan, body, fields });
  }

  const before = byFeature(from);
  const after = byFeature(to);
  const added = [...after.keys()].filter((f) => !before.has(f));
  if (added.length > 0) {
    const ids = new Map((featuresOf(theirs) ?? []).map((f) => [f.identifier, f.id]));
    const planEntitlements = added.map((feature) => {
      const id = ids.get(feature);
      if (!id) throw new Error(`The entitlement for ${quoted(feature)} cannot be added: this environment has no such feature.`);
      return { feature: id, details: detailsOf(after.get(feature)) };
    });
    out.push({ id: 'entitlements:add', kind: 'addEntitlements', method: 'POST', path: paths.features, body: { planEntitlements }, features: added });
  }
  for (const [feature, entitlement] of after) {
    const old = before.get(feature);
    if (old && !deepEqual(detailsOf(old), detailsOf(entitlement))) {
      out.push({ id: `entitlement:${feature}:update`, kind: 'updateEntitlement', method: 'PATCH', path: paths.feature(feature), body: { details: detailsOf(entitlement) }, feature });
    }
  }

  const prices = Array.isArray(to.prices) ? to.prices : undefined;
  if (prices && !sameList(from.prices, prices)) {
    out.push({ id: 'prices', kind: 'setPrices', method: 'POST', path: paths.prices, body: { prices: prices.filter(isPlainObject) } });
  }
  for (const feature of before.keys()) {
    if (!after.has(feature)) out.push({ id: `entitlement:${feature}:remove`, kind: 'removeEntitlement', method: 'DELETE', path: paths.feature(feature), feature });
  }
  out.push(...fileCalls(input, paths));
  return out;
}

/** The server's files by their stored file (the first of a `file` sent twice). */
function filesByFile(view: JsonObject): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const f of records(view.files)) if (typeof f.file === 'string' && !map.has(f.file)) map.set(f.file, f);
  return map;
}

const FILE_FIELD_TYPES: Readonly<Record<PlanFileField, [(value: unknown) => boolean, string]>> = {
  name: [(v) => typeof v === 'string', 'a string'],
  ordering: [(v) => typeof v === 'number' && Number.isInteger(v), 'a whole number'],
  enabled: [(v) => typeof v === 'boolean', 'true or false'],
};

/** One PATCH per file whose fields changed, then one DELETE per file `to` no longer lists. `to` without `files`: no file calls. */
function fileCalls(input: PlanSaveInput, paths: ReturnType<typeof planEndpoints>): PlanCall[] {
  const { theirs, from, to } = input;
  if (!Object.hasOwn(to, 'files')) return [];
  if (!Array.isArray(to.files)) throw new Error('The files cannot be saved: `files` must be a list of the plan\'s files.');
  const before = filesByFile(from);
  const label = (file: string): string => fileLabel(before.get(file), file);
  const idOf = (file: string): string => {
    const id = fileIdOf(theirs.files, file);
    if (!id) throw new Error(`The file ${quoted(label(file))} cannot be saved: the plan as kelviq has it now does not list it once by its stored file (\`file\`). Reload the plan and edit it again.`);
    return id;
  };
  const out: PlanCall[] = [];
  const seen = new Set<string>();
  for (const entry of to.files as unknown[]) {
    if (!isPlainObject(entry) || typeof entry.file !== 'string') throw new Error(`The files cannot be saved: an entry has no stored file (\`file\`). Only the plan's files can be listed; ${ADD_FILE_HINT}.`);
    const old = before.get(entry.file);
    if (!old) throw new Error(`The files cannot be saved: this plan has no file stored at ${quoted(entry.file)}; ${ADD_FILE_HINT}.`);
    if (seen.has(entry.file)) throw new Error(`The files cannot be saved: the file ${quoted(label(entry.file))} is listed twice.`);
    seen.add(entry.file);
    const fields = PLAN_FILE_FIELDS.filter((f) => own(entry, f) !== undefined && !deepEqual(own(old, f), own(entry, f)));
    if (fields.length === 0) continue;
    for (const f of fields) {
      const [ok, words] = FILE_FIELD_TYPES[f];
      if (!ok(entry[f])) throw new Error(`The file ${quoted(label(entry.file))} cannot be saved: its ${f} must be ${words}.`);
    }
    const body = Object.fromEntries(fields.map((f) => [f, entry[f]])) as PlanFilePatchBody;
    const fileId = idOf(entry.file);
    out.push({ id: `file:${entry.file}:update`, kind: 'updateFile', method: 'PATCH', path: paths.file(fileId), body, fields, file: entry.file, fileId, label: label(entry.file) });
  }
  for (const file of before.keys()) {
    if (seen.has(file)) continue;
    const fileId = idOf(file);
    out.push({ id: `file:${file}:remove`, kind: 'removeFile', method: 'DELETE', path: paths.file(fileId), file, fileId, label: label(file) });
  }
  return out;
}

/** Prices lists that differ only in order are the same (they are one per currency). */
function sameList(a: unknown, b: unknown[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  const rest = [...b];
  return a.every((item) => {
    const i = rest.findIndex((other) => deepEqual(item, other));
    if (i < 0) return false;
    rest.splice(i, 1);
    return true;
  });
}

/** The calls each call must wait for (see the header). */
function dependencies(input: PlanSaveInput, list: readonly PlanCall[]): Map<PlanCall, PlanCall[]> {
  const deps = new Map<PlanCall, PlanCall[]>(list.map((c) => [c, []]));
  const ids = new Map((featuresOf(input.theirs) ?? []).map((f) => [f.identifier, f.id]));
  const prices = list.find((c) => c.kind === 'setPrices');
  const add = list.find((c) => c.kind === 'addEntitlements');
  if (prices && add?.kind === 'addEntitlements') {
    const charged = chargedFeatures(input.to);
    if (add.features.some((f) => charged.has(ids.get(f) ?? ''))) deps.get(prices)!.push(add);
  }
  if (prices) {
    const charged = chargedFeatures(input.from);
    for (const c of list) if (c.kind === 'removeEntitlement' && charged.has(ids.get(c.feature) ?? '')) deps.get(c)!.push(prices);
  }
  if (input.theirs.isLatest === true && list.length > 1) for (const c of list.slice(1)) deps.get(c)!.push(list[0]!);
  const removals = list.filter((c) => c.kind === 'removeFile');
  if (removals.length < list.length) for (const c of removals) deps.get(c)!.push(...list.filter((o) => o.kind !== 'removeFile'));
  return deps;
}

/** The calls that take `from` to `to`, in stages. */
export function planSaveCalls(input: PlanSaveInput): PlanSavePlan {
  const list = calls(input);
  const deps = dependencies(input, list);
  const level = new Map<PlanCall, number>();
  const levelOf = (c: PlanCall): number => {
    let l = level.get(c);
    if (l === undefined) level.set(c, (l = Math.max(-1, ...deps.get(c)!.map(levelOf)) + 1));
    return l;
  };
  const stages: PlanCall[][] = [];
  for (const c of list) (stages[levelOf(c)] ??= []).push(c);
  return { stages };
}

/** Every call of a plan, in stage order. */
export function allCalls(plan: PlanSavePlan): PlanCall[] {
  return plan.stages.flat();
}
