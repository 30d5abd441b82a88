// The checks of Create Plan…'s input boxes, as you type: the name, and the identifier (a slug the
// API and your code address the plan by; it cannot be changed later). Each problem says what to
// type instead. Identifiers in use are known from the plan list; archived plans keep theirs too,
// which only the server knows (its 400 names it). Pure: unit-tested.
import { quoted } from '../../untrustedText';

export const PLAN_NAME_MAX = 255;
/**
 * Django's SlugField default (the spec gives no limit; an assumption). slugify (the suggestion
 * from the name) cuts at the same length.
 */
export const PLAN_IDENTIFIER_MAX = 50;

export function checkPlanName(text: string): string | undefined {
  if (text.trim() === '') return 'A plan needs a name, e.g. Pro Monthly.';
  if (text.length > PLAN_NAME_MAX) return `At most ${PLAN_NAME_MAX} characters (this has ${text.length}).`;
  return undefined;
}

/**
 * `taken`: identifiers of the environment's plans, with their names. An empty identifier is
 * allowed: kelviq then makes one from the name.
 */
export function checkPlanIdentifier(text: string, taken: ReadonlyMap<string, string> = new Map()): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (/\s/.test(value)) return 'No spaces: join words with hyphens, e.g. pro-monthly.';
  const bad = [...value].find((c) => !/[A-Za-z0-9_-]/.test(c));
  if (bad !== undefined) return `Only lowercase letters, digits, hyphens and underscores: ${quoted(bad, 4)} cannot be used.`;
  if (/[A-Z]/.test(value)) return `Use lowercase letters: ${value.toLowerCase()}.`;
  if (/^[-_]|[-_]$/.test(value)) return 'Start and end with a letter or a digit.';
  if (/[-_]{2,}/.test(value)) return 'Use one hyphen or underscore between words, e.g. pro-monthly.';
  if (value.length > PLAN_IDENTIFIER_MAX) return `At most ${PLAN_IDENTIFIER_MAX} characters (this has ${value.length}).`;
  const owner = taken.get(value);
  if (owner !== undefined) return `The plan ${quoted(owner)} already has the identifier ${value}. Choose another.`;
  return undefined;
}
