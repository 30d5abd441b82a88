// Pure logic of the kelviq plan document (no `vscode`, nothing from src/api): the server state it
// is built from, the DocumentModel (text, checks with exact ranges, the editable view with price
// defaults, merge rules), the JSON Schema for hovers/completion, the save's call plan and its
// partial-failure bookkeeping, the draft/published state and the price summary of tree rows.
export {
  CatalogFeatureSchema,
  CatalogPlanSchema,
  PlanEntitlementSchema,
  PlanPriceSchema,
  PlanServerStateSchema,
  type CatalogFeature,
  type CatalogPlan,
  type EntitlementPatchBody,
  type EntitlementsAddBody,
  type PlanEntitlement,
  type PlanPrice,
  type PlanServerState,
  type PlanUpdateBody,
  type PriceBulkBody,
} from './planServerState';
export { featuresOf, PLAN_FEATURES_KEY, planObjectFrom, type FeatureRef, type PlanObject } from './planObject';
export { planModel, planModifiedAt, planNameOf } from './planModel';
export { serializePlan } from './serializePlan';
export { validatePlanDocument } from './validateDocument';
export { revertPlanProblem } from './revertReadOnly';
export { PLAN_MERGE_RULES, planEditableView } from './editableView';
export { planWithEditable } from './withEditable';
export { ADD_FILE_HINT, fileLabel, PLAN_FILES } from './planFiles';
export { planSaveQuestion, removedFiles } from './saveQuestion';
export { CHARGE_CATALOG_PRICE_DEFAULTS, CHARGE_DEFAULTS, ENTITLEMENT_DETAIL_DEFAULTS, normalizeDetails, normalizePrice, PRICE_DEFAULTS } from './priceDefaults';
export { planDocumentJsonSchema, planFeatureSchema } from './planJsonSchema';
export { allCalls, planEndpoints, planSaveCalls, type PlanCall, type PlanSaveInput, type PlanSavePlan } from './saveCalls';
export { afterPartialSave, describeCall, type PartialSave } from './partialSave';
export { readPlan, writePlan, type PlanApi } from './planSync';
export { featureCompletionAt, type FeatureCompletion } from './featureCompletion';
export { PLAN_STATE_LABELS, planStateOf, planStateOfVersions, type PlanState, type PlanVersionInfo } from './planState';
export { formatAmount, priceSummary } from './priceSummary';
export { describeValue, publishDiff, type PublishDiff } from './publishDiff';
export { explainPublishError, publishErrorText, type PublishExplanation, type PublishFailure, type PublishRefusal } from './publishErrors';
export { checkPlanIdentifier, checkPlanName, PLAN_IDENTIFIER_MAX, PLAN_NAME_MAX } from './newPlanInput';
export {
  COLLECTION_FIELDS,
  DOCUMENT_FIELD_ORDER,
  EDITABLE_PLAN_FIELDS,
  ENTITLEMENT_FIELDS,
  ENTITLEMENT_READ_ONLY_FIELDS,
  PRICE_FIELDS,
  PRICE_READ_ONLY_FIELDS,
  READ_ONLY_PLAN_FIELDS,
  type EditablePlanField,
} from './planFields';
export { FIELD_DOCS, fieldDoc, READ_ONLY_NOTE, type FieldDoc } from './fieldDocs';
export {
  CHARGE_PERIODS,
  FEATURE_TYPES,
  PAYMENT_TYPES,
  PRICE_MODELS,
  PRICE_TYPES,
  RESETS,
  TAX_BEHAVIORS,
  type ChargePeriod,
  type EnumValue,
  type FeatureType,
  type PaymentType,
  type PriceModel,
  type PriceType,
  type Reset,
  type TaxBehavior,
} from './planEnums';
