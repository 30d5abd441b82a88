// Paths into a document's JSON: object keys, and array elements named by their id (never by their
// index, which shifts when a colleague adds or removes an element). Shown to people in conflict
// dialogs and logs as `variants[_id="v2"].price.amount`.

export interface ElementId {
  /** The id key of the array's elements (e.g. `_id`). */
  key: string;
  id: string | number;
}

export type PathSegment = string | ElementId;
export type JsonPath = readonly PathSegment[];

/** How arrays of objects are matched across versions. */
export interface MergeRules {
  /**
   * The id key of the elements of the array at `keyPath` (object keys only, element ids left out:
   * `['variants']`, `['plans', 'prices']`), or undefined for an array compared as a whole.
   */
  idKeyOf(keyPath: readonly string[]): string | undefined;
}

export const WHOLE_ARRAYS: MergeRules = { idKeyOf: () => undefined };

/** Rules from a table: `{ variants: '_id' }` (key paths joined with '.'). */
export function idKeys(table: Readonly<Record<string, string>>): MergeRules {
  return { idKeyOf: (keyPath) => (Object.prototype.hasOwnProperty.call(table, keyPath.join('.')) ? table[keyPath.join('.')] : undefined) };
}

export function isElementId(segment: PathSegment): segment is ElementId {
  return typeof segment === 'object';
}

/** The object keys of a path, element ids left out (what MergeRules.idKeyOf takes). */
export function keyPathOf(path: JsonPath): string[] {
  return path.filter((s): s is string => typeof s === 'string');
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: JsonPath): string {
  if (path.length === 0) return '(the whole document)';
  let out = '';
  for (const segment of path) {
    if (isElementId(segment)) out += `[${segment.key}=${JSON.stringify(segment.id)}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The top-level field a path starts with. */
export function topField(path: JsonPath): string | undefined {
  const first = path[0];
  return typeof first === 'string' ? first : undefined;
}
