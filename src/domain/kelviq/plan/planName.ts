// A plan's name for messages and titles.
import type { JsonObject } from '../../document/jsonShapes';

/** The name, else the identifier, else "plan". Untrusted text. */
export function planNameOf(object: JsonObject): string {
  if (typeof object.name === 'string' && object.name.trim()) return object.name;
  return typeof object.identifier === 'string' && object.identifier ? object.identifier : 'plan';
}
