// The extension's save path (src/documents/saveProduct.ts, ProductSaver.save + send) without
// VS Code: the same domain functions and client calls, in the same order. Anything that would
// open a dialog (errors, conflicts) throws here instead. A non-production environment skips the
// confirmation, but its argument, describeChanges(), is computed eagerly as in the extension.
import { parse } from 'jsonc-parser';
import type { KelviqClient, ProductDetail, ProductUpdate } from '../../src/api';
import { describeChanges, diffEditable, mergeEdits, serializeProduct, validateProductDocument } from '../../src/domain/kelviq/product';

export interface SavedProduct {
  /** The new base: the server's answer merged over the conflict-check GET, as the extension keeps it. */
  base: ProductDetail;
  /** The text VS Code reloads after the save. */
  text: string;
}

export async function saveLikeExtension(client: KelviqClient, base: ProductDetail, text: string): Promise<SavedProduct> {
  const problems = validateProductDocument(text, base).filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new Error(`not saved: ${problems[0]?.message}`);
  const edited = parse(text) as Record<string, unknown>;
  const patch = diffEditable(base, edited);
  if (Object.keys(patch).length === 0) throw new Error('not saved: nothing changed');

  const theirs = await client.getProduct(base.id);
  let toSend: ProductUpdate = patch;
  if (theirs.modifiedOn !== base.modifiedOn) {
    const merge = mergeEdits(base, edited, theirs);
    if (merge.conflicts.length > 0) throw new Error('not saved: conflict (the bench edits its own product only)');
    toSend = merge.merged;
    if (Object.keys(toSend).length === 0) return { base: theirs, text: serializeProduct(theirs) };
  }
  describeChanges(theirs, toSend);
  const updated = await client.updateProduct(base.id, toSend);
  const result: ProductDetail = { ...theirs, ...updated, plans: (updated as ProductDetail).plans ?? theirs.plans };
  return { base: result, text: serializeProduct(result) };
}

/** The document text with `name` changed: the one-field edit a save sends. */
export function withName(base: ProductDetail, name: string): string {
  return serializeProduct({ ...base, name });
}
