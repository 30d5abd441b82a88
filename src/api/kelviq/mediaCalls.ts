// Uploads, first step: `POST /media/` asks the API for a presigned S3 POST policy for one file. The
// upload itself goes straight to storage (storageUpload.ts), never with the API key. A POST: retried
// only after a 429, as every POST.
import type { CallOptions } from '../http/types';
import { callOptions, checkBody, type KelviqCallContext } from './callSupport';
import { PresignedUploadRequestSchema, PresignedUploadSchema, type PresignedUpload } from './mediaSchemas';
import { MEDIA_PATH } from './paths';

/** The policy for one upload of `fileName` (a name, not a path) of MIME type `fileType`; valid for an hour. */
export async function createUpload(ctx: KelviqCallContext, fileName: string, fileType: string, options: CallOptions = {}): Promise<PresignedUpload> {
  const body = checkBody(ctx, 'POST', MEDIA_PATH, PresignedUploadRequestSchema, { fileName, fileType }, 'The upload cannot be prepared');
  return ctx.http.request({ method: 'POST', path: MEDIA_PATH, body, response: PresignedUploadSchema, ...callOptions(options) });
}
