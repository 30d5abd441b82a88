// The organisation's features (archived ones kept, as the vendor soft-deletes): list, create,
// look up by UUID or identifier, archive. There is no update: the API offers none.
import { randomUUID } from 'node:crypto';
import type { FeatureRecord, FeatureType, JsonObject } from './planRecords';
import type { StampClock } from './stamps';
import { uniqueSlug } from './slugs';
import { FieldError, type ArchiveResult } from './storeErrors';

export interface FeatureCreate {
  name: string;
  featureType: FeatureType;
  identifier?: string;
  description?: string;
  featureDetails?: JsonObject;
  meter?: JsonObject;
  metadata?: JsonObject;
}

const byNameThenId = (a: FeatureRecord, b: FeatureRecord): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export class FeatureStore {
  private features = new Map<string, FeatureRecord>();
  private sorted: FeatureRecord[] | undefined;

  constructor(
    private readonly clock: StampClock,
    private readonly changed: () => void,
  ) {}

  restore(features: readonly FeatureRecord[]): void {
    this.features = new Map(features.map((f) => [f.id, f]));
    for (const feature of features) this.clock.observe(feature.modifiedOn);
    this.sorted = undefined;
  }

  all(): FeatureRecord[] {
    return [...this.features.values()];
  }

  /** Live features by name, then id; `search` as DRF's SearchFilter over name, identifier, description. */
  list(search?: string): FeatureRecord[] {
    this.sorted ??= [...this.features.values()].filter((f) => !f.isArchived).sort(byNameThenId);
    const terms = (search ?? '').split(/[\s,]+/).filter(Boolean).map((t) => t.toLowerCase());
    if (terms.length === 0) return this.sorted;
    return this.sorted.filter((f) => {
      const fields = [f.name.toLowerCase(), f.identifier.toLowerCase(), f.description.toLowerCase()];
      return terms.every((term) => fields.some((field) => field.includes(term)));
    });
  }

  /** A live feature by UUID. */
  get(id: string): FeatureRecord | undefined {
    const feature = this.features.get(id);
    return feature && !feature.isArchived ? feature : undefined;
  }

  /** Any feature by UUID, archived ones included (entitlements keep pointing at them). */
  getIncludingArchived(id: string): FeatureRecord | undefined {
    return this.features.get(id);
  }

  get size(): number {
    return this.list().length;
  }

  create(input: FeatureCreate): FeatureRecord {
    const taken = new Set([...this.features.values()].map((f) => f.identifier));
    let identifier = input.identifier;
    if (identifier !== undefined && taken.has(identifier)) throw new FieldError({ identifier: ['feature with this identifier already exists.'] });
    identifier ??= uniqueSlug(input.name, 'feature', taken);
    const feature: FeatureRecord = {
      id: randomUUID(),
      identifier,
      name: input.name,
      description: input.description ?? '',
      featureType: input.featureType,
      featureDetails: structuredClone(input.featureDetails ?? {}),
      meter: structuredClone(input.meter ?? {}),
      details: {},
      metadata: structuredClone(input.metadata ?? {}),
      isArchived: false,
      modifiedOn: this.clock.next(),
    };
    this.features.set(feature.id, feature);
    this.sorted = undefined;
    this.changed();
    return feature;
  }

  archive(id: string): ArchiveResult {
    const feature = this.features.get(id);
    if (!feature) return 'not-found';
    if (feature.isArchived) return 'already-archived';
    feature.isArchived = true;
    feature.modifiedOn = this.clock.next();
    this.sorted = undefined;
    this.changed();
    return 'archived';
  }
}
