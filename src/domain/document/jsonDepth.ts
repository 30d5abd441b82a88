// Nesting depth caps: a hostile or broken document (or server answer) nested thousands of levels
// deep would overflow the stack in the recursive parts of validation and serialisation. Both
// checks are iterative.
import { isPlainObject } from './jsonShapes';

/** Deeper than any real catalog object; far below what recursion can handle. */
export const MAX_JSON_DEPTH = 64;

/** The offset of the first bracket that opens level `limit + 1`, or -1 (string contents skipped). */
export function depthExceededAt(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** Whether a value nests deeper than `limit` objects/arrays. */
export function valueExceedsDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    const children = Array.isArray(item) ? item : isPlainObject(item) ? Object.values(item) : undefined;
    if (!children) continue;
    if (depth > limit) return true;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}
