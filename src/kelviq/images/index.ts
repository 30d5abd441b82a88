// Product images in the Products view: the "Images" rows under each product, previews through the
// extension's own `kelviq-image:` address, Add Image… (also by dropping image files on a product
// row). Editing an image's fields and deleting it happen in the product document.
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandTable';
import { imageSource } from '../../domain/kelviq/imageSource';
import { showError, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Prompts } from '../connection/prompts';
import type { ProductsTree } from '../products/productsTree';
import { addImages, type AddImagesOutcome, type ImageTarget } from './addImageFlow';
import { ImageChildren } from './imageChildren';
import { IMAGE_SCHEME, ImagePreviews, imagePreviewUri } from './imagePreviews';
import { noPreviewMessage } from './imageTexts';
import { ImageNode } from './imageTreeItems';

/** Largest image a preview fetches. */
const MAX_PREVIEW_BYTES = 50 * 1024 * 1024;

export function registerProductImages(
  context: vscode.ExtensionContext,
  deps: { connection: Connection; guard: ProductionGuard; prompts: Prompts; tree: ProductsTree; log: Log; refreshDocuments(): Promise<void> },
): void {
  const previews = new ImagePreviews(deps.connection, async (client, url, signal) => {
    const download = await client.downloadFromStorage(url, { signal, maxBytes: MAX_PREVIEW_BYTES });
    return download.bytes ?? new Uint8Array();
  });
  deps.tree.children.push(new ImageChildren());
  const add = (target: ImageTarget, files?: readonly vscode.Uri[]): Promise<AddImagesOutcome | undefined> =>
    addImages(deps, target, files).catch(async (err: unknown) => {
      await showError(deps.log, 'Could not add the image', err);
      return undefined;
    });
  deps.tree.dropFiles = (node, files) => add(node as ImageTarget, files).then(() => undefined);
  context.subscriptions.push(
    previews,
    vscode.workspace.registerFileSystemProvider(IMAGE_SCHEME, previews, { isReadonly: true, isCaseSensitive: true }),
    vscode.commands.registerCommand(COMMANDS.addProductImage.id, (target?: ImageTarget, files?: readonly vscode.Uri[]) => add(target ?? selectedNode(deps.tree), Array.isArray(files) ? files : undefined)),
    vscode.commands.registerCommand(COMMANDS.openProductImage.id, async (node?: ImageNode) => {
      if (!(node instanceof ImageNode)) return undefined;
      const source = imageSource(node.image.image);
      if (source.kind !== 'url') {
        void showMessage('info', noPreviewMessage(node.image.name, source));
        return undefined;
      }
      const uri = imagePreviewUri({ environment: node.product.environment, productId: node.product.product.id, imageId: node.image.id }, node.image.name, node.image.image);
      previews.forget(uri); // a fresh look each time it is opened
      try {
        await vscode.commands.executeCommand('vscode.open', uri, { preview: true });
        return uri;
      } catch (err) {
        await showError(deps.log, 'Could not preview the image', err);
        return undefined;
      }
    }),
  );
}

function selectedNode(tree: ProductsTree): ImageTarget {
  return tree.view?.selection[0] as ImageTarget;
}
