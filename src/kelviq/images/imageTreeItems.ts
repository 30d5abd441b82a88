// The image rows of the Products tree: an "Images" group under each product, its images under
// it (a click previews one), or a note when there are none.
import * as vscode from 'vscode';
import type { ProductImage } from '../../api';
import { COMMANDS } from '../../commandTable';
import type { ProductChildNode, ProductNode } from '../products/productTreeItems';
import { imageRowTexts, imagesGroupTexts, NO_IMAGES_NOTE } from './imageTexts';

export class ImagesNode extends vscode.TreeItem implements ProductChildNode {
  override readonly contextValue = 'kelviq.productImages';

  constructor(readonly parentNode: ProductNode) {
    const images = parentNode.product.images ?? [];
    const texts = imagesGroupTexts(images.length);
    super(texts.label, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${parentNode.id ?? ''}:images`;
    this.description = texts.description;
    this.iconPath = new vscode.ThemeIcon('file-media');
  }

  childNodes(): Promise<ProductChildNode[]> {
    const images = [...(this.parentNode.product.images ?? [])].sort((a, b) => (a.ordering ?? 0) - (b.ordering ?? 0));
    return Promise.resolve(images.length === 0 ? [new ImagesNoteNode(this)] : images.map((image) => new ImageNode(image, this)));
  }
}

export class ImageNode extends vscode.TreeItem implements ProductChildNode {
  override readonly contextValue = 'kelviq.productImage';

  constructor(
    readonly image: ProductImage,
    readonly parentNode: ImagesNode,
  ) {
    const texts = imageRowTexts(image);
    super(texts.label, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentNode.id ?? ''}:${image.id}`;
    this.description = texts.description;
    this.tooltip = texts.tooltip; // a plain string: never rendered as markdown
    this.iconPath = new vscode.ThemeIcon(image.thumbnail ? 'star-full' : 'file-media');
    this.command = { command: COMMANDS.openProductImage.id, title: 'Preview Image', arguments: [this] };
  }

  get product(): ProductNode {
    return this.parentNode.parentNode;
  }
}

export class ImagesNoteNode extends vscode.TreeItem implements ProductChildNode {
  override readonly contextValue = 'kelviq.productImagesNote';

  constructor(readonly parentNode: ImagesNode) {
    super(NO_IMAGES_NOTE, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentNode.id ?? ''}:note`;
    this.iconPath = new vscode.ThemeIcon('info');
  }
}
