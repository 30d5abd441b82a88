// Create Feature…'s rules, apart from its prompts: what each box accepts (checked as you type,
// with a message that says what to change), the suggestions it starts with, and the request body
// the answers make. Pure: unit-tested.
import { IDENTIFIER_PATTERN } from '../../api/kelviq/catalogConstants';
import type { FeatureCreate } from '../../api';
import type { KnownFeatureType, MeterSubType } from '../../domain/kelviq/feature/featureTypes';
import { quoted } from '../../domain/untrustedText';

export const MAX_NAME_LENGTH = 255;

/**
 * How a RAW_EVENTS meter aggregates its events. The spec says only that `meter.aggregation` has a
 * `function` and a `field`: these two function names are assumed (README, "Features").
 */
export const AGGREGATIONS = {
  COUNT: { label: 'Count events', explanation: 'Each event counts as one use.', needsField: false },
  SUM: { label: 'Sum a property', explanation: 'Adds up a number each event carries (e.g. tokens).', needsField: true },
} as const;
export type Aggregation = keyof typeof AGGREGATIONS;

export interface MeterAnswers {
  subType: MeterSubType;
  singular: string;
  plural: string;
  /** RAW_EVENTS only. */
  aggregation?: Aggregation;
  /** SUM only: the event property summed. */
  field?: string;
}

export interface NewFeatureAnswers {
  name: string;
  featureType: KnownFeatureType;
  /** Empty: kelviq generates it from the name. */
  identifier: string;
  description: string;
  /** METER only. */
  meter?: MeterAnswers;
}

export function checkFeatureName(value: string): string | undefined {
  if (value.trim() === '') return 'A feature needs a name.';
  if (value.length > MAX_NAME_LENGTH) return `At most ${MAX_NAME_LENGTH} characters (this is ${value.length}).`;
  return undefined;
}

/**
 * An identifier: empty (kelviq makes one), or a slug no listed feature of this environment has.
 * `taken`: the identifiers listed for the environment (archived ones may be taken too: the server says so then).
 */
export function checkFeatureIdentifier(value: string, taken: ReadonlySet<string>, environmentLabel: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (/\s/.test(v)) return 'No spaces: join words with hyphens, e.g. api-calls.';
  if (/[A-Z]/.test(v)) return `Lowercase only, e.g. ${quoted(v.toLowerCase(), 60)}.`;
  if (/[^a-z0-9_-]/.test(v)) return 'Use only lowercase letters, digits, hyphens and underscores, e.g. api-calls.';
  if (!IDENTIFIER_PATTERN.test(v)) return 'Start and end with a letter or digit, with single hyphens or underscores between words.';
  if (taken.has(v)) return `${environmentLabel} already has a feature with the identifier ${quoted(v, 60)}: choose another.`;
  return undefined;
}

export function checkUnit(value: string, form: 'singular' | 'plural'): string | undefined {
  if (value.trim() === '') return `Enter the unit's ${form} form, e.g. ${form === 'singular' ? 'call' : 'calls'}.`;
  if (value.length > 100) return 'At most 100 characters.';
  return undefined;
}

export function checkEventField(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'Enter the event property to add up, e.g. tokens.';
  if (/\s/.test(v)) return 'A property name has no spaces, e.g. tokens or usage.tokens.';
  return undefined;
}

/** An English plural to start the plural box with: call → calls, query → queries, box → boxes. */
export function suggestPlural(singular: string): string {
  const s = singular.trim();
  if (s === '') return '';
  if (/[^aeiou]y$/i.test(s)) return `${s.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(s)) return `${s}es`;
  return `${s}s`;
}

/** The POST body the answers make (the spec's FeatureCreateRequest). */
export function featureCreateBody(answers: NewFeatureAnswers): FeatureCreate {
  const identifier = answers.identifier.trim();
  const description = answers.description.trim();
  const meter = answers.featureType === 'METER' ? answers.meter : undefined;
  const body: FeatureCreate = {
    name: answers.name.trim(),
    featureType: answers.featureType,
    ...(identifier ? { identifier } : {}),
    ...(description ? { description } : {}),
  };
  if (!meter) return body;
  body.featureDetails = { featureSubType: meter.subType, units: { singular: meter.singular.trim(), plural: meter.plural.trim() } };
  if (meter.subType === 'RAW_EVENTS') {
    const aggregation = meter.aggregation ?? 'COUNT';
    const field = AGGREGATIONS[aggregation].needsField ? (meter.field ?? '').trim() : null;
    // No filters: every event the application sends for this feature counts.
    body.meter = { aggregation: { function: aggregation, field }, filters: [] };
  }
  return body;
}
