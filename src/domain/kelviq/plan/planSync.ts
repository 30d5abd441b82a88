// How a plan document reads and writes its server, over any client with the plan calls (the
// kelviq client in the extension; the same calls in the benchmark). A read is the plan, the
// environment's features, its prices and its entitlements, all at once. A write runs the save's
// call plan (planSaveCalls) stage by stage, the calls of a stage in parallel, then reads the
// result in one round. When a call fails after others landed, the write throws PartialSaveError
// saying exactly what was saved and what was not; the document then keeps only the rest.
//
// Files on a published plan: the save's first call makes the draft, and the draft's copies of the
// files have new ids. So before a stage that sends file calls after an earlier call landed, the
// plan is read again and each file call goes to the id of the copy with the same stored file
// (`file`; **assumed** to be kept by the copy, see planFiles.ts). A file without exactly one such
// copy is not sent: that call fails, saying so, and the save stops as any partial save does.
import type { SaveRequest } from '../../document/documentModel';
import { PartialSaveError } from '../../document/partialSave';
import { afterPartialSave } from './partialSave';
import { planObjectFrom, featuresOf, type PlanObject } from './planObject';
import type { CatalogFeature, CatalogPlan, PlanEntitlement, PlanPrice } from './planServerState';
import { quoted } from '../../untrustedText';
import { records } from './planPaths';
import { isFileCall, planSaveCalls, type PlanCall, type PlanFileCall } from './saveCalls';

/** What the calls take besides their arguments (a signal, retry reports): passed through. */
type Options = object;

/** The plan calls, as KelviqClient offers them (bodies typed loosely: the client checks them before sending). */
export interface PlanApi<O extends Options = Options> {
  getPlan(identifier: string, options: O): Promise<CatalogPlan>;
  listAllFeatures(options: O): Promise<CatalogFeature[]>;
  listAllPlanPrices(identifier: string, options: O & { version?: number }): Promise<PlanPrice[]>;
  listAllPlanEntitlements(identifier: string, options: O & { version?: number }): Promise<PlanEntitlement[]>;
  updatePlan(identifier: string, patch: never, options: O): Promise<unknown>;
  setPlanPrices(identifier: string, prices: never, options: O): Promise<unknown>;
  addPlanEntitlements(identifier: string, entitlements: never, options: O): Promise<unknown>;
  updatePlanEntitlement(identifier: string, featureIdentifier: string, details: never, options: O): Promise<unknown>;
  removePlanEntitlement(identifier: string, featureIdentifier: string, options: O): Promise<void>;
  updatePlanFile(identifier: string, fileId: string, patch: never, options: O): Promise<unknown>;
  deletePlanFile(identifier: string, fileId: string, options: O): Promise<void>;
}

/**
 * One round trip: the plan, the environment's features, the plan's prices and its entitlements at
 * once, each of the newest version. (Pinning the lists to the version the plan GET answers would
 * take a second round trip; a colleague's write between these four requests is the same window as
 * the one between any read and the write after it, and the save's read before writing merges it.)
 * `features`: already known (the read right after our own write reuses the ones it started from).
 */
export async function readPlan<O extends Options>(api: PlanApi<O>, identifier: string, options: O, features?: readonly CatalogFeature[]): Promise<PlanObject> {
  const [plan, prices, entitlements, listed] = await Promise.all([
    api.getPlan(identifier, options),
    api.listAllPlanPrices(identifier, options),
    api.listAllPlanEntitlements(identifier, options),
    features ?? api.listAllFeatures(options),
  ]);
  return planObjectFrom({ plan, prices, entitlements, features: [...listed] });
}

/** The features a plan object carries, as the features list gives them. */
function featuresFrom(object: PlanObject): CatalogFeature[] {
  return (featuresOf(object) ?? []).map((f) => ({
    id: f.id,
    identifier: f.identifier,
    name: f.name,
    ...(f.featureType !== undefined ? { featureType: f.featureType } : {}),
    ...(f.archived ? { isArchived: true } : {}),
  }));
}

/** Where a file call goes: the id its stored file has now (DraftFiles), else the planned one. */
type DraftFiles = ReadonlyMap<string, string> | Error | undefined;

/** The ids of the newest version's files by stored file, read again after an earlier call made the draft. */
async function draftFiles<O extends Options>(api: PlanApi<O>, identifier: string, options: O): Promise<Map<string, string> | Error> {
  try {
    const plan = await api.getPlan(identifier, options);
    const count = new Map<string, number>();
    for (const f of records(plan.files)) if (typeof f.file === 'string') count.set(f.file, (count.get(f.file) ?? 0) + 1);
    return new Map(records(plan.files).filter((f) => typeof f.file === 'string' && typeof f.id === 'string' && count.get(f.file) === 1).map((f) => [f.file as string, f.id as string]));
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function fileIdFor(call: PlanFileCall, files: DraftFiles): string {
  if (files === undefined) return call.fileId;
  if (files instanceof Error) throw files;
  const id = files.get(call.file);
  if (id) return id;
  throw new Error(
    `The new draft has no single copy of the file ${quoted(call.label)} with the same stored file (\`file\`), so it was not sent. (Assumed: a draft's copy of a file keeps its \`file\`; this kelviq did not.) Reload the plan to see the draft.`,
  );
}

async function run<O extends Options>(api: PlanApi<O>, identifier: string, call: PlanCall, options: O, files: DraftFiles): Promise<unknown> {
  switch (call.kind) {
    case 'updateFile':
      return api.updatePlanFile(identifier, fileIdFor(call, files), call.body as never, options);
    case 'removeFile':
      return api.deletePlanFile(identifier, fileIdFor(call, files), options);
    case 'updatePlan':
      return api.updatePlan(identifier, call.body as never, options);
    case 'setPrices':
      return api.setPlanPrices(identifier, call.body.prices as never, options);
    case 'addEntitlements':
      return api.addPlanEntitlements(identifier, call.body.planEntitlements as never, options);
    case 'updateEntitlement':
      return api.updatePlanEntitlement(identifier, call.feature, call.body.details as never, options);
    case 'removeEntitlement':
      return api.removePlanEntitlement(identifier, call.feature, options);
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Sends the calls that take `from` to `to`; resolves with the plan as the server has it
 * afterwards. `afterFailure` are the options of the read after a partial failure (the save's own
 * signal may be what stopped it).
 */
export async function writePlan<O extends Options>(api: PlanApi<O>, identifier: string, request: SaveRequest<PlanObject>, options: O, afterFailure: O): Promise<PlanObject> {
  const input = { theirs: request.theirs, from: request.from, to: request.to };
  const plan = planSaveCalls(input);
  const succeeded: string[] = [];
  let files: DraftFiles; // read once, when the first file call after the draft's making is due (the draft's ids then stay)
  for (const stage of plan.stages) {
    const draftMade = request.theirs.isLatest === true && succeeded.length > 0;
    if (draftMade && files === undefined && stage.some(isFileCall)) files = await draftFiles(api, identifier, options);
    const results = await Promise.allSettled(stage.map((call) => run(api, identifier, call, options, files)));
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') succeeded.push(stage[i]!.id);
    });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (!failed) continue;
    if (succeeded.length === 0) throw failed.reason;
    const partial = afterPartialSave(input, plan, succeeded);
    // What is on the server now, so the document measures the rest from there (best effort).
    const after = await readPlan(api, identifier, afterFailure, featuresFrom(request.theirs)).catch(() => undefined);
    throw new PartialSaveError(partial.saved, `${partial.message} Why: ${messageOf(failed.reason)}`, after, { cause: failed.reason });
  }
  return readPlan(api, identifier, options, featuresFrom(request.theirs));
}
