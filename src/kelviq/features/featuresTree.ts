// The Features tree: a TreeDataProvider over the environment's features, loaded all at once
// (features lists are small) and cancellable: a refresh, an environment or key change, or closing
// the window aborts a load still running. getChildren never shows a popup: errors become the
// view's message (details in the log). The tree remembers the environment its rows came from.
import * as vscode from 'vscode';
import type { CatalogFeature, KelviqClient } from '../../api';
import type { Environment, EnvironmentId } from '../../domain/environment';
import { isCancellation, rawMessage, userMessage, type Log } from '../../logging';
import { NoApiKeyError, type Connection } from '../connection/connection';
import { FeatureNode } from './featureTreeItems';

export const FEATURES_VIEW_ID = 'kelviq.features';

export class FeaturesTree implements vscode.TreeDataProvider<FeatureNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FeatureNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The listed features; undefined until loaded. */
  private features: CatalogFeature[] | undefined;
  private nodes = new Map<string, FeatureNode>();
  private listedFrom: EnvironmentId | undefined;
  private loading: Promise<void> | undefined;
  /** Why the list could not be loaded (the view's message until the next refresh). */
  private problem: string | undefined;
  /** Counts refreshes: a load that finishes after one is dropped. */
  private generation = 0;
  private abort = new AbortController();
  view: vscode.TreeView<FeatureNode> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
  ) {}

  getTreeItem(node: FeatureNode): vscode.TreeItem {
    return node;
  }

  getParent(): undefined {
    return undefined; // a flat list
  }

  async getChildren(node?: FeatureNode): Promise<FeatureNode[]> {
    if (node) return [];
    if (!this.features) {
      this.loading ??= this.load();
      await this.loading;
    }
    this.updateMessage();
    const env = this.listedFrom ?? this.connection.currentId;
    return (this.features ?? []).map((f) => this.nodeFor(f, env));
  }

  /** Forgets the list (aborting a load still running) and loads it again when next shown. */
  refresh(): void {
    this.generation++;
    this.abort.abort();
    this.abort = new AbortController();
    this.features = undefined;
    this.nodes.clear();
    this.listedFrom = undefined;
    this.problem = undefined;
    this.loading = undefined;
    this.changed.fire(undefined);
  }

  /** The environment the listed rows come from (undefined while nothing is listed). */
  get environment(): EnvironmentId | undefined {
    return this.listedFrom;
  }

  /** A listed feature of `environment`. */
  find(environment: EnvironmentId, featureId: string): CatalogFeature | undefined {
    return this.listedFrom === environment ? this.features?.find((f) => f.id === featureId) : undefined;
  }

  /** The identifiers listed for `environment` (empty when the tree lists another one, or nothing). */
  identifiers(environment: EnvironmentId): Set<string> {
    return new Set(this.listedFrom === environment ? (this.features ?? []).map((f) => f.identifier) : []);
  }

  /** Drops an archived feature's row, if the tree lists the environment it was archived in. */
  remove(environment: EnvironmentId, featureId: string): void {
    if (this.listedFrom !== environment || !this.features) return;
    const before = this.features.length;
    this.features = this.features.filter((f) => f.id !== featureId);
    this.nodes.delete(featureId);
    if (this.features.length !== before) this.changed.fire(undefined);
  }

  /** The row of a listed feature (for reveal). */
  nodeOf(featureId: string): FeatureNode | undefined {
    const feature = this.features?.find((f) => f.id === featureId);
    return feature && this.nodeFor(feature, this.listedFrom ?? this.connection.currentId);
  }

  private nodeFor(feature: CatalogFeature, env: EnvironmentId): FeatureNode {
    const existing = this.nodes.get(feature.id);
    if (existing && existing.feature === feature && existing.environment === env) return existing;
    const node = new FeatureNode(feature, env);
    this.nodes.set(feature.id, node);
    return node;
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    const signal = this.abort.signal;
    let session: { client: KelviqClient; environment: Environment };
    try {
      session = await this.connection.client();
    } catch (err) {
      // No key: the welcome view explains; a misconfigured environment: say what is wrong.
      if (!(err instanceof NoApiKeyError) && generation === this.generation) this.problem = userMessage(err);
      return;
    }
    if (generation !== this.generation) return;
    this.updateDescription(session.environment);
    await vscode.window.withProgress({ location: { viewId: FEATURES_VIEW_ID } }, async () => {
      try {
        const features = await session.client.listAllFeatures({ signal });
        if (generation !== this.generation) return;
        this.features = features;
        this.listedFrom = session.environment.id;
      } catch (err) {
        if (isCancellation(err) || generation !== this.generation) return;
        this.log.error(`Listing features failed: ${rawMessage(err)}`);
        this.problem = `Could not load features: ${userMessage(err)}`;
      }
    });
  }

  private updateMessage(): void {
    if (this.view) this.view.message = this.message();
  }

  private message(): string | undefined {
    if (this.problem !== undefined) return this.problem;
    if (this.features?.length === 0) return 'This catalog has no features yet. Create one with Kelviq: Create Feature…';
    return undefined;
  }

  private updateDescription(environment: Environment): void {
    if (this.view) this.view.description = environment.isProduction ? '⚠ PRODUCTION' : environment.label;
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }
}
