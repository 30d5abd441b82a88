// A plan's prices: the list (`version` scopes it) and prices/bulk/, which replaces them all at once
// (a published plan gets a new draft). The bulk POST is a POST: retried only after a 429.
import type { CallOptions } from '../http/types';
import { callOptions, checkBody, checkCounters, type KelviqCallContext } from './callSupport';
import { listAllPages, type ListAllOptions } from './listAll';
import { checkPlanIdentifier, planNotFound } from './planCalls';
import { planItemsPath, planPath } from './planPaths';
import { PlanPricePageSchema, PlanPricesBulkResultSchema, PlanPricesBulkSchema, type PlanPrice, type PlanPriceInput, type PlanPricePage } from './priceSchemas';

export interface ListPlanItemsOptions extends CallOptions {
  /** A version number; without it, the plan's newest version. */
  version?: number;
  /** 1-based. */
  page?: number;
  /** Clamped to 1..100. Default 100. */
  pageSize?: number;
}

export async function listPlanPrices(ctx: KelviqCallContext, identifier: string, options: ListPlanItemsOptions = {}): Promise<PlanPricePage> {
  checkPlanIdentifier(ctx, 'GET', identifier, 'prices/');
  const path = planItemsPath(identifier, 'prices/', options);
  checkCounters(ctx, 'GET', path, { version: options.version, page: options.page }, `Cannot list the prices of plan ${identifier}`);
  return ctx.http.request({ method: 'GET', path, response: PlanPricePageSchema, notFoundMessage: planNotFound(identifier, options.version), ...callOptions(options) });
}

/** Every price of the plan (of `version`, else of its newest version), over all pages; cancellable. */
export async function listAllPlanPrices(ctx: KelviqCallContext, identifier: string, options: ListAllOptions<PlanPrice> & { version?: number } = {}): Promise<PlanPrice[]> {
  const version = options.version !== undefined ? { version: options.version } : {};
  return listAllPages((query) => listPlanPrices(ctx, identifier, { ...query, ...version }), options, {
    environmentLabel: ctx.environmentLabel,
    basePath: ctx.http.basePath,
    noun: `prices of plan ${identifier}`,
    firstPagePath: (query) => planItemsPath(identifier, 'prices/', { ...query, ...version }),
    advice: 'The plan has too many prices to show in one document.',
    keyOf: (price) => price.id ?? JSON.stringify(price),
  });
}

/**
 * Replaces the plan's prices with `prices`, all or nothing. The server's rules (one PAID price per
 * currency, features that exist) come back as a 400 with fieldErrors such as `prices` or
 * `prices.1.currency`. Answers the prices as stored (with their new ids).
 */
export async function setPlanPrices(ctx: KelviqCallContext, identifier: string, prices: readonly PlanPriceInput[], options: CallOptions = {}): Promise<PlanPrice[]> {
  checkPlanIdentifier(ctx, 'POST', identifier, 'prices/bulk/');
  const path = planPath(identifier, 'prices/bulk/');
  const body = checkBody(ctx, 'POST', path, PlanPricesBulkSchema, { prices }, 'The prices cannot be saved');
  const answer = await ctx.http.request({ method: 'POST', path, body, response: PlanPricesBulkResultSchema, notFoundMessage: planNotFound(identifier), ...callOptions(options) });
  return answer.prices;
}
