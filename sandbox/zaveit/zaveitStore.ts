// The in-memory product collection behind the Zaveit sandbox: products as the API returns them
// (plain JSON), creation order kept (Mongo's natural order), soft-deleted ones kept and listed
// (`status.deleted` is a visible field). Creates assign the server-owned fields; the assumed
// PATCH replaces the changed top-level fields whole. The snapshot format is what `reset` restores.
import { randomBytes, randomUUID } from 'node:crypto';

export type ZaveitProduct = Record<string, unknown> & { id: string; name: string };

export interface ZaveitSnapshot {
  version: 1;
  products: ZaveitProduct[];
}

/** The create body's fields: the only ones a create or PATCH may set. */
export const WRITABLE_FIELDS = [
  'name', 'description', 'subscription', 'subscription_term', 'payment_period', 'status', 'type', 'country', 'currency',
  'managementLink', 'integration', 'customInputs', 'consumption', 'amount', 'permission_features', 'products',
] as const;

/** What the server fills in for a create that leaves a field out (the docs say it applies defaults). */
const CREATE_DEFAULTS: Record<string, unknown> = {
  description: '',
  subscription: false,
  subscription_term: 0,
  payment_period: 0,
  status: { active: true, deleted: false },
  type: 3,
  managementLink: { title: '', url: '' },
  amount: { min: 1, max: 1, default: 1 },
  integration: [],
  customInputs: [],
  permission_features: [],
  products: [],
};

export class VariantIdError extends Error {}

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** A Mongo ObjectId: 4 bytes of seconds, 8 random bytes (enough for a sandbox). */
export function newObjectId(nowMs = Date.now()): string {
  return Math.floor(nowMs / 1000).toString(16).padStart(8, '0').slice(-8) + randomBytes(8).toString('hex');
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

export class ZaveitStore {
  private products = new Map<string, ZaveitProduct>();
  private lastStamp = 0;

  constructor(
    snapshot: ZaveitSnapshot,
    private readonly vendorName = 'Sandbox Vendor',
  ) {
    this.restore(snapshot);
  }

  get size(): number {
    return this.products.size;
  }

  restore(snapshot: ZaveitSnapshot): void {
    this.products = new Map(snapshot.products.map((p) => [p.id, clone(p)]));
    for (const p of this.products.values()) this.lastStamp = Math.max(this.lastStamp, Date.parse(String(p.updated)) || 0);
  }

  snapshot(): ZaveitSnapshot {
    return { version: 1, products: [...this.products.values()].map(clone) };
  }

  /** Copies, in creation order. `search`: a case-insensitive substring of the name, description or a variant SKU. */
  list(search?: string): ZaveitProduct[] {
    return this.view(search).map(clone);
  }

  /**
   * The stored products themselves (no copies: 10,000 of them are 12 MB), for answers that are
   * serialised at once. Never modify them.
   */
  view(search?: string): readonly Readonly<ZaveitProduct>[] {
    const needle = search?.trim().toLowerCase();
    const all = [...this.products.values()];
    return needle ? all.filter((p) => searchText(p).some((text) => text.includes(needle))) : all;
  }

  get(id: string): ZaveitProduct | undefined {
    const product = this.products.get(id);
    return product ? clone(product) : undefined;
  }

  /** A validated create body → the stored product with every server-owned field. */
  create(body: Record<string, unknown>, tenant: string): ZaveitProduct {
    const stamp = this.nextStamp();
    const id = randomUUID();
    const fields: Record<string, unknown> = { ...clone(CREATE_DEFAULTS) };
    for (const key of WRITABLE_FIELDS) if (body[key] !== undefined) fields[key] = clone(body[key]);
    const product: ZaveitProduct = {
      id,
      group_id: id,
      tenant,
      name: String(fields.name),
      ...fields,
      sales_channel: 'Shop',
      referenced: false,
      services: [],
      categories: [],
      stock: 0,
      shop_enabled: false,
      keys: [],
      media: [],
      vendor: { name: this.vendorName },
      integrations: [],
      resell: false,
      msp: false,
      created: stamp,
      updated: stamp,
      __v: 0,
    };
    this.normalise(product, undefined);
    this.products.set(id, product);
    return clone(product);
  }

  /**
   * The assumed PATCH: each writable field of `body` replaces the stored one whole; other fields
   * are ignored. Variants keep their `_id`s, new ones (`""` or none) get fresh ObjectIds.
   * `updated` and `__v` move on. Undefined if there is no such product.
   * @throws VariantIdError for a variant `_id` that is not an ObjectId.
   */
  patch(id: string, body: Record<string, unknown>): ZaveitProduct | undefined {
    const stored = this.products.get(id);
    if (!stored) return undefined;
    const next: Record<string, unknown> = clone(stored);
    for (const key of WRITABLE_FIELDS) if (body[key] !== undefined) next[key] = clone(body[key]);
    const product = next as ZaveitProduct;
    this.normalise(product, stored);
    product.updated = this.nextStamp();
    product.__v = (typeof stored.__v === 'number' ? stored.__v : 0) + 1;
    this.products.set(id, product);
    return clone(product);
  }

  /** Server-side rules of a stored product: sub-document ids, a title the server does not keep. */
  private normalise(product: ZaveitProduct, before: ZaveitProduct | undefined): void {
    product.name = String(product.name);
    for (const key of ['country', 'currency'] as const) {
      const value = product[key];
      if (!isRecord(value)) continue;
      const old = before?.[key];
      const keep = isRecord(old) && typeof old._id === 'string' ? old._id : undefined;
      const { title: _title, _id: _given, ...rest } = value;
      // `currency.title` is accepted but not echoed back (the docs' create response lacks it).
      product[key] = { ...rest, _id: keep ?? newObjectId() };
    }
    if (Array.isArray(product.products)) {
      product.products = product.products.map((variant: unknown, index) => {
        if (!isRecord(variant)) return variant;
        const given = variant._id;
        if (given === undefined || given === '') return { ...variant, _id: newObjectId() };
        if (typeof given !== 'string' || !OBJECT_ID.test(given)) {
          throw new VariantIdError(`products.${index}._id: Cast to ObjectId failed for value ${JSON.stringify(given)} (type ${typeof given}) at path "_id"`);
        }
        return variant;
      });
    }
  }

  /** ISO time with ms, strictly increasing (clients compare `updated` to detect concurrent edits). */
  private nextStamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }
}

function searchText(product: ZaveitProduct): string[] {
  const texts: unknown[] = [product.name, product.description];
  if (Array.isArray(product.products)) for (const v of product.products) if (isRecord(v)) texts.push(v.sku);
  return texts.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
