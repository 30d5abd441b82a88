// The heavy half of the extension: the API client (undici, zod) and the product-document logic
// (zod, jsonc-parser). esbuild bundles it into dist/core.js, which the VS Code side loads on first
// use (coreLoader.ts), so activation does not pay for it (docs/PERFORMANCE.md). Only types of this
// module may be imported statically from the VS Code side.
export { KelviqClient } from './api/kelviq/kelviqClient';
export { parse as parseJsonc, parseTree as parseJsoncTree } from 'jsonc-parser';
export {
  kelviqProductModel,
  revertReadOnlyProblem,
  serializeProduct,
  serverErrorsToProblems,
  validateProductDocument,
  writeProduct,
} from './domain/kelviq/product';
export { kelviqFeatureModel } from './domain/kelviq/feature';
export { settingsModel } from './domain/kelviq/settings';
export { ZaveitClient } from './api/zaveit/zaveitClient';
export { isAmbiguousCreateFailure as isAmbiguousZaveitCreateFailure } from './api/zaveit/zaveitErrors';
export { createZaveitTemplate, zaveitCreateBody, zaveitProductModel, zaveitUpdateBody } from './domain/zaveit/product';
export { featureCompletionAt, featuresOf, planModel, planObjectFrom, planStateOf, readPlan, writePlan } from './domain/kelviq/plan';
export { explainPublishError, priceSummary, publishDiff, publishErrorText } from './domain/kelviq/plan';
export { planDocumentLinks, productDocumentLinks } from './domain/kelviq/documentLinks';
