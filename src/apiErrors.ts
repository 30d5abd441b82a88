// Recognises the API layer's errors on the VS Code side. ApiError (and the storage transfers'
// UploadError / DownloadError) live in dist/core.js, a separate bundle, so `instanceof` would
// compare against a different class: check the shape instead.
import type { ApiError, ApiErrorKind } from './api/http/errors';
import type { DownloadError, StorageErrorKind, UploadError } from './api/kelviq/storageSupport';

export type { ApiError, ApiErrorKind, DownloadError, StorageErrorKind, UploadError };

export function isApiError(err: unknown): err is ApiError {
  return err instanceof Error && err.name === 'ApiError' && typeof (err as { kind?: unknown }).kind === 'string';
}

/**
 * An UploadError or DownloadError from a storage transfer (same bundle rule: by shape). Its
 * `message` is plain text; `storageCode` / `storageMessage` are the storage's own words: put them
 * through plainText before showing them.
 */
export function isStorageError(err: unknown): err is UploadError | DownloadError {
  return err instanceof Error && (err.name === 'UploadError' || err.name === 'DownloadError') && typeof (err as { kind?: unknown }).kind === 'string';
}
