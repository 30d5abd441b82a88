// Identifiers as the vendor makes them: Django's `slugify` of the name, made unique with -2, -3…

/** Django's `slugify`: ASCII-fold, drop punctuation, collapse spaces and hyphens. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[-\s]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** `slugify(name)` (or `fallback`), with -2, -3… appended until it is not in `taken`. */
export function uniqueSlug(name: string, fallback: string, taken: ReadonlySet<string>): string {
  const base = slugify(name) || fallback;
  let identifier = base;
  for (let n = 2; taken.has(identifier); n++) identifier = `${base}-${n}`;
  return identifier;
}
