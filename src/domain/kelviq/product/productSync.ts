// How a product document writes its server, over any client with the product and image calls
// (the kelviq client in the extension). A write runs the save's call plan (productSaveCalls)
// stage by stage, the calls of a stage in parallel, then reads the product back once (one GET:
// the server's result, image flags kelviq cleared included, is what the document shows next).
// When a call fails after others landed, the write throws PartialSaveError saying exactly what was
// saved and what was not, with the editable view that landed; the document then keeps only the
// rest, and a retry sends only that.
import type { ProductDetail, ProductImage } from '../../../api/kelviq/schemas';
import type { SaveRequest } from '../../document/documentModel';
import { PartialSaveError } from '../../document/partialSave';
import { quoted } from '../../untrustedText';
import { afterProductPartialSave } from './partialSave';
import { productSaveCalls, type ProductCall, type ProductImagePatch, type ProductPatch } from './saveCalls';

/** What the calls take besides their arguments (a signal, retry reports): passed through. */
type Options = object;

/** The product calls a save needs, as KelviqClient offers them (the client checks the bodies before sending). */
export interface ProductApi<O extends Options = Options> {
  updateProduct(id: string, patch: ProductPatch, options: O): Promise<unknown>;
  updateProductImage(productId: string, imageId: string, patch: ProductImagePatch, options: O): Promise<ProductImage>;
  deleteProductImage(productId: string, imageId: string, options: O): Promise<unknown>;
  getProduct(id: string, options: O): Promise<ProductDetail>;
}

function run<O extends Options>(api: ProductApi<O>, productId: string, call: ProductCall, options: O): Promise<unknown> {
  switch (call.kind) {
    case 'updateProduct':
      return api.updateProduct(productId, call.body, options);
    case 'updateImage':
      return api.updateProductImage(productId, call.imageId, call.body, options);
    case 'deleteImage':
      return api.deleteProductImage(productId, call.imageId, options);
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Sends the calls that take `request.from` to `request.to`; resolves with the product as the
 * server has it afterwards (one GET). `afterFailure`: the options of the read after a partial
 * failure (the save's own signal may be what stopped it); default `options`.
 * A failure before anything landed is rethrown as it is; after something landed it becomes a
 * PartialSaveError (its `serverVersion` the product read after the failure, when that read works).
 */
export async function writeProduct<O extends Options>(
  api: ProductApi<O>,
  productId: string,
  request: SaveRequest<ProductDetail>,
  options: O,
  afterFailure: O = options,
): Promise<ProductDetail> {
  if (request.theirs.id !== productId) throw new Error(`The product cannot be saved: the server's version read is of another product (${quoted(String(request.theirs.id))}).`);
  const input = { theirs: request.theirs, from: request.from, to: request.to };
  const plan = productSaveCalls(input);
  const succeeded: string[] = [];
  let lastAnswer: unknown;
  for (const stage of plan.stages) {
    const results = await Promise.allSettled(stage.map((call) => run(api, productId, call, options)));
    if (results.length === 1 && results[0]!.status === 'fulfilled') lastAnswer = results[0]!.value;
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') succeeded.push(stage[i]!.id);
    });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (!failed) continue;
    if (succeeded.length === 0) throw failed.reason;
    const partial = afterProductPartialSave(input, plan, succeeded);
    // What is on the server now, so the document measures the rest from there (best effort).
    const after = await api.getProduct(productId, afterFailure).catch(() => undefined);
    throw new PartialSaveError(partial.saved, `${partial.message} Why: ${messageOf(failed.reason)}`, after, { cause: failed.reason });
  }
  // Only the product's own fields: its PATCH answer is the result (the detail-only `plans` kept
  // from the read before), as before images were editable; image calls need the read back.
  const only = plan.stages.flat();
  if (only.length === 1 && only[0]!.kind === 'updateProduct' && lastAnswer !== undefined) {
    return { ...request.theirs, ...(lastAnswer as ProductDetail), plans: (lastAnswer as ProductDetail).plans ?? request.theirs.plans };
  }
  return api.getProduct(productId, options);
}
