// A path of object keys and array indices into a document's value, as zod issues and
// jsonc-parser give it: how a problem message shows it (`prices[1].charges`), and its key in a
// kind's per-field tables (hover text, known keys), array indices left out (`prices.charges`).

export type Segment = string | number;

/** `prices[1].chargeCatalogPrice[0].charges` */
export function pathLabel(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The path with array indices left out: `prices.chargeCatalogPrice` (the key of a kind's FIELD_DOCS). */
export function docKey(path: readonly Segment[]): string {
  return path.filter((s): s is string => typeof s === 'string').join('.');
}
