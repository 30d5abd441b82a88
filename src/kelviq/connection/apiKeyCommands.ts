// Set API Key / Sign Out / Switch Environment. A key is checked with one cheap request before it
// is stored; it is only ever read from a password box (or, in the extension's test mode only, the
// command's argument: see ../commandArguments.ts) and written to SecretStorage.
import * as vscode from 'vscode';
import { isApiError } from '../../apiErrors';
import { COMMANDS } from '../../commandTable';
import { environmentLabel, ENVIRONMENT_IDS, type Environment, type EnvironmentId } from '../../domain/environment';
import { plainText } from '../../domain/untrustedText';
import { rawMessage, showError, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from './connection';
import { demoKeyOffer } from './demoKey';
import { acceptSetApiKeyArgs, testModeArgument, type SetApiKeyArgs } from '../commandArguments';

export type { SetApiKeyArgs } from '../commandArguments';

export type KeyCheck = 'accepted' | 'rejected' | 'unreachable';

export function registerApiKeyCommands(context: vscode.ExtensionContext, connection: Connection, log: Log): void {
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.setApiKey.id, (raw?: unknown) => {
      const { args, ignored } = acceptSetApiKeyArgs(raw, testMode);
      if (ignored) log.warn('kelviq.setApiKey was run with arguments; they are ignored outside tests, the key is asked for in the password box.');
      return setApiKey(connection, log, args);
    }),
    vscode.commands.registerCommand(COMMANDS.signOut.id, () => signOut(connection, log)),
    vscode.commands.registerCommand(COMMANDS.switchEnvironment.id, (raw?: EnvironmentId) => {
      const { value, ignored } = testModeArgument(raw, testMode);
      if (ignored) log.warn('kelviq.switchEnvironment was run with an argument; it is ignored outside tests, the environment is picked in a quick pick.');
      return switchEnvironment(connection, log, value);
    }),
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
  const demoKey = demoKeyOffer(environment, process.env);
  const key =
    args.apiKey ??
    (await vscode.window.showInputBox({
      title: `Kelviq: API Key for ${environment.label}`,
      prompt: demoKey
        ? 'The demo key that npm start printed is filled in: press Enter to check it with the local sandbox and keep it in VS Code\'s secret storage.'
        : `Paste a Server API key created in the kelviq ${environment.label} environment (kelviq dashboard → Settings → API keys).`,
      password: true,
      ignoreFocusOut: true,
      ...(demoKey ? { value: demoKey } : {}),
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

async function switchEnvironment(connection: Connection, log: Log, id?: EnvironmentId): Promise<void> {
  if (id !== undefined && !ENVIRONMENT_IDS.includes(id)) return;
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
            description: plainText(r.ok ? r.environment.baseUrl : r.problem, 200),
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
    if (!r.ok) void showMessage('warning', `Kelviq: ${r.problem}`, {}, 'Open User Settings').then((c) => {
      if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'kelviq.customBaseUrl');
    });
    log.info(`Switched to ${environmentLabel(picked)}.`);
  } catch (err) {
    await showError(log, 'Could not switch environment', err);
  }
}
