// Set API Key / Sign Out. A key is checked with one cheap request before it is stored; it is only
// ever read from a password box (or a caller's argument) and written to SecretStorage.
import * as vscode from 'vscode';
import { isApiError } from '../../apiErrors';
import { COMMANDS } from '../../commandTable';
import type { Environment, EnvironmentId } from '../../domain/environment';
import { showError, userMessage, type Log } from '../../logging';
import type { Connection } from './connection';
import type { Prompts } from './prompts';

/** Optional argument of kelviq.setApiKey, for automation: the key, and where it goes. */
export interface SetApiKeyArgs {
  apiKey?: string;
  environment?: EnvironmentId;
}

export type KeyCheck = 'accepted' | 'rejected' | 'unreachable';

export function registerApiKeyCommands(context: vscode.ExtensionContext, connection: Connection, log: Log, prompts: Prompts): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.setApiKey.id, (args?: SetApiKeyArgs) => setApiKey(connection, log, prompts, args)),
    vscode.commands.registerCommand(COMMANDS.signOut.id, () => signOut(connection, log)),
  );
}

/** Asks for the key (unless given), checks it with the environment, stores it; true once stored. */
export async function setApiKey(connection: Connection, log: Log, prompts: Prompts, args: SetApiKeyArgs = {}): Promise<boolean> {
  let environment: Environment;
  try {
    environment = connection.requireEnvironment(args.environment);
  } catch (err) {
    await showError(log, 'Cannot set an API key', err);
    return false;
  }
  const key =
    args.apiKey ??
    (await prompts.input({
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
