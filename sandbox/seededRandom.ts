// Deterministic randomness for the seeds: a tiny PRNG, UUIDs drawn from it and the fixed "now" of
// seeded data, so the same seed name always yields byte-identical data. Nothing here reads the
// clock or Math.random.

/** "Now" for seeded data; seeded dates lie in the months before it. */
export const SEED_BASE_DATE = Date.UTC(2026, 8, 30, 15, 0, 0);
export const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast, good enough for fixture data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version-4-shaped UUID drawn from the PRNG (table lookups: generated:N makes many). */
export function seededUuid(rand: () => number): string {
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const word = Math.floor(rand() * 4294967296);
    b.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  }
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.map((byte) => HEX[byte] as string);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

/** `n` lowercase hex digits from the PRNG (provider-style ids such as `prod_…`). */
export function seededHex(rand: () => number, n: number): string {
  let out = '';
  while (out.length < n) out += HEX[Math.floor(rand() * 256)] as string;
  return out.slice(0, n);
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
