// Paths into a Zaveit product document and their counterparts in the base (the server version
// the document came from): variants are matched by `_id`, never by position, so a check can
// tell "the user changed this" from "the server had it so". Pure.
import { deepEqual } from '../../document/deepEqual';
import type { JsonObject } from '../../document/jsonShapes';
import type { Segment } from '../../document/segmentPath';

/** The base has no counterpart: a new variant, or a parent the base lacks. */
export const ABSENT: unique symbol = Symbol('absent');

function child(container: unknown, segment: Segment): unknown {
  if (Array.isArray(container)) return typeof segment === 'number' ? container[segment] : undefined;
  if (typeof container === 'object' && container !== null && typeof segment === 'string') {
    return Object.hasOwn(container, segment) ? (container as JsonObject)[segment] : undefined;
  }
  return undefined;
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

export function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const segment of path) node = child(node, segment);
  return node;
}

/** True when the element at `products[index]` is a new variant (no real `_id`). */
export function isNewVariantId(id: unknown): boolean {
  return id === undefined || id === '' || typeof id !== 'string';
}

/**
 * The base's value at the document's `path`. `products[i]` is the base variant with the same
 * `_id` as the document's variant i. ABSENT when there is no counterpart; undefined when the
 * counterpart exists but lacks the last key.
 */
export function baseValueAt(base: JsonObject, document: unknown, path: readonly Segment[]): unknown {
  let b: unknown = base;
  let d: unknown = document;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (!isContainer(b)) return ABSENT;
    if (i === 1 && path[0] === 'products' && typeof segment === 'number') {
      d = child(d, segment);
      const id = child(d, '_id');
      if (isNewVariantId(id) || !Array.isArray(b)) return ABSENT;
      b = b.find((variant: unknown) => child(variant, '_id') === id);
      if (b === undefined) return ABSENT;
      continue;
    }
    b = child(b, segment);
    d = child(d, segment);
  }
  return b;
}

/** With a base: the document's value at `path` equals the base's (so a problem there is the server's, not the user's). */
export function unchangedAt(base: JsonObject | undefined, document: unknown, path: readonly Segment[]): boolean {
  if (!base) return false;
  const before = baseValueAt(base, document, path);
  return before !== ABSENT && deepEqual(valueAt(document, path), before);
}

