// Why a field of a Zaveit product document cannot be changed here: the hover of the subdued
// read-only fields (DocumentModel.readOnlyNote). Top-level fields outside the editable set, and
// the nested ones the field docs mark read-only (`country._id`, …). Plain text.
import { isEditableField } from '../../../api/zaveit/productFields';
import { fieldDoc, READ_ONLY_NOTE } from './fieldDocs';

export function zaveitReadOnlyNote(keyPath: readonly string[]): string | undefined {
  const field = keyPath[0];
  if (field === undefined) return undefined;
  const doc = fieldDoc(keyPath.join('.'));
  if (keyPath.length === 1 && !isEditableField(field)) {
    return doc?.readOnly ? doc.description : `${READ_ONLY_NOTE} A field this editor does not change; it is kept as it is. Changes here are not saved.`;
  }
  return doc?.readOnly ? doc.description : undefined;
}
