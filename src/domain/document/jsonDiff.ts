// diffJson: what changed between two JSON values, as a list of changes at paths. Objects are
// compared key by key, arrays of objects with an id (per MergeRules) element by element, matched
// by id; anything else is compared whole. A pure reordering of an id-keyed array is not a change.
import { deepEqual } from './deepEqual';
import { keyPathOf, type JsonPath, type MergeRules } from './jsonPath';
import { definedKeys, elementsById, isPlainObject, own } from './jsonShapes';

export interface JsonChange {
  path: JsonPath;
  /** undefined: added. */
  before: unknown;
  /** undefined: removed. */
  after: unknown;
}

export function diffJson(before: unknown, after: unknown, rules: MergeRules, path: JsonPath = []): JsonChange[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...definedKeys(before), ...definedKeys(after)]);
    return [...keys].flatMap((key) => diffJson(own(before, key), own(after, key), rules, [...path, key]));
  }
  const idKey = rules.idKeyOf(keyPathOf(path));
  if (idKey !== undefined) {
    const a = elementsById(before, idKey);
    const b = elementsById(after, idKey);
    if (a && b) {
      const changes: JsonChange[] = [];
      for (const [id, element] of a) changes.push(...diffJson(element, b.get(id), rules, [...path, { key: idKey, id }]));
      for (const [id, element] of b) if (!a.has(id)) changes.push({ path: [...path, { key: idKey, id }], before: undefined, after: element });
      return changes;
    }
  }
  return [{ path, before, after }];
}
