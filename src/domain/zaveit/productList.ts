// The Zaveit products the tree shows. Two modes, because the list endpoint's paging is not
// documented: a server that pages (`~page` / `~perPage`) gives pages appended as they arrive,
// more asked for while the last page was full; a server that ignored paging sent everything at
// once, and then the search is applied here (filterProducts) and rows are shown a page at a time
// from memory. A `generation` number drops answers that arrive after a refresh or a new search.
// Pure and synchronous; the tree's controller does the fetching.
import { filterProducts, type ProductListPage } from '../../api/zaveit/listPage';
import type { Product } from '../../api/zaveit/schemas';
import { productState } from './product/treeText';

export class ZaveitProductList {
  private all: Product[] = [];
  private _search: string | undefined;
  private _generation = 0;
  private _loaded = false;
  private _unpaged = false;
  private serverHasMore = false;
  private pagesLoaded = 0;
  private lastPageIds: string[] = [];
  /** In unpaged mode: how many matching rows are shown. */
  private shown = 0;

  constructor(readonly perPage = 100) {}

  get search(): string | undefined {
    return this._search;
  }
  get generation(): number {
    return this._generation;
  }
  get loaded(): boolean {
    return this._loaded;
  }
  /** True when the server ignored the paging parameters: the whole list is here, searched locally. */
  get unpaged(): boolean {
    return this._unpaged;
  }
  get nextPage(): number {
    return this.pagesLoaded + 1;
  }
  /** The ids of the last page, so the client can notice a server that answers every page alike. */
  get previousPageIds(): readonly string[] {
    return this.lastPageIds;
  }

  /** The products matching the search (all loaded ones, in unpaged mode all that match). */
  private matching(): Product[] {
    return this._unpaged ? filterProducts(this.all, this._search) : this.all;
  }

  /** The rows to show, deleted ones only when asked for. */
  items(showDeleted: boolean): Product[] {
    const rows = this._unpaged ? this.matching().slice(0, this.shown) : this.all;
    return showDeleted ? rows : rows.filter((p) => productState(p) !== 'deleted');
  }

  /** How many products match (known in unpaged mode; else how many are loaded). */
  get matchCount(): number {
    return this.matching().length;
  }

  /** How many loaded products are soft-deleted (hidden unless shown). */
  deletedCount(): number {
    return (this._unpaged ? this.matching().slice(0, this.shown) : this.all).filter((p) => productState(p) === 'deleted').length;
  }

  get hasMore(): boolean {
    if (!this._loaded) return false;
    return this._unpaged ? this.shown < this.matching().length : this.serverHasMore;
  }

  /** Forgets everything (refresh, new search, new server); returns the new generation. */
  reset(search?: string): number {
    const trimmed = search?.trim();
    this._search = trimmed ? trimmed : undefined;
    this.all = [];
    this._loaded = false;
    this._unpaged = false;
    this.serverHasMore = false;
    this.pagesLoaded = 0;
    this.lastPageIds = [];
    this.shown = 0;
    return ++this._generation;
  }

  /** Appends a page of generation `generation`; false (and no change) when it is stale or out of order. */
  acceptPage(generation: number, page: ProductListPage): boolean {
    if (generation !== this._generation || page.page !== this.pagesLoaded + 1) return false;
    if (page.unpaged) return this.acceptAll(generation, page.items, true);
    const seen = new Set(this.all.map((p) => p.id));
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      this.all.push(item);
    }
    this._loaded = true;
    this.pagesLoaded = page.page;
    this.serverHasMore = page.hasMore;
    this.lastPageIds = page.items.map((p) => p.id);
    return true;
  }

  /** Replaces the list with a complete one (Load all, or an unpaged answer); false when stale. */
  acceptAll(generation: number, items: readonly Product[], unpaged: boolean): boolean {
    if (generation !== this._generation) return false;
    this.all = [...items];
    this._loaded = true;
    this._unpaged = unpaged;
    this.serverHasMore = false;
    this.pagesLoaded = Math.max(1, Math.ceil(items.length / this.perPage));
    this.shown = unpaged ? Math.max(this.shown, this.perPage) : 0;
    return true;
  }

  /** Unpaged mode: show the next page of matching rows from memory. False when there is nothing more here. */
  showMoreLocally(): boolean {
    if (!this._unpaged || !this.hasMore) return false;
    this.shown += this.perPage;
    return true;
  }

  /** Unpaged mode: show every matching row. */
  showAllLocally(): void {
    if (this._unpaged) this.shown = this.matching().length;
  }

  find(id: string): Product | undefined {
    return this.all.find((p) => p.id === id);
  }

  /** Inserts (first) or replaces one product after a create, save or archive, without a refetch. */
  upsert(item: Product): void {
    const i = this.all.findIndex((p) => p.id === item.id);
    if (i >= 0) this.all[i] = item;
    else {
      this.all.unshift(item);
      if (this._unpaged) this.shown += 1;
    }
    this._loaded = true;
  }

  remove(id: string): boolean {
    const before = this.all.length;
    this.all = this.all.filter((p) => p.id !== id);
    return this.all.length < before;
  }
}
