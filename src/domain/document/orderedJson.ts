// writeOrderedJson: JSON.stringify(value, null, 2)'s layout, with a fixed key order for the
// objects at given key paths, so that a document kind's text reads the same whatever order the
// server sent. Key paths join object keys with '.', and an array's elements are `*`
// (`prices.*.charges.*`); the root is '' (a field named "" is not the root: it has no order).
// Keys not in an order keep their own order after the ordered ones (or are sorted, for
// the root, with `sortRest`). Recursive: server answers are depth-capped before they are shown
// (jsonDepth.ts).
import { isPlainObject } from './jsonShapes';

export interface OrderedJsonOptions {
  /** Key order per key path. */
  order: Readonly<Record<string, readonly string[]>>;
  /** Sort the keys the root's order does not name (by UTF-16 code units, never by locale). */
  sortRest?: boolean;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function orderedKeys(object: Record<string, unknown>, order: readonly string[] | undefined, sortRest: boolean): string[] {
  const keys = Object.keys(object).filter((k) => object[k] !== undefined);
  if (!order) return sortRest ? keys.sort(byCodeUnits) : keys;
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k));
  return [...known, ...(sortRest ? rest.sort(byCodeUnits) : rest)];
}

/** `keyPath` undefined: the root (its children's key paths are their keys). */
function child(keyPath: string | undefined, key: string): string {
  return keyPath === undefined ? key : `${keyPath}.${key}`;
}

/** The order at a key path: the root's is order['']; a field named "" has none. */
function orderAt(keyPath: string | undefined, options: OrderedJsonOptions): readonly string[] | undefined {
  const at = keyPath ?? '';
  if (keyPath === '' || !Object.hasOwn(options.order, at)) return undefined;
  return options.order[at];
}

function write(value: unknown, keyPath: string | undefined, indent: string, options: OrderedJsonOptions): string | undefined {
  const inner = `${indent}  `;
  if (isPlainObject(value)) {
    const keys = orderedKeys(value, orderAt(keyPath, options), keyPath === undefined && options.sortRest === true);
    const lines = keys.flatMap((key) => {
      const text = write(value[key], child(keyPath, key), inner, options);
      return text === undefined ? [] : [`${inner}${JSON.stringify(key)}: ${text}`];
    });
    return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: unknown) => `${inner}${write(item, child(keyPath, '*'), inner, options) ?? 'null'}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  return JSON.stringify(value) as string | undefined;
}

/**
 * The text of `value` (no trailing newline); undefined for undefined. With `keyPath` (and the
 * `indent` it stands at), `value` is the value there, e.g. one top-level field's as a document
 * writes it; else it is the root.
 */
export function writeOrderedJson(value: unknown, options: OrderedJsonOptions, keyPath?: string, indent = ''): string | undefined {
  return write(value, keyPath, indent, options);
}
