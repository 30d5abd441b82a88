// A plan's files: change one (name, ordering, enabled), delete it, and find where to download it.
// Files are added by sending uploaded keys in the plan's `fileKeys`. On a published plan a change or
// a delete first makes the draft, as every plan edit does (the spec says so); the draft's `files`
// show the result. The plan by identifier, the file by UUID, both checked before sending.
//
// The download: `GET …/file/{pk}/download/` on this client's own base URL (never the `downloadUrl`
// a server put in `files`: it could name another host, and this request carries the API key), not
// following the 302; its Location is a short-lived signed storage URL, fetched without the key by
// storageDownload.downloadFromStorage. The Location is never logged (it is a credential).
import { ApiError } from '../http/errors';
import type { CallOptions } from '../http/types';
import { alreadyRemoved, callOptions, checkBody, checkInput, type KelviqCallContext } from './callSupport';
import { UUID_PATTERN } from './paths';
import { checkPlanIdentifier } from './planCalls';
import { PlanFileUpdateSchema, type PlanFileUpdate } from './planFileSchemas';
import { planFilePath, PLANS_PATH } from './planPaths';
import { PlanFileSchema, type PlanFile } from './planSchemas';

const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID_PATTERN.test(value);

function checkIds(ctx: KelviqCallContext, method: 'GET' | 'PATCH' | 'DELETE', identifier: string, fileId: string, sub = ''): void {
  checkPlanIdentifier(ctx, method, identifier, `file/{pk}/${sub}`);
  checkInput(ctx, isUuid(fileId), method, `${PLANS_PATH}{identifier}/file/{pk}/${sub}`, 'fileId', fileId, 'a file id (a UUID such as bf9f0fe0-c9c0-436d-8811-e412d0365470)');
}

function fileNotFound(identifier: string, fileId: string): string {
  return `Plan ${identifier} has no file ${fileId} in its newest version (it was removed, or the plan does not exist).`;
}

/** Answers the file as changed: on a published plan, its copy in the new draft (whose id may differ). */
export async function updatePlanFile(ctx: KelviqCallContext, identifier: string, fileId: string, patch: PlanFileUpdate, options: CallOptions = {}): Promise<PlanFile> {
  checkIds(ctx, 'PATCH', identifier, fileId);
  const path = planFilePath(identifier, fileId);
  const body = checkBody(ctx, 'PATCH', path, PlanFileUpdateSchema, patch, 'The plan file cannot be saved');
  return ctx.http.request({ method: 'PATCH', path, body, response: PlanFileSchema, notFoundMessage: fileNotFound(identifier, fileId), ...callOptions(options) });
}

/** Removes the file (from the new draft, on a published plan). A 404 after an attempt that may have landed is done. */
export async function deletePlanFile(ctx: KelviqCallContext, identifier: string, fileId: string, options: CallOptions = {}): Promise<void> {
  checkIds(ctx, 'DELETE', identifier, fileId);
  await ctx.http.request<void>({
    method: 'DELETE', path: planFilePath(identifier, fileId), response: 'ignore',
    notFoundMessage: fileNotFound(identifier, fileId), acceptAfterAmbiguousFailure: alreadyRemoved, ...callOptions(options),
  });
}

/**
 * The signed storage URL the download route redirects to (absolute; a relative Location is read
 * against the API's origin). Anything but a redirect with a Location is a 'badResponse' ApiError.
 * Short-lived: fetch it at once, with downloadFromStorage.
 */
export async function planFileDownloadUrl(ctx: KelviqCallContext, identifier: string, fileId: string, options: CallOptions = {}): Promise<string> {
  checkIds(ctx, 'GET', identifier, fileId, 'download/');
  const path = planFilePath(identifier, fileId, 'download/');
  const location = await ctx.http.request<string>({
    method: 'GET', path, response: 'location', notFoundMessage: `Plan ${identifier} has no file ${fileId}, or does not exist.`, ...callOptions(options),
  });
  let url: URL | undefined;
  try {
    url = new URL(location, `${ctx.http.origin}${ctx.http.basePath}${path}`);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    const message = `Kelviq (${ctx.environmentLabel}) redirected GET ${ctx.http.basePath}${path} to something that is not an http(s) URL.`;
    throw new ApiError({ kind: 'badResponse', message, method: 'GET', path: ctx.http.basePath + path });
  }
  return url.href;
}
