// What every real-VS-Code run shares: a kelviq sandbox on loopback with the demo catalog, user
// settings that point the extension at it (a Custom environment, set in *user* settings, the only
// place the extension accepts a custom base URL from), and a Zaveit sandbox beside it whose base
// URL the suite connects to itself (as a person would, through Zaveit: Set Token).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_API_KEY, DEMO_USER, OTHER_API_KEY, OTHER_USER, startSandbox, type Sandbox } from '../../sandbox';
import { DEMO_TENANT, startZaveitSandbox, ZAVEIT_DEMO_TOKEN, ZAVEIT_EXPIRED_TOKEN, type ZaveitSandbox } from '../../sandbox/zaveit';

export const OTHER_USER_KEY = OTHER_API_KEY;

/** Zaveit session tokens of the test runs: the demo one, a colleague's, an expired one, one in its last day. */
export const ZAVEIT_TEST_TOKENS = {
  token: ZAVEIT_DEMO_TOKEN,
  otherToken: 'zaveit_sandbox_colleague_token_7a3e51c09d2b48f6',
  expiredToken: ZAVEIT_EXPIRED_TOKEN,
  expiringToken: 'zaveit_sandbox_expiring_token_2c8f0b94e1d7a635',
} as const;

const HOUR_MS = 3_600_000;

export async function startTestZaveitSandbox(seed: 'demo' | 'empty' | `generated:${number}` = 'demo'): Promise<ZaveitSandbox> {
  const now = Date.now();
  return startZaveitSandbox({
    port: 0,
    seed,
    tokens: {
      [ZAVEIT_TEST_TOKENS.token]: { tenant: DEMO_TENANT, exp: now + 30 * 24 * HOUR_MS },
      [ZAVEIT_TEST_TOKENS.otherToken]: { tenant: DEMO_TENANT, exp: now + 30 * 24 * HOUR_MS },
      [ZAVEIT_TEST_TOKENS.expiredToken]: { tenant: DEMO_TENANT, exp: now - HOUR_MS },
      [ZAVEIT_TEST_TOKENS.expiringToken]: { tenant: DEMO_TENANT, exp: now + 5 * HOUR_MS },
    },
  });
}

export async function startTestSandbox(seed: 'demo' | 'empty' | `generated:${number}` = 'demo'): Promise<Sandbox> {
  return startSandbox({
    port: 0,
    seed,
    keys: { [DEMO_API_KEY]: DEMO_USER, [OTHER_API_KEY]: OTHER_USER },
  });
}

export function extensionSettingsFor(sandbox: Sandbox): Record<string, unknown> {
  return {
    'kelviq.environment': 'custom',
    'kelviq.customBaseUrl': sandbox.baseUrl,
    'kelviq.confirmProductionWrites': true,
  };
}

/**
 * Writes the sandbox keys, its control token, the Zaveit tokens and the Zaveit sandbox's control
 * token for the extension-host suite (a file, never the page URL); returns the environment that
 * points at them.
 */
export function suiteEnvironment(sandbox: Sandbox, dir: string, zaveit?: ZaveitSandbox): Record<string, string> {
  const file = path.join(dir, KEYS_FILE_NAME);
  writeFileSync(
    file,
    JSON.stringify({
      apiKey: sandbox.apiKey,
      otherKey: OTHER_USER_KEY,
      controlToken: sandbox.controlToken,
      ...(zaveit ? { zaveit: ZAVEIT_TEST_TOKENS, zaveitControlToken: zaveit.controlToken } : {}),
    }),
  );
  // KELVIQ_TEST_GREP runs only the matching tests (e.g. KELVIQ_TEST_GREP=save npm run test:integration).
  const grep: Record<string, string> = process.env.KELVIQ_TEST_GREP ? { KELVIQ_TEST_GREP: process.env.KELVIQ_TEST_GREP } : {};
  const zaveitOrigin: Record<string, string> = zaveit ? { KELVIQ_TEST_ZAVEIT_ORIGIN: zaveit.origin } : {};
  return { KELVIQ_TEST_SANDBOX_ORIGIN: sandbox.origin, KELVIQ_TEST_KEYS_FILE: file, ...zaveitOrigin, ...grep };
}

export const KEYS_FILE_NAME = 'suite-keys.json';

/**
 * Files under `root` that contain `secret`, apart from the suite's own keys file. The extension
 * must never write the key anywhere VS Code or the browser keeps files (logs, settings, history);
 * SecretStorage is the one place it lives, and it does not store it in the clear.
 */
export function filesContaining(root: string, secret: string): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name !== KEYS_FILE_NAME && readFileSync(full).includes(secret)) hits.push(full);
    }
  };
  walk(root);
  return hits;
}
