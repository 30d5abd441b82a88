// The products the tree shows: pages appended as they arrive, the active search, and whether more
// remain. Pure and synchronous; the view's controller does the fetching. A `generation` number
// drops answers that arrive after a refresh or a new search (no stale page ever lands). Pages are
// counted in the size the server serves (page 1 says it), which may be less than the size asked
// for; a short or empty page ends the list whatever `count` claims.

export interface Listed {
  readonly id: string;
}

export interface PageAnswer<T> {
  readonly count: number;
  readonly results: readonly T[];
}

export class ProductListModel<T extends Listed> {
  private _items: T[] = [];
  private _total: number | undefined;
  private _pagesLoaded = 0;
  private _search: string | undefined;
  private _generation = 0;
  private _servedPageSize: number | undefined;
  private _exhausted = false;

  /** @param pageSize the page size to ask for (the server may serve fewer per page). */
  constructor(readonly pageSize = 100) {}

  get items(): readonly T[] {
    return this._items;
  }
  /** The server's count for the current search; undefined before the first page arrives. */
  get total(): number | undefined {
    return this._total;
  }
  get search(): string | undefined {
    return this._search;
  }
  get generation(): number {
    return this._generation;
  }
  get loaded(): boolean {
    return this._total !== undefined;
  }
  /** Products per page as the server serves them: page 1's size when it is not the whole list, else pageSize. */
  get servedPageSize(): number {
    return this._servedPageSize ?? this.pageSize;
  }
  get hasMore(): boolean {
    return (
      this._total !== undefined &&
      !this._exhausted &&
      this._items.length < this._total &&
      this._pagesLoaded * this.servedPageSize < this._total
    );
  }
  /** The page to ask for next (1-based). */
  get nextPage(): number {
    return this._pagesLoaded + 1;
  }

  /** Forgets everything (refresh, new search, new environment); returns the new generation. */
  reset(search?: string): number {
    const trimmed = search?.trim();
    this._search = trimmed ? trimmed : undefined;
    this._items = [];
    this._total = undefined;
    this._pagesLoaded = 0;
    this._servedPageSize = undefined;
    this._exhausted = false;
    return ++this._generation;
  }

  /** Appends page `page` of generation `generation`; false (and no change) when it is stale. */
  acceptPage(generation: number, page: number, answer: PageAnswer<T>): boolean {
    if (generation !== this._generation || page !== this._pagesLoaded + 1) return false;
    const seen = new Set(this._items.map((p) => p.id));
    // The list can shift between page requests (a product created or archived meanwhile):
    // never show one product twice.
    for (const item of answer.results) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      this._items.push(item);
    }
    if (page === 1) {
      const served = answer.results.length;
      this._servedPageSize = served > 0 && served < answer.count ? served : this.pageSize;
    }
    // A short page is the last one, whatever the count says (a hostile or stale count of 1e15
    // must not keep "Load more" alive).
    if (answer.results.length === 0 || answer.results.length < this.servedPageSize) this._exhausted = true;
    this._total = answer.count;
    this._pagesLoaded = page;
    return true;
  }

  /** Replaces the list with a complete one (Load all); false when stale. */
  acceptAll(generation: number, items: readonly T[]): boolean {
    if (generation !== this._generation) return false;
    this._items = [...items];
    this._total = items.length;
    this._pagesLoaded = Math.ceil(items.length / this.servedPageSize);
    return true;
  }

  find(id: string): T | undefined {
    return this._items.find((p) => p.id === id);
  }

  /** Inserts or replaces one product (after a create or a save) without a refetch. */
  upsert(item: T): void {
    const i = this._items.findIndex((p) => p.id === item.id);
    if (i >= 0) {
      this._items[i] = item;
    } else {
      this._items.unshift(item);
      if (this._total !== undefined) this._total += 1;
    }
  }

  /** Replaces a product that is listed (after a save); false, and no change, when it is not listed. */
  replace(item: T): boolean {
    const i = this._items.findIndex((p) => p.id === item.id);
    if (i < 0) return false;
    this._items[i] = item;
    return true;
  }

  remove(id: string): boolean {
    const before = this._items.length;
    this._items = this._items.filter((p) => p.id !== id);
    const removed = this._items.length < before;
    if (removed && this._total !== undefined) this._total -= 1;
    return removed;
  }
}
