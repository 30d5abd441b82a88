// The kelviq feature document (read-only: the API has no feature update) and the words for
// feature types. Pure: no vscode.
export { kelviqFeatureModel } from './featureModel';
export { serializeFeature } from './serializeFeature';
export { validateFeatureDocument } from './validateDocument';
export { featureReadOnlyNote } from './readOnlyNotes';
export { FEATURE_FIELD_ORDER } from './featureFields';
export * from './featureTypes';
