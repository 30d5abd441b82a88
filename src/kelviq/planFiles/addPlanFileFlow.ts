// Add File… (a plan row or one of its file rows, the plan document's title bar, or the palette,
// which picks the plan): refused while the plan's document has unsaved changes; then the files
// (any type, at most 100 MB each, checked before anything is sent), each uploaded through the
// shared loop (POST /media/, then straight to storage, never with the API key; progress with the
// bytes, Cancel attaches nothing), then ONE PATCH of the plan with every uploaded key in
// `fileKeys`. On a published plan that PATCH creates the draft, as every plan edit does: the
// confirmation and the message say so. Then the plan's rows and its clean documents show it.
import * as vscode from 'vscode';
import type { CatalogPlan } from '../../api';
import type { EnvironmentId } from '../../domain/environment';
import { plainText } from '../../domain/untrustedText';
import type { Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Prompts } from '../connection/prompts';
import type { PlanCatalog } from '../plans/planCatalog';
import { planRowState } from '../plans/planRowTexts';
import { openPlanDocuments, resolvePlan, type PlanTarget } from '../plans/planTargets';
import type { ProductsTree } from '../products/productsTree';
import { checkFiles, uploadEach, type UploadOutcome } from '../uploads/uploadFiles';
import {
  addFilesAction, addFilesDialogTitle, dirtyPlanText, FILES_CANCELLED_TEXT, filesAddedText, NO_FILE_ADDED_TEXT, planFileProblem, planFileTypeOf,
} from './planFileTexts';
import { PlanFileNode } from './planFileTreeItems';

export interface PlanFileDeps {
  connection: Connection;
  guard: ProductionGuard;
  prompts: Prompts;
  tree: ProductsTree;
  catalog: PlanCatalog;
  log: Log;
  /** The plan changed on the server: visible clean documents reload. */
  refreshDocuments(): Promise<void>;
}

export type PlanFileTarget = PlanTarget | PlanFileNode;

/** What Add File… did, for tests: the plan's version after the PATCH (none when nothing was attached). */
export interface AddPlanFilesOutcome {
  plan: CatalogPlan | undefined;
  added: string[];
  failed: string[];
  cancelled: boolean;
  /** Why nothing was tried (the plan's document has unsaved changes). */
  refused?: string;
}

function hasUnsavedText(environment: EnvironmentId, identifier: string): boolean {
  return openPlanDocuments(environment, identifier).some((doc) => doc.isDirty);
}

export async function addPlanFiles(deps: PlanFileDeps, target: PlanFileTarget, given?: readonly vscode.Uri[]): Promise<AddPlanFilesOutcome | undefined> {
  const planTarget = target instanceof PlanFileNode ? target.parentNode : target;
  const resolved = await resolvePlan(deps, planTarget, 'Kelviq: Add File: to which plan?', () => true, 'This environment has no plans');
  if (!resolved) return undefined;
  const { client, environment, identifier } = resolved;
  // The newest version, read now: whether this write makes a draft is said before it is made.
  const plan = await client.getPlan(identifier);
  const refuse = (): AddPlanFilesOutcome => {
    const refused = dirtyPlanText(plan.name || identifier);
    void showMessage('warning', refused);
    return { plan: undefined, added: [], failed: [], cancelled: false, refused };
  };
  if (hasUnsavedText(environment.id, identifier)) return refuse();

  const files =
    given ??
    (await deps.prompts.openFiles({
      title: addFilesDialogTitle(plan.name || identifier),
      openLabel: 'Add File',
      canSelectMany: true,
      canSelectFiles: true,
      canSelectFolders: false,
    }));
  if (!files || files.length === 0) return undefined;
  if (hasUnsavedText(environment.id, identifier)) return refuse(); // edited while the dialog was open

  // Checked before anything is sent: each file can be read, and its size.
  const { accepted, refused } = await checkFiles(files, { problem: planFileProblem, typeOf: planFileTypeOf });
  if (accepted.length === 0) {
    void showMessage('error', `${NO_FILE_ADDED_TEXT} ${refused.join(' ')}`);
    return { plan: undefined, added: [], failed: refused, cancelled: false };
  }
  const state = planRowState(plan);
  const names = accepted.map((f) => f.name);
  if (!(await deps.guard.confirmWrite(environment, addFilesAction(names, plan.name || identifier, state), names))) return undefined;

  const { uploaded, updated } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Adding files to plan ${plainText(plan.name || identifier, 60)}`, cancellable: true },
    async (progress, token): Promise<{ uploaded: UploadOutcome; updated?: CatalogPlan }> => {
      const outcome = await uploadEach(client, accepted, { progress, token, log: deps.log, what: `for plan ${identifier}` });
      if (outcome.cancelled || outcome.keys.length === 0) return { uploaded: outcome };
      const count = outcome.keys.length;
      progress.report({ message: `Attaching ${count === 1 ? 'the file' : `${count} files`}…` });
      // Not cancellable from here: the PATCH attaches every key at once, or none.
      return { uploaded: outcome, updated: await client.updatePlan(identifier, { fileKeys: outcome.keys }) };
    },
  );
  const failed = [...refused, ...uploaded.failed];
  if (uploaded.cancelled) {
    deps.log.info(`Add File to plan ${identifier}: cancelled; nothing attached.`);
    void showMessage('info', FILES_CANCELLED_TEXT);
    return { plan: undefined, added: [], failed, cancelled: true };
  }
  if (updated) {
    deps.log.info(`Added ${uploaded.keys.length} file(s) to plan ${identifier} (version ${updated.version}) in ${environment.label}.`);
    deps.catalog.upsert(environment.id, updated);
    deps.tree.refreshChildren(environment.id, updated.product);
    await deps.refreshDocuments();
  }
  const summary = [updated ? filesAddedText(uploaded.added.length, plan.name || identifier, state) : NO_FILE_ADDED_TEXT, ...failed].join(' ');
  void showMessage(failed.length > 0 ? (updated ? 'warning' : 'error') : 'info', summary);
  return { plan: updated, added: updated ? uploaded.added : [], failed, cancelled: false };
}
