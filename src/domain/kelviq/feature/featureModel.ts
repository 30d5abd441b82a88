// The kelviq feature as a document kind's pure half (DocumentModel): its text and its checks.
// Features cannot be updated through the API, so nothing in it is editable: the editable view is
// empty, and every field has a read-only note saying so.
import type { CatalogFeature } from '../../../api/kelviq/featureSchemas';
import type { DocumentModel } from '../../document/documentModel';
import { WHOLE_ARRAYS } from '../../document/jsonPath';
import type { JsonObject } from '../../document/jsonShapes';
import { revertProblemFields } from '../../document/revertField';
import { FEATURE_FIELD_ORDER } from './featureFields';
import { featureReadOnlyNote } from './readOnlyNotes';
import { serializeFeature } from './serializeFeature';
import { validateFeatureDocument } from './validateDocument';

export const kelviqFeatureModel: DocumentModel<CatalogFeature> = {
  noun: 'feature',
  mergeRules: WHOLE_ARRAYS,
  versionFields: ['modifiedOn'],
  serialize: serializeFeature,
  validate: validateFeatureDocument,
  revert: (text, problem) => (problem.code === 'read-only' ? revertProblemFields(text, problem, FEATURE_FIELD_ORDER) : text),
  modifiedAt: (feature) => (typeof feature.modifiedOn === 'string' ? Date.parse(feature.modifiedOn) || 0 : 0),
  nameOf: (object) => (typeof object.name === 'string' && object.name ? object.name : typeof object.identifier === 'string' && object.identifier ? object.identifier : 'feature'),
  editableView: (): JsonObject => ({}),
  readOnlyNote: featureReadOnlyNote,
};
