// mergeJson: the three-way merge of a document's editable part. base = the version the user's
// text came from (undefined when that is not known), mine = the user's text, theirs = the
// server's current version. Per path: changed only by me → mine; only by them → theirs; by both
// to the same value → that value; by both differently → a conflict (theirs kept, or mine with
// `prefer: 'mine'`, which is what Overwrite means). Without a base every path where mine and
// theirs differ is a conflict: nothing is reverted silently.
import { deepEqual } from './deepEqual';
import { keyPathOf, type JsonPath, type MergeRules } from './jsonPath';
import { definedKeys, elementsById, isPlainObject, own, type ElementKey, type JsonObject } from './jsonShapes';

export interface MergeConflict {
  path: JsonPath;
  /** undefined: absent (or, without a base, unknown). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  value: unknown;
  conflicts: MergeConflict[];
}

export interface MergeOptions {
  /** Which side a conflicting path takes in `value`. Default 'theirs'. */
  prefer?: 'mine' | 'theirs';
}

/** Marks "no base known": distinct from a base that lacks the field. */
// Symbol.for: the same symbol in both bundles (dist/extension.js and dist/core.js).
export const UNKNOWN_BASE: unique symbol = Symbol.for('catalogDocuments.unknownBase');
export type Base = unknown | typeof UNKNOWN_BASE;

export function mergeJson(base: Base, mine: unknown, theirs: unknown, rules: MergeRules, options: MergeOptions = {}): MergeResult {
  const conflicts: MergeConflict[] = [];
  const value = merge(base, mine, theirs, [], rules, options.prefer ?? 'theirs', conflicts);
  return { value, conflicts };
}

function merge(base: Base, mine: unknown, theirs: unknown, path: JsonPath, rules: MergeRules, prefer: 'mine' | 'theirs', conflicts: MergeConflict[]): unknown {
  if (deepEqual(mine, theirs)) return mine;
  const known = base !== UNKNOWN_BASE;
  if (known && deepEqual(base, mine)) return theirs;
  if (known && deepEqual(base, theirs)) return mine;

  if (isPlainObject(mine) && isPlainObject(theirs) && (!known || base === undefined || isPlainObject(base))) {
    const b = known && isPlainObject(base) ? base : undefined;
    const result: JsonObject = {};
    // Theirs' key order, then keys only I have (the server decides the order it returns).
    const keys = [...new Set([...definedKeys(theirs), ...definedKeys(mine), ...(b ? definedKeys(b) : [])])];
    for (const key of keys) {
      const childBase = known ? (b ? own(b, key) : undefined) : UNKNOWN_BASE;
      const value = merge(childBase, own(mine, key), own(theirs, key), [...path, key], rules, prefer, conflicts);
      // defineProperty: a "__proto__" key is an ordinary field here, as in nodeValue and JSON.parse.
      if (value !== undefined) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }

  const idKey = rules.idKeyOf(keyPathOf(path));
  if (idKey !== undefined) {
    const m = elementsById(mine, idKey);
    const t = elementsById(theirs, idKey);
    const b = known ? (base === undefined ? new Map<ElementKey, JsonObject>() : elementsById(base, idKey)) : undefined;
    if (m && t && (b || !known)) {
      const ids = [...new Set([...t.keys(), ...m.keys(), ...(b ? b.keys() : [])])];
      const result: unknown[] = [];
      for (const id of ids) {
        const childBase = b ? b.get(id) : UNKNOWN_BASE;
        const value = merge(childBase, m.get(id), t.get(id), [...path, { key: idKey, id }], rules, prefer, conflicts);
        if (value !== undefined) result.push(value);
      }
      return result;
    }
  }

  conflicts.push({ path, base: known ? base : undefined, mine, theirs });
  return prefer === 'mine' ? mine : theirs;
}
