// The kinds of kelviq feature in words, for rows, pickers and hovers, and the one sentence that
// says why a feature document is read-only. Plain constants (no zod, no JSON parser), so the
// VS Code side may import them without loading the heavy half. Pure.

/** The feature types the API documents, each in words and with a one-line explanation. */
export const FEATURE_TYPE_INFO = {
  BOOLEAN: { words: 'boolean', label: 'Boolean', explanation: 'On or off: a plan either includes it or not (e.g. single sign-on).' },
  CUSTOMIZABLE: { words: 'customizable limit', label: 'Customizable limit', explanation: 'A number each plan sets (e.g. 5 seats, 10 dashboards).' },
  METER: { words: 'meter', label: 'Meter', explanation: 'Usage counted as customers use it (e.g. API calls), limited or billed per period.' },
} as const;

export type KnownFeatureType = keyof typeof FEATURE_TYPE_INFO;
export const KNOWN_FEATURE_TYPES = Object.keys(FEATURE_TYPE_INFO) as KnownFeatureType[];

/** The METER kinds the create endpoint documents (`featureDetails.featureSubType`). */
export const METER_SUB_TYPE_INFO = {
  PRE_AGGREGATED_USAGE: { words: 'pre-aggregated usage', label: 'Pre-aggregated usage', explanation: 'Your application reports usage totals to kelviq.' },
  RAW_EVENTS: { words: 'raw events', label: 'Raw events', explanation: 'Your application sends one event per use; kelviq aggregates them.' },
} as const;

export type MeterSubType = keyof typeof METER_SUB_TYPE_INFO;
export const METER_SUB_TYPES = Object.keys(METER_SUB_TYPE_INFO) as MeterSubType[];

export function isKnownFeatureType(type: unknown): type is KnownFeatureType {
  return typeof type === 'string' && Object.hasOwn(FEATURE_TYPE_INFO, type);
}

export function isMeterSubType(value: unknown): value is MeterSubType {
  return typeof value === 'string' && Object.hasOwn(METER_SUB_TYPE_INFO, value);
}

/**
 * A feature type in words: "boolean", "customizable limit", "meter". A type the API may add later
 * is returned as given (untrusted server text: the caller makes it safe for its surface).
 */
export function featureTypeWords(type: string): string {
  return isKnownFeatureType(type) ? FEATURE_TYPE_INFO[type].words : type;
}

/** Why a feature document cannot be edited, and what to do instead (plain text, one sentence pair). */
export const FEATURE_READ_ONLY_REASON =
  'Features cannot be changed through the kelviq API. To change a feature, archive it and create a new one (Kelviq: Create Feature…).';
