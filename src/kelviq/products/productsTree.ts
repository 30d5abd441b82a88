// The Products tree: a TreeDataProvider over ProductListModel, plus the controller that fetches
// pages. getChildren never shows a popup: errors become the view's message (details in the log).
// The tree remembers the environment its rows were listed from: later pages, Load all, rows'
// Open/Archive and showSaved act on that environment, not on whatever the settings say now.
import * as vscode from 'vscode';
import type { KelviqClient, Product } from '../../api';
import { NoApiKeyError, type Connection } from '../connection/connection';
import { ProductListModel } from '../../domain/catalog';
import type { Environment, EnvironmentId } from '../../domain/environment';
import { quoted } from '../../domain/untrustedText';
import { isCancellation, rawMessage, userMessage, type Log } from '../../logging';
import { LoadMoreNode, ProductNode, type ProductChildNode, type ProductsTreeNode } from './productTreeItems';

export const PRODUCTS_VIEW_ID = 'kelviq.products';
export const CONTEXT_SEARCH_ACTIVE = 'kelviq.searchActive';

/** What a product row expands into; supplied by other features (the plans, the images), shown in that order. */
export interface ProductChildren {
  childrenOf(product: ProductNode): Promise<ProductChildNode[]>;
  /** Fills in what a child row shows on hover (its tooltip), when VS Code asks. */
  resolve(item: vscode.TreeItem, node: ProductChildNode, token: vscode.CancellationToken): Promise<vscode.TreeItem>;
  /** The tree forgot its rows (refresh, search, another environment). */
  reset(): void;
}

export class ProductsTree implements vscode.TreeDataProvider<ProductsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProductsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Asks for 100 per page; pages are counted in the size the server serves (see the model). */
  readonly model = new ProductListModel<Product>(100);
  private nodes = new Map<string, ProductNode>();
  /** Where the rows were listed from; undefined until the first page is asked for. */
  private listedFrom: EnvironmentId | undefined;
  private firstPage: Promise<void> | undefined;
  /** Why the list could not be loaded (shown as the view's message until the next reset). */
  private problem: string | undefined;
  private loadingMore: Promise<void> | undefined;
  private abort = new AbortController();
  view: vscode.TreeView<ProductsTreeNode> | undefined;
  /** Files dropped on a row (ProductFileDrops); set by the feature that takes them. */
  dropFiles: ((node: ProductsTreeNode, files: vscode.Uri[]) => Promise<void>) | undefined;
  /** Filled before the view is created; without any, product rows do not expand. */
  readonly children: ProductChildren[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
  ) {}

  getTreeItem(node: ProductsTreeNode): vscode.TreeItem {
    return node;
  }

  getParent(node: ProductsTreeNode): ProductsTreeNode | undefined {
    return 'parentNode' in node ? node.parentNode : undefined; // products are top-level rows
  }

  async getChildren(node?: ProductsTreeNode): Promise<ProductsTreeNode[]> {
    if (node instanceof ProductNode) return (await Promise.all(this.children.map((c) => c.childrenOf(node)))).flat();
    if (node) return 'childNodes' in node && typeof node.childNodes === 'function' ? node.childNodes() : [];
    if (!this.model.loaded) {
      this.firstPage ??= this.loadFirstPage();
      await this.firstPage;
    }
    return this.rootNodes();
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ProductsTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    for (const children of this.children) item = await children.resolve(item, node as ProductChildNode, token);
    return item;
  }

  /** Shows a product's children again (its plans changed), if the product is listed from `environment`. */
  refreshChildren(environment: EnvironmentId, productId: string): void {
    const node = this.listedFrom === environment ? this.nodes.get(productId) : undefined;
    if (node && node.environment === environment) this.changed.fire(node);
  }

  /** Forgets the list and fetches the first page again (the tree keeps its selection by id). */
  refresh(): void {
    this.setSearch(this.model.search);
  }

  /** The environment the listed rows come from (undefined while nothing is listed). */
  get environment(): EnvironmentId | undefined {
    return this.listedFrom;
  }

  /** Lists what the server's search returns for `search`; undefined lists everything. */
  setSearch(search: string | undefined): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.model.reset(search);
    this.nodes.clear();
    this.listedFrom = undefined;
    this.problem = undefined;
    this.firstPage = undefined;
    this.loadingMore = undefined;
    for (const children of this.children) children.reset();
    void vscode.commands.executeCommand('setContext', CONTEXT_SEARCH_ACTIVE, this.model.search !== undefined);
    this.changed.fire(undefined);
  }

  async loadMore(): Promise<void> {
    if (!this.model.hasMore) return;
    this.loadingMore ??= this.fetchNextPage().finally(() => (this.loadingMore = undefined));
    await this.loadingMore;
  }

  async loadAll(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<void> {
    const { client, environment } = await this.connection.client(this.listedFrom);
    const generation = this.model.generation;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    let reported = 0;
    try {
      const all = await client.listAllProducts({
        search: this.model.search,
        signal: abort.signal,
        onPage: (_items, loaded, total) => {
          // A refetch after the catalog changed starts again from 0: the bar never goes back.
          const pct = Math.min(100, total > 0 ? (loaded / total) * 100 : 100);
          progress.report({ message: `${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`, increment: Math.max(0, pct - reported) });
          reported = Math.max(reported, pct);
        },
      });
      if (this.model.generation === generation && this.listedFrom === undefined) this.listedFrom = environment.id;
      if (this.listedFrom === environment.id && this.model.acceptAll(generation, all)) this.changed.fire(undefined);
    } finally {
      sub.dispose();
    }
  }

  /** Shows a product that was just created (Create Product…), without refetching the list. */
  upsert(product: Product): ProductNode {
    this.model.upsert(product);
    this.changed.fire(undefined);
    return this.nodeFor(product);
  }

  /**
   * Shows the server's version of a product that was just saved in `environment`. Changes
   * nothing when the tree lists another environment (or nothing). A listed row is replaced in
   * place; an unlisted product is added only to a complete list without a search (during a
   * search it may not match; with pages still to load, its own page will bring it).
   */
  showSaved(environment: EnvironmentId, product: Product): ProductNode | undefined {
    if (this.listedFrom !== environment || !this.model.loaded) return undefined;
    if (!this.model.replace(product)) {
      if (this.model.search !== undefined || this.model.hasMore) return undefined;
      this.model.upsert(product);
    }
    this.changed.fire(undefined);
    return this.nodeFor(product, environment);
  }

  /** Drops an archived product's row, if the tree lists the environment it was archived in. */
  remove(environment: EnvironmentId, productId: string): void {
    if (this.listedFrom === environment && this.model.remove(productId)) this.changed.fire(undefined);
  }

  /** A listed product of `environment`, if the tree lists that environment. */
  find(environment: EnvironmentId, productId: string): Product | undefined {
    return this.listedFrom === environment ? this.model.find(productId) : undefined;
  }

  nodeFor(product: Product, env: EnvironmentId = this.listedFrom ?? this.connection.currentId): ProductNode {
    const existing = this.nodes.get(product.id);
    if (existing && existing.product === product && existing.environment === env) return existing;
    const node = new ProductNode(product, env, this.children.length > 0);
    this.nodes.set(product.id, node);
    return node;
  }

  private rootNodes(): ProductsTreeNode[] {
    const env = this.listedFrom ?? this.connection.currentId; // read once, not once per row
    const nodes: ProductsTreeNode[] = this.model.items.map((p) => this.nodeFor(p, env));
    if (this.model.hasMore) nodes.push(new LoadMoreNode(this.model.items.length, this.model.total ?? 0));
    this.updateMessage();
    return nodes;
  }

  private async loadFirstPage(): Promise<void> {
    const generation = this.model.generation;
    let session: { client: KelviqClient; environment: Environment };
    try {
      session = await this.connection.client();
    } catch (err) {
      // No key: the welcome view explains; a misconfigured environment: say what is wrong.
      if (!(err instanceof NoApiKeyError) && generation === this.model.generation) this.problem = userMessage(err);
      return;
    }
    if (generation !== this.model.generation) return; // refreshed meanwhile (e.g. another environment)
    this.listedFrom = session.environment.id;
    this.updateDescription(session.environment);
    await this.withViewProgress(() => this.fetchPage(session.client, 1, generation));
  }

  private async fetchNextPage(): Promise<void> {
    const generation = this.model.generation;
    const { client } = await this.connection.client(this.listedFrom);
    await this.withViewProgress(() => this.fetchPage(client, this.model.nextPage, generation));
    this.changed.fire(undefined);
  }

  private async fetchPage(client: KelviqClient, page: number, generation: number): Promise<void> {
    if (generation !== this.model.generation) return;
    const signal = this.abort.signal;
    try {
      const answer = await client.listProducts({ search: this.model.search, page, pageSize: this.model.pageSize, signal });
      this.model.acceptPage(generation, page, answer);
    } catch (err) {
      if (isCancellation(err) || generation !== this.model.generation) return;
      this.log.error(`Listing products failed: ${rawMessage(err)}`);
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
      return `Search ${quoted(search)}: ${n} ${n === 1 ? 'product' : 'products'}. Clear Search shows all.`;
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
