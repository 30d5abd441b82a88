// `POST /media/`: a presigned S3 POST policy for one upload to the sandbox's storage (storage.ts),
// `{url, fields, fileKey}`; 400 without `fileName` or `fileType`, as the spec says (field-keyed, as
// DRF answers; blank counts as missing). The policy's lifetime and size limit follow the switches
// `uploadPolicyTtlSeconds` (an hour) and `uploadMaxBytes` (5 GB).
import { readBody, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import { requestOrigin } from './mediaUrls';
import type { Route } from './router';

function presign(req: ApiRequest, ctx: ApiContext): Reply {
  const input = readBody<{ fileName: string; fileType: string }>(req, 'PresignedUploadRequest');
  if (!input.ok) return input.reply;
  const { fileName, fileType } = input.value;
  const body = ctx.storage.presign({
    origin: requestOrigin(req),
    fileName,
    fileType,
    nowMs: Date.now(),
    ttlSeconds: ctx.switches.uploadPolicyTtlSeconds,
    maxBytes: ctx.switches.uploadMaxBytes,
  });
  return { status: 200, body };
}

export const MEDIA_ROUTES: readonly Route[] = [{ pattern: /^\/api\/v1\/media\/$/, name: 'Media Upload', methods: { POST: presign } }];
