// Pure logic of the product JSON document (no `vscode` here): serialisation, validation,
// diff, three-way merge, the JSON Schema for hovers/completion, server errors, quick fixes.
export * from './fields';
export * from './document-problem';
export * from './json-ranges';
export { nodeValue } from './json-value';
export { deepEqual } from './deep-equal';
export { editDistance, suggestField } from './field-suggestion';
export * from './document-schema';
export { serializeProduct } from './serialize-product';
export { validateProductDocument } from './validate-document';
export { readOnlyFieldsOf } from './read-only-check';
export * from './editable-diff';
export * from './three-way-merge';
export { productDocumentJsonSchema } from './product-json-schema';
export { serverErrorsToProblems } from './server-errors';
export { revertReadOnlyEdit, revertReadOnlyProblem, documentKeys } from './revert-read-only';
