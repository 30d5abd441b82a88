// The plan calls of KelviqClient: list (one page, or every page with listAllPlans), get (a
// version), create, update, archive, publish and discard. Retries follow the HTTP client's rules
// by method: GETs and DELETEs are retried, a PATCH only when it never reached the server, a POST
// (create, publish) only after a 429. A DELETE retried after an attempt that may have landed
// counts the answer that says so as success.
import type { CallOptions } from '../http/types';
import {
  alreadyArchived, alreadyDiscarded, callOptions, checkBody, checkCounters, checkInput, type KelviqCallContext,
} from './callSupport';
import { listAllPages, type ListAllOptions } from './listAll';
import { PLANS_PATH, isPlanIdentifier, planListPath, planPath } from './planPaths';
import {
  CatalogPlanSchema, PlanCreateSchema, PlanPageSchema, PlanPublishResultSchema, PlanPublishSchema, PlanUpdateSchema,
  type CatalogPlan, type PlanCreate, type PlanPage, type PlanPublish, type PlanPublishResult, type PlanUpdate,
} from './planSchemas';

export interface ListPlansOptions extends CallOptions {
  /** 1-based. */
  page?: number;
  /** Clamped to 1..100. Default 100. */
  pageSize?: number;
}

export type ListAllPlansOptions = ListAllOptions<CatalogPlan>;

export interface PlanVersionOptions extends CallOptions {
  /** A version number; without it, the plan's newest version (a draft, if it has one). */
  version?: number;
}

export function checkPlanIdentifier(ctx: KelviqCallContext, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', identifier: string, sub = ''): void {
  checkInput(ctx, isPlanIdentifier(identifier as unknown), method, `${PLANS_PATH}{identifier}/${sub}`, 'identifier', identifier, 'a plan identifier (a slug such as pro-monthly)');
}

export function planNotFound(identifier: string, version?: number): string {
  return version === undefined ? `Plan ${identifier} does not exist or was archived.` : `Plan ${identifier} has no version ${version}, or does not exist.`;
}

export async function listPlans(ctx: KelviqCallContext, options: ListPlansOptions = {}): Promise<PlanPage> {
  const path = planListPath(options);
  checkCounters(ctx, 'GET', path, { page: options.page }, 'Cannot list plans');
  return ctx.http.request({ method: 'GET', path, response: PlanPageSchema, ...callOptions(options) });
}

/** Every plan (drafts included): as listAllProducts, once more from page 1 if the list moved meanwhile. */
export async function listAllPlans(ctx: KelviqCallContext, options: ListAllPlansOptions = {}): Promise<CatalogPlan[]> {
  return listAllPages((query) => listPlans(ctx, query), options, {
    environmentLabel: ctx.environmentLabel,
    basePath: ctx.http.basePath,
    noun: 'plans',
    firstPagePath: (query) => planListPath(query),
    advice: 'Use Load more instead.',
    keyOf: (plan) => plan.identifier,
  });
}

export async function getPlan(ctx: KelviqCallContext, identifier: string, options: PlanVersionOptions = {}): Promise<CatalogPlan> {
  checkPlanIdentifier(ctx, 'GET', identifier);
  const path = planPath(identifier, '', options.version);
  checkCounters(ctx, 'GET', path, { version: options.version }, `Cannot get plan ${identifier}`);
  return ctx.http.request({ method: 'GET', path, response: CatalogPlanSchema, notFoundMessage: planNotFound(identifier, options.version), ...callOptions(options) });
}

export async function createPlan(ctx: KelviqCallContext, input: PlanCreate, options: CallOptions = {}): Promise<CatalogPlan> {
  const body = checkBody(ctx, 'POST', PLANS_PATH, PlanCreateSchema, input, 'The plan cannot be created');
  return ctx.http.request({ method: 'POST', path: PLANS_PATH, body: { ...body, product: body.product.toLowerCase() }, response: CatalogPlanSchema, ...callOptions(options) });
}

/** The answer is the version that changed: the draft (a new one when the plan was published). */
export async function updatePlan(ctx: KelviqCallContext, identifier: string, patch: PlanUpdate, options: PlanVersionOptions = {}): Promise<CatalogPlan> {
  checkPlanIdentifier(ctx, 'PATCH', identifier);
  const path = planPath(identifier, '', options.version);
  checkCounters(ctx, 'PATCH', path, { version: options.version }, 'The plan cannot be saved');
  const body = checkBody(ctx, 'PATCH', path, PlanUpdateSchema, patch, 'The plan cannot be saved');
  return ctx.http.request({ method: 'PATCH', path, body, response: CatalogPlanSchema, notFoundMessage: planNotFound(identifier, options.version), ...callOptions(options) });
}

/** Archives every version. 204 with an empty or a JSON body both count; "Already archived." after an ambiguous failure is success. */
export async function archivePlan(ctx: KelviqCallContext, identifier: string, options: CallOptions = {}): Promise<void> {
  checkPlanIdentifier(ctx, 'DELETE', identifier);
  await ctx.http.request<void>({
    method: 'DELETE', path: planPath(identifier), response: 'ignore', notFoundMessage: planNotFound(identifier),
    acceptAfterAmbiguousFailure: alreadyArchived, ...callOptions(options),
  });
}

/**
 * Publishes the newest draft. The server refuses with 400 (no price, missing currencies, nothing
 * to publish: kind 'badRequest') or 428 (billing provider not connected: kind 'conflict').
 */
export async function publishPlan(ctx: KelviqCallContext, identifier: string, flags: PlanPublish = {}, options: CallOptions = {}): Promise<PlanPublishResult> {
  checkPlanIdentifier(ctx, 'POST', identifier, 'publish/');
  const path = planPath(identifier, 'publish/');
  const body = checkBody(ctx, 'POST', path, PlanPublishSchema, flags, 'The plan cannot be published');
  return ctx.http.request({ method: 'POST', path, body, response: PlanPublishResultSchema, notFoundMessage: planNotFound(identifier), ...callOptions(options) });
}

/**
 * Deletes the newest draft (a plan never published goes with it). 400 when there is no draft.
 * Retried like any DELETE: after an attempt that may have landed, that 400 or a 404 is success.
 */
export async function discardPlanDraft(ctx: KelviqCallContext, identifier: string, options: CallOptions = {}): Promise<void> {
  checkPlanIdentifier(ctx, 'DELETE', identifier, 'discard/');
  await ctx.http.request<void>({
    method: 'DELETE', path: planPath(identifier, 'discard/'), response: 'ignore', notFoundMessage: planNotFound(identifier),
    acceptAfterAmbiguousFailure: alreadyDiscarded, ...callOptions(options),
  });
}
