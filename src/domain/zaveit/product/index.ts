// Pure logic of the Zaveit product JSON document (no `vscode`): the DocumentModel, serialisation,
// validation with exact ranges, the editable view and request bodies, the JSON Schema for
// hovers/completion, the new-product template, quick fixes and value formatting.
export { zaveitProductModel, ZAVEIT_MERGE_RULES, zaveitModifiedAt, zaveitNameOf, zaveitVersionOf } from './zaveitProductModel';
export { serializeZaveitProduct, DOCUMENT_FIELD_ORDER } from './serializeProduct';
export { validateZaveitDocument } from './validateDocument';
export { zaveitEditableView, zaveitUpdateBody, zaveitCreateBody, apiValueOf, NEW_VARIANT_PLACEHOLDER } from './editableView';
export { createZaveitTemplate, type TemplateOptions } from './createTemplate';
export { zaveitProductJsonSchema } from './productJsonSchema';
export { revertZaveitField, revertZaveitProblem } from './revertReadOnly';
export { serverFieldsOf } from './readOnlyCheck';
export { FIELD_DOCS, fieldDoc, READ_ONLY_NOTE, type FieldDoc } from './fieldDocs';
export { countryCodes, countryName, currencyCodes, currencyDigits, currencyName, type NamedCode } from '../../isoCodes';
export { describeProductPrice, formatHours, formatMoney, formatPaymentPeriod, formatQuantity, type QuantityBounds } from './format';
