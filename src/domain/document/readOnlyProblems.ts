// Read-only fields compared with the version the user opened, the same for every kind: a change
// or a removal is an error on that field (it would silently not be saved), carrying the original
// for the revert quick fix. Removals are one problem on the whole document. Each kind says which
// fields and, if it can, how it writes their values (an unchanged field's text equals that, which
// is far cheaper to check than rebuilding a megabyte value from the syntax tree).
import type { Node } from 'jsonc-parser';
import { deepEqual } from './deepEqual';
import type { DocumentProblem } from './documentProblem';
import { findProperty, nodeRange } from './jsonRanges';
import type { JsonObject } from './jsonShapes';
import { nodeValue } from './jsonValue';
import { listFields } from './problemWording';

export interface ReadOnlyFieldRules {
  /** The top-level fields of `base` the user cannot change. */
  fields: readonly string[];
  /** The text the kind's serialiser writes for `base[field]` (nested lines indented as written); left out: values are compared only. */
  writtenValue?(base: JsonObject, field: string): string | undefined;
  /** The message for a read-only field the base lacks but the text has. */
  addedMessage?(field: string): string;
}

/** Memoises a kind's writtenValue per base object and field. */
export function memoWrittenValue(write: (field: string, value: unknown) => string | undefined): (base: JsonObject, field: string) => string | undefined {
  const cache = new WeakMap<JsonObject, Map<string, string | undefined>>();
  return (base, field) => {
    let values = cache.get(base);
    if (!values) cache.set(base, (values = new Map()));
    if (!values.has(field)) values.set(field, write(field, base[field]));
    return values.get(field);
  };
}

export function topLevelReadOnlyProblems(root: Node, base: JsonObject, text: string, rules: ReadOnlyFieldRules): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const removed: string[] = [];
  for (const field of rules.fields) {
    const original = base[field];
    const found = findProperty(root, field);
    if (!found?.value) {
      if (original !== undefined) removed.push(field);
      continue;
    }
    if (original !== undefined) {
      const asWritten = rules.writtenValue !== undefined && text.slice(found.value.offset, found.value.offset + found.value.length) === (rules.writtenValue(base, field) ?? '');
      if (asWritten || deepEqual(nodeValue(found.value), original)) continue;
    }
    problems.push({
      code: 'read-only',
      message: original === undefined && rules.addedMessage ? rules.addedMessage(field) : `\`${field}\` is read-only; this change will not be saved.`,
      severity: 'error',
      field,
      ...nodeRange(found.value),
      data: { original },
    });
  }
  if (removed.length > 0) {
    const first = removed[0]!;
    const many = removed.length > 1;
    problems.push({
      code: 'read-only',
      message: `${listFields(removed)} ${many ? 'are' : 'is'} read-only; removing ${many ? 'them' : 'it'} will not be saved.`,
      severity: 'error',
      field: first,
      ...nodeRange(root),
      data: { original: base[first], originals: Object.fromEntries(removed.map((f) => [f, base[f]])) },
    });
  }
  return problems;
}
