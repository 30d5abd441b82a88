// Set API Key / Sign Out / Switch Environment. A key is checked with one cheap request before it
// is stored; it is only ever read from a password box (or a caller's argument) and written to
// SecretStorage.
import * as vscode from 'vscode';
import { isApiError } from '../../apiErrors';
import { COMMANDS } from '../../commandTable';
import { environmentLabel, ENVIRONMENT_IDS, type Environment, type EnvironmentId } from '../../domain/environment';
import { showError, userMessage, type Log } from '../../logging';
import type { Connection } from './connection';

/** Optional argument of kelviq.setApiKey, for automation: the key, and where it goes. */
export interface SetApiKeyArgs {
  apiKey?: string;
  environment?: EnvironmentId;
}

export type KeyCheck = 'accepted' | 'rejected' | 'unreachable';

export function registerApiKeyCommands(context: vscode.ExtensionContext, connection: Connection, log: Log): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.setApiKey.id, (args?: SetApiKeyArgs) => setApiKey(connection, log, args)),
    vscode.commands.registerCommand(COMMANDS.signOut.id, () => signOut(connection, log)),
    vscode.commands.registerCommand(COMMANDS.switchEnvironment.id, (id?: EnvironmentId) => switchEnvironment(connection, log, id)),
  );
}

async function setApiKey(connection: Connection, log: Log, args: SetApiKeyArgs = {}): Promise<boolean> {
  let environment: Environment;
  try {
    environment = connection.requireEnvironment(args.environment);
  } catch (err) {
    await showError(log, 'Cannot set an API key', err);
    return false;
  }
  const key =
    args.apiKey ??
    (await vscode.window.showInputBox({
      title: `Kelviq: API Key for ${environment.label}`,
      prompt: `Paste a Server API key created in the kelviq ${environment.label} environment (kelviq dashboard → Settings → API keys).`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'The key cannot be empty.' : /\s/.test(value.trim()) ? 'A key has no spaces.' : undefined),
    }));
  if (key === undefined) return false;
  const trimmed = key.trim();
  const check = await checkKey(connection, log, environment, trimmed);
  if (check === 'rejected') {
    void vscode.window.showErrorMessage(`Kelviq: the key was rejected by ${environment.label}. It was not saved. Keys work only in the environment that created them.`);
    return false;
  }
  if (check === 'unreachable') {
    const choice = await vscode.window.showWarningMessage(
      `Kelviq: ${environment.label} could not be reached to check the key. Store it anyway?`,
      { modal: true },
      'Store Anyway',
    );
    if (choice !== 'Store Anyway') return false;
  }
  await connection.storeKey(environment, trimmed);
  void vscode.window.showInformationMessage(`Kelviq: API key saved for ${environment.label}.`);
  return true;
}

async function checkKey(connection: Connection, log: Log, environment: Environment, key: string): Promise<KeyCheck> {
  const client = connection.createClient(environment, key);
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Kelviq: checking the key with ${environment.label}…`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          await client.listProducts({ pageSize: 1, signal: abort.signal });
          return 'accepted' as const;
        } catch (err) {
          if (isApiError(err) && (err.kind === 'auth' || err.kind === 'forbidden' || err.kind === 'notFound')) return 'rejected' as const;
          log.warn(`Key check with ${environment.label} failed: ${userMessage(err)}`);
          return 'unreachable' as const;
        } finally {
          sub.dispose();
        }
      },
    );
  } finally {
    await client.close();
  }
}

async function signOut(connection: Connection, log: Log): Promise<void> {
  try {
    const environment = connection.requireEnvironment();
    if (!(await connection.hasKey(environment))) {
      void vscode.window.showInformationMessage(`Kelviq: no API key is stored for ${environment.label}.`);
      return;
    }
    await connection.deleteKey(environment);
    void vscode.window.showInformationMessage(`Kelviq: signed out of ${environment.label}; its API key was removed.`);
  } catch (err) {
    await showError(log, 'Sign out failed', err);
  }
}

async function switchEnvironment(connection: Connection, log: Log, id?: EnvironmentId): Promise<void> {
  const currentId = connection.currentId;
  const picked =
    id ??
    (
      await vscode.window.showQuickPick(
        ENVIRONMENT_IDS.map((envId) => {
          const r = connection.resolve(envId);
          return {
            id: envId,
            label: environmentLabel(envId),
            description: r.ok ? r.environment.baseUrl : r.problem,
            detail: envId === currentId ? 'Current environment' : undefined,
          };
        }),
        { title: 'Kelviq: Switch Environment', placeHolder: 'Which kelviq environment should the extension use?' },
      )
    )?.id;
  if (!picked || picked === currentId) return;
  try {
    await connection.switchTo(picked);
    const r = connection.resolve(picked);
    if (!r.ok) void vscode.window.showWarningMessage(`Kelviq: ${r.problem}`, 'Open User Settings').then((c) => {
      if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'kelviq.customBaseUrl');
    });
    log.info(`Switched to ${environmentLabel(picked)}.`);
  } catch (err) {
    await showError(log, 'Could not switch environment', err);
  }
}
