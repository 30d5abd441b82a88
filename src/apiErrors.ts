// Recognises the API layer's errors on the VS Code side. ApiError lives in dist/core.js, a separate
// bundle, so `instanceof` would compare against a different class: check the shape instead.
import type { ApiError, ApiErrorKind } from './api/http/errors';

export type { ApiError, ApiErrorKind };

export function isApiError(err: unknown): err is ApiError {
  return err instanceof Error && err.name === 'ApiError' && typeof (err as { kind?: unknown }).kind === 'string';
}
