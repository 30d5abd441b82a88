// Django REST Framework's 400 bodies, nested the way DRF nests them: a field's messages
// (`{"name": ["…"]}`), a nested object serializer as a nested object (`{"license": {"durationUnit":
// ["…"]}}`), and a list of objects (`many=True`) as one object per item, `{}` for the items without
// errors (`{"prices": [{}, {"currency": ["…"]}]}`). A list of plain values collapses onto the list
// field (`{"imageKeys": ["Not a valid string."]}`), as the product endpoints have always answered.

export type DrfErrors = { [field: string]: DrfErrorValue };
export type DrfErrorValue = string[] | DrfErrors | DrfErrors[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Puts `message` at `path` (field names and list indexes) of `errors`, shaped by the request
 * `body` it describes. One message per field: DRF stops at a field's first failing validator.
 */
export function addDrfError(errors: DrfErrors, body: unknown, path: readonly (string | number)[], message: string): void {
  const [head, ...rest] = path;
  if (head === undefined) {
    const list = errors.non_field_errors;
    if (list === undefined) errors.non_field_errors = [message];
    return;
  }
  const key = String(head);
  const value = isObject(body) ? body[key] : undefined;
  const [next] = rest;
  if (next !== undefined && Array.isArray(value) && isObject(value[Number(next)])) {
    const existing = errors[key];
    if (existing !== undefined && !isItemList(existing)) return;
    const items = existing ?? value.map(() => ({}));
    errors[key] = items;
    addDrfError(items[Number(next)] as DrfErrors, value[Number(next)], rest.slice(1), message);
    return;
  }
  if (next !== undefined && isObject(value)) {
    const existing = errors[key];
    if (existing !== undefined && (Array.isArray(existing))) return;
    const nested = existing ?? {};
    errors[key] = nested;
    addDrfError(nested, value, rest, message);
    return;
  }
  errors[key] ??= [message];
}

function isItemList(value: DrfErrorValue): value is DrfErrors[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object');
}

export function hasErrors(errors: DrfErrors): boolean {
  return Object.keys(errors).length > 0;
}
