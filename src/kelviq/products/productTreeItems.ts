// One class per kind of row in the Products tree, each with its own contextValue. A product row
// knows the environment it was listed from: Open and Archive on it act there. It expands when
// another feature supplies its children (the plans: ProductChildren in productsTree.ts).
import * as vscode from 'vscode';
import type { Product } from '../../api';
import { COMMANDS } from '../../commandTable';
import type { EnvironmentId } from '../../domain/environment';
import { productRowTexts } from './productTexts';
import { productTooltipMarkdown } from './productTooltip';

export class ProductNode extends vscode.TreeItem {
  override readonly contextValue = 'kelviq.product';

  constructor(
    readonly product: Product,
    readonly environment: EnvironmentId,
    expandable = false,
  ) {
    const texts = productRowTexts(product);
    super(texts.label, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    this.id = `${environment}:${product.id}`; // stable: keeps the selection across refreshes
    this.description = texts.description;
    this.iconPath = new vscode.ThemeIcon(product.images?.some((i) => i.thumbnail) ? 'file-media' : 'package');
    this.tooltip = untrustedMarkdown(productTooltipMarkdown(product));
    this.command = { command: COMMANDS.openProduct.id, title: 'Open Product', arguments: [this] };
    this.accessibilityInformation = { label: texts.accessibility };
  }
}

export class LoadMoreNode extends vscode.TreeItem {
  override readonly contextValue = 'kelviq.loadMore';

  constructor(loaded: number, total: number) {
    super('Load more…', vscode.TreeItemCollapsibleState.None);
    this.id = 'kelviq.loadMore';
    this.description = `${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
    this.iconPath = new vscode.ThemeIcon('ellipsis');
    this.command = { command: COMMANDS.loadMoreProducts.id, title: 'Load More Products' };
  }
}

/** A row under a product row (a plan, the images group, an image, a note such as "no plans yet"). */
export interface ProductChildNode extends vscode.TreeItem {
  /** The row it is under: the product, or a group row under it. */
  readonly parentNode: ProductNode | ProductChildNode;
  /** A group row's own rows (e.g. the images under "Images"). */
  childNodes?(): Promise<ProductChildNode[]>;
}

export type ProductsTreeNode = ProductNode | LoadMoreNode | ProductChildNode;

/** Markdown built from catalog data: no command links, no HTML, no theme icons. */
function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
