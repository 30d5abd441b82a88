// Add Image… (a product row or its Images row, the product document's title bar, the palette, or
// image files dropped on a product in the tree): for each file POST /media/, then the file to the
// storage URL that answer names (never with the API key: the client sends none there), then one
// PATCH of the product with every uploaded key in `imageKeys`. Progress names the file and the
// bytes; Cancel stops the upload in flight and attaches nothing; a file that did not upload is
// explained and never sent in the PATCH. Then the tree and the product's document show the images.
import * as vscode from 'vscode';
import type { Product, ProductDetail } from '../../api';
import { isProductId } from '../../domain/kelviq/productUri';
import { plainText, quoted } from '../../domain/untrustedText';
import type { Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Prompts } from '../connection/prompts';
import { pickProduct } from '../products/openProductPicker';
import { resolveProductTarget, type ProductTarget } from '../products/productTargets';
import type { ProductsTree } from '../products/productsTree';
import { checkFiles, uploadEach, type UploadOutcome } from '../uploads/uploadFiles';
import { ImageNode, ImagesNode } from './imageTreeItems';
import { addedText, CANCELLED_TEXT, IMAGE_KINDS_TEXT, IMAGE_TYPES, imageFileProblem, imageTypeOf } from './imageUploadRules';

export interface AddImageDeps {
  connection: Connection;
  guard: ProductionGuard;
  prompts: Prompts;
  tree: ProductsTree;
  log: Log;
  /** The product changed on the server: visible clean documents reload. */
  refreshDocuments(): Promise<void>;
}

export type ImageTarget = ProductTarget | ImagesNode | ImageNode;

/** What Add Image… did, for tests: the product after the PATCH (none when nothing was attached). */
export interface AddImagesOutcome {
  product: ProductDetail | undefined;
  added: string[];
  failed: string[];
  cancelled: boolean;
}

export async function addImages(deps: AddImageDeps, target: ImageTarget, given?: readonly vscode.Uri[]): Promise<AddImagesOutcome | undefined> {
  const node = target instanceof ImageNode ? target.product : target instanceof ImagesNode ? target.parentNode : target;
  const resolved = resolveProductTarget(node, deps.connection.currentId);
  const { client, environment } = await deps.connection.client(resolved?.environment);
  const id = resolved && isProductId(resolved.id) ? resolved.id : (await pickProduct(client, `Kelviq: Add Image (${environment.label}): to which product?`))?.id;
  if (!id) return undefined;
  const product: Pick<Product, 'id' | 'name'> = deps.tree.find(environment.id, id) ?? (await client.getProduct(id));

  const files =
    given ??
    (await deps.prompts.openFiles({
      title: `Add Image to ${plainText(product.name, 60)} (${IMAGE_KINDS_TEXT})`,
      openLabel: 'Add Image',
      canSelectMany: true,
      canSelectFiles: true,
      canSelectFolders: false,
      filters: { Images: Object.keys(IMAGE_TYPES) },
    }));
  if (!files || files.length === 0) return undefined;

  // Checked before anything is sent: the type by name, the size.
  const { accepted, refused } = await checkFiles(files, { problem: imageFileProblem, typeOf: (name) => imageTypeOf(name) ?? 'application/octet-stream' });
  if (accepted.length === 0) {
    void showMessage('error', `No image was added. ${refused.join(' ')}`);
    return { product: undefined, added: [], failed: refused, cancelled: false };
  }
  const action = `Add ${accepted.length === 1 ? `the image ${quoted(accepted[0]!.name, 60)}` : `${accepted.length} images`} to ${quoted(product.name)}`;
  if (!(await deps.guard.confirmWrite(environment, action, accepted.map((f) => f.name)))) return undefined;

  const { uploaded, updated } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Adding images to ${plainText(product.name, 60)}`, cancellable: true },
    async (progress, token): Promise<{ uploaded: UploadOutcome; updated?: Product }> => {
      const outcome = await uploadEach(client, accepted, { progress, token, log: deps.log, what: `for product ${product.id}` });
      if (outcome.cancelled || outcome.keys.length === 0) return { uploaded: outcome };
      const count = outcome.keys.length;
      progress.report({ message: `Attaching ${count === 1 ? 'the image' : `${count} images`}…` });
      // Not cancellable from here: the PATCH attaches every key at once, or none.
      return { uploaded: outcome, updated: await client.updateProduct(product.id, { imageKeys: outcome.keys }) };
    },
  );
  const { keys, added, cancelled } = uploaded;
  const failed = [...refused, ...uploaded.failed];
  if (cancelled) {
    deps.log.info(`Add Image to product ${product.id}: cancelled; nothing attached.`);
    void showMessage('info', CANCELLED_TEXT);
    return { product: undefined, added: [], failed, cancelled: true };
  }
  if (updated) {
    deps.log.info(`Added ${keys.length} image(s) to product ${product.id} in ${environment.label}.`);
    deps.tree.showSaved(environment.id, updated); // the whole tree again: the product's rows (its images) too
    await deps.refreshDocuments();
  }
  const summary = [updated ? addedText(added.length, product.name) : 'No image was added.', ...failed].join(' ');
  void showMessage(failed.length > 0 ? (updated ? 'warning' : 'error') : 'info', summary);
  return { product: updated as ProductDetail | undefined, added: updated ? added : [], failed, cancelled: false };
}
