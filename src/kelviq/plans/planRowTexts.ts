// The texts of a plan row in the Products tree: label, description and the tooltip's Markdown.
// Names, identifiers and descriptions are catalog data: the label and description are one clean
// line (tree rows render neither links nor icons); the tooltip escapes every value (markdownText,
// markdownCode) and is shown as an untrusted MarkdownString. Pure: unit-tested.
import type { CatalogPlan } from '../../api';
import { PLAN_STATE_LABELS, planStateOf, type PlanState } from '../../domain/kelviq/plan/planState';
import { markdownCode, markdownText, oneLine, plainText } from '../../domain/untrustedText';

/** What a row needs of a plan: its newest version as the plan list (or a retrieve) gives it. */
export type PlanRow = Pick<CatalogPlan, 'identifier' | 'name' | 'version' | 'isLatest'> & Partial<Pick<CatalogPlan, 'isVisible' | 'description' | 'product' | 'modifiedOn'>>;

export function planRowState(plan: PlanRow): PlanState {
  return planStateOf(plan);
}

export function visibilityLabel(plan: Pick<PlanRow, 'isVisible'>): string {
  return plan.isVisible === false ? 'hidden' : 'visible';
}

export function planRowTexts(plan: PlanRow): { label: string; description: string; accessibility: string } {
  const label = oneLine(plan.name || plan.identifier, 200);
  const state = PLAN_STATE_LABELS[planRowState(plan)];
  const description = `${state} · ${visibilityLabel(plan)}`;
  return { label, description, accessibility: `Plan ${label}, ${state}, ${visibilityLabel(plan)}, identifier ${oneLine(plan.identifier, 100)}` };
}

/**
 * The tooltip: name and identifier, state, visibility, version, the prices in short (`prices`:
 * the summary, or undefined while unknown) or why they could not be read.
 */
export function planTooltipMarkdown(plan: PlanRow, prices: { summary: string } | { problem: string } | undefined): string {
  const lines = [`**${markdownText(plan.name || plan.identifier, 200)}** ${markdownCode(plan.identifier, 100)}`, ''];
  if (plan.description) lines.push(markdownText(plan.description, 500), '');
  const state = planRowState(plan);
  lines.push('| | |', '|---|---|');
  lines.push(`| State | ${markdownText(PLAN_STATE_LABELS[state], 60)} |`);
  lines.push(`| Visibility | ${visibilityLabel(plan)} |`);
  lines.push(`| Version | ${markdownText(String(plan.version), 20)}${state === 'published' ? '' : ' \\(draft\\)'} |`);
  if (prices && 'summary' in prices) lines.push(`| Prices | ${markdownText(prices.summary, 300)} |`);
  else if (prices) lines.push(`| Prices | could not be read: ${markdownText(prices.problem, 200)} |`);
  if (state !== 'published') lines.push('', state === 'draft' ? 'Not live yet: Publish Plan… makes it live.' : 'A draft waits: Publish Plan… shows what changes.');
  return `${lines.join('\n')}\n`;
}

/** A plan quick-pick item: quick picks render `$(icon)` and links, so all plain text. */
export function planPickTexts(plan: PlanRow): { label: string; description: string } {
  return { label: plainText(plan.name || plan.identifier, 200), description: `${plainText(plan.identifier, 100)} · ${planRowTexts(plan).description}` };
}

/** Something to publish or discard: a draft, alone or over a published version. */
export function hasDraft(plan: PlanRow): boolean {
  return planRowState(plan) !== 'published';
}
