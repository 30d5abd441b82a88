// The demo's first minute. `npm start` (scripts/start.ts) hands the sandbox's demo key to
// code-server in the environment variable KELVIQ_DEMO_API_KEY; for a Custom environment on a
// loopback host, Set API Key then fills it into the password box, so the first run is one Enter
// instead of copying a key from the terminal. Nothing else changes: the key is stored only after
// the person confirms it and the sandbox accepted it, in SecretStorage only, as a typed key is;
// never in settings or a file. A key is never offered for a host that is not loopback. Pure.
import { isLoopbackUrl, type Environment } from '../../domain/environment';

export const DEMO_KEY_VARIABLE = 'KELVIQ_DEMO_API_KEY';

export function demoKeyOffer(environment: Pick<Environment, 'id' | 'baseUrl'>, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const key = env[DEMO_KEY_VARIABLE]?.trim();
  if (!key || !/^[\x21-\x7e]{8,200}$/.test(key)) return undefined;
  return environment.id === 'custom' && isLoopbackUrl(environment.baseUrl) ? key : undefined;
}
