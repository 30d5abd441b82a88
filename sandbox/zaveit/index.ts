// Public surface of the Zaveit sandbox for tests, the demo launcher and benchmarks.
export { startZaveitSandbox, ZAVEIT_DEMO_TOKEN, ZAVEIT_EXPIRED_TOKEN, ZAVEIT_HOOK_PREFIX } from './zaveitServer';
export type { ZaveitSandbox, ZaveitSandboxOptions } from './zaveitServer';
export { CONTROL_TOKEN_HEADER } from '../guard';
export { DEFAULT_SWITCHES, ZAVEIT_AUTH_INFO, ZAVEIT_DEFAULT_PER_PAGE, ZAVEIT_MAX_PER_PAGE, ZAVEIT_PRODUCTS, errorReply, handleZaveitApi } from './zaveitApi';
export type { ZaveitContext, ZaveitReply, ZaveitRequest, ZaveitSession, ZaveitSwitches } from './zaveitApi';
export { ZaveitStore, WRITABLE_FIELDS, newObjectId, VariantIdError } from './zaveitStore';
export type { ZaveitProduct, ZaveitSnapshot } from './zaveitStore';
export { buildZaveitSeed, DEMO_TENANT, parseZaveitSeed, zaveitDemoCatalog, zaveitGeneratedCatalog } from './zaveitSeed';
export type { ZaveitSeedName } from './zaveitSeed';
export { loadZaveitValidators, validateZaveitBody, ZAVEIT_SCHEMA_PATH } from './requestValidation';
export type { ZaveitBodyKind, ZaveitValidation } from './requestValidation';
