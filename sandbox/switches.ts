// Control switches for behaviour a test must be able to provoke but cannot cause through the
// API: set on `sandbox.switches` or with `POST /__sandbox/switches` (a partial object).
import { DEFAULT_DOWNLOAD_TTL_SECONDS, DEFAULT_POLICY_TTL_SECONDS, MAX_UPLOAD_BYTES } from './storage';
import type { FieldErrors } from './validation';

export interface SandboxSwitches {
  /** `disconnected`: publishing a plan answers 428, as when the billing provider is not authenticated. */
  billingProvider: 'connected' | 'disconnected';
  /**
   * What a product image's `image` is: `absolute`, a URL the sandbox's storage serves (as the
   * vendor's seed pages show `https://cdn.kelviq.com/media/…`), or `key`, the bare storage key
   * (`media/…/hero.png`, the spec's example).
   */
  productImageUrls: 'absolute' | 'key';
  /** How long the next upload policies of `POST /media/` are valid; 0 or less: already expired. */
  uploadPolicyTtlSeconds: number;
  /** The next policies' content-length-range maximum (the spec's 5 GB by default). */
  uploadMaxBytes: number;
  /** How long the signed download URL of a plan file's download redirect is valid; 0 or less: already expired. */
  downloadUrlTtlSeconds: number;
}

export const DEFAULT_SWITCHES: Readonly<SandboxSwitches> = {
  billingProvider: 'connected',
  productImageUrls: 'absolute',
  uploadPolicyTtlSeconds: DEFAULT_POLICY_TTL_SECONDS,
  uploadMaxBytes: MAX_UPLOAD_BYTES,
  downloadUrlTtlSeconds: DEFAULT_DOWNLOAD_TTL_SECONDS,
};

const integer = (min: number, max: number) => ({
  test: (value: unknown): boolean => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
  message: `Must be an integer from ${min} to ${max}.`,
});
const oneOf = (values: readonly unknown[]) => ({ test: (value: unknown): boolean => values.includes(value), message: `Must be one of: ${values.join(', ')}.` });

const ALLOWED: { [K in keyof SandboxSwitches]: { test: (value: unknown) => boolean; message: string } } = {
  billingProvider: oneOf(['connected', 'disconnected']),
  productImageUrls: oneOf(['absolute', 'key']),
  uploadPolicyTtlSeconds: integer(-86_400, 7 * 86_400),
  uploadMaxBytes: integer(0, MAX_UPLOAD_BYTES),
  downloadUrlTtlSeconds: integer(-86_400, 7 * 86_400),
};

/** Applies a partial switches object, or says which fields are unknown or bad (nothing is applied then). */
export function applySwitches(target: SandboxSwitches, input: unknown): FieldErrors | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { non_field_errors: ['Expected a JSON object.'] };
  const errors: FieldErrors = {};
  const entries = Object.entries(input as Record<string, unknown>);
  for (const [key, value] of entries) {
    const rule = Object.hasOwn(ALLOWED, key) ? ALLOWED[key as keyof SandboxSwitches] : undefined;
    if (!rule) errors[key] = ['Unknown switch.'];
    else if (!rule.test(value)) errors[key] = [rule.message];
  }
  if (Object.keys(errors).length > 0) return errors;
  Object.assign(target, Object.fromEntries(entries));
  return undefined;
}
