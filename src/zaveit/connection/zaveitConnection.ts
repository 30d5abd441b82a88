// Where Zaveit calls go and with which token. The base URL comes from the *user* setting
// `zaveit.baseUrl` only (application scope; the host is not public, so there is no default; the
// same URL rules as kelviq's Custom environment). SecretStorage holds one session token per
// origin (`zaveit.token.<origin>`): a token stored for one host is never sent to another. What
// GET /v1/auth/info said of the token (tenant, expiry) is kept beside it in global state (not
// secret). One client is kept and rebuilt when the URL or the token changes.
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../../api';
import type { ZaveitClient } from '../../api/zaveit/zaveitClient';
import { core } from '../../coreLoader';
import { checkCustomBaseUrl, userValue, workspaceTriedToSet } from '../../domain/environment';
import type { Log } from '../../logging';

export const ZAVEIT_SECTION = 'zaveit';
export const BASE_URL_SETTING = 'zaveit.baseUrl';
const TOKEN_PREFIX = 'zaveit.token.';
const SESSION_PREFIX = 'zaveit.session.';

/** Where the calls go: the checked base URL, its origin and how messages name it. */
export interface ZaveitServer {
  readonly baseUrl: string;
  readonly origin: string;
  /** `api.example.com` (with the port, if any). */
  readonly host: string;
  /** `Zaveit (api.example.com)`. */
  readonly label: string;
  readonly secretKey: string;
}

/** What GET /v1/auth/info said of the stored token. */
export interface ZaveitSession {
  tenant: string;
  /** Epoch ms. */
  exp: number;
  checkedAt: number;
}

export type ServerResult = { ok: true; server: ZaveitServer } | { ok: false; problem: string };

export class NoZaveitTokenError extends Error {
  constructor(readonly server: ZaveitServer) {
    super(`No Zaveit token is set for ${server.origin}. Run "Zaveit: Set Token".`);
  }
}

export class ZaveitSettingsError extends Error {}

/** The URL rules, with Zaveit's setting named in the problems. */
export function checkZaveitBaseUrl(raw: string | undefined): { ok: true; url: string } | { ok: false; problem: string } {
  return checkCustomBaseUrl(raw, { setting: BASE_URL_SETTING, noun: 'Zaveit base URL' });
}

export function serverFor(url: string): ZaveitServer {
  const parsed = new URL(url);
  return { baseUrl: url, origin: parsed.origin, host: parsed.host, label: `Zaveit (${parsed.host})`, secretKey: `${TOKEN_PREFIX}${parsed.origin}` };
}

export class ZaveitConnection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The URL, the token or the session changed. */
  readonly onDidChange = this.changed.event;
  private cached: { baseUrl: string; token: string; client: ZaveitClient } | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private warnedWorkspace = false;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly log: Log,
  ) {
    this.disposables.push(
      secrets.onDidChange((e) => {
        if (!e.key.startsWith(TOKEN_PREFIX)) return;
        this.dropClient();
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(BASE_URL_SETTING)) this.changed.fire();
      }),
    );
  }

  /** The configured server, or what is wrong with the setting. */
  resolve(): ServerResult {
    const scopes = vscode.workspace.getConfiguration(ZAVEIT_SECTION).inspect<string>('baseUrl');
    if (workspaceTriedToSet(scopes) && !this.warnedWorkspace) {
      this.warnedWorkspace = true;
      this.log.warn(`Zaveit: ignoring "${BASE_URL_SETTING}" from workspace settings: only your user settings may choose where your Zaveit token is sent.`);
    }
    const checked = checkZaveitBaseUrl(userValue(scopes));
    return checked.ok ? { ok: true, server: serverFor(checked.url) } : { ok: false, problem: checked.problem };
  }

  /** The configured server; throws a ZaveitSettingsError naming what is wrong. */
  requireServer(): ZaveitServer {
    const result = this.resolve();
    if (!result.ok) throw new ZaveitSettingsError(result.problem);
    return result.server;
  }

  /** The configured origin, or undefined when the setting is missing or invalid. */
  get origin(): string | undefined {
    const result = this.resolve();
    return result.ok ? result.server.origin : undefined;
  }

  /** Writes the base URL to the user settings (the only place it is read from). */
  async setBaseUrl(url: string): Promise<ZaveitServer> {
    const checked = checkZaveitBaseUrl(url);
    if (!checked.ok) throw new ZaveitSettingsError(checked.problem);
    await vscode.workspace.getConfiguration(ZAVEIT_SECTION).update('baseUrl', checked.url, vscode.ConfigurationTarget.Global);
    this.log.info(`Zaveit: base URL set to ${checked.url}.`);
    return serverFor(checked.url);
  }

  async hasToken(server: ZaveitServer): Promise<boolean> {
    return (await this.secrets.get(server.secretKey)) !== undefined;
  }

  async storeToken(server: ZaveitServer, token: string, session: Omit<ZaveitSession, 'checkedAt'> | undefined): Promise<void> {
    await this.secrets.store(server.secretKey, token);
    await this.state.update(`${SESSION_PREFIX}${server.origin}`, session ? { ...session, checkedAt: Date.now() } : undefined);
    this.log.info(`Zaveit: token stored for ${server.origin}${session ? ` (tenant ${session.tenant})` : ''}.`);
    this.changed.fire();
  }

  async deleteToken(server: ZaveitServer): Promise<void> {
    await this.secrets.delete(server.secretKey);
    await this.state.update(`${SESSION_PREFIX}${server.origin}`, undefined);
    this.log.info(`Zaveit: token removed for ${server.origin}.`);
    this.changed.fire();
  }

  /** What the last check of the server's token said (tenant, expiry), if it was checked. */
  session(server: ZaveitServer): ZaveitSession | undefined {
    return this.state.get<ZaveitSession>(`${SESSION_PREFIX}${server.origin}`);
  }

  /** A client for the configured server; throws NoZaveitTokenError without a token. */
  async client(): Promise<{ client: ZaveitClient; server: ZaveitServer }> {
    const server = this.requireServer();
    const token = await this.secrets.get(server.secretKey);
    if (token === undefined) throw new NoZaveitTokenError(server);
    if (this.cached && this.cached.baseUrl === server.baseUrl && this.cached.token === token) return { client: this.cached.client, server };
    this.dropClient();
    const client = this.createClient(server, token);
    this.cached = { baseUrl: server.baseUrl, token, client };
    return { client, server };
  }

  /** A one-off client, e.g. to check a token before it is stored. The caller closes it. */
  createClient(server: ZaveitServer, token: string): ZaveitClient {
    return new (core().ZaveitClient)({
      baseUrl: server.baseUrl,
      token,
      environmentLabel: server.host, // messages read "Zaveit (api.example.com) answered …"
      userAgent: 'kelviq-catalog-vscode (zaveit)',
      onRequest: (entry) => this.logRequest(server, entry),
    });
  }

  private logRequest(server: ZaveitServer, e: RequestLogEntry): void {
    const id = e.requestId ? ` [${e.requestId}]` : '';
    const retry = e.attempt > 1 ? ` (attempt ${e.attempt})` : '';
    const line = `${server.label} ${e.method} ${e.path} → ${e.status ?? e.error ?? 'failed'} ${Math.round(e.durationMs)} ms${retry}${id}`;
    if (e.status !== undefined && e.status < 400) this.log.info(line);
    else this.log.warn(line);
  }

  private dropClient(): void {
    const cached = this.cached;
    this.cached = undefined;
    if (cached) void cached.client.close();
  }

  dispose(): void {
    this.dropClient();
    for (const d of this.disposables) d.dispose();
  }
}
