// A plan's files: `PATCH /catalog/plans/{identifier}/file/{pk}/` (name, ordering, enabled) → the
// PlanFile, `DELETE` → 204, and the public (no key) `GET …/download/` → 302 to a signed, short-lived
// storage URL that serves the bytes as an attachment (storage.ts). As the spec says, a PATCH or
// DELETE on a published plan first makes its draft and changes the file's copy there (its id is
// new: plan.files of the draft shows it). The file is looked up in the newest version for PATCH and
// DELETE, in any version (newest first) for a download: customers download the published files.
import { NOT_FOUND, readBody, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import { mediaUrls, requestOrigin } from './mediaUrls';
import { toPlanFile } from './planSerializers';
import type { PlanFilePatch } from './planStore';
import type { Route } from './router';

function update(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '', fileId = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  if (!plan || !ctx.store.plans.version(plan)?.files.some((f) => f.id === fileId)) return NOT_FOUND;
  const patch = readBody<PlanFilePatch>(req, 'PlanFileUpdateRequest');
  if (!patch.ok) return patch.reply;
  const { name, ordering, enabled } = patch.value;
  const file = ctx.store.plans.updateFile(plan, fileId, { name, ordering, enabled });
  return file ? { status: 200, body: toPlanFile(plan.identifier, file, mediaUrls(req, ctx.switches)) } : NOT_FOUND;
}

function remove(_req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '', fileId = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  return plan && ctx.store.plans.removeFile(plan, fileId) ? { status: 204 } : NOT_FOUND;
}

function download(req: ApiRequest, ctx: ApiContext, _user: string, [identifier = '', fileId = '']: readonly string[]): Reply {
  const plan = ctx.store.plans.get(identifier);
  const file = plan && ctx.store.plans.findFile(plan, fileId);
  if (!file) return NOT_FOUND;
  // A file from a state file written before uploads were served names an absolute URL: no bytes here.
  if (/^https?:\/\//i.test(file.file)) return NOT_FOUND;
  const location = ctx.storage.downloadUrl(requestOrigin(req), file.file, file.name, Date.now(), ctx.switches.downloadUrlTtlSeconds);
  return { status: 302, headers: { Location: location } };
}

export const PLAN_FILE_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/file\/([^/]+)\/$/, name: 'Plan File', methods: { PATCH: update, DELETE: remove }, uuidParams: [1] },
  // The spec gives this route `security: []`: a customer's download link works without a key.
  { pattern: /^\/api\/v1\/catalog\/plans\/([^/]+)\/file\/([^/]+)\/download\/$/, name: 'Plan File Download', methods: { GET: download }, uuidParams: [1], public: true },
];
