// Control switches for behaviour a test must be able to provoke but cannot cause through the
// API: set on `sandbox.switches` or with `POST /__sandbox/switches` (a partial object).
import type { FieldErrors } from './validation';

export interface SandboxSwitches {
  /** `disconnected`: publishing a plan answers 428, as when the billing provider is not authenticated. */
  billingProvider: 'connected' | 'disconnected';
}

export const DEFAULT_SWITCHES: Readonly<SandboxSwitches> = { billingProvider: 'connected' };

const ALLOWED: { [K in keyof SandboxSwitches]: readonly SandboxSwitches[K][] } = {
  billingProvider: ['connected', 'disconnected'],
};

/** Applies a partial switches object, or says which fields are unknown or bad (nothing is applied then). */
export function applySwitches(target: SandboxSwitches, input: unknown): FieldErrors | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { non_field_errors: ['Expected a JSON object.'] };
  const errors: FieldErrors = {};
  const entries = Object.entries(input as Record<string, unknown>);
  for (const [key, value] of entries) {
    const allowed = (ALLOWED as Record<string, readonly unknown[]>)[key];
    if (!allowed) errors[key] = ['Unknown switch.'];
    else if (!allowed.includes(value)) errors[key] = [`Must be one of: ${allowed.join(', ')}.`];
  }
  if (Object.keys(errors).length > 0) return errors;
  Object.assign(target, Object.fromEntries(entries));
  return undefined;
}
