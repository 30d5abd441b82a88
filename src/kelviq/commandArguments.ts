// What commands take from their arguments. Any `command:` link can run a command with arguments
// (a Markdown string, another extension's notification, a server's words if they ever reached one
// unescaped). A key stored from a link would be the link author's key (the user's later edits and
// new products would go to the author's catalog); a product created from one is a write nobody
// confirmed; an environment switched by one moves the user's work elsewhere. So these commands
// honour their arguments only when the extension runs in test mode (ExtensionMode.Test: the
// extension-host suites load it through extensionTestsPath); everywhere else they ask: the key in
// the password box, the product in the guided prompts, the environment in a quick pick.
// Pure: unit-tested.
import { ENVIRONMENT_IDS, type EnvironmentId } from '../domain/environment';

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

/** An argument of kelviq.createProduct / kelviq.switchEnvironment: kept in test mode only. */
export function testModeArgument<T>(raw: T | undefined, testMode: boolean): { value: T | undefined; ignored: boolean } {
  if (raw === undefined || raw === null) return { value: undefined, ignored: false };
  return testMode ? { value: raw, ignored: false } : { value: undefined, ignored: true };
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
