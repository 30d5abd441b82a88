// The feature calls: list (search, paged), get, create and archive. The API offers no update.
import type { CallOptions } from '../http/types';
import { alreadyArchived, callOptions, checkBody, checkCounters, checkInput, type KelviqCallContext } from './callSupport';
import { CatalogFeatureSchema, FeatureCreateSchema, FeaturePageSchema, type CatalogFeature, type FeatureCreate, type FeaturePage } from './featureSchemas';
import { listAllPages, type ListAllOptions } from './listAll';
import { FEATURES_PATH, featureListPath, featurePath, isFeatureId } from './planPaths';

export interface ListFeaturesOptions extends CallOptions {
  search?: string;
  /** 1-based. */
  page?: number;
  /** Clamped to 1..100. Default 100. */
  pageSize?: number;
}

function checkFeatureId(ctx: KelviqCallContext, method: 'GET' | 'DELETE', id: string): void {
  checkInput(ctx, isFeatureId(id as unknown), method, `${FEATURES_PATH}{id}/`, 'id', id, 'a feature id (a UUID such as 3a3e92ab-90a3-4f43-8e87-9d4c8c5a9c01)');
}

const featureNotFound = (id: string): string => `Feature ${id} does not exist or was archived.`;

export async function listFeatures(ctx: KelviqCallContext, options: ListFeaturesOptions = {}): Promise<FeaturePage> {
  const path = featureListPath(options);
  checkCounters(ctx, 'GET', path, { page: options.page }, 'Cannot list features');
  return ctx.http.request({ method: 'GET', path, response: FeaturePageSchema, ...callOptions(options) });
}

/** Every feature (archived ones are not listed), over all pages; cancellable. */
export async function listAllFeatures(ctx: KelviqCallContext, options: ListAllOptions<CatalogFeature> & { search?: string } = {}): Promise<CatalogFeature[]> {
  return listAllPages((query) => listFeatures(ctx, query), options, {
    environmentLabel: ctx.environmentLabel,
    basePath: ctx.http.basePath,
    noun: 'features',
    firstPagePath: (query) => featureListPath(query),
    advice: 'Search to narrow the list.',
    keyOf: (feature) => feature.id,
  });
}

export async function getFeature(ctx: KelviqCallContext, id: string, options: CallOptions = {}): Promise<CatalogFeature> {
  checkFeatureId(ctx, 'GET', id);
  return ctx.http.request({ method: 'GET', path: featurePath(id), response: CatalogFeatureSchema, notFoundMessage: featureNotFound(id), ...callOptions(options) });
}

export async function createFeature(ctx: KelviqCallContext, input: FeatureCreate, options: CallOptions = {}): Promise<CatalogFeature> {
  const body = checkBody(ctx, 'POST', FEATURES_PATH, FeatureCreateSchema, input, 'The feature cannot be created');
  return ctx.http.request({ method: 'POST', path: FEATURES_PATH, body, response: CatalogFeatureSchema, ...callOptions(options) });
}

/** Archives (soft-deletes); "Already archived." after an ambiguous failure is success. */
export async function archiveFeature(ctx: KelviqCallContext, id: string, options: CallOptions = {}): Promise<void> {
  checkFeatureId(ctx, 'DELETE', id);
  await ctx.http.request<void>({
    method: 'DELETE', path: featurePath(id), response: 'ignore', notFoundMessage: featureNotFound(id),
    acceptAfterAmbiguousFailure: alreadyArchived, ...callOptions(options),
  });
}
