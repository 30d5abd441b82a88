// Shared helpers for the document-logic tests: reading a value at a JsonPath, comparing paths,
// and a normal form of documents that ignores the order of id-keyed array elements. Independent
// of the code under test (no deepEqual/elementsById from src), so they can serve as oracles.
import type { JsonPath, PathSegment } from '../../../src/domain/document';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` (object keys, and array elements by id), or undefined where there is none. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'string') {
      if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = current[segment];
    } else {
      if (!Array.isArray(current)) return undefined;
      const matches = current.filter((e) => isObject(e) && e[segment.key] === segment.id);
      if (matches.length !== 1) return undefined;
      current = matches[0];
    }
  }
  return current;
}

function sameSegment(a: PathSegment, b: PathSegment): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.key === b.key && a.id === b.id;
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => sameSegment(s, path[i]!));
}

export function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && isPrefix(a, b);
}

/** Whether one path is the other or an ancestor of it. */
export function related(a: JsonPath, b: JsonPath): boolean {
  return isPrefix(a, b) || isPrefix(b, a);
}

/** A copy with the elements of every array under the key `arrayKey` sorted by `idKey`. */
export function sortedById(value: unknown, arrayKey = 'variants', idKey = '_id'): unknown {
  if (Array.isArray(value)) return value.map((v) => sortedById(v, arrayKey, idKey));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const normal = sortedById(child, arrayKey, idKey);
    out[key] =
      key === arrayKey && Array.isArray(normal)
        ? [...normal].sort((a, b) => {
            const [x, y] = [String((a as Record<string, unknown>)[idKey]), String((b as Record<string, unknown>)[idKey])];
            return x < y ? -1 : x > y ? 1 : 0;
          })
        : normal;
  }
  return out;
}
