// The Zaveit session token's expiry, as the user should read it: GET /v1/auth/info answers `exp`
// in epoch milliseconds. A token is "expiring soon" in its last day (the extension warns then),
// "expired" from `exp` on. Pure: `now` is passed in.

export const EXPIRY_WARNING_MS = 24 * 60 * 60 * 1000;

export type TokenExpiry =
  | { state: 'valid'; remainingMs: number }
  /** Less than EXPIRY_WARNING_MS left: warn, and offer to set a new token. */
  | { state: 'expiresSoon'; remainingMs: number }
  | { state: 'expired'; remainingMs: number };

export function tokenExpiry(expMs: number, nowMs: number): TokenExpiry {
  const remainingMs = expMs - nowMs;
  if (!Number.isFinite(remainingMs) || remainingMs <= 0) return { state: 'expired', remainingMs: Number.isFinite(remainingMs) ? remainingMs : 0 };
  return { state: remainingMs < EXPIRY_WARNING_MS ? 'expiresSoon' : 'valid', remainingMs };
}

/** `3 days`, `5 hours`, `1 minute`, `less than a minute`: the largest whole unit. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const units: Array<[number, string]> = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, unit] of units) {
    const n = Math.floor(abs / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  return 'less than a minute';
}

/** `2025-03-01 14:05 UTC`: locale-independent, so tests and logs read the same everywhere. */
export function formatExpiryTime(expMs: number): string {
  const d = new Date(expMs);
  if (Number.isNaN(d.getTime())) return String(expMs);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `expires in 3 days (2025-03-01 14:05 UTC)` or `expired 2 hours ago (…)`. */
export function describeExpiry(expMs: number, nowMs: number): string {
  const expiry = tokenExpiry(expMs, nowMs);
  const at = formatExpiryTime(expMs);
  return expiry.state === 'expired' ? `expired ${formatDuration(expiry.remainingMs)} ago (${at})` : `expires in ${formatDuration(expiry.remainingMs)} (${at})`;
}
