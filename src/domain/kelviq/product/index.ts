// Pure logic of the product JSON document (no `vscode` here): serialisation, validation,
// diff, three-way merge, the JSON Schema for hovers/completion, server errors, quick fixes,
// and the save of a product and its images (the call plan, partial saves, the write).
export * from './fields';
export * from '../../document/documentProblem';
export * from '../../document/jsonRanges';
export { nodeValue } from '../../document/jsonValue';
export { deepEqual } from '../../document/deepEqual';
export { editDistance, suggestField } from '../../document/fieldSuggestion';
export * from './documentSchema';
export { serializeProduct } from './serializeProduct';
export { validateProductDocument } from './validateDocument';
export * from './editableValue';
export { chosenThumbnail, imageLabel, imagesView, imageView, PRODUCT_MERGE_RULES } from './images';
export { productDocumentJsonSchema } from './productJsonSchema';
export { serverErrorsToProblems } from './serverErrors';
export { revertReadOnlyEdit, revertReadOnlyProblem, documentKeys } from './revertReadOnly';
export { productWithEditable } from './withEditable';
export { afterProductPartialSave, describeProductCall, type ProductPartialSave } from './partialSave';
export { writeProduct, type ProductApi } from './productSync';
export { deletedImageIds, productSaveQuestion } from './saveQuestion';
export { kelviqProductModel } from './productModel';
export {
  allProductCalls,
  productEndpoints,
  productSaveCalls,
  type ProductCall,
  type ProductImagePatch,
  type ProductPatch,
  type ProductSaveInput,
  type ProductSavePlan,
} from './saveCalls';
