// Files dropped on a row of the Products tree (from the Explorer or the desktop) go to the feature
// that takes them (the images: Add Image…), with the row they were dropped on. Nothing is dragged
// out of the tree.
import * as vscode from 'vscode';
import type { ProductsTree } from './productsTree';
import type { ProductsTreeNode } from './productTreeItems';

const URI_LIST = 'text/uri-list';

export class ProductFileDrops implements vscode.TreeDragAndDropController<ProductsTreeNode> {
  readonly dropMimeTypes = [URI_LIST];
  readonly dragMimeTypes: readonly string[] = [];

  constructor(private readonly tree: ProductsTree) {}

  async handleDrop(target: ProductsTreeNode | undefined, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const list = await data.get(URI_LIST)?.asString();
    if (!target || !list || token.isCancellationRequested || !this.tree.dropFiles) return;
    const uris = list
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .flatMap((line) => {
        try {
          return [vscode.Uri.parse(line, true)];
        } catch {
          return [];
        }
      });
    if (uris.length > 0) await this.tree.dropFiles(target, uris);
  }
}
