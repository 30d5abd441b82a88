// Public surface of the sandbox for tests, the demo launcher and benchmarks.
export { startSandbox, DEMO_API_KEY, DEMO_USER, OTHER_API_KEY, OTHER_USER, HOOK_PREFIX } from './server';
export type { Sandbox, SandboxOptions } from './server';
export { API_PREFIX, PAGE_SIZE, toProduct, toProductImage, toProductRetrieve } from './catalogApi';
export { CatalogStore, DEFAULT_SETTINGS, FieldError, TAX_CODES, slugify } from './store';
export { FeatureStore, type FeatureCreate } from './featureStore';
export { PlanStore, filesFromKeys, publishedPlanLists, type PlanCreate, type PlanFilePatch, type PlanPatch, type PriceInput, type PublishCheck } from './planStore';
export { DEFAULT_LICENSE, FEATURE_TYPES, isDraft, latestVersion, publishedVersion } from './planRecords';
export type { EntitlementRecord, FeatureRecord, FeatureType, PlanRecord, PlanVersionRecord, PriceRecord } from './planRecords';
export { toCatalogFeature, toCatalogPlan, toEntitlement, toPlanFile, toPlanPrice } from './planSerializers';
export { mediaUrls, STORED_MEDIA, type MediaUrls } from './mediaUrls';
export {
  ObjectStorage, BUCKET, DOWNLOAD_PREFIX, MAX_UPLOAD_BYTES, SANDBOX_UPLOAD_LIMIT_BYTES, STORAGE_PREFIX, UPLOAD_PATH, attachmentDisposition, encodeKey, objectUrl,
  type PresignedPost, type StoredObject,
} from './storage';
export { s3ErrorXml, type S3Error } from './s3Errors';
export { placeholderFor, placeholderPng } from './placeholders';
export { DEFAULT_SWITCHES, type SandboxSwitches } from './switches';
export type { DrfErrors } from './drfErrors';
export type { ArchiveResult, CatalogSnapshot, ProductCreate, ProductImage, ProductImagePatch, ProductPatch, ProductRecord, ProductSettings, TaxCode } from './store';
export { buildSeed, demoCatalog, generatedCatalog, parseSeed, SEED_BASE_DATE } from './seed';
export { SLOT_NAMES } from './generatedPlans';
export type { SeedName } from './seed';
export { FaultRegistry, FaultRuleError, MAX_FAULT_RULES, globMatches } from './faults';
export type { ActiveFault, BodyShape, EchoForm, FaultRule } from './faults';
export { CONTROL_TOKEN_HEADER } from './guard';
export { Journal, JOURNAL_LIMIT, JOURNAL_MAX_BODY_BYTES, JOURNAL_MAX_BYTES } from './journal';
export type { JournalEntry } from './journal';
export { validateRequest, SPEC_PATH } from './validation';
export type { FieldErrors, RequestSchemaName, ValidationResult } from './validation';
