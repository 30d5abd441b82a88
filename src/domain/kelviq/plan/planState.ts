// Whether a plan is live: published, a draft never published, or published with a newer draft
// (an edit of a published plan creates a draft version; publishing it makes it the live one).
// From the plan's versions (only the published one has `isLatest: true`), or, with only the most
// recent version at hand (what GET /catalog/plans/{identifier}/ answers), from that version.

export type PlanState = 'published' | 'draft' | 'publishedWithDraft';

export interface PlanVersionInfo {
  version?: unknown;
  isLatest?: unknown;
}

function versionNumber(v: PlanVersionInfo): number {
  return typeof v.version === 'number' && Number.isFinite(v.version) ? v.version : 0;
}

/** From every version of the plan (in any order). */
export function planStateOfVersions(versions: readonly PlanVersionInfo[]): PlanState {
  const published = versions.filter((v) => v.isLatest === true);
  if (published.length === 0) return 'draft';
  const live = Math.max(...published.map(versionNumber));
  return versions.some((v) => v.isLatest !== true && versionNumber(v) > live) ? 'publishedWithDraft' : 'published';
}

/**
 * From the most recent version alone: published when it is the published one; else a draft,
 * over a published version when its number is above 1. Assumed: a plan that was never published
 * stays version 1 (its draft is changed in place), and only an edit of a published plan makes a
 * new version (the spec's words on PATCH).
 */
export function planStateOf(latest: PlanVersionInfo): PlanState {
  if (latest.isLatest === true) return 'published';
  return versionNumber(latest) > 1 ? 'publishedWithDraft' : 'draft';
}

/** For tree descriptions and tooltips. */
export const PLAN_STATE_LABELS: Readonly<Record<PlanState, string>> = {
  published: 'published',
  draft: 'draft',
  publishedWithDraft: 'published, draft pending',
};
