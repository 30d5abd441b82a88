// Discard Plan Draft…: a modal naming the plan (and what stays live), the production guard, then
// DELETE …/discard/. The tree and the clean open documents then show the published version
// again; a document with unsaved changes keeps them (the document mechanism notes the change).
import { isApiError } from '../../apiErrors';
import type { CatalogPlan } from '../../api';
import { showMessage } from '../../userMessages';
import { showPlanChanged, type PlanDeps } from './planDeps';
import { hasDraft } from './planRowTexts';
import { openPlanDocuments, resolvePlan, type PlanTarget } from './planTargets';
import { discardAction, discardConfirmation, discardedNotice, nothingToDiscard } from './planTexts';
import { publishedVersionBelow } from './planVersions';

export async function discardPlanDraft(deps: PlanDeps, target: PlanTarget): Promise<boolean> {
  const resolved = await resolvePlan(deps, target, 'Kelviq: Discard Plan Draft', hasDraft);
  if (!resolved) return false;
  const { client, environment, identifier } = resolved;
  const draft = await client.getPlan(identifier);
  const name = draft.name || identifier;
  if (draft.isLatest) {
    void showMessage('info', nothingToDiscard(name));
    return false;
  }
  const published = await publishedVersionBelow(client, draft, new AbortController().signal);
  const versions = { draft: draft.version, ...(published ? { published: published.version } : {}) };
  const unsaved = openPlanDocuments(environment.id, identifier).some((d) => d.isDirty);
  const { message, detail, button } = discardConfirmation(name, environment, versions, unsaved);
  if ((await showMessage('warning', message, { modal: true, detail }, button)) !== button) return false;
  if (!(await deps.guard.confirmWrite(environment, discardAction(name)))) return false;

  await client.discardPlanDraft(identifier);
  deps.log.info(`Discarded the draft (version ${draft.version}) of plan ${identifier} in ${environment.label}.`);
  let latest: CatalogPlan | undefined;
  try {
    latest = await client.getPlan(identifier);
  } catch (err) {
    // A plan that was never published went with its draft.
    if (!(isApiError(err) && err.kind === 'notFound')) deps.log.warn(`Reading plan ${identifier} after the discard failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  await showPlanChanged(deps, environment.id, identifier, draft.product, latest);
  void showMessage('info', discardedNotice(name, published?.version));
  return true;
}
