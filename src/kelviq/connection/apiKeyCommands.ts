// Set API Key / Sign Out. A key is checked with one cheap request before it is stored; it is only
// ever read from a password box (or, in the extension's test mode only, the command's argument:
// see ../commandArguments.ts) and written to SecretStorage.
import * as vscode from 'vscode';
import { isApiError } from '../../apiErrors';
import { COMMANDS } from '../../commandTable';
import type { Environment } from '../../domain/environment';
import { rawMessage, showError, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import { acceptSetApiKeyArgs, type SetApiKeyArgs } from '../commandArguments';
import type { Connection } from './connection';
import { demoKeyOffer } from './demoKey';
import type { Prompts } from './prompts';

export type { SetApiKeyArgs } from '../commandArguments';

export type KeyCheck = 'accepted' | 'rejected' | 'unreachable';

export function registerApiKeyCommands(context: vscode.ExtensionContext, connection: Connection, log: Log, prompts: Prompts): void {
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.setApiKey.id, (raw?: unknown) => {
      const { args, ignored } = acceptSetApiKeyArgs(raw, testMode);
      if (ignored) log.warn('kelviq.setApiKey was run with arguments; they are ignored outside tests, the key is asked for in the password box.');
      return setApiKey(connection, log, prompts, args);
    }),
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
  const demoKey = demoKeyOffer(environment, process.env);
  const key =
    args.apiKey ??
    (await prompts.input({
      title: `Kelviq: API Key for ${environment.label}`,
      prompt: demoKey
        ? 'The demo key that npm start printed is filled in: press Enter to check it with the local sandbox and keep it in VS Code\'s secret storage.'
        : `Paste a Server API key created in the kelviq ${environment.label} environment (kelviq dashboard → Settings → API keys).`,
      ...(demoKey ? { value: demoKey } : {}),
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'The key cannot be empty.' : /\s/.test(value.trim()) ? 'A key has no spaces.' : undefined),
    }));
  if (key === undefined) return false;
  const trimmed = key.trim();
  const check = await checkKey(connection, log, environment, trimmed);
  if (check === 'rejected') {
    void showMessage('error', `Kelviq: the key was rejected by ${environment.label}. It was not saved. Keys work only in the environment that created them.`);
    return false;
  }
  if (check === 'unreachable') {
    const choice = await showMessage('warning', `Kelviq: ${environment.label} could not be reached to check the key. Store it anyway?`, { modal: true }, 'Store Anyway');
    if (choice !== 'Store Anyway') return false;
  }
  await connection.storeKey(environment, trimmed);
  void showMessage('info', `Kelviq: API key saved for ${environment.label}.`);
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
          log.warn(`Key check with ${environment.label} failed: ${rawMessage(err)}`);
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
      void showMessage('info', `Kelviq: no API key is stored for ${environment.label}.`);
      return;
    }
    await connection.deleteKey(environment);
    void showMessage('info', `Kelviq: signed out of ${environment.label}; its API key was removed.`);
  } catch (err) {
    await showError(log, 'Sign out failed', err);
  }
}
