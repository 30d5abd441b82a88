// How a plan document reads and writes its server: a read is the plan with its features (in
// parallel), then its prices and entitlements pinned to the version just read (in parallel), so
// the parts always belong to one version; a write runs the save's call plan (planSaveCalls) stage
// by stage, the calls of a stage in parallel. When a call fails after others landed, the write
// throws PartialSaveError saying exactly what was saved, and the document keeps only the rest.
import type { KelviqClient } from '../../api/kelviq/kelviqClient';
import type { CallOptions } from '../../api/http/types';
import { core } from '../../coreLoader';
import type { SaveRequest } from '../../domain/document';
import type { PlanCall, PlanObject, PlanServerState } from '../../domain/kelviq/plan';
import { userMessage } from '../../logging';

export async function readPlan(client: KelviqClient, identifier: string, options: CallOptions): Promise<PlanObject> {
  const [plan, features] = await Promise.all([client.getPlan(identifier, options), client.listAllFeatures(options)]);
  const version = typeof plan.version === 'number' ? { version: plan.version } : {};
  const [prices, entitlements] = await Promise.all([
    client.listAllPlanPrices(identifier, { ...options, ...version }),
    client.listAllPlanEntitlements(identifier, { ...options, ...version }),
  ]);
  const state: PlanServerState = { plan, prices, entitlements, features };
  return core().planObjectFrom(state);
}

function run(client: KelviqClient, identifier: string, call: PlanCall, options: CallOptions): Promise<unknown> {
  // The bodies are the API's request shapes; the client checks them again before sending.
  switch (call.kind) {
    case 'updatePlan':
      return client.updatePlan(identifier, call.body as unknown as Parameters<KelviqClient['updatePlan']>[1], options);
    case 'setPrices':
      return client.setPlanPrices(identifier, call.body.prices as unknown as Parameters<KelviqClient['setPlanPrices']>[1], options);
    case 'addEntitlements':
      return client.addPlanEntitlements(identifier, call.body.planEntitlements as unknown as Parameters<KelviqClient['addPlanEntitlements']>[1], options);
    case 'updateEntitlement':
      return client.updatePlanEntitlement(identifier, call.feature, call.body.details as unknown as Parameters<KelviqClient['updatePlanEntitlement']>[2], options);
    case 'removeEntitlement':
      return client.removePlanEntitlement(identifier, call.feature, options);
  }
}

/** Sends the calls that take `from` to `to`; resolves with the plan as the server has it afterwards. */
export async function writePlan(client: KelviqClient, identifier: string, request: SaveRequest<PlanObject>, options: CallOptions): Promise<PlanObject> {
  const { planSaveCalls, afterPartialSave, PartialSaveError } = core();
  const input = { theirs: request.theirs, from: request.from, to: request.to };
  const plan = planSaveCalls(input);
  const succeeded: string[] = [];
  for (const stage of plan.stages) {
    const results = await Promise.allSettled(stage.map((call) => run(client, identifier, call, options)));
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') succeeded.push(stage[i]!.id);
    });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (!failed) continue;
    if (succeeded.length === 0) throw failed.reason;
    const partial = afterPartialSave(input, plan, succeeded);
    // What is on the server now, so the document measures the rest from there (best effort).
    const after = await readPlan(client, identifier, { ...(options.onRetry ? { onRetry: options.onRetry } : {}) }).catch(() => undefined);
    throw new PartialSaveError(partial.saved, `${partial.message} Why: ${userMessage(failed.reason)}`, after, { cause: failed.reason });
  }
  return readPlan(client, identifier, options);
}
