// mergeEdits: a three-way merge of the editable fields when the server changed the product
// since the user opened it.
import type { ProductDetail, ProductUpdate } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import { diffEditable, editableValuesOf, type EditableValues } from './editableDiff';
import { EDITABLE_FIELDS, type EditableField } from './fields';

export interface MergeConflict {
  field: EditableField;
  /** Normalised values (a null description is ""). */
  base: string;
  mine: string;
  theirs: string;
}

export interface MergeOutcome {
  /** What to send: my changes that do not conflict. `{}` when there is nothing to send. */
  merged: ProductUpdate;
  /** The editable values after sending `merged`; a conflicting field keeps theirs until resolved. */
  result: EditableValues;
  /** Fields both sides changed to different values: not in `merged`. */
  conflicts: MergeConflict[];
}

/**
 * base = the version the user opened, mine = the user's edited document, theirs = the server's
 * current version. Per editable field: changed only by me → sent; changed only by them → kept
 * (not sent); changed by both to the same value → nothing to send; changed by both to different
 * values → conflict. "Changed" uses the same rules as diffEditable (which it may throw from).
 */
export function mergeEdits(base: ProductDetail, mine: Record<string, unknown>, theirs: ProductDetail): MergeOutcome {
  const myChanges = diffEditable(base, mine) as Partial<EditableValues>;
  const baseValues = editableValuesOf(base);
  const theirValues = editableValuesOf(theirs);
  const merged: Partial<EditableValues> = {};
  const result: EditableValues = { ...baseValues };
  const conflicts: MergeConflict[] = [];

  for (const field of EDITABLE_FIELDS) {
    const b = baseValues[field];
    const t = theirValues[field];
    const m = myChanges[field] ?? b;
    const iChanged = field in myChanges;
    const theyChanged = !deepEqual(t, b);
    if (iChanged && !theyChanged) {
      merged[field] = m;
      result[field] = m;
    } else if (theyChanged) {
      result[field] = t;
      if (iChanged && !deepEqual(m, t)) conflicts.push({ field, base: b, mine: m, theirs: t });
    }
  }
  return { merged: merged as ProductUpdate, result, conflicts };
}
