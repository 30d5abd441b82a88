// The kelviq plan as a document kind: `kelviq:/<env>/plans/<identifier>/<label>.json`, one
// document for the plan's fields, its prices and its entitlements. Read and written by
// domain/kelviq/plan/planSync (several calls each); everything else (merges, conflicts, partial saves, persistence across
// reloads) is the document mechanism's.
import { core } from '../../coreLoader';
import type { DocumentKind, WriteConfirmation } from '../../documents';
import type { PlanObject } from '../../domain/kelviq/plan';
import type { PlanAddress } from '../../domain/kelviq/planUri';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { KnownFeatures } from './knownFeatures';
import type { PlanStateDecorations } from './planStateDecorations';
import { planAddressOrUndefined } from './planUris';
import { documentTarget } from './documentTarget';

export function kelviqPlanKind(deps: {
  connection: Connection;
  guard: ProductionGuard;
  states: PlanStateDecorations;
  features: KnownFeatures;
  onSaved: (address: PlanAddress, plan: PlanObject) => void;
}): DocumentKind<PlanObject, PlanAddress> {
  const noted = (address: PlanAddress, plan: PlanObject): PlanObject => {
    deps.states.note(address, core().planStateOf({ version: plan.version, isLatest: plan.isLatest }));
    deps.features.note(address.environment, core().featuresOf(plan));
    return plan;
  };
  return {
    id: 'kelviq.plan',
    get model() {
      return core().planModel;
    },
    parse: planAddressOrUndefined,
    objectKey: (address) => `${address.environment}/plans/${address.identifier}`,
    async connect(address) {
      const { client, environment } = await deps.connection.client(address.environment);
      return {
        target: documentTarget(environment),
        remote: {
          fetch: async (options) => noted(address, await core().readPlan(client, address.identifier, options)),
          send: async (request, options) => {
            const afterFailure = options.onRetry ? { onRetry: options.onRetry } : {};
            return noted(address, await core().writePlan(client, address.identifier, request, options, afterFailure));
          },
        },
      };
    },
    confirmWrite: (target, action, lines): Promise<WriteConfirmation> => deps.guard.confirm(target, action, lines),
    onSaved: deps.onSaved,
  };
}
