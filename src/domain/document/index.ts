// Backend-neutral pure logic of catalog documents (no `vscode`): problems with exact ranges, JSON
// ranges and values, structural equality, field suggestions. Every document kind builds on it.
export * from './documentProblem';
export * from './jsonRanges';
export { nodeValue } from './jsonValue';
export { deepEqual } from './deepEqual';
export { editDistance, suggestField } from './fieldSuggestion';
