// Public surface of the sandbox for tests, the demo launcher and benchmarks.
export { startSandbox, DEMO_API_KEY, DEMO_USER, OTHER_API_KEY, OTHER_USER, HOOK_PREFIX } from './server';
export type { Sandbox, SandboxOptions } from './server';
export { API_PREFIX, PAGE_SIZE, toProduct, toProductRetrieve } from './catalogApi';
export { CatalogStore, DEFAULT_SETTINGS, FieldError, TAX_CODES, slugify } from './store';
export type { ArchiveResult, CatalogSnapshot, ProductCreate, ProductImage, ProductPatch, ProductRecord, ProductSettings, TaxCode } from './store';
export { buildSeed, demoCatalog, generatedCatalog, parseSeed, SEED_BASE_DATE } from './seed';
export type { SeedName } from './seed';
export { FaultRegistry, FaultRuleError, MAX_FAULT_RULES, globMatches } from './faults';
export type { ActiveFault, BodyShape, EchoForm, FaultRule } from './faults';
export { CONTROL_TOKEN_HEADER } from './guard';
export { Journal, JOURNAL_LIMIT, JOURNAL_MAX_BODY_BYTES, JOURNAL_MAX_BYTES } from './journal';
export type { JournalEntry } from './journal';
export { validateRequest, SPEC_PATH } from './validation';
export type { FieldErrors, RequestSchemaName, ValidationResult } from './validation';
