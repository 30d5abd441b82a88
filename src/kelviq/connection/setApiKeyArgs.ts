// What kelviq.setApiKey takes from its arguments. Any `command:` link can run a command with
// arguments (a Markdown string, another extension's notification, a server's words if they ever
// reached one unescaped), and a key stored from a link would be the link author's key: the user's
// later edits and new products would go to the author's catalog. So the arguments are honoured
// only when the extension runs in test mode (ExtensionMode.Test: the extension-host suites load it
// through extensionTestsPath); everywhere else the key is only ever typed into the password box.
// Pure: unit-tested.
import { ENVIRONMENT_IDS, type EnvironmentId } from '../../domain/environment';

/** The argument of kelviq.setApiKey in tests: the key, and the environment it is for. */
export interface SetApiKeyArgs {
  apiKey?: string;
  environment?: EnvironmentId;
}

export interface AcceptedArgs {
  args: SetApiKeyArgs;
  /** Arguments were passed and dropped (worth a line in the log). */
  ignored: boolean;
}

export function acceptSetApiKeyArgs(raw: unknown, testMode: boolean): AcceptedArgs {
  // VS Code passes a tree item or nothing when the command runs from a menu or the palette.
  const given = typeof raw === 'object' && raw !== null && ('apiKey' in raw || 'environment' in raw);
  if (!given) return { args: {}, ignored: false };
  if (!testMode) return { args: {}, ignored: true };
  const { apiKey, environment } = raw as { apiKey?: unknown; environment?: unknown };
  return {
    args: {
      ...(typeof apiKey === 'string' ? { apiKey } : {}),
      ...(ENVIRONMENT_IDS.includes(environment as EnvironmentId) ? { environment: environment as EnvironmentId } : {}),
    },
    ignored: false,
  };
}
