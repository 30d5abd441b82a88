// Server-owned fields are compared with the version the user opened: a change or a removal is
// an error on that field (it would silently not be saved), carrying what a revert puts back.
// Top level: the documented server-owned fields and every field of the base that the create
// body does not have. Nested: `country._id` and `currency._id`; their problem is about the
// top-level `country` / `currency`, and `data.original` is that object with only its `_id` put
// back, so a revert of the top-level field undoes exactly the read-only part.
import type { Node } from 'jsonc-parser';
import { SERVER_OWNED_FIELDS, SERVER_OWNED_NESTED, isEditableField } from '../../../api/zaveit/productFields';
import { deepEqual } from '../../document/deepEqual';
import type { DocumentProblem } from '../../document/documentProblem';
import { findProperty, nodeRange } from '../../document/jsonRanges';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { nodeValue } from '../../document/jsonValue';
import { memoWrittenValue, topLevelReadOnlyProblems } from '../../document/readOnlyProblems';
import { writtenFieldValue } from './serializeProduct';

/** Every top-level field of the base the user cannot change: the known server-owned ones and the server's extras. */
export function serverFieldsOf(base: JsonObject): string[] {
  const extras = Object.keys(base).filter((k) => !isEditableField(k) && !(SERVER_OWNED_FIELDS as readonly string[]).includes(k) && base[k] !== undefined);
  return [...SERVER_OWNED_FIELDS, ...extras];
}

/** Each base field's text as serializeZaveitProduct writes it: an unchanged field's text equals it (cheap for big fields). */
const writtenValue = memoWrittenValue(writtenFieldValue);

function topLevelProblems(root: Node, base: JsonObject, text: string): DocumentProblem[] {
  return topLevelReadOnlyProblems(root, base, text, {
    fields: serverFieldsOf(base),
    writtenValue,
    addedMessage: (field) => `\`${field}\` is set by Zaveit and cannot be added; it will not be saved.`,
  });
}

/** `country._id`, `currency._id`: changed, removed or added (compared with the base's). */
function nestedProblems(root: Node, base: JsonObject): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  for (const [field, keys] of Object.entries(SERVER_OWNED_NESTED)) {
    const found = findProperty(root, field);
    if (!found?.value || found.value.type !== 'object') continue;
    const current = nodeValue(found.value) as JsonObject;
    const before = isPlainObject(base[field]) ? (base[field] as JsonObject) : {};
    for (const key of keys) {
      const had = Object.hasOwn(before, key) ? before[key] : undefined;
      const has = Object.hasOwn(current, key) ? current[key] : undefined;
      if (deepEqual(had, has)) continue;
      // The top-level value to put back: the user's object with only this key restored.
      const original: JsonObject = { ...current };
      if (had === undefined) delete original[key];
      else Object.defineProperty(original, key, { value: had, enumerable: true, writable: true, configurable: true });
      const node = findProperty(found.value, key);
      const range = node?.value ? nodeRange(node.value) : nodeRange(found.value);
      const verb = has === undefined ? 'removing it' : had === undefined ? 'adding it' : 'this change';
      problems.push({
        code: 'read-only',
        message: `\`${field}.${key}\` is read-only (set by Zaveit); ${verb} will not be saved.`,
        severity: 'error',
        field,
        ...range,
        data: { original },
      });
    }
  }
  return problems;
}

export function readOnlyProblems(root: Node, base: JsonObject, text: string): DocumentProblem[] {
  return [...topLevelProblems(root, base, text), ...nestedProblems(root, base)];
}
