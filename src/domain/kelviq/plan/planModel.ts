// planModel: what the kelviq plan document kind supplies to the backend-neutral document
// mechanism (DocumentModel in src/domain/document/documentModel.ts): text, checks, the editable
// view with its merge rules, versions and names, and the question before a save that removes files. The object is a PlanObject (planObject.ts).
import type { DocumentModel } from '../../document/documentModel';
import type { JsonObject } from '../../document/jsonShapes';
import { PLAN_MERGE_RULES, planEditableView } from './editableView';
import type { PlanObject } from './planObject';
import { planNameOf } from './planName';
import { planReadOnlyNote } from './readOnlyNotes';
import { planSaveQuestion } from './saveQuestion';
import { revertPlanProblem } from './revertReadOnly';
import { serializePlan } from './serializePlan';
import { validatePlanDocument } from './validateDocument';
import { planWithEditable } from './withEditable';

/** `modifiedOn` in epoch ms; 0 when missing or unreadable. */
export function planModifiedAt(object: JsonObject): number {
  const at = typeof object.modifiedOn === 'string' ? Date.parse(object.modifiedOn) : NaN;
  return Number.isNaN(at) ? 0 : at;
}


export const planModel: DocumentModel<PlanObject> = {
  noun: 'plan',
  mergeRules: PLAN_MERGE_RULES,
  // Editing a published plan creates a new version: `version` changes even where `modifiedOn` might not.
  versionFields: ['modifiedOn', 'version'],
  serialize: serializePlan,
  validate: validatePlanDocument,
  revert: revertPlanProblem,
  modifiedAt: planModifiedAt,
  nameOf: planNameOf,
  editableView: planEditableView,
  readOnlyNote: planReadOnlyNote,
  withEditable: planWithEditable,
  askBeforeWrite: planSaveQuestion,
};

export { planNameOf };
