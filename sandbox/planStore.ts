// Plans and their versions, as the vendor documents them: a plan is created as a draft (version
// 1); publishing makes the newest draft the published version (`isLatest`) and demotes the one
// before; every edit of a published plan (PATCH, prices, entitlements) first copies it into a new
// draft version, and edits of a draft change that draft. Discard deletes the draft; archive hides
// every version. Each product's `plans` list (published, not archived) is kept in step here.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FeatureStore } from './featureStore';
import {
  DEFAULT_LICENSE, isDraft, latestVersion, publishedVersion,
  type EntitlementRecord, type JsonObject, type LicenseConfig, type PlanFileRecord, type PlanLink, type PlanRecord, type PlanVersionRecord, type PriceRecord,
} from './planRecords';
import { uniqueSlug } from './slugs';
import type { StampClock } from './stamps';
import { FieldError, type ArchiveResult } from './storeErrors';
import type { ProductRecord } from './store';

export interface PlanCreate {
  name: string;
  product: string;
  identifier?: string;
  description?: string;
  metadata?: JsonObject;
  isVisible?: boolean;
  license?: LicenseConfig;
  links?: PlanLink[];
  fileKeys?: string[];
  ordering?: number;
}

export interface PlanPatch {
  name?: string;
  description?: string;
  metadata?: JsonObject;
  isVisible?: boolean;
  license?: LicenseConfig;
  links?: PlanLink[];
  fileKeys?: string[];
}

/** The spec's PlanFileUpdateRequest. */
export interface PlanFilePatch {
  name?: string;
  ordering?: number;
  enabled?: boolean;
}

export type PriceInput = Omit<PriceRecord, 'id'>;
export type PublishCheck = 'ok' | 'already-published' | 'no-price';

export interface PlanStoreDeps {
  clock: StampClock;
  changed: () => void;
  /** A live (not archived) product. */
  liveProduct: (id: string) => ProductRecord | undefined;
  /** Any product, archived ones included. */
  anyProduct: (id: string) => ProductRecord | undefined;
  /** Every stored product, archived ones included. */
  allProducts: () => Iterable<ProductRecord>;
  features: FeatureStore;
}

const byOrderingThenIdentifier = (a: PlanRecord, b: PlanRecord): number => {
  const oa = latestVersion(a).ordering ?? Number.MAX_SAFE_INTEGER;
  const ob = latestVersion(b).ordering ?? Number.MAX_SAFE_INTEGER;
  return oa - ob || (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0);
};

/** Each product's `plans` as its detail endpoint lists them: published, not archived, in plan order. */
export function publishedPlanLists(plans: Iterable<PlanRecord>): Map<string, string[]> {
  const byProduct = new Map<string, PlanRecord[]>();
  for (const plan of plans) {
    if (plan.archived || !publishedVersion(plan)) continue;
    const list = byProduct.get(plan.product);
    if (list) list.push(plan);
    else byProduct.set(plan.product, [plan]);
  }
  return new Map([...byProduct].map(([product, list]) => [product, list.sort(byOrderingThenIdentifier).map((p) => p.identifier)]));
}

export class PlanStore {
  private plans = new Map<string, PlanRecord>();
  /** Not archived, by identifier; `visible` also drops plans of archived products. */
  private sorted: PlanRecord[] | undefined;
  private visible: PlanRecord[] | undefined;

  constructor(private readonly deps: PlanStoreDeps) {}

  /** `syncProducts`: rewrite every product's `plans` from these records (off for old state files without plans). */
  restore(plans: readonly PlanRecord[], syncProducts: boolean): void {
    this.plans = new Map(plans.map((p) => [p.identifier, p]));
    for (const plan of plans) for (const v of plan.versions) this.deps.clock.observe(v.modifiedOn);
    this.sorted = this.visible = undefined;
    if (!syncProducts) return;
    const published = publishedPlanLists(plans);
    for (const product of this.deps.allProducts()) product.plans = published.get(product.id) ?? [];
  }

  all(): PlanRecord[] {
    return [...this.plans.values()];
  }

  /** One row per plan: not archived, on a live product; ordered by identifier (stable under edits). */
  list(): PlanRecord[] {
    this.sorted ??= [...this.plans.values()].filter((p) => !p.archived).sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
    this.visible ??= this.sorted.filter((p) => this.deps.liveProduct(p.product) !== undefined);
    return this.visible;
  }

  /** A product was archived (or changed): its plans may have left the list. */
  productsChanged(): void {
    this.visible = undefined;
  }

  /** A visible plan (not archived, its product live). */
  get(identifier: string): PlanRecord | undefined {
    const plan = this.plans.get(identifier);
    return plan && !plan.archived && this.deps.liveProduct(plan.product) ? plan : undefined;
  }

  getIncludingArchived(identifier: string): PlanRecord | undefined {
    return this.plans.get(identifier);
  }

  get size(): number {
    return this.list().length;
  }

  /** Version `n`, or the newest (draft or published) when `n` is undefined. */
  version(plan: PlanRecord, n?: number): PlanVersionRecord | undefined {
    return n === undefined ? latestVersion(plan) : plan.versions.find((v) => v.version === n);
  }

  create(input: PlanCreate): PlanRecord {
    if (!this.deps.liveProduct(input.product)) throw new FieldError({ product: [`Invalid pk "${input.product}" - object does not exist.`] });
    if (input.identifier !== undefined && this.plans.has(input.identifier)) {
      throw new FieldError({ identifier: ['plan with this identifier already exists.'] });
    }
    const identifier = input.identifier ?? uniqueSlug(input.name, 'plan', new Set(this.plans.keys()));
    const now = this.deps.clock.next();
    const version: PlanVersionRecord = {
      version: 1,
      name: input.name,
      description: input.description ?? '',
      metadata: structuredClone(input.metadata ?? {}),
      isVisible: input.isVisible ?? true,
      license: { ...DEFAULT_LICENSE, ...input.license },
      links: structuredClone(input.links ?? []),
      files: filesFromKeys(identifier, input.fileKeys ?? [], []),
      ordering: input.ordering ?? null,
      details: {},
      isImported: false,
      countries: [],
      createdOn: now,
      modifiedOn: now,
      publishedOn: null,
      prices: [],
      entitlements: [],
    };
    const plan: PlanRecord = { identifier, product: input.product, archived: false, versions: [version] };
    this.plans.set(identifier, plan);
    this.sorted = this.visible = undefined;
    this.deps.changed();
    return plan;
  }

  update(plan: PlanRecord, patch: PlanPatch): PlanVersionRecord {
    const draft = this.draftOf(plan);
    if (patch.name !== undefined) draft.name = patch.name;
    if (patch.description !== undefined) draft.description = patch.description;
    if (patch.metadata !== undefined) draft.metadata = structuredClone(patch.metadata);
    if (patch.isVisible !== undefined) draft.isVisible = patch.isVisible;
    if (patch.license !== undefined) draft.license = { ...draft.license, ...patch.license };
    if (patch.links !== undefined) draft.links = structuredClone(patch.links);
    if (patch.fileKeys) draft.files.push(...filesFromKeys(plan.identifier, patch.fileKeys, draft.files));
    return this.touched(draft);
  }

  /** Replaces the draft's prices (validated by the caller: all or nothing). */
  setPrices(plan: PlanRecord, prices: readonly PriceInput[]): PlanVersionRecord {
    const draft = this.draftOf(plan);
    draft.prices = prices.map((price) => ({ id: randomUUID(), ...structuredClone(price) }));
    return this.touched(draft);
  }

  addEntitlements(plan: PlanRecord, items: readonly EntitlementRecord[]): PlanVersionRecord {
    const draft = this.draftOf(plan);
    draft.entitlements.push(...structuredClone(items));
    return this.touched(draft);
  }

  /** The entitlement of the feature whose *identifier* is given (PATCH/DELETE address it so). */
  entitlement(version: PlanVersionRecord, featureIdentifier: string): EntitlementRecord | undefined {
    return version.entitlements.find((e) => this.deps.features.getIncludingArchived(e.feature)?.identifier === featureIdentifier);
  }

  /** Merges `details` into the entitlement's (on the draft); undefined when the feature is not on the plan. */
  updateEntitlement(plan: PlanRecord, featureIdentifier: string, details: JsonObject): EntitlementRecord | undefined {
    if (!this.entitlement(latestVersion(plan), featureIdentifier)) return undefined;
    const draft = this.draftOf(plan);
    const entitlement = this.entitlement(draft, featureIdentifier) as EntitlementRecord;
    entitlement.details = { ...entitlement.details, ...structuredClone(details) };
    this.touched(draft);
    return entitlement;
  }

  removeEntitlement(plan: PlanRecord, featureIdentifier: string): boolean {
    if (!this.entitlement(latestVersion(plan), featureIdentifier)) return false;
    const draft = this.draftOf(plan);
    draft.entitlements = draft.entitlements.filter((e) => e !== this.entitlement(draft, featureIdentifier));
    this.touched(draft);
    return true;
  }

  /**
   * Changes a file of the newest version; a published plan first gets its draft, as every plan edit
   * does (the spec says so for this route), and the file's copy there is changed. Undefined (and
   * no draft) when the newest version has no such file.
   */
  updateFile(plan: PlanRecord, fileId: string, patch: PlanFilePatch): PlanFileRecord | undefined {
    const index = latestVersion(plan).files.findIndex((f) => f.id === fileId);
    if (index < 0) return undefined;
    const draft = this.draftOf(plan);
    const file = draft.files[index]!;
    if (patch.name !== undefined) file.name = patch.name;
    if (patch.ordering !== undefined) file.ordering = patch.ordering;
    if (patch.enabled !== undefined) file.enabled = patch.enabled;
    this.touched(draft);
    return file;
  }

  /** Removes a file from the newest version (a published plan: from its new draft); false when there is none. */
  removeFile(plan: PlanRecord, fileId: string): boolean {
    const index = latestVersion(plan).files.findIndex((f) => f.id === fileId);
    if (index < 0) return false;
    const draft = this.draftOf(plan);
    draft.files.splice(index, 1);
    this.touched(draft);
    return true;
  }

  /** The file `fileId` in any version of the plan, the newest first (customers download the published version's files). */
  findFile(plan: PlanRecord, fileId: string): PlanFileRecord | undefined {
    for (let i = plan.versions.length - 1; i >= 0; i--) {
      const file = plan.versions[i]!.files.find((f) => f.id === fileId);
      if (file) return file;
    }
    return undefined;
  }

  /** Whether a file of any version of any plan is stored under `key`. */
  referencesMedia(key: string): boolean {
    for (const plan of this.plans.values()) for (const version of plan.versions) if (version.files.some((f) => f.file === key)) return true;
    return false;
  }

  /**
   * A product's currency became `currency`: the vendor "re-enables previously disabled prices in
   * the new currency on the latest plans of that product". Here: on each live plan's newest
   * version, every disabled price in that currency is enabled again (in place, no new draft: the
   * spec speaks of the latest plans, not of edits). Returns how many prices changed.
   */
  reenablePrices(productId: string, currency: string): number {
    let changed = 0;
    for (const plan of this.plans.values()) {
      if (plan.archived || plan.product !== productId) continue;
      const latest = latestVersion(plan);
      const disabled = latest.prices.filter((p) => p.currency === currency && !p.enabled);
      for (const price of disabled) price.enabled = true;
      if (disabled.length > 0) {
        latest.modifiedOn = this.deps.clock.next();
        changed += disabled.length;
      }
    }
    return changed;
  }

  publishCheck(plan: PlanRecord): PublishCheck {
    const latest = latestVersion(plan);
    if (!isDraft(latest)) return 'already-published';
    return latest.prices.length === 0 ? 'no-price' : 'ok';
  }

  /** Publishes the newest draft (check publishCheck first); the version before is demoted. */
  publish(plan: PlanRecord): PlanVersionRecord {
    const draft = latestVersion(plan);
    const now = this.deps.clock.next();
    draft.publishedOn = now;
    draft.modifiedOn = now;
    // The vendor syncs the plan to its billing provider: provider ids stay with the plan.
    draft.details = { stripeProductId: `prod_${randomBytes(7).toString('hex')}`, ...draft.details };
    this.syncProduct(plan.product);
    this.deps.changed();
    return draft;
  }

  /** Deletes the newest draft; a plan that was never published goes with it. */
  discard(plan: PlanRecord): 'discarded' | 'published' {
    if (!isDraft(latestVersion(plan))) return 'published';
    plan.versions.pop();
    if (plan.versions.length === 0) this.plans.delete(plan.identifier);
    this.sorted = this.visible = undefined;
    this.deps.changed();
    return 'discarded';
  }

  archive(identifier: string): ArchiveResult {
    const plan = this.plans.get(identifier);
    if (!plan || !this.deps.liveProduct(plan.product)) return 'not-found';
    if (plan.archived) return 'already-archived';
    plan.archived = true;
    this.sorted = this.visible = undefined;
    this.syncProduct(plan.product);
    this.deps.changed();
    return 'archived';
  }

  /** The draft to edit: the newest version if it is a draft, else a new one copied from it. */
  private draftOf(plan: PlanRecord): PlanVersionRecord {
    const latest = latestVersion(plan);
    if (isDraft(latest)) return latest;
    const now = this.deps.clock.next();
    const draft: PlanVersionRecord = {
      ...structuredClone(latest),
      version: latest.version + 1,
      createdOn: now,
      modifiedOn: now,
      publishedOn: null,
    };
    draft.prices = draft.prices.map((price) => ({ ...price, id: randomUUID() }));
    // The version's files are records of their own too (**assumed**, as for prices): the copies get
    // new ids, and point at the same stored bytes.
    draft.files = draft.files.map((file) => ({ ...file, id: randomUUID() }));
    plan.versions.push(draft);
    return draft;
  }

  private touched(draft: PlanVersionRecord): PlanVersionRecord {
    draft.modifiedOn = this.deps.clock.next();
    this.deps.changed();
    return draft;
  }

  private syncProduct(productId: string): void {
    const product = this.deps.anyProduct(productId);
    if (!product) return;
    product.plans = publishedPlanLists([...this.plans.values()].filter((p) => p.product === productId)).get(productId) ?? [];
  }
}

/**
 * Plan files from uploaded `tmp/...` keys, as the vendor moves them into storage: `file` is the
 * permanent storage key `media/sandbox/plans/<identifier>/<hex>/<name>` (answers show it as a URL).
 */
export function filesFromKeys(identifier: string, keys: readonly string[], existing: readonly PlanFileRecord[], newId: () => string = randomUUID): PlanFileRecord[] {
  let ordering = existing.reduce((max, file) => Math.max(max, file.ordering + 1), 0);
  return keys.map((key) => {
    const id = newId();
    const name = key.split('/').pop() || key;
    return { id, name, file: `media/sandbox/plans/${identifier}/${id.replace(/-/g, '')}/${name}`, ordering: ordering++, enabled: true };
  });
}
