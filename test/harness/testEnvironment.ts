// What every real-VS-Code run shares: a sandbox on loopback with the demo catalog, and user
// settings that point the extension at it (a Custom environment, set in *user* settings, the only
// place the extension accepts a custom base URL from).
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
