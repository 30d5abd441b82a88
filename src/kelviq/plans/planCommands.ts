// The plan commands: Open Plan (a row's click), Create Plan…, Publish Plan…, Discard Plan Draft….
// Each returns what it did, for tests; failures are a short message, details in the log.
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandTable';
import { showError } from '../../logging';
import { createPlan, type ProductTarget } from './createPlanFlow';
import { discardPlanDraft } from './discardFlow';
import type { PlanDeps } from './planDeps';
import { resolvePlan, type PlanTarget } from './planTargets';
import { publishPlan } from './publishFlow';

export function registerPlanCommands(context: vscode.ExtensionContext, deps: PlanDeps): void {
  const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  const guarded =
    <A, R>(summary: string, fallback: R, run: (arg: A) => Promise<R>) =>
    async (arg: A): Promise<R> => {
      try {
        return await run(arg);
      } catch (err) {
        await showError(deps.log, summary, err);
        return fallback;
      }
    };

  reg(
    COMMANDS.openPlan.id,
    guarded('Could not open the plan', undefined, async (target: PlanTarget) => {
      const resolved = await resolvePlan(deps, target, 'Kelviq: Open Plan', () => true, 'This environment has no plans');
      return resolved && deps.documents.openPlan(resolved.environment.id, resolved.identifier, resolved.identifier);
    }),
  );
  reg(COMMANDS.createPlan.id, guarded('Could not create the plan', undefined, (target: ProductTarget) => createPlan(deps, target)));
  reg(COMMANDS.publishPlan.id, guarded('Could not publish the plan', false, (target: PlanTarget) => publishPlan(deps, target)));
  reg(COMMANDS.discardPlanDraft.id, guarded('Could not discard the draft', false, (target: PlanTarget) => discardPlanDraft(deps, target)));
}
