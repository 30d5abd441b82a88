// The in-memory catalog behind the sandbox: products (archived ones kept, as the vendor
// soft-deletes), their settings, the features and plans (featureStore.ts, planStore.ts), and a
// snapshot format the state file and `reset` share.
import { randomUUID } from 'node:crypto';
import { FeatureStore } from './featureStore';
import type { FeatureRecord, PlanRecord } from './planRecords';
import { PlanStore } from './planStore';
import { slugify } from './slugs';
import { StampClock } from './stamps';
import { FieldError, type ArchiveResult } from './storeErrors';

export { slugify } from './slugs';
export { FieldError, type ArchiveResult } from './storeErrors';

export const TAX_CODES = [
  'saas', 'saas_business', 'software', 'videocontent', 'informationservice',
  'ebook', 'digitalgraphic', 'videogame', 'eservice', 'training',
] as const;
export type TaxCode = (typeof TAX_CODES)[number];

export interface ProductImage {
  id: string;
  name: string | null;
  image: string;
  ordering: number;
  thumbnail: boolean;
  enabled: boolean;
}

/** Stored product: the API's `ProductRetrieve` plus the soft-delete flag. */
export interface ProductRecord {
  id: string;
  identifier: string;
  name: string;
  description: string;
  createdBy: string;
  modifiedOn: string;
  images: ProductImage[];
  taxCode: TaxCode;
  plans: string[];
  archived: boolean;
}

export interface ProductSettings {
  vpn: boolean;
  tor: boolean;
  proxy: boolean;
  currency: string;
  productUrl: string | null;
}

export interface CatalogSnapshot {
  version: 1;
  products: ProductRecord[];
  /** Keyed by product id; absent until first read, as the vendor auto-creates on GET. */
  settings: Record<string, ProductSettings>;
  /** Absent in state files written before plans were served: products then keep their `plans`. */
  features?: FeatureRecord[];
  plans?: PlanRecord[];
}

export interface ProductCreate {
  name: string;
  taxCode: TaxCode;
  identifier?: string;
  description?: string;
  imageKeys?: string[];
}

export interface ProductPatch {
  name?: string;
  description?: string;
  taxCode?: TaxCode;
  imageKeys?: string[];
  fileKeys?: string[];
}

/** The spec's ProductImageUpdateRequest. */
export interface ProductImagePatch {
  name?: string;
  ordering?: number;
  thumbnail?: boolean;
  enabled?: boolean;
}

export const DEFAULT_SETTINGS: Readonly<ProductSettings> = { vpn: true, tor: true, proxy: true, currency: 'USD', productUrl: null };

/** Builds image records the way the vendor moves uploaded `tmp/...` keys into storage. */
export function imagesFromKeys(productId: string, keys: string[], existing: ProductImage[], newId: () => string = randomUUID): ProductImage[] {
  let ordering = existing.reduce((max, image) => Math.max(max, image.ordering + 1), 0);
  const hasThumbnail = existing.some((image) => image.thumbnail);
  return keys.map((key, index) => {
    const id = newId();
    const name = key.split('/').pop() ?? key;
    return {
      id,
      name,
      image: `media/sandbox/products/${productId}/${id.replace(/-/g, '')}/${name}`,
      ordering: ordering++,
      thumbnail: !hasThumbnail && index === 0,
      enabled: true,
    };
  });
}

type Listener = () => void;

export class CatalogStore {
  private products = new Map<string, ProductRecord>();
  private settingsById = new Map<string, ProductSettings>();
  private sorted: ProductRecord[] | undefined;
  private readonly clock = new StampClock();
  private readonly listeners = new Set<Listener>();
  /** The organisation's features (GET/POST /catalog/features/…). */
  readonly features: FeatureStore;
  /** Plans, their versions, prices and entitlements (/catalog/plans/…). */
  readonly plans: PlanStore;

  /** `owned`: the snapshot was made for this store (a fresh seed or file) and is used without a copy. */
  constructor(snapshot: CatalogSnapshot, options: { owned?: boolean } = {}) {
    const notify = (): void => this.notify();
    this.features = new FeatureStore(this.clock, notify);
    this.plans = new PlanStore({
      clock: this.clock,
      changed: notify,
      liveProduct: (id) => this.get(id),
      anyProduct: (id) => this.products.get(id),
      allProducts: () => this.products.values(),
      features: this.features,
    });
    this.restore(snapshot, options);
  }

  /** Called after every change (the server saves the state file from here). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Replaces everything with `snapshot` (copied, unless `owned`: a snapshot nobody else holds, such
   * as a freshly built seed, is taken as it is; copying 30,000 plans takes seconds).
   */
  restore(snapshot: CatalogSnapshot, { owned = false }: { owned?: boolean } = {}): void {
    const data = owned ? snapshot : structuredClone(snapshot);
    this.products = new Map(data.products.map((p) => [p.id, p]));
    this.settingsById = new Map(Object.entries(data.settings));
    // Never stamp a write earlier than data already on disk, even if the clock is behind it.
    for (const product of this.products.values()) this.clock.observe(product.modifiedOn);
    this.features.restore(data.features ?? []);
    this.plans.restore(data.plans ?? [], data.plans !== undefined);
    this.changed();
  }

  snapshot(): CatalogSnapshot {
    return structuredClone({
      version: 1,
      products: [...this.products.values()],
      settings: Object.fromEntries(this.settingsById),
      features: this.features.all(),
      plans: this.plans.all(),
    });
  }

  /**
   * Live products ordered by name, then id (plain code-unit comparison, like a C-collation
   * ORDER BY): the vendor does not document an order, and paging needs a stable one.
   */
  list(search?: string): ProductRecord[] {
    this.sorted ??= [...this.products.values()]
      .filter((p) => !p.archived)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // DRF's SearchFilter: split on whitespace/commas; every term must occur (case-insensitively)
    // in at least one of the search fields.
    const terms = (search ?? '').split(/[\s,]+/).filter(Boolean).map((t) => t.toLowerCase());
    if (terms.length === 0) return this.sorted;
    return this.sorted.filter((p) => {
      const fields = [p.name.toLowerCase(), p.identifier.toLowerCase(), p.description.toLowerCase()];
      return terms.every((term) => fields.some((field) => field.includes(term)));
    });
  }

  /** A live (not archived) product, or undefined. */
  get(id: string): ProductRecord | undefined {
    const product = this.products.get(id);
    return product && !product.archived ? product : undefined;
  }

  /** Every stored product including archived ones, for tests that inspect soft deletes. */
  getIncludingArchived(id: string): ProductRecord | undefined {
    return this.products.get(id);
  }

  get size(): number {
    return this.list().length;
  }

  create(input: ProductCreate, createdBy: string): ProductRecord {
    // Identifiers stay unique across archived rows too: a soft-deleted row still holds its slug.
    const taken = new Set([...this.products.values()].map((p) => p.identifier));
    let identifier = input.identifier;
    if (identifier !== undefined && taken.has(identifier)) {
      throw new FieldError({ identifier: ['product with this identifier already exists.'] });
    }
    if (identifier === undefined) {
      const base = slugify(input.name) || 'product';
      identifier = base;
      for (let n = 2; taken.has(identifier); n++) identifier = `${base}-${n}`;
    }
    const id = randomUUID();
    const product: ProductRecord = {
      id,
      identifier,
      name: input.name,
      description: input.description ?? '',
      createdBy,
      modifiedOn: this.nextStamp(),
      images: imagesFromKeys(id, input.imageKeys ?? [], []),
      taxCode: input.taxCode,
      plans: [],
      archived: false,
    };
    this.products.set(id, product);
    this.changed();
    return product;
  }

  /**
   * Partial update. `_modifiedBy` is accepted so tests can say who "another user" is, but the
   * vendor's Product exposes no modifiedBy field, so it is not stored.
   */
  update(id: string, patch: ProductPatch, _modifiedBy?: string): ProductRecord | undefined {
    const product = this.get(id);
    if (!product) return undefined;
    if (patch.name !== undefined) product.name = patch.name;
    if (patch.description !== undefined) product.description = patch.description;
    if (patch.taxCode !== undefined) product.taxCode = patch.taxCode;
    if (patch.imageKeys) product.images.push(...imagesFromKeys(id, patch.imageKeys, product.images));
    // fileKeys are accepted (the spec lists them) but Product has no field that shows files.
    product.modifiedOn = this.nextStamp();
    this.changed();
    return product;
  }

  archive(id: string): ArchiveResult {
    const product = this.products.get(id);
    if (!product) return 'not-found';
    if (product.archived) return 'already-archived';
    product.archived = true;
    product.modifiedOn = this.nextStamp();
    this.changed();
    return 'archived';
  }

  /**
   * Changes one image of a live product; `thumbnail: true` clears the flag on its other images.
   * An image is its own record: the product's `modifiedOn` stays (**assumed**; the spec is silent).
   */
  updateImage(productId: string, imageId: string, patch: ProductImagePatch): ProductImage | undefined {
    const image = this.get(productId)?.images.find((i) => i.id === imageId);
    if (!image) return undefined;
    if (patch.name !== undefined) image.name = patch.name;
    if (patch.ordering !== undefined) image.ordering = patch.ordering;
    if (patch.enabled !== undefined) image.enabled = patch.enabled;
    if (patch.thumbnail !== undefined) {
      if (patch.thumbnail) for (const other of this.get(productId)!.images) other.thumbnail = false;
      image.thumbnail = patch.thumbnail;
    }
    this.notify();
    return image;
  }

  /** Deletes one image record of a live product (no other image becomes the thumbnail); `modifiedOn` stays. */
  deleteImage(productId: string, imageId: string): ProductImage | undefined {
    const product = this.get(productId);
    const index = product?.images.findIndex((i) => i.id === imageId) ?? -1;
    if (!product || index < 0) return undefined;
    const [removed] = product.images.splice(index, 1);
    this.notify();
    return removed;
  }

  /** Whether a product image or a plan file (of any version, archived ones included) is stored under `key`. */
  referencesMedia(key: string): boolean {
    for (const product of this.products.values()) if (product.images.some((image) => image.image === key)) return true;
    return this.plans.referencesMedia(key);
  }

  /** Settings of a live product, created with the vendor's defaults on first read. */
  settings(id: string): ProductSettings | undefined {
    if (!this.get(id)) return undefined;
    let settings = this.settingsById.get(id);
    if (!settings) {
      settings = { ...DEFAULT_SETTINGS };
      this.settingsById.set(id, settings);
      this.changed();
    }
    return settings;
  }

  /** The product's settings currency without creating its settings (USD by default). */
  currencyOf(id: string): string {
    return this.settingsById.get(id)?.currency ?? DEFAULT_SETTINGS.currency;
  }

  /** Settings live in their own model, so writing them leaves the product's modifiedOn alone. */
  updateSettings(id: string, patch: Partial<ProductSettings>): ProductSettings | undefined {
    const settings = this.settings(id);
    if (!settings) return undefined;
    const before = settings.currency;
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof ProductSettings)[]) {
      if (patch[key] !== undefined) (settings as unknown as Record<string, unknown>)[key] = patch[key];
    }
    if (patch.currency !== undefined && patch.currency !== before) this.plans.reenablePrices(id, patch.currency);
    this.changed();
    return settings;
  }

  /** ISO-8601 with milliseconds and 'Z', strictly increasing (stamps.ts). */
  private nextStamp(): string {
    return this.clock.next();
  }

  private changed(): void {
    this.sorted = undefined;
    this.plans.productsChanged();
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
