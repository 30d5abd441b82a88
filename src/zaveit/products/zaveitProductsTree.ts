// The Zaveit Products tree: a TreeDataProvider over ZaveitProductList, plus the controller that
// fetches pages. The list endpoint's paging is not documented: a server that ignores `~page` /
// `~perPage` is noticed (ProductListPage.unpaged), its whole list is kept, the search is applied
// here and the view's message says so. Soft-deleted products are hidden unless shown. getChildren
// never shows a popup: errors become the view's message (details in the log).
import * as vscode from 'vscode';
import type { Product } from '../../api/zaveit/schemas';
import type { ZaveitClient } from '../../api/zaveit/zaveitClient';
import { ZaveitProductList } from '../../domain/zaveit/productList';
import { isCancellation, userMessage, type Log } from '../../logging';
import type { ZaveitSessionStatus } from '../connection/sessionStatus';
import { NoZaveitTokenError, ZaveitSettingsError, type ZaveitConnection } from '../connection/zaveitConnection';
import { ZaveitLoadMoreNode, ZaveitProductNode, type ZaveitTreeNode } from './zaveitTreeItems';

export const ZAVEIT_PRODUCTS_VIEW_ID = 'zaveit.products';
export const CONTEXT_SEARCH_ACTIVE = 'zaveit.searchActive';
export const CONTEXT_SHOWING_DELETED = 'zaveit.showingDeleted';

export class ZaveitProductsTree implements vscode.TreeDataProvider<ZaveitTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ZaveitTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly model = new ZaveitProductList(100);
  private nodes = new Map<string, ZaveitProductNode>();
  private firstPage: Promise<void> | undefined;
  private problem: string | undefined;
  private loadingMore: Promise<void> | undefined;
  private abort = new AbortController();
  /** The origin the listed rows came from. */
  private listedOrigin: string | undefined;
  private _showDeleted = false;
  view: vscode.TreeView<ZaveitTreeNode> | undefined;

  constructor(
    private readonly connection: ZaveitConnection,
    private readonly status: ZaveitSessionStatus,
    private readonly log: Log,
  ) {}

  get showDeleted(): boolean {
    return this._showDeleted;
  }

  setShowDeleted(show: boolean): void {
    this._showDeleted = show;
    void vscode.commands.executeCommand('setContext', CONTEXT_SHOWING_DELETED, show);
    this.changed.fire(undefined);
  }

  getTreeItem(node: ZaveitTreeNode): vscode.TreeItem {
    return node;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ZaveitTreeNode): vscode.TreeItem {
    if (node instanceof ZaveitProductNode) node.resolveTooltip();
    return item;
  }

  getParent(): undefined {
    return undefined; // a flat list
  }

  async getChildren(node?: ZaveitTreeNode): Promise<ZaveitTreeNode[]> {
    if (node) return [];
    if (!this.model.loaded) {
      this.firstPage ??= this.loadFirstPage();
      await this.firstPage;
    }
    return this.rootNodes();
  }

  refresh(): void {
    this.setSearch(this.model.search);
  }

  /** Lists what matches `search` (the server's `~search`, or locally); undefined lists everything. */
  setSearch(search: string | undefined): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.model.reset(search);
    this.listedOrigin = undefined;
    this.nodes.clear();
    this.problem = undefined;
    this.firstPage = undefined;
    this.loadingMore = undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_SEARCH_ACTIVE, this.model.search !== undefined);
    this.changed.fire(undefined);
  }

  async loadMore(): Promise<void> {
    if (!this.model.hasMore) return;
    if (this.model.unpaged) {
      if (this.model.showMoreLocally()) this.changed.fire(undefined);
      return;
    }
    this.loadingMore ??= this.fetchNextPage().finally(() => (this.loadingMore = undefined));
    await this.loadingMore;
  }

  async loadAll(progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken): Promise<void> {
    if (this.model.unpaged) {
      this.model.showAllLocally();
      this.changed.fire(undefined);
      return;
    }
    const { client } = await this.connection.client();
    const generation = this.model.generation;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const all = await client.listAllProducts({
        ...(this.model.search ? { search: this.model.search } : {}),
        signal: abort.signal,
        onPage: (_added, loaded) => progress.report({ message: `${loaded.toLocaleString('en-US')} loaded` }),
      });
      if (all.truncated) this.log.warn(`Zaveit: Load all stopped after ${all.items.length} products (${all.requests} requests).`);
      if (this.model.acceptAll(generation, all.items, all.unpaged)) {
        if (all.unpaged) this.model.showAllLocally();
        this.changed.fire(undefined);
      }
    } catch (err) {
      this.status.noteFailure(err);
      throw err;
    } finally {
      sub.dispose();
    }
  }

  /** Shows a product that was just created, saved or archived, without refetching the list. */
  upsert(product: Product): ZaveitProductNode | undefined {
    this.model.upsert(product);
    this.changed.fire(undefined);
    return this.listedOrigin ? this.nodeFor(product, this.listedOrigin) : undefined;
  }

  /** A document of `origin` saved `product`: shown only in the tree of that server, and during a search only if listed. */
  showSaved(origin: string, product: Product): void {
    if (origin !== this.listedOrigin) return;
    if (this.model.search !== undefined && !this.model.find(product.id)) return;
    this.upsert(product);
  }

  nodeFor(product: Product, origin: string): ZaveitProductNode {
    const existing = this.nodes.get(product.id);
    if (existing && existing.product === product && existing.origin === origin) return existing;
    const node = new ZaveitProductNode(product, origin);
    this.nodes.set(product.id, node);
    return node;
  }

  /** The product rows shown now (for tests and commands). */
  productNodes(): ZaveitProductNode[] {
    const origin = this.listedOrigin;
    return origin ? this.model.items(this._showDeleted).map((p) => this.nodeFor(p, origin)) : [];
  }

  private rootNodes(): ZaveitTreeNode[] {
    const nodes: ZaveitTreeNode[] = this.productNodes();
    if (this.model.hasMore) nodes.push(new ZaveitLoadMoreNode(this.model.items(true).length, this.model.unpaged));
    if (this.view) this.view.message = this.message();
    return nodes;
  }

  private async loadFirstPage(): Promise<void> {
    let session: { client: ZaveitClient; server: { origin: string; host: string } };
    try {
      session = await this.connection.client();
    } catch (err) {
      // No token or no URL: the welcome view explains. A bad URL: say what is wrong.
      if (err instanceof NoZaveitTokenError || (err instanceof ZaveitSettingsError && !this.hasUserBaseUrl())) return;
      this.problem = userMessage(err);
      return;
    }
    this.status.noteUse();
    this.listedOrigin = session.server.origin;
    if (this.view) this.view.description = session.server.host;
    await this.withViewProgress(() => this.fetchPage(session.client, 1));
  }

  private hasUserBaseUrl(): boolean {
    return (vscode.workspace.getConfiguration('zaveit').inspect<string>('baseUrl')?.globalValue ?? '').trim() !== '';
  }

  private async fetchNextPage(): Promise<void> {
    const { client } = await this.connection.client();
    await this.withViewProgress(() => this.fetchPage(client, this.model.nextPage));
    this.changed.fire(undefined);
  }

  private async fetchPage(client: ZaveitClient, page: number): Promise<void> {
    const generation = this.model.generation;
    const signal = this.abort.signal;
    const search = this.model.search;
    try {
      const answer = await client.listProducts({
        page,
        perPage: this.model.perPage,
        ...(search ? { search } : {}),
        ...(page > 1 ? { previousPageIds: this.model.previousPageIds } : {}),
        signal,
      });
      if (answer.unpaged && answer.unpagedReason === 'repeated') {
        // The server ignored `~page`: the documented call without paging parameters sends all.
        const everything = await client.listProductsAtOnce({ ...(search ? { search } : {}), signal });
        this.model.acceptAll(generation, everything.items, true);
      } else {
        this.model.acceptPage(generation, answer);
      }
      if (this.model.unpaged) this.log.info(`Zaveit: the server ignored paging; ${this.model.matchCount} products loaded at once, searched here.`);
    } catch (err) {
      if (isCancellation(err)) return;
      this.status.noteFailure(err);
      this.log.error(`Zaveit: listing products failed: ${userMessage(err)}`);
      this.problem = `Could not load products: ${userMessage(err)}`;
    }
  }

  private withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: ZAVEIT_PRODUCTS_VIEW_ID } }, task));
  }

  private message(): string | undefined {
    if (this.problem !== undefined) return this.problem;
    if (!this.model.loaded) return undefined;
    const parts: string[] = [];
    const search = this.model.search;
    if (search !== undefined) {
      const n = this.model.unpaged ? this.model.matchCount : this.model.items(true).length;
      const more = !this.model.unpaged && this.model.hasMore ? '+' : '';
      parts.push(`Search “${search}”: ${n}${more} ${n === 1 ? 'product' : 'products'}.`);
    }
    if (this.model.unpaged) {
      parts.push(
        search !== undefined
          ? 'The server ignored paging and sent its whole list, so the search was done here.'
          : 'The server ignored paging and sent its whole list at once.',
      );
    }
    const hidden = this._showDeleted ? 0 : this.model.deletedCount();
    if (hidden > 0) parts.push(`${hidden} deleted ${hidden === 1 ? 'product' : 'products'} hidden (Show Deleted Products).`);
    if (search !== undefined) parts.push('Clear Search shows all.');
    if (parts.length === 0 && this.model.items(true).length === 0) return 'This catalog has no products yet. Create one with Zaveit: Create Product…';
    return parts.length > 0 ? parts.join(' ') : undefined;
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }
}
