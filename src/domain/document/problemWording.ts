// Wording every kind's problem messages share: field names listed in code spans, and a type
// name with its article.

/** `a`, `` `a` and `b` ``, `` `a`, `b` and `c` `` (field names in code spans, for problem messages). */
export function listFields(fields: readonly string[]): string {
  const quoted = fields.map((f) => `\`${f}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** `a string`, `an object`, `an integer` (a JSON or zod type name with its article). */
export function withArticle(type: string): string {
  return /^[aeio]/.test(type) ? `an ${type}` : `a ${type}`;
}
