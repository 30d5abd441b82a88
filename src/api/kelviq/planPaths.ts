// Paths of the kelviq plan and feature endpoints (relative to the base URL, trailing slash kept)
// and the checks of what goes into them. Plans are addressed by identifier (a slug, stable across
// versions); features by UUID, except in a plan's entitlement paths, which take the feature's
// identifier. Pure.
import { clampPageSize, UUID_PATTERN } from './paths';

export const PLANS_PATH = '/catalog/plans/';
export const FEATURES_PATH = '/catalog/features/';

/** Django's slug path converter: the identifiers the API can address. */
const SLUG = /^[-A-Za-z0-9_]{1,200}$/;

export function isPlanIdentifier(value: unknown): value is string {
  return typeof value === 'string' && SLUG.test(value);
}

/**
 * A feature identifier for the entitlement PATCH/DELETE paths. A UUID is refused: those paths
 * take the identifier, and a UUID there is the mistake the API's mixed addressing invites.
 */
export function isFeatureIdentifier(value: unknown): value is string {
  return typeof value === 'string' && SLUG.test(value) && !UUID_PATTERN.test(value);
}

export function isFeatureId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export interface PagedQuery {
  page?: number;
  pageSize?: number;
}

export interface VersionedQuery extends PagedQuery {
  version?: number;
}

function query(parts: Array<string | undefined>): string {
  const present = parts.filter((p): p is string => p !== undefined);
  return present.length > 0 ? `?${present.join('&')}` : '';
}

const pagePart = (page: number | undefined): string | undefined => (page === undefined ? undefined : `page=${Math.floor(page)}`);
const versionPart = (version: number | undefined): string | undefined => (version === undefined ? undefined : `version=${Math.floor(version)}`);

/** `/catalog/plans/?page=2&page_size=100` (no product filter: the API has none). */
export function planListPath(q: PagedQuery): string {
  return `${PLANS_PATH}${query([pagePart(q.page), `page_size=${clampPageSize(q.pageSize)}`])}`;
}

/** `/catalog/plans/pro-monthly/` + `sub` (`publish/`, `prices/bulk/`, …), `?version=` when given. */
export function planPath(identifier: string, sub = '', version?: number): string {
  return `${PLANS_PATH}${encodeURIComponent(identifier)}/${sub}${query([versionPart(version)])}`;
}

/** A plan's prices or entitlements list: `…/prices/?version=2&page=1&page_size=100`. */
export function planItemsPath(identifier: string, sub: 'prices/' | 'features/', q: VersionedQuery): string {
  return `${PLANS_PATH}${encodeURIComponent(identifier)}/${sub}${query([versionPart(q.version), pagePart(q.page), `page_size=${clampPageSize(q.pageSize)}`])}`;
}

/** `/catalog/plans/pro-monthly/file/<file uuid>/` + `sub` (`download/`). */
export function planFilePath(identifier: string, fileId: string, sub = ''): string {
  return `${PLANS_PATH}${encodeURIComponent(identifier)}/file/${encodeURIComponent(fileId.toLowerCase())}/${sub}`;
}

/** `/catalog/plans/pro-monthly/features/api-calls/`: the feature by identifier. */
export function planEntitlementPath(identifier: string, featureIdentifier: string): string {
  return `${PLANS_PATH}${encodeURIComponent(identifier)}/features/${encodeURIComponent(featureIdentifier)}/`;
}

export function featurePath(id: string): string {
  return `${FEATURES_PATH}${encodeURIComponent(id.toLowerCase())}/`;
}

export function featureListPath(q: PagedQuery & { search?: string }): string {
  const search = q.search?.trim();
  return `${FEATURES_PATH}${query([search ? `search=${encodeURIComponent(search)}` : undefined, pagePart(q.page), `page_size=${clampPageSize(q.pageSize)}`])}`;
}
