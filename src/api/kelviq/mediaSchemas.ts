// zod schemas for uploads (`POST /media/`): the request (strict) and the presigned S3 POST policy it
// answers (loose, as every response: extra fields are kept). The policy's `fields` are sent back to
// storage exactly as given, in the order given (JSON keys keep their order; S3 field names are
// never integer-like, the only keys a JS object would reorder).
import { z } from 'zod';

/** A MIME type such as image/png or application/pdf (the policy enforces it on upload). */
export const MIME_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

export const PresignedUploadRequestSchema = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, 'A file name is required.')
    .max(255, 'Use a file name of at most 255 characters.')
    .refine((name) => !/[/\\\u0000-\u001f\u007f]/.test(name), 'Use a file name without slashes or control characters.'),
  fileType: z.string().trim().regex(MIME_TYPE_PATTERN, 'Use a MIME type such as image/png.'),
});
export type PresignedUploadRequest = z.input<typeof PresignedUploadRequestSchema>;

/** The presigned POST: multipart POST every field to `url`, the file last; then send `fileKey` in imageKeys / fileKeys. */
export const PresignedUploadSchema = z.looseObject({
  url: z.string().min(1),
  fields: z.record(z.string(), z.string()),
  fileKey: z.string().min(1),
});
export type PresignedUpload = z.infer<typeof PresignedUploadSchema>;
