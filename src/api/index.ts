// Public surface of the API layer. Kelviq lives in ./kelviq, Zaveit in ./zaveit (exported as the
// `zaveit` namespace: its names overlap kelviq's), the backend-neutral HTTP machinery in ./http.
export { ApiError, isApiError, isCancellation, type ApiErrorKind } from './http/errors';
export type { CallOptions, RequestLogEntry, RetryInfo, RetryListener } from './http/types';
export { parseErrorBody, describeProblems, type ParsedErrorBody } from './http/errorBody';
export { parseRetryAfter, computeBackoff, isRetryAllowed, type FailureClass } from './http/retry';
export { parseBaseUrl } from './http/baseUrl';
export {
  KelviqClient,
  type KelviqClientOptions,
  type ListProductsOptions,
  type ListAllProductsOptions,
  type ListPlansOptions,
  type ListAllPlansOptions,
  type PlanVersionOptions,
  type ListPlanItemsOptions,
  type ListFeaturesOptions,
  type StorageDownload,
  type StorageDownloadOptions,
  type StorageTransferOptions,
  type StorageUploadOptions,
  type UploadSource,
} from './kelviq/kelviqClient';
export { uploadToStorage } from './kelviq/storageUpload';
export { downloadFromStorage, DEFAULT_MAX_DOWNLOAD_BYTES } from './kelviq/storageDownload';
export { DownloadError, UploadError, isStorageError, type StorageErrorKind, type StorageOperation } from './kelviq/storageSupport';
export { KELVIQ_BASE_URLS, type KelviqEnvironment } from './kelviq/environments';
export { isProductId, MAX_PAGE_SIZE } from './kelviq/paths';
export { isFeatureId, isFeatureIdentifier, isPlanIdentifier } from './kelviq/planPaths';
export * from './kelviq/schemas';
export * from './kelviq/planSchemas';
export * from './kelviq/priceSchemas';
export * from './kelviq/entitlementSchemas';
export * from './kelviq/featureSchemas';
export * from './kelviq/mediaSchemas';
export * from './kelviq/imageSchemas';
export * from './kelviq/planFileSchemas';
export * as zaveit from './zaveit';
