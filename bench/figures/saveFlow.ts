// The extension's save path (src/documents/documentSaver.ts, DocumentSaver.save + send) without
// VS Code: the same pure functions and client calls, in the same order. Anything that would open
// a dialog (errors, conflicts) throws here instead. A non-production environment skips the
// confirmation, but its lines are computed eagerly as in the extension.
import { parse } from 'jsonc-parser';
import type { KelviqClient, ProductDetail, ProductUpdate } from '../../src/api';
import { diffJson, formatPath, mergeJson, type JsonObject } from '../../src/domain/document';
import { kelviqProductModel as model, serializeProduct } from '../../src/domain/kelviq/product';

export interface SavedProduct {
  /** The new base: the server's answer merged over the conflict-check GET, as the extension keeps it. */
  base: ProductDetail;
  /** The text VS Code reloads after the save. */
  text: string;
}

export async function saveLikeExtension(client: KelviqClient, base: ProductDetail, text: string): Promise<SavedProduct> {
  const problems = model.validate(text, base).filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new Error(`not saved: ${problems[0]?.message}`);
  const mine = model.editableView(parse(text) as JsonObject);
  const from0 = model.editableView(base);
  if (diffJson(from0, mine, model.mergeRules).length === 0) throw new Error('not saved: nothing changed');

  const theirs = await client.getProduct(base.id);
  const from = model.editableView(theirs);
  const merged = mergeJson(from0, mine, from, model.mergeRules);
  if (merged.conflicts.length > 0) throw new Error('not saved: conflict (the bench edits its own product only)');
  const changes = diffJson(from, merged.value, model.mergeRules);
  if (changes.length === 0) return { base: theirs, text: serializeProduct(theirs) };
  changes.map((c) => `${formatPath(c.path)}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  const to = merged.value as JsonObject;
  const patch = Object.fromEntries([...new Set(changes.map((c) => String(c.path[0])))].map((f) => [f, to[f]])) as ProductUpdate;
  const updated = await client.updateProduct(base.id, patch);
  const result: ProductDetail = { ...theirs, ...updated, plans: (updated as ProductDetail).plans ?? theirs.plans };
  return { base: result, text: serializeProduct(result) };
}

/** The document text with `name` changed: the one-field edit a save sends. */
export function withName(base: ProductDetail, name: string): string {
  return serializeProduct({ ...base, name });
}
