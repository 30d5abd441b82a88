// What a document's text says, measured against its entry: the parsed object, the base to check
// it against, the base to merge from, and all its problems. Shared by diagnostics and saves, so
// both judge the text the same way.
import {
  depthExceededAt,
  MAX_JSON_DEPTH,
  UNKNOWN_BASE,
  versionOf,
  type Base,
  type DocumentProblem,
  type JsonObject,
} from '../domain/document';
import { core } from '../coreLoader';
import type { DocumentEntry } from './documentEntries';

export function parseObject(text: string): JsonObject | undefined {
  if (depthExceededAt(text) >= 0) return undefined;
  const value: unknown = core().parseJsonc(text, [], { disallowComments: true, allowTrailingComma: false });
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/**
 * Whether the text still shows the version its entry believes it came from. When it does not
 * (the version fields were edited, or the base was lost), the base cannot be trusted for a merge.
 */
export function textMatchesBase(entry: DocumentEntry, parsed: JsonObject | undefined): boolean {
  if (!entry.base || !entry.baseKnown || !parsed) return false;
  return versionOf(entry.kind.model, parsed) === versionOf(entry.kind.model, entry.base);
}

/**
 * The base the text is validated against. Its version fields are taken from the text: a version
 * that differs is not "an edited read-only field" to revert (reverting it to another version
 * would make a wrong base look right); the save asks about every difference instead.
 */
export function validationBase(entry: DocumentEntry, parsed: JsonObject | undefined): JsonObject | undefined {
  if (!parsed) return entry.base;
  if (!entry.base || !entry.baseKnown) return parsed;
  const base = { ...entry.base };
  for (const field of entry.kind.model.versionFields) {
    if (Object.prototype.hasOwnProperty.call(parsed, field)) base[field] = parsed[field];
  }
  return base;
}

/** The editable view the user's changes are measured from, or UNKNOWN_BASE. */
export function mergeBase(entry: DocumentEntry, parsed: JsonObject): Base {
  return textMatchesBase(entry, parsed) && entry.base ? entry.kind.model.editableView(entry.base) : UNKNOWN_BASE;
}

/** Every problem of the text: the kind's checks, the depth cap, the last save's server errors. */
export function textProblems(entry: DocumentEntry, text: string): DocumentProblem[] {
  const tooDeep = depthExceededAt(text);
  if (tooDeep >= 0) {
    return [
      {
        code: 'too-deep',
        message: `This document nests more than ${MAX_JSON_DEPTH} levels deep; no catalog object does. Remove the extra nesting.`,
        severity: 'error',
        offset: tooDeep,
        length: 1,
      },
    ];
  }
  const parsed = parseObject(text);
  return [...entry.kind.model.validate(text, validationBase(entry, parsed)), ...entry.serverProblems];
}
