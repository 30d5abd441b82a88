// The Products tree: a TreeDataProvider over ProductListModel, plus the controller that fetches
// pages. getChildren never shows a popup: errors become the view's message (details in the log).
import * as vscode from 'vscode';
import type { KelviqClient, Product } from '../../api';
import { NoApiKeyError, type Connection } from '../connection/connection';
import { ProductListModel } from '../../domain/catalog';
import type { Environment, EnvironmentId } from '../../domain/environment';
import { isCancellation, userMessage, type Log } from '../../logging';
import { LoadMoreNode, ProductNode, type ProductsTreeNode } from './productTreeItems';

export const PRODUCTS_VIEW_ID = 'kelviq.products';
export const CONTEXT_SEARCH_ACTIVE = 'kelviq.searchActive';

export class ProductsTree implements vscode.TreeDataProvider<ProductsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProductsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly model = new ProductListModel<Product>(100);
  private nodes = new Map<string, ProductNode>();
  private firstPage: Promise<void> | undefined;
  /** Why the list could not be loaded (shown as the view's message until the next reset). */
  private problem: string | undefined;
  private loadingMore: Promise<void> | undefined;
  private abort = new AbortController();
  /** The environment the listed rows came from. */
  private listedEnvironment: EnvironmentId | undefined;
  view: vscode.TreeView<ProductsTreeNode> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
  ) {}

  getTreeItem(node: ProductsTreeNode): vscode.TreeItem {
    return node;
  }

  getParent(): undefined {
    return undefined; // a flat list
  }

  async getChildren(node?: ProductsTreeNode): Promise<ProductsTreeNode[]> {
    if (node) return [];
    if (!this.model.loaded) {
      this.firstPage ??= this.loadFirstPage();
      await this.firstPage;
    }
    return this.rootNodes();
  }

  /** Forgets the list and fetches the first page again (the tree keeps its selection by id). */
  refresh(): void {
    this.setSearch(this.model.search);
  }

  /** Lists what the server's search returns for `search`; undefined lists everything. */
  setSearch(search: string | undefined): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.model.reset(search);
    this.listedEnvironment = undefined;
    this.nodes.clear();
    this.problem = undefined;
    this.firstPage = undefined;
    this.loadingMore = undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_SEARCH_ACTIVE, this.model.search !== undefined);
    this.changed.fire(undefined);
  }

  async loadMore(): Promise<void> {
    if (!this.model.hasMore) return;
    this.loadingMore ??= this.fetchNextPage().finally(() => (this.loadingMore = undefined));
    await this.loadingMore;
  }

  async loadAll(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<void> {
    const { client } = await this.connection.client();
    const generation = this.model.generation;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    let reported = 0;
    try {
      const all = await client.listAllProducts({
        search: this.model.search,
        signal: abort.signal,
        onPage: (_items, loaded, total) => {
          const pct = total > 0 ? (loaded / total) * 100 : 100;
          progress.report({ message: `${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`, increment: pct - reported });
          reported = pct;
        },
      });
      if (this.model.acceptAll(generation, all)) this.changed.fire(undefined);
    } finally {
      sub.dispose();
    }
  }

  /** Shows a product that was just created or saved, without refetching the list. */
  upsert(product: Product): ProductNode {
    this.model.upsert(product);
    this.changed.fire(undefined);
    return this.nodeFor(product);
  }

  /**
   * Shows a product a document just saved: only in the tree of that document's environment, and
   * during a search only by replacing a row already listed (the saved product may not match it).
   */
  showSaved(environment: EnvironmentId, product: Product): void {
    if (environment !== this.listedEnvironment) return;
    if (this.model.search !== undefined && !this.model.find(product.id)) return;
    this.upsert(product);
  }

  remove(productId: string): void {
    if (this.model.remove(productId)) this.changed.fire(undefined);
  }

  nodeFor(product: Product, env: EnvironmentId = this.connection.currentId): ProductNode {
    const existing = this.nodes.get(product.id);
    if (existing && existing.product === product && existing.environment === env) return existing;
    const node = new ProductNode(product, env);
    this.nodes.set(product.id, node);
    return node;
  }

  private rootNodes(): ProductsTreeNode[] {
    const env = this.connection.currentId; // read the settings once, not once per row
    const nodes: ProductsTreeNode[] = this.model.items.map((p) => this.nodeFor(p, env));
    if (this.model.hasMore) nodes.push(new LoadMoreNode(this.model.items.length, this.model.total ?? 0));
    this.updateMessage();
    return nodes;
  }

  private async loadFirstPage(): Promise<void> {
    let session: { client: KelviqClient; environment: Environment };
    try {
      session = await this.connection.client();
    } catch (err) {
      // No key: the welcome view explains; a misconfigured environment: say what is wrong.
      if (!(err instanceof NoApiKeyError)) this.problem = userMessage(err);
      return;
    }
    this.listedEnvironment = session.environment.id;
    this.updateDescription(session.environment);
    await this.withViewProgress(() => this.fetchPage(session.client, 1));
  }

  private async fetchNextPage(): Promise<void> {
    const { client } = await this.connection.client();
    await this.withViewProgress(() => this.fetchPage(client, this.model.nextPage));
    this.changed.fire(undefined);
  }

  private async fetchPage(client: KelviqClient, page: number): Promise<void> {
    const generation = this.model.generation;
    const signal = this.abort.signal;
    try {
      const answer = await client.listProducts({ search: this.model.search, page, pageSize: this.model.pageSize, signal });
      this.model.acceptPage(generation, page, answer);
    } catch (err) {
      if (isCancellation(err)) return;
      this.log.error(`Listing products failed: ${userMessage(err)}`);
      this.problem = `Could not load products: ${userMessage(err)}`;
    }
  }

  private withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: PRODUCTS_VIEW_ID } }, task));
  }

  private updateMessage(): void {
    if (this.view) this.view.message = this.message();
  }

  private message(): string | undefined {
    if (this.problem !== undefined) return this.problem;
    const search = this.model.search;
    if (search !== undefined) {
      const n = this.model.total ?? 0;
      return `Search “${search}”: ${n} ${n === 1 ? 'product' : 'products'}. Clear Search shows all.`;
    }
    if (this.model.loaded && this.model.items.length === 0) return 'This catalog has no products yet. Create one with Kelviq: Create Product…';
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
