// Which kelviq environment the extension talks to, and the rules that keep the API key safe:
// a custom base URL is taken only from the user's own settings (a cloned repository must not be
// able to redirect a key), and plain http is accepted only for loopback hosts (./loopback). Pure:
// the configuration is passed in as data, so every rule is a table of test cases.
import { isLoopbackHost, isLoopbackUrl } from './loopback';

export type EnvironmentId = 'sandbox' | 'production' | 'custom';

export interface Environment {
  readonly id: EnvironmentId;
  readonly label: string;
  readonly baseUrl: string;
  /** Where the key for this environment is kept in SecretStorage. */
  readonly secretKey: string;
  readonly isProduction: boolean;
}

export const SANDBOX_BASE_URL = 'https://sandboxapi.kelviq.com/api/v1';
export const PRODUCTION_BASE_URL = 'https://api.kelviq.com/api/v1';
export const ENVIRONMENT_IDS: readonly EnvironmentId[] = ['sandbox', 'production', 'custom'];

/** What `WorkspaceConfiguration.inspect()` says of a setting: each scope's value, if set. */
export interface SettingScopes<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export type EnvironmentResult = { ok: true; environment: Environment } | { ok: false; id: EnvironmentId; label: string; problem: string };

/** How a base-URL setting is named in the problems checkCustomBaseUrl reports. */
export interface BaseUrlNames {
  /** e.g. `kelviq.customBaseUrl`. */
  setting: string;
  /** e.g. `custom base URL`. */
  noun: string;
}

const CUSTOM_BASE_URL: BaseUrlNames = { setting: 'kelviq.customBaseUrl', noun: 'custom base URL' };

/**
 * Checks a base URL (kelviq's Custom environment, Zaveit's base URL): https, or http on a
 * loopback host; no credentials, query or fragment. Returns the normalised URL (no trailing
 * slash) or a problem that names the setting.
 */
export function checkCustomBaseUrl(raw: string | undefined, names: BaseUrlNames = CUSTOM_BASE_URL): { ok: true; url: string } | { ok: false; problem: string } {
  const text = raw?.trim() ?? '';
  const noun = names.noun;
  if (text === '') return { ok: false, problem: `No ${noun} is set. Set "${names.setting}" in your user settings.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: `The ${noun} "${text}" is not a valid URL.` };
  }
  if (url.username || url.password) return { ok: false, problem: `The ${noun} must not contain a user name or password.` };
  // A bare "?" or "#" leaves url.search/url.hash empty, so look at the text too.
  if (url.search || url.hash || /[?#]/.test(text)) return { ok: false, problem: `The ${noun} must not contain a query or fragment.` };
  if (url.protocol === 'http:' && !isLoopbackUrl(text)) {
    if (isLoopbackHost(url.hostname)) {
      return { ok: false, problem: `Write a loopback host in the ${noun} as localhost, [::1] or 127.x.y.z (plain http is allowed only for those).` };
    }
    return { ok: false, problem: `Plain http is allowed only for loopback hosts; use https for ${url.hostname}.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `The ${noun} must use https (or http on a loopback host), not ${url.protocol}` };
  }
  return { ok: true, url: url.toString().replace(/\/+$/, '') };
}

/** The value a user chose: user (global) settings, else the default. Workspace scopes are ignored. */
export function userValue<T>(scopes: SettingScopes<T> | undefined): T | undefined {
  return scopes?.globalValue ?? scopes?.defaultValue;
}

/** True when a workspace tried to set what only the user may set (worth a warning in the log). */
export function workspaceTriedToSet<T>(scopes: SettingScopes<T> | undefined): boolean {
  return scopes?.workspaceValue !== undefined || scopes?.workspaceFolderValue !== undefined;
}

export function environmentLabel(id: EnvironmentId): string {
  return id === 'sandbox' ? 'Sandbox' : id === 'production' ? 'Production' : 'Custom';
}

export function parseEnvironmentId(value: unknown): EnvironmentId {
  return ENVIRONMENT_IDS.includes(value as EnvironmentId) ? (value as EnvironmentId) : 'sandbox';
}

export function resolveEnvironment(id: EnvironmentId, customBaseUrl: SettingScopes<string> | undefined): EnvironmentResult {
  switch (id) {
    case 'sandbox':
      return { ok: true, environment: { id, label: 'Sandbox', baseUrl: SANDBOX_BASE_URL, secretKey: 'kelviq.apiKey.sandbox', isProduction: false } };
    case 'production':
      return { ok: true, environment: { id, label: 'Production', baseUrl: PRODUCTION_BASE_URL, secretKey: 'kelviq.apiKey.production', isProduction: true } };
    case 'custom': {
      const checked = checkCustomBaseUrl(userValue(customBaseUrl));
      if (!checked.ok) return { ok: false, id, label: 'Custom', problem: checked.problem };
      // The key is bound to the origin: a key stored for one custom host is never sent to another.
      const origin = new URL(checked.url).origin;
      return {
        ok: true,
        environment: { id, label: `Custom (${new URL(checked.url).host})`, baseUrl: checked.url, secretKey: `kelviq.apiKey.custom.${origin}`, isProduction: false },
      };
    }
  }
}
