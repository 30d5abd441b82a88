// What every real-VS-Code run shares: a sandbox on loopback with the demo catalog, and user
// settings that point the extension at it (a Custom environment, set in *user* settings, the only
// place the extension accepts a custom base URL from).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_API_KEY, DEMO_USER, OTHER_API_KEY, OTHER_USER, startSandbox, type Sandbox } from '../../sandbox';

export const OTHER_USER_KEY = OTHER_API_KEY;

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
 * Writes the sandbox keys and its control token for the extension-host suite (a file, never the
 * page URL); returns the environment that points at them.
 */
export function suiteEnvironment(sandbox: Sandbox, dir: string): Record<string, string> {
  const file = path.join(dir, KEYS_FILE_NAME);
  writeFileSync(file, JSON.stringify({ apiKey: sandbox.apiKey, otherKey: OTHER_USER_KEY, controlToken: sandbox.controlToken }));
  return { KELVIQ_TEST_SANDBOX_ORIGIN: sandbox.origin, KELVIQ_TEST_KEYS_FILE: file };
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
