// ISO 4217 currency codes (with their minor-unit digits) and ISO 3166-1 alpha-2 country codes
// with English names, from the runtime's Intl data (ICU/CLDR, maintained with Node) rather than a
// hand-typed list. Shared by every backend's documents (Zaveit products, kelviq plans). Pure; the
// lists are computed once. Also used at build time for the JSON Schemas' completion lists.

export interface NamedCode {
  code: string;
  name: string;
}

/**
 * Region codes CLDR names that are not ISO 3166-1 country codes: groupings (EU, EZ, UN, QO),
 * the unknown region (ZZ), pseudo-locales (XA, XB), and the codes ISO 3166 only "exceptionally
 * reserves" (AC, CP, CQ, DG, EA, IC, TA). Deprecated codes (UK, BU, YU, …) are dropped by
 * canonicalisation instead. XK (Kosovo) is kept: it is user-assigned, but in common use.
 */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);

let currencies: NamedCode[] | undefined;
let countries: NamedCode[] | undefined;

function displayNames(type: 'currency' | 'region'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames(['en'], { type, fallback: 'none' });
  } catch {
    return undefined;
  }
}

/** Currencies in use (Intl.supportedValuesOf), sorted by code; [] on a runtime without the data. */
export function currencyCodes(): readonly NamedCode[] {
  if (currencies) return currencies;
  const names = displayNames('currency');
  let codes: string[] = [];
  try {
    codes = Intl.supportedValuesOf('currency');
  } catch {
    codes = [];
  }
  currencies = codes
    .filter((code) => /^[A-Z]{3}$/.test(code))
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return currencies;
}

function canonicalRegion(code: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0]?.split('-')[1];
  } catch {
    return undefined;
  }
}

/** Two-letter codes A–Z × A–Z that Intl names, minus aliases and non-countries; sorted by code. */
export function countryCodes(): readonly NamedCode[] {
  if (countries) return countries;
  const names = displayNames('region');
  const out: NamedCode[] = [];
  if (names) {
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (!name || name === code || NOT_COUNTRIES.has(code) || canonicalRegion(code) !== code) continue;
        out.push({ code, name });
      }
    }
  }
  countries = out;
  return countries;
}

export function currencyName(code: string): string | undefined {
  return currencyCodes().find((c) => c.code === code)?.name;
}

export function countryName(code: string): string | undefined {
  return countryCodes().find((c) => c.code === code)?.name;
}

const digitsCache = new Map<string, number>();

/** The currency's minor-unit digits (NOK 2, JPY 0), from the runtime's ISO 4217 data; 2 when unknown. */
export function currencyDigits(code: string): number {
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}
