// Keeps the Zaveit connection visible: a status-bar item (the host, and the token's expiry in
// the warning colour in its last day, or when it expired or was rejected), the context keys
// that drive the welcome view and menus, a one-time warning when a token about to expire is
// used, and the Set Token offer after a 401.
import * as vscode from 'vscode';
import { showMessage } from '../../userMessages';
import { isApiError } from '../../apiErrors';
import { COMMANDS } from '../../commandTable';
import { describeExpiry, tokenExpiry } from '../../domain/zaveit/session';
import { plainText } from '../../domain/untrustedText';
import { showError, type Log } from '../../logging';
import type { ZaveitConnection } from './zaveitConnection';

export const CONTEXT_CONNECTED = 'zaveit.connected';
export const CONTEXT_HAS_BASE_URL = 'zaveit.hasBaseUrl';
export const CONTEXT_TOKEN_REJECTED = 'zaveit.tokenRejected';

export class ZaveitSessionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zaveit.session', vscode.StatusBarAlignment.Left, 49);
  /** The origin whose token the server rejected (until a new token or URL). */
  private rejectedOrigin: string | undefined;
  private warnedSoon = new Set<string>();

  constructor(
    private readonly connection: ZaveitConnection,
    private readonly log: Log,
  ) {
    this.item.name = 'Zaveit Session';
    this.item.command = COMMANDS.zaveitSetToken.id;
  }

  /** True while the server has rejected the configured origin's token (a 401), until a new token or URL. */
  get tokenRejected(): boolean {
    const origin = this.connection.origin;
    return origin !== undefined && this.rejectedOrigin === origin;
  }

  async update(): Promise<void> {
    const result = this.connection.resolve();
    const hasToken = result.ok ? await this.connection.hasToken(result.server) : false;
    const rejected = result.ok && hasToken && this.rejectedOrigin === result.server.origin;
    await vscode.commands.executeCommand('setContext', CONTEXT_HAS_BASE_URL, result.ok);
    await vscode.commands.executeCommand('setContext', CONTEXT_CONNECTED, hasToken && !rejected);
    await vscode.commands.executeCommand('setContext', CONTEXT_TOKEN_REJECTED, rejected);
    if (!result.ok || !hasToken) {
      this.item.hide();
      return;
    }
    const server = result.server;
    const session = this.connection.session(server);
    const expiry = session ? tokenExpiry(session.exp, Date.now()) : undefined;
    let icon = 'account';
    let text = server.host;
    let warn = false;
    if (rejected) {
      [icon, text, warn] = ['error', `${server.host}: token rejected`, true];
    } else if (expiry?.state === 'expired') {
      [icon, text, warn] = ['error', `${server.host}: token expired`, true];
    } else if (expiry?.state === 'expiresSoon') {
      [icon, text, warn] = ['warning', `${server.host}: token expires soon`, true];
    }
    this.item.text = `$(${icon}) Zaveit: ${text}`;
    const who = session ? `tenant ${plainText(session.tenant, 60)}; the token ${describeExpiry(session.exp, Date.now())}` : 'the token was not checked when it was stored';
    this.item.tooltip = `Zaveit calls go to ${server.baseUrl} (${who}). Click to set a new token.`;
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** A call is about to use the token: warn once per session in its last day. */
  noteUse(): void {
    const result = this.connection.resolve();
    if (!result.ok) return;
    const session = this.connection.session(result.server);
    if (!session || this.warnedSoon.has(result.server.origin)) return;
    if (tokenExpiry(session.exp, Date.now()).state !== 'expiresSoon') return;
    this.warnedSoon.add(result.server.origin);
    void this.update();
    void showMessage('warning', `Zaveit: your token for ${result.server.host} ${describeExpiry(session.exp, Date.now())}. Sign in to Zaveit again and set the new token before then.`, {}, 'Set Token')
      .then((choice) => {
        if (choice === 'Set Token') void vscode.commands.executeCommand(COMMANDS.zaveitSetToken.id);
      });
  }

  /** A call failed: after a 401 the status and the welcome view say so and offer Set Token. */
  noteFailure(err: unknown): void {
    if (!isApiError(err) || err.kind !== 'auth') return;
    const origin = this.connection.origin;
    if (origin === undefined || this.rejectedOrigin === origin) return;
    this.rejectedOrigin = origin;
    this.log.warn(`Zaveit: the token for ${origin} was rejected (401): expired or not valid.`);
    void this.update();
  }

  /** A new token or URL: forget the rejection. */
  reset(): void {
    this.rejectedOrigin = undefined;
    void this.update();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** Like showError, and offers Set Token when the server rejected the token. */
export async function showZaveitError(log: Log, status: ZaveitSessionStatus, summary: string, err: unknown): Promise<void> {
  status.noteFailure(err);
  const auth = isApiError(err) && err.kind === 'auth';
  const choice = await showError(log, `Zaveit: ${summary}`, err, ...(auth ? ['Set Token'] : []));
  if (choice === 'Set Token') void vscode.commands.executeCommand(COMMANDS.zaveitSetToken.id);
}

export function registerSessionStatus(context: vscode.ExtensionContext, connection: ZaveitConnection, log: Log): ZaveitSessionStatus {
  const status = new ZaveitSessionStatus(connection, log);
  context.subscriptions.push(status, connection.onDidChange(() => status.reset()));
  void status.update();
  return status;
}
