// Zaveit: Set Token / Sign Out / Change Base URL. The base URL is asked for the first time (in an
// input box validated as you type) and written to the user settings; the session token is only
// ever read from a password box (or a caller's argument), checked with GET /v1/auth/info, and
// written to SecretStorage for that origin. The Bearer header is an assumption, and the prompt
// says so.
import * as vscode from 'vscode';
import { showMessage } from '../../userMessages';
import { isApiError } from '../../apiErrors';
import type { AuthInfo } from '../../api/zaveit/schemas';
import { COMMANDS } from '../../commandTable';
import { plainText } from '../../domain/untrustedText';
import { describeExpiry, tokenExpiry } from '../../domain/zaveit/session';
import { showError, userMessage, type Log } from '../../logging';
import { checkZaveitBaseUrl, type ZaveitConnection, type ZaveitServer } from './zaveitConnection';

/** Optional argument of zaveit.setToken, for automation: the token and the base URL to use. */
export interface SetTokenArgs {
  token?: string;
  baseUrl?: string;
}

type TokenCheck = { kind: 'accepted'; info: AuthInfo } | { kind: 'rejected'; message: string } | { kind: 'unreachable' };

export const TOKEN_ASSUMPTION = 'Assumed: the token is sent as "Authorization: Bearer <token>" (the Zaveit docs do not name the header).';

export function registerTokenCommands(context: vscode.ExtensionContext, connection: ZaveitConnection, log: Log): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.zaveitSetToken.id, (args?: SetTokenArgs) => setToken(connection, log, args)),
    vscode.commands.registerCommand(COMMANDS.zaveitSignOut.id, () => signOut(connection, log)),
    vscode.commands.registerCommand(COMMANDS.zaveitChangeBaseUrl.id, (url?: string) => changeBaseUrl(connection, log, url)),
  );
}

/** An input box for the base URL, validated as the user types; undefined on Escape. */
async function askBaseUrl(current: string | undefined): Promise<string | undefined> {
  const url = await vscode.window.showInputBox({
    title: 'Zaveit: Base URL',
    prompt: 'The base URL of your Zaveit API, e.g. https://api.example.com (Zaveit documents no public host). https, or http on a loopback host. Saved in your user settings.',
    placeHolder: 'https://api.example.com',
    ...(current ? { value: current } : {}),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const checked = checkZaveitBaseUrl(value);
      return checked.ok ? undefined : checked.problem;
    },
  });
  return url?.trim();
}

function currentBaseUrl(connection: ZaveitConnection): string | undefined {
  const result = connection.resolve();
  return result.ok ? result.server.baseUrl : vscode.workspace.getConfiguration('zaveit').inspect<string>('baseUrl')?.globalValue;
}

async function setToken(connection: ZaveitConnection, log: Log, args: SetTokenArgs = {}): Promise<boolean> {
  let server: ZaveitServer;
  try {
    const resolved = connection.resolve();
    if (args.baseUrl !== undefined) server = await connection.setBaseUrl(args.baseUrl);
    else if (resolved.ok) server = resolved.server;
    else {
      const url = await askBaseUrl(currentBaseUrl(connection));
      if (url === undefined) return false;
      server = await connection.setBaseUrl(url);
    }
  } catch (err) {
    await showError(log, 'Zaveit: cannot set a token', err);
    return false;
  }
  const token =
    args.token ??
    (await vscode.window.showInputBox({
      title: `Zaveit: Session Token for ${server.origin}`,
      prompt: `Paste your Zaveit session token (the jwt of your Zaveit sign-in). It is checked with GET /v1/auth/info and kept in VS Code's secret storage for ${server.host} only. ${TOKEN_ASSUMPTION}`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'The token cannot be empty.' : /\s/.test(value.trim().replace(/^bearer\s+/i, '')) ? 'A token has no spaces.' : undefined),
    }));
  if (token === undefined) return false;
  const trimmed = token.trim().replace(/^bearer\s+/i, '');
  const check = await checkToken(connection, log, server, trimmed);
  if (check.kind === 'rejected') {
    void showMessage('error', `Zaveit: ${check.message} The token was not saved.`, {}, 'Set Token').then((choice) => {
      if (choice === 'Set Token') void vscode.commands.executeCommand(COMMANDS.zaveitSetToken.id);
    });
    return false;
  }
  if (check.kind === 'unreachable') {
    const choice = await showMessage('warning', `Zaveit: ${server.origin} could not be reached to check the token. Store it anyway?`, { modal: true }, 'Store Anyway');
    if (choice !== 'Store Anyway') return false;
    await connection.storeToken(server, trimmed, undefined);
    return true;
  }
  const { tenant, exp } = check.info;
  await connection.storeToken(server, trimmed, { tenant, exp });
  const message = `Zaveit: connected to ${server.host} as tenant ${plainText(tenant, 60)}; the token ${describeExpiry(exp, Date.now())}.`;
  if (tokenExpiry(exp, Date.now()).state === 'valid') void showMessage('info', message);
  else void showMessage('warning', `${message} Sign in to Zaveit again soon and set the new token.`);
  return true;
}

async function checkToken(connection: ZaveitConnection, log: Log, server: ZaveitServer, token: string): Promise<TokenCheck> {
  let client;
  try {
    client = connection.createClient(server, token);
  } catch (err) {
    return { kind: 'rejected', message: userMessage(err) };
  }
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Zaveit: checking the token with ${server.origin}…`, cancellable: true },
      async (_progress, cancel) => {
        const abort = new AbortController();
        const sub = cancel.onCancellationRequested(() => abort.abort());
        try {
          return { kind: 'accepted', info: await client.authInfo({ signal: abort.signal }) } as const;
        } catch (err) {
          log.warn(`Zaveit: token check with ${server.origin} failed: ${userMessage(err)}`);
          if (isApiError(err) && (err.kind === 'auth' || err.kind === 'forbidden')) {
            return { kind: 'rejected', message: `${server.label} rejected the token (${err.status ?? 401}): it has expired or is not valid for this server.` } as const;
          }
          if (isApiError(err) && err.kind === 'notFound') {
            return { kind: 'rejected', message: `${server.origin} has no GET /v1/auth/info: is the base URL right?` } as const;
          }
          return { kind: 'unreachable' } as const;
        } finally {
          sub.dispose();
        }
      },
    );
  } finally {
    await client.close();
  }
}

async function signOut(connection: ZaveitConnection, log: Log): Promise<void> {
  try {
    const server = connection.requireServer();
    if (!(await connection.hasToken(server))) {
      void showMessage('info', `Zaveit: no token is stored for ${server.origin}.`);
      return;
    }
    await connection.deleteToken(server);
    void showMessage(
      'info',
      `Zaveit: signed out of ${server.origin}; the token was removed from VS Code (the session itself stays valid on the server until it expires).`,
    );
  } catch (err) {
    await showError(log, 'Zaveit: sign out failed', err);
  }
}

async function changeBaseUrl(connection: ZaveitConnection, log: Log, url?: string): Promise<boolean> {
  const next = url ?? (await askBaseUrl(currentBaseUrl(connection)));
  if (next === undefined) return false;
  try {
    const server = await connection.setBaseUrl(next);
    if (!(await connection.hasToken(server))) {
      void showMessage('info', `Zaveit: now using ${server.origin}. No token is stored for it yet.`, {}, 'Set Token').then((choice) => {
        if (choice === 'Set Token') void vscode.commands.executeCommand(COMMANDS.zaveitSetToken.id);
      });
    }
    return true;
  } catch (err) {
    await showError(log, 'Zaveit: cannot change the base URL', err);
    return false;
  }
}
