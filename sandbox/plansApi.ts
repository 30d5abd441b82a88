// The plan endpoints: list (every plan's newest version, drafts included, paged, no product
// filter), create (a draft), retrieve (`?version=`), update (a published plan gets a new draft),
// archive, publish (400 without a price, 428 when the billing provider is disconnected) and
// discard. Stores in planStore.ts; serialization in planSerializers.ts.
import { badRequest, NOT_FOUND, paginate, readBody, readVersion, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import { mediaUrls } from './mediaUrls';
import { latestVersion } from './planRecords';
import { toCatalogPlan } from './planSerializers';
import type { PlanCreate, PlanPatch } from './planStore';
import type { Route } from './router';
import { FieldError } from './storeErrors';
import { attachUploads, checkUploadKeys } from './uploadKeys';

const DETAIL = '/catalog/plans/{identifier}/';

function list(req: ApiRequest, ctx: ApiContext): Reply {
  // A `product` (or any other) query parameter is ignored, as DRF ignores undeclared ones.
  const urls = mediaUrls(req, ctx.switches);
  return paginate(req, ctx.store.plans.list(), (plan) => toCatalogPlan(plan, latestVersion(plan), urls));
}

function create(req: ApiRequest, ctx: ApiContext): Reply {
  const input = readBody<PlanCreate>(req, 'PlanCreateRequest');
  if (!input.ok) return input.reply;
  const { name, identifier, description, product, metadata, isVisible, license, links, fileKeys, ordering } = input.value;
  const unknownKeys = checkUploadKeys(ctx.storage, 'fileKeys', fileKeys);
  if (unknownKeys) return badRequest(unknownKeys);
  try {
    const plan = ctx.store.plans.create({ name, identifier, description, product: product.toLowerCase(), metadata, isVisible, license, links, fileKeys, ordering });
    attachUploads(ctx.storage, fileKeys ?? [], latestVersion(plan).files.map((file) => file.file));
    return { status: 201, body: toCatalogPlan(plan, latestVersion(plan), mediaUrls(req, ctx.switches)) };
  } catch (error) {
    if (error instanceof FieldError) return badRequest(error.fields);
    throw error;
  }
}

function retrieve(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const version = readVersion(req, DETAIL);
  if (!version.ok) return version.reply;
  const plan = ctx.store.plans.get(identifier);
  const record = plan && ctx.store.plans.version(plan, version.value);
  return plan && record ? { status: 200, body: toCatalogPlan(plan, record, mediaUrls(req, ctx.switches)) } : NOT_FOUND;
}

function update(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const version = readVersion(req, DETAIL);
  if (!version.ok) return version.reply;
  const plan = ctx.store.plans.get(identifier);
  if (!plan) return NOT_FOUND;
  if (version.value !== undefined) {
    const latest = latestVersion(plan).version;
    if (!ctx.store.plans.version(plan, version.value)) return NOT_FOUND;
    // An older version is history: only the newest one (draft, or published → new draft) changes.
    if (version.value !== latest) return badRequest({ version: [`Only the latest version (${latest}) can be updated.`] });
  }
  const patch = readBody<PlanPatch>(req, 'PlanUpdateRequest');
  if (!patch.ok) return patch.reply;
  // Only the spec's writable fields pass: `identifier`, `product`, `ordering` … are ignored.
  const { name, description, metadata, isVisible, license, links, fileKeys } = patch.value;
  const unknownKeys = checkUploadKeys(ctx.storage, 'fileKeys', fileKeys);
  if (unknownKeys) return badRequest(unknownKeys);
  const before = latestVersion(plan).files.length;
  const draft = ctx.store.plans.update(plan, { name, description, metadata, isVisible, license, links, fileKeys });
  attachUploads(ctx.storage, fileKeys ?? [], draft.files.slice(before).map((file) => file.file));
  return { status: 200, body: toCatalogPlan(plan, draft, mediaUrls(req, ctx.switches)) };
}

function archive(_req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const result = ctx.store.plans.archive(identifier);
  if (result === 'already-archived') return badRequest({ detail: 'Already archived.' });
  return result === 'archived' ? { status: 204 } : NOT_FOUND;
}

function publish(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  if (!plan) return NOT_FOUND;
  // updateFeatures / updatePricing migrate existing customers; the sandbox has none, so they
  // are validated (booleans) and otherwise only seen in the journal.
  const flags = readBody<{ updateFeatures?: boolean; updatePricing?: boolean }>(req, 'PlanPublishRequest');
  if (!flags.ok) return flags.reply;
  const check = ctx.store.plans.publishCheck(plan);
  if (check === 'already-published') return badRequest({ detail: 'Plan is already published.' });
  if (check === 'no-price') return badRequest({ detail: 'Plan has no price. Add at least one price before publishing.' });
  // Validation first, then the sync to the billing provider, which is where a 428 comes from.
  if (ctx.switches.billingProvider === 'disconnected') return { status: 428, body: { detail: 'Billing provider not authenticated.' } };
  ctx.store.plans.publish(plan);
  return { status: 200, body: { status: 'published' } };
}

function discard(_req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  if (!plan) return NOT_FOUND;
  const result = ctx.store.plans.discard(plan);
  return result === 'discarded' ? { status: 204 } : badRequest({ detail: 'Plan is already published; cannot be discarded.' });
}

export const PLAN_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/v1\/catalog\/plans\/$/, name: 'Plan List', methods: { GET: list, POST: create } },
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/$/, name: 'Plan Detail', methods: { GET: retrieve, PATCH: update, DELETE: archive } },
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/publish\/$/, name: 'Plan Publish', methods: { POST: publish } },
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/discard\/$/, name: 'Plan Discard', methods: { DELETE: discard } },
];
