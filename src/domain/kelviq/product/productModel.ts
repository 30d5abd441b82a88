// The kelviq product as a document kind's pure half (DocumentModel): its text, its checks, its
// version (`modifiedOn`), its editable view (`name`, `description`, `taxCode`, and each image's
// `id`, `name`, `ordering`, `thumbnail`, `enabled`, images matched by `id`), the base after a save
// that landed in part (withEditable: a save is several calls, productSync.ts), and the question
// before a save that deletes images (askBeforeWrite).
import type { ProductDetail } from '../../../api/kelviq/schemas';
import type { DocumentModel } from '../../document/documentModel';
import type { JsonObject } from '../../document/jsonShapes';
import { normalizeEditable } from './editableValue';
import { EDITABLE_FIELDS } from './fields';
import { PRODUCT_MERGE_RULES } from './images';
import { revertReadOnlyProblem } from './revertReadOnly';
import { productSaveQuestion } from './saveQuestion';
import { serializeProduct } from './serializeProduct';
import { validateProductDocument } from './validateDocument';
import { productReadOnlyNote } from './readOnlyNotes';
import { productWithEditable } from './withEditable';

export const kelviqProductModel: DocumentModel<ProductDetail> = {
  readOnlyNote: productReadOnlyNote,
  noun: 'product',
  mergeRules: PRODUCT_MERGE_RULES,
  versionFields: ['modifiedOn'],
  serialize: serializeProduct,
  validate: validateProductDocument,
  revert: revertReadOnlyProblem,
  modifiedAt: (product) => Date.parse(product.modifiedOn) || 0,
  nameOf: (object) => (typeof object.name === 'string' && object.name ? object.name : typeof object.identifier === 'string' ? object.identifier : 'product'),
  editableView(object: JsonObject): JsonObject {
    const view: JsonObject = {};
    // A missing or null description is "" (the server sends null for none; the PATCH takes
    // strings), so removing the field from the text clears it. name and taxCode are required.
    // Missing images are [] (images.ts).
    for (const field of EDITABLE_FIELDS) {
      const value = normalizeEditable(field, Object.prototype.hasOwnProperty.call(object, field) ? object[field] : undefined);
      if (value !== undefined) view[field] = value;
    }
    return view;
  },
  withEditable: productWithEditable,
  askBeforeWrite: productSaveQuestion,
};
