// Public surface of the API layer. Kelviq lives in ./kelviq, Zaveit in ./zaveit (exported as the
// `zaveit` namespace: its names overlap kelviq's), the backend-neutral HTTP machinery in ./http.
export { ApiError, isApiError, isCancellation, type ApiErrorKind } from './http/errors';
export type { CallOptions, RequestLogEntry, RetryInfo, RetryListener } from './http/types';
export { parseErrorBody, describeProblems, type ParsedErrorBody } from './http/errorBody';
export { parseRetryAfter, computeBackoff, isRetryAllowed, type FailureClass } from './http/retry';
export { parseBaseUrl } from './http/baseUrl';
export { KelviqClient, type KelviqClientOptions, type ListProductsOptions, type ListAllProductsOptions } from './kelviq/kelviqClient';
export { KELVIQ_BASE_URLS, type KelviqEnvironment } from './kelviq/environments';
export { isProductId, MAX_PAGE_SIZE } from './kelviq/paths';
export * from './kelviq/schemas';
export * as zaveit from './zaveit';
