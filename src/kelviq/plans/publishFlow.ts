// Publish Plan…: the exact difference first (a read-only comparison of the published version and
// the draft, as plan documents, and the same in words), then whether existing customers move to
// the new features and pricing (both off unless chosen), a confirmation, the production guard,
// and only then POST …/publish/. Refused while the plan's document has unsaved changes, and when
// the draft changed on the server during the review. A refusal (400, 428) is explained in words
// (publishErrors.ts).
import * as vscode from 'vscode';
import { isApiError } from '../../apiErrors';
import { core } from '../../coreLoader';
import { plainText } from '../../domain/untrustedText';
import { showError } from '../../logging';
import { showMessage } from '../../userMessages';
import { showPlanChanged, type PlanDeps } from './planDeps';
import { hasDraft } from './planRowTexts';
import { openPlanDocuments, resolvePlan, type PlanTarget } from './planTargets';
import {
  comparisonTitle, draftMoved, MIGRATION_CHOICES, nothingToPublish, publishAction, publishConfirmation, publishedNotice,
  publishGuardLines, unsavedEdits, type PublishFlags,
} from './planTexts';
import { PLAN_VERSION_SCHEME } from './planVersionDocuments';
import { readPlanReview, type PlanReview } from './planVersions';
import { withSignal } from './withSignal';

export async function publishPlan(deps: PlanDeps, target: PlanTarget): Promise<boolean> {
  const resolved = await resolvePlan(deps, target, 'Kelviq: Publish Plan', hasDraft);
  if (!resolved) return false;
  const { client, environment, identifier } = resolved;
  const newest = await client.getPlan(identifier);
  const name = newest.name || identifier;
  if (newest.isLatest) {
    void showMessage('info', nothingToPublish(name));
    return false;
  }
  if (refuseUnsaved(deps, environment.id, identifier, name)) return false;

  const review = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Kelviq: reading the draft and the published version of ${identifier}…`, cancellable: true },
    (_progress, token) => withSignal(token, (signal) => readPlanReview(client, newest, signal)),
  );
  const versions = { draft: review.draft.plan.version, ...(review.published ? { published: review.published.plan.version } : {}) };
  await showComparison(deps, environment.id, identifier, name, review, versions);
  const diff = core().publishDiff(review.published?.object, review.draft.object);

  const flags = review.published ? await askMigration(deps, name) : { updateFeatures: false, updatePricing: false };
  if (!flags) return false;
  const { message, detail, button } = publishConfirmation(name, environment, versions, diff.lines, flags);
  if ((await showMessage('warning', message, { modal: true, detail }, button)) !== button) return false;
  if (!(await deps.guard.confirmWrite(environment, publishAction(name), publishGuardLines(diff.lines, flags)))) return false;

  // The dialogs took time: the document may have been edited, the draft changed by someone else.
  if (refuseUnsaved(deps, environment.id, identifier, name)) return false;
  const now = await client.getPlan(identifier);
  if (now.version !== review.draft.plan.version || now.modifiedOn !== review.draft.plan.modifiedOn || now.isLatest) {
    void showMessage('warning', draftMoved(name));
    return false;
  }

  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Kelviq: publishing ${identifier}…` }, () =>
      client.publishPlan(identifier, flags),
    );
  } catch (err) {
    const { explainPublishError, publishErrorText } = core();
    const explained = isApiError(err) ? explainPublishError(name, environment.label, err) : undefined;
    if (!explained) throw err;
    deps.log.warn(`Publishing plan ${identifier} in ${environment.label} was refused (${err instanceof Error ? err.message : String(err)}).`);
    const actions = explained.reason === 'noPrice' || explained.reason === 'currencies' ? ['Open Plan', 'Show Log'] : ['Show Log'];
    void showMessage('error', publishErrorText(explained), {}, ...actions).then((choice) => {
      if (choice === 'Show Log') deps.log.show(true);
      if (choice === 'Open Plan') deps.documents.openPlan(environment.id, identifier, identifier).then(undefined, (e: unknown) => showError(deps.log, 'Could not open the plan', e));
    });
    return false;
  }
  deps.log.info(`Published plan ${identifier} (version ${versions.draft}) in ${environment.label}; updateFeatures ${flags.updateFeatures}, updatePricing ${flags.updatePricing}.`);
  const latest = await client.getPlan(identifier).catch(() => undefined);
  await closeComparisons(environment.id, identifier);
  await showPlanChanged(deps, environment.id, identifier, review.draft.plan.product, latest);
  void showMessage('info', publishedNotice(name, versions.draft, environment.label));
  return true;
}

function refuseUnsaved(deps: PlanDeps, environment: Parameters<typeof openPlanDocuments>[0], identifier: string, name: string): boolean {
  const dirty = openPlanDocuments(environment, identifier).find((d) => d.isDirty);
  if (!dirty) return false;
  deps.log.info(`Publish of plan ${identifier} refused: its document has unsaved changes.`);
  void showMessage('warning', unsavedEdits(name), {}, 'Show Document').then((choice) => {
    if (choice === 'Show Document') void vscode.window.showTextDocument(dirty).then(undefined, () => undefined);
  });
  return true;
}

/** Opens the read-only comparison: the published version (or nothing) on the left, the draft on the right. */
async function showComparison(deps: PlanDeps, environment: Parameters<typeof openPlanDocuments>[0], identifier: string, name: string, review: PlanReview, versions: { draft: number; published?: number }): Promise<void> {
  // The plan document's own text of each version (the same serialisation as an open document).
  const serialize = (object: PlanReview['draft']['object']) => core().planModel.serialize(object);
  const left = deps.versions.put(environment, identifier, versions.published === undefined ? 'not-published' : `published-v${versions.published}`, review.published ? serialize(review.published.object) : '');
  const right = deps.versions.put(environment, identifier, `draft-v${versions.draft}`, serialize(review.draft.object));
  // Beside the active editor, so an open plan document stays visible (and is reloaded after the publish).
  await vscode.commands.executeCommand('vscode.diff', left, right, comparisonTitle(name, versions), { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

/** Closes the comparisons of this plan: after a publish they compare a version that is no longer live. */
async function closeComparisons(environment: Parameters<typeof openPlanDocuments>[0], identifier: string): Promise<void> {
  const prefix = `/${environment}/${identifier}/`;
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === PLAN_VERSION_SCHEME && t.input.original.path.startsWith(prefix));
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
}

async function askMigration(deps: PlanDeps, name: string): Promise<PublishFlags | undefined> {
  const items = MIGRATION_CHOICES.map((c) => ({ label: c.label, detail: c.detail, picked: false, flag: c.flag }));
  const chosen = await deps.prompts.pickMany(items, {
    title: `Kelviq: Publish ${plainText(name, 60)}: existing customers`,
    placeHolder: 'Tick what existing customers move to (none: they keep what they have), then press Enter',
    ignoreFocusOut: true,
  });
  if (!chosen) return undefined;
  return { updateFeatures: chosen.some((c) => c.flag === 'updateFeatures'), updatePricing: chosen.some((c) => c.flag === 'updatePricing') };
}
