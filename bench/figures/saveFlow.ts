// The extension's save path (src/documents/documentSaver.ts, DocumentSaver.save + send) without
// VS Code: the same pure functions and client calls, in the same order, for any document kind's
// model. Anything that would open a dialog (errors, conflicts) throws here instead. A
// non-production environment skips the confirmation, but its lines are computed eagerly as in
// the extension. `saveLikeExtension` is the kelviq product kind's send; zaveitSaveFlow.ts has
// Zaveit's.
import { parse } from 'jsonc-parser';
import type { KelviqClient, ProductDetail, ProductUpdate } from '../../src/api';
import { diffJson, formatPath, mergeJson, type DocumentModel, type JsonObject, type SaveRequest } from '../../src/domain/document';
import { kelviqProductModel, serializeProduct } from '../../src/domain/kelviq/product';

export interface SavedObject<T> {
  /** The new base: the object the kind's send returned (or the server's, when it had everything). */
  base: T;
  /** The text VS Code reloads after the save. */
  text: string;
}

/** What a kind's connect() gives the saver: the conflict-check read and the write. */
export interface SaveRemote<T extends JsonObject> {
  fetch(): Promise<T>;
  send(request: SaveRequest<T>): Promise<T>;
}

export async function saveWithModel<T extends JsonObject>(model: DocumentModel<T>, remote: SaveRemote<T>, base: T, text: string): Promise<SavedObject<T>> {
  const problems = model.validate(text, base).filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new Error(`not saved: ${problems[0]?.message}`);
  const mine = model.editableView(parse(text) as JsonObject);
  const from0 = model.editableView(base);
  if (diffJson(from0, mine, model.mergeRules).length === 0) throw new Error('not saved: nothing changed');

  const theirs = await remote.fetch();
  const from = model.editableView(theirs);
  const merged = mergeJson(from0, mine, from, model.mergeRules);
  if (merged.conflicts.length > 0) throw new Error('not saved: conflict (the bench edits its own product only)');
  const to = merged.value as JsonObject;
  const changes = diffJson(from, to, model.mergeRules);
  if (changes.length === 0) return { base: theirs, text: model.serialize(theirs) };
  changes.map((c) => `${formatPath(c.path)}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  const result = await remote.send({ theirs, from, to, changes });
  return { base: result, text: model.serialize(result) };
}

/** The kelviq product kind: the changed top-level fields in one PATCH; the answer has no plans, so theirs are kept. */
export function saveLikeExtension(client: KelviqClient, base: ProductDetail, text: string): Promise<SavedObject<ProductDetail>> {
  return saveWithModel(kelviqProductModel, {
    fetch: () => client.getProduct(base.id),
    async send({ theirs, to, changes }) {
      const patch = Object.fromEntries([...new Set(changes.map((c) => String(c.path[0])))].map((f) => [f, to[f]])) as ProductUpdate;
      const updated = await client.updateProduct(base.id, patch);
      return { ...theirs, ...updated, plans: (updated as ProductDetail).plans ?? theirs.plans };
    },
  }, base, text);
}

/** The document text with `name` changed: the one-field edit a save sends. */
export function withName(base: ProductDetail, name: string): string {
  return serializeProduct({ ...base, name });
}
