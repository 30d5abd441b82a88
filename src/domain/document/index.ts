// Backend-neutral pure logic of catalog documents (no `vscode`): what a document kind supplies
// (DocumentModel), JSON diff and three-way merge by path with id-keyed arrays, problems with exact
// ranges, JSON ranges and values, structural equality, field suggestions.
export * from './documentModel';
export * from './documentProblem';
export * from './jsonRanges';
export * from './jsonPath';
export * from './jsonShapes';
export * from './jsonDiff';
export * from './jsonMerge';
export { nodeValue } from './jsonValue';
export { deepEqual } from './deepEqual';
export { editDistance, suggestField } from './fieldSuggestion';
export * from './jsonDepth';
export * from './readOnlyRanges';
export * from './partialSave';
export * from './readOnlyProblems';
export { listFields } from './problemWording';
export { writeOrderedJson, type OrderedJsonOptions } from './orderedJson';
