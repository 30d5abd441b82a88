// Where the extension's calls go and with which key. Settings name the environment (user scope
// only, see domain/environment); SecretStorage holds one key per environment; one API client is
// kept per environment and rebuilt when its key or URL changes. Other windows see a key change
// through `secrets.onDidChange`.
import * as vscode from 'vscode';
import type { KelviqClient, RequestLogEntry } from '../../api';
import { core } from '../../coreLoader';
import {
  parseEnvironmentId,
  resolveEnvironment,
  userValue,
  workspaceTriedToSet,
  type Environment,
  type EnvironmentId,
  type EnvironmentResult,
} from '../../domain/environment';
import type { Log } from '../../logging';

const SECTION = 'kelviq';

export class NoApiKeyError extends Error {
  constructor(readonly environment: Environment) {
    super(`No API key is set for ${environment.label}. Run "Kelviq: Set API Key".`);
  }
}

export class EnvironmentProblemError extends Error {}

interface CachedClient {
  baseUrl: string;
  key: string;
  client: KelviqClient;
}

export class Connection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly clients = new Map<string, CachedClient>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private warnedWorkspace = false;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
  ) {
    this.disposables.push(
      secrets.onDidChange((e) => {
        if (e.key.startsWith('kelviq.apiKey.')) {
          this.dropClient(e.key);
          this.changed.fire();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Only the settings that decide where calls go (not e.g. confirmProductionWrites).
        if (e.affectsConfiguration(`${SECTION}.environment`) || e.affectsConfiguration(`${SECTION}.customBaseUrl`)) this.changed.fire();
      }),
    );
  }

  get currentId(): EnvironmentId {
    const config = vscode.workspace.getConfiguration(SECTION);
    const scopes = config.inspect<string>('environment');
    this.warnIfWorkspaceSets('environment', workspaceTriedToSet(scopes));
    return parseEnvironmentId(userValue(scopes));
  }

  current(): EnvironmentResult {
    return this.resolve(this.currentId);
  }

  resolve(id: EnvironmentId): EnvironmentResult {
    const scopes = vscode.workspace.getConfiguration(SECTION).inspect<string>('customBaseUrl');
    this.warnIfWorkspaceSets('customBaseUrl', workspaceTriedToSet(scopes));
    return resolveEnvironment(id, scopes);
  }

  /** The current environment, or an error naming what is wrong with its settings. */
  requireEnvironment(id: EnvironmentId = this.currentId): Environment {
    const result = this.resolve(id);
    if (!result.ok) throw new EnvironmentProblemError(result.problem);
    return result.environment;
  }

  async hasKey(environment: Environment): Promise<boolean> {
    return (await this.secrets.get(environment.secretKey)) !== undefined;
  }

  async storeKey(environment: Environment, key: string): Promise<void> {
    await this.secrets.store(environment.secretKey, key);
    this.log.info(`API key stored for ${environment.label}.`);
  }

  async deleteKey(environment: Environment): Promise<void> {
    await this.secrets.delete(environment.secretKey);
    this.log.info(`API key removed for ${environment.label}.`);
  }

  async switchTo(id: EnvironmentId): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('environment', id, vscode.ConfigurationTarget.Global);
  }

  /** The Custom base URL as the user's settings hold it (not necessarily valid), if one is set. */
  customBaseUrl(): string | undefined {
    const value = userValue(vscode.workspace.getConfiguration(SECTION).inspect<string>('customBaseUrl'));
    return value?.trim() ? value : undefined;
  }

  /** Writes the Custom base URL to the *user* settings, the only place it is read from. */
  async setCustomBaseUrl(url: string): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('customBaseUrl', url, vscode.ConfigurationTarget.Global);
  }

  /** A client for the environment (default: the current one); throws NoApiKeyError without a key. */
  async client(id: EnvironmentId = this.currentId): Promise<{ client: KelviqClient; environment: Environment }> {
    const environment = this.requireEnvironment(id);
    const key = await this.secrets.get(environment.secretKey);
    if (key === undefined) throw new NoApiKeyError(environment);
    const cached = this.clients.get(environment.secretKey);
    if (cached && cached.baseUrl === environment.baseUrl && cached.key === key) return { client: cached.client, environment };
    this.dropClient(environment.secretKey);
    const client = this.createClient(environment, key);
    this.clients.set(environment.secretKey, { baseUrl: environment.baseUrl, key, client });
    return { client, environment };
  }

  /** A one-off client for checking a key before it is stored. The caller closes it. */
  createClient(environment: Environment, key: string): KelviqClient {
    return new (core().KelviqClient)({
      baseUrl: environment.baseUrl,
      apiKey: key,
      environmentLabel: environment.label,
      userAgent: 'kelviq-catalog-vscode',
      onRequest: (entry) => this.logRequest(environment, entry),
    });
  }

  private logRequest(environment: Environment, e: RequestLogEntry): void {
    const id = e.requestId ? ` [${e.requestId}]` : '';
    const retry = e.attempt > 1 ? ` (attempt ${e.attempt})` : '';
    const line = `${environment.label} ${e.method} ${e.path} → ${e.status ?? e.error ?? 'failed'} ${Math.round(e.durationMs)} ms${retry}${id}`;
    if (e.status !== undefined && e.status < 400) this.log.info(line);
    else this.log.warn(line);
  }

  private warnIfWorkspaceSets(setting: string, tried: boolean): void {
    if (!tried || this.warnedWorkspace) return;
    this.warnedWorkspace = true;
    this.log.warn(`Ignoring "kelviq.${setting}" from workspace settings: only your user settings may choose where your API key is sent.`);
  }

  private dropClient(secretKey: string): void {
    const cached = this.clients.get(secretKey);
    if (!cached) return;
    this.clients.delete(secretKey);
    void cached.client.close();
  }

  dispose(): void {
    for (const key of [...this.clients.keys()]) this.dropClient(key);
    for (const d of this.disposables) d.dispose();
  }
}
