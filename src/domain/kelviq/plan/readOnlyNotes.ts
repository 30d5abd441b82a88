// Why a field of a plan document cannot be changed here: the hover of the subdued read-only
// fields (DocumentModel.readOnlyNote). Top-level fields outside the editable ones and the
// collections, a price's `id` and the fields the server adds to a price, an entitlement's
// `featureName`, a file's `id`, `file`, `downloadUrl` and server fields. Plain text.
import { fieldDoc, READ_ONLY_NOTE } from './fieldDocs';
import { COLLECTION_FIELDS, ENTITLEMENT_FIELDS, isEditablePlanField, PLAN_FILE_FIELDS, PRICE_FIELDS } from './planFields';

const GENERIC = `${READ_ONLY_NOTE} A field this editor does not change; it is kept as it is. Changes here are not saved.`;

export function planReadOnlyNote(keyPath: readonly string[]): string | undefined {
  const [field, nested] = keyPath;
  if (field === undefined) return undefined;
  const doc = fieldDoc(keyPath.join('.'));
  if (keyPath.length === 1) {
    if (isEditablePlanField(field) || (COLLECTION_FIELDS as readonly string[]).includes(field)) return undefined;
    return doc?.readOnly ? doc.description : GENERIC;
  }
  if (keyPath.length === 2 && nested !== undefined) {
    if (field === 'prices' && !(PRICE_FIELDS as readonly string[]).includes(nested)) return doc?.readOnly ? doc.description : GENERIC;
    if (field === 'entitlements' && !(ENTITLEMENT_FIELDS as readonly string[]).includes(nested)) return doc?.readOnly ? doc.description : GENERIC;
    if (field === 'files' && !(PLAN_FILE_FIELDS as readonly string[]).includes(nested)) return doc?.readOnly ? doc.description : GENERIC;
  }
  return doc?.readOnly ? doc.description : undefined;
}
