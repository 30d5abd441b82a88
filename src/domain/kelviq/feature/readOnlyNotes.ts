// Why each field of a feature document cannot be changed here: the hover of the subdued fields
// (DocumentModel.readOnlyNote). Every field is read-only: the kelviq API has no feature update.
// Plain text.
import { FEATURE_READ_ONLY_REASON } from './featureTypes';
import type { KnownFeatureField } from './featureFields';

const WHAT: Readonly<Record<KnownFeatureField, string>> = {
  id: 'kelviq gave this feature its ID; it never changes.',
  identifier: 'Plans and usage reports name the feature by its identifier.',
  name: 'The feature’s name.',
  description: 'The feature’s description.',
  featureType: 'BOOLEAN: on or off; CUSTOMIZABLE: a numeric limit each plan sets; METER: usage counted per period.',
  featureDetails: 'For a METER: its kind (featureSubType) and units.',
  meter: 'For a RAW_EVENTS meter: how the events are aggregated and filtered.',
  details: 'Set by kelviq.',
  metadata: 'Set when the feature was created.',
  isArchived: 'Set by kelviq when the feature is archived.',
  modifiedOn: 'Set by kelviq.',
};

/** A note for every key path (nested ones get their top-level field's note); undefined only for the root. */
export function featureReadOnlyNote(keyPath: readonly string[]): string | undefined {
  const field = keyPath[0];
  if (field === undefined) return undefined;
  const what = Object.hasOwn(WHAT, field) ? WHAT[field as KnownFeatureField] : 'A field the server sends.';
  return `Read-only: ${what} ${FEATURE_READ_ONLY_REASON}`;
}
