// The input box for the Custom environment's base URL, checked as it is typed by the very rule
// the setting is held to (checkCustomBaseUrl in domain/environment): https, or http on a loopback
// host only; no user name, password, query or fragment.
import { checkCustomBaseUrl } from '../../domain/environment';
import type { Prompts } from './prompts';

/** What is wrong with a typed base URL, for the input box; undefined while it is valid. */
export function customBaseUrlProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Enter the base URL of the Custom environment.';
  const checked = checkCustomBaseUrl(value);
  return checked.ok ? undefined : checked.problem;
}

/** Asks for the URL, prefilled with `current`; the normalised URL, or undefined on Escape. */
export async function askCustomBaseUrl(prompts: Prompts, current: string | undefined): Promise<string | undefined> {
  const answer = await prompts.input({
    title: 'Kelviq: Custom Environment URL',
    prompt: 'Base URL of the kelviq API, e.g. https://staging.example.com/api/v1 (http only on localhost or 127.0.0.1). Saved in your user settings.',
    placeHolder: 'https://…/api/v1',
    value: current ?? '',
    ignoreFocusOut: true,
    validateInput: customBaseUrlProblem,
  });
  if (answer === undefined) return undefined;
  const checked = checkCustomBaseUrl(answer);
  return checked.ok ? checked.url : undefined;
}
