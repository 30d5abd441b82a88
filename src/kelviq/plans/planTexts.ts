// The texts of the plan commands' dialogs and notifications: Publish (the question about existing
// customers, the confirmation with the difference in words), Discard, Create, and what is said
// afterwards. Plan names are catalog data: quoted (plain text, short). Pure: unit-tested.
import { quoted } from '../../domain/untrustedText';

export interface NamedEnvironment {
  label: string;
  baseUrl: string;
}

export interface PublishFlags {
  updateFeatures: boolean;
  updatePricing: boolean;
}

export const MIGRATION_CHOICES: ReadonlyArray<{ flag: keyof PublishFlags; label: string; detail: string }> = [
  {
    flag: 'updateFeatures',
    label: 'Move existing customers to the new features',
    detail: 'On: customers already on this plan get the entitlements of the new version. Off: they keep the features they have; only new customers get the new ones.',
  },
  {
    flag: 'updatePricing',
    label: 'Move existing customers to the new pricing',
    detail: 'On: customers already on this plan move to the prices of the new version. Off: they keep their current pricing; only new customers pay the new prices.',
  },
];

/** At most this many change lines in the dialog; the comparison editor shows everything. */
const SHOWN_CHANGES = 20;

function flagLines(flags: PublishFlags): string[] {
  return [
    flags.updateFeatures ? 'Existing customers move to the new features.' : 'Existing customers keep their current features.',
    flags.updatePricing ? 'Existing customers move to the new pricing.' : 'Existing customers keep their current pricing.',
  ];
}

export function publishConfirmation(
  planName: string,
  environment: NamedEnvironment,
  versions: { draft: number; published?: number },
  changes: readonly string[],
  flags: PublishFlags,
): { message: string; detail: string; button: string } {
  const what =
    versions.published === undefined
      ? `Version ${versions.draft} (the draft) becomes the live plan.`
      : `Version ${versions.draft} (the draft) replaces version ${versions.published} as the live plan.`;
  const shown = changes.slice(0, SHOWN_CHANGES).map((line) => `• ${line}`);
  if (changes.length > SHOWN_CHANGES) shown.push(`• …and ${changes.length - SHOWN_CHANGES} more: see the comparison editor.`);
  return {
    message: `Publish ${quoted(planName)} in ${environment.label}?`,
    detail: [`In ${environment.label} (${environment.baseUrl}). ${what}`, '', 'What changes:', ...shown, '', ...flagLines(flags), 'The comparison editor shows the exact difference.'].join('\n'),
    button: 'Publish',
  };
}

/** The production guard's lines for a publish: the same changes and flags. */
export function publishGuardLines(changes: readonly string[], flags: PublishFlags): string[] {
  return [...changes.slice(0, SHOWN_CHANGES), ...(changes.length > SHOWN_CHANGES ? [`…and ${changes.length - SHOWN_CHANGES} more`] : []), ...flagLines(flags)];
}

export function publishAction(planName: string): string {
  return `Publish plan ${quoted(planName)}`;
}

export function publishedNotice(planName: string, version: number, environmentLabel: string): string {
  return `Kelviq: published ${quoted(planName)} (version ${version}) in ${environmentLabel}.`;
}

export function nothingToPublish(planName: string): string {
  return `Kelviq: ${quoted(planName)} has no draft: its newest version is the published one. Edit and save the plan to make a draft.`;
}

export function unsavedEdits(planName: string): string {
  return `Kelviq: ${quoted(planName)} has unsaved changes in its editor. Save them (or revert them) first: Publish makes live what is saved on kelviq, and nothing was published.`;
}

export function draftMoved(planName: string): string {
  return `Kelviq: the draft of ${quoted(planName)} changed on kelviq while you were reviewing it. Nothing was published: run Publish Plan… again to review the new difference.`;
}

export function discardConfirmation(
  planName: string,
  environment: NamedEnvironment,
  versions: { draft: number; published?: number },
  unsaved: boolean,
): { message: string; detail: string; button: string } {
  const what =
    versions.published === undefined
      ? `This plan was never published: discarding its draft (version ${versions.draft}) deletes the plan, and its identifier can be used again.`
      : `The draft (version ${versions.draft}) is deleted. The published version ${versions.published} stays live, unchanged.`;
  return {
    message: `Discard the draft of ${quoted(planName)} in ${environment.label}?`,
    detail: [
      `In ${environment.label} (${environment.baseUrl}). ${what} This cannot be undone.`,
      ...(unsaved ? ['', versions.published === undefined
        ? 'Its editor has unsaved changes: they stay in the editor, but the plan they belong to will be gone.'
        : 'Its editor has unsaved changes: they stay in the editor, and saving them later makes a new draft.'] : []),
    ].join('\n'),
    button: 'Discard Draft',
  };
}

export function discardAction(planName: string): string {
  return `Discard the draft of plan ${quoted(planName)}`;
}

export function discardedNotice(planName: string, publishedVersion: number | undefined): string {
  return publishedVersion === undefined
    ? `Kelviq: discarded ${quoted(planName)}; it had never been published, so the plan is gone.`
    : `Kelviq: discarded the draft of ${quoted(planName)}; version ${publishedVersion} is the one shown again.`;
}

export function nothingToDiscard(planName: string): string {
  return `Kelviq: ${quoted(planName)} has no draft to discard: its newest version is the published one.`;
}

export function createPlanAction(planName: string, productName: string): string {
  return `Create plan ${quoted(planName)} for ${quoted(productName)}`;
}

export function creatingPlanTitle(planName: string): string {
  return `Kelviq: creating plan ${quoted(planName)}…`;
}

export function comparisonTitle(planName: string, versions: { draft: number; published?: number }): string {
  const left = versions.published === undefined ? 'not published' : `published v${versions.published}`;
  return `${quoted(planName, 60)}: ${left} ↔ draft v${versions.draft}`;
}
