// Shape tests shared by diff and merge: plain objects, and arrays whose elements are objects with
// a unique primitive id.

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type ElementKey = string | number;

/** The elements of `value` by id, when it is an array of objects with unique string/number ids. */
export function elementsById(value: unknown, idKey: string): Map<ElementKey, JsonObject> | undefined {
  if (!Array.isArray(value)) return undefined;
  const byId = new Map<ElementKey, JsonObject>();
  for (const element of value) {
    if (!isPlainObject(element)) return undefined;
    const id = element[idKey];
    if ((typeof id !== 'string' && typeof id !== 'number') || byId.has(id)) return undefined;
    byId.set(id, element);
  }
  return byId;
}

/** Own keys whose value is not undefined (an absent key and an undefined value are the same). */
export function definedKeys(object: JsonObject): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined);
}

export function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Sets an own, enumerable field: a key "__proto__" is an ordinary field, as in JSON.parse. */
export function defineField(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
