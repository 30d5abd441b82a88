// The Zaveit product kind's save (src/zaveit/documents/zaveitProductKind.ts, connect → fetch and
// send) on the bench's copy of the save path (saveFlow.ts): GET the product, then the changed
// top-level fields, each whole, in API form, in one PATCH.
import type { JsonObject } from '../../src/domain/document';
import type { Product, ZaveitClient } from '../../src/api/zaveit';
import { serializeZaveitProduct, zaveitProductModel, zaveitUpdateBody } from '../../src/domain/zaveit/product';
import { saveWithModel, type SavedObject } from './saveFlow';

export function saveZaveitLikeExtension(client: ZaveitClient, base: Product, text: string): Promise<SavedObject<Product>> {
  return saveWithModel(zaveitProductModel, {
    fetch: () => client.getProduct(base.id),
    send({ from, to, changes }) {
      const fields = new Set(changes.map((c) => c.path[0]).filter((f): f is string => typeof f === 'string'));
      const changed: JsonObject = Object.fromEntries([...fields].filter((f) => Object.hasOwn(to, f)).map((f) => [f, to[f]]));
      return client.updateProduct(base.id, zaveitUpdateBody(from, changed));
    },
  }, base, text);
}

/** The Zaveit document text with `name` changed: the one-field edit a save sends. */
export function zaveitWithName(base: Product, name: string): string {
  return serializeZaveitProduct({ ...base, name });
}
