// What a product row shows of its images: an "Images" group (after the plans) whose rows are the
// images the product listing gave, by ordering. No request: the listing carries them, and the
// product's row is replaced after every save or upload of ours (ProductsTree.showSaved).
import type * as vscode from 'vscode';
import type { ProductChildren } from '../products/productsTree';
import type { ProductChildNode, ProductNode } from '../products/productTreeItems';
import { ImagesNode } from './imageTreeItems';

export class ImageChildren implements ProductChildren {
  childrenOf(product: ProductNode): Promise<ProductChildNode[]> {
    return Promise.resolve([new ImagesNode(product)]);
  }

  resolve(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    return Promise.resolve(item);
  }

  reset(): void {}
}
