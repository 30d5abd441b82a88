// One class per kind of row in the Zaveit Products tree, each with its own contextValue. A
// product's state shows at a glance: its icon (package, slashed circle, trash) and the start of
// its description. The tooltip is built on hover (resolveTreeItem), as untrusted Markdown.
import * as vscode from 'vscode';
import type { Product } from '../../api/zaveit/schemas';
import { COMMANDS } from '../../commandTable';
import { productRowDescription, productState, productTooltipMarkdown, type ProductState } from '../../domain/zaveit/product/treeText';

const ICONS: Record<ProductState, vscode.ThemeIcon> = {
  active: new vscode.ThemeIcon('package'),
  inactive: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  deleted: new vscode.ThemeIcon('trash', new vscode.ThemeColor('errorForeground')),
};

export class ZaveitProductNode extends vscode.TreeItem {
  override readonly contextValue: string;
  readonly state: ProductState;

  constructor(
    readonly product: Product,
    readonly origin: string,
  ) {
    super(product.name, vscode.TreeItemCollapsibleState.None);
    this.state = productState(product);
    this.contextValue = this.state === 'deleted' ? 'zaveit.product.deleted' : 'zaveit.product';
    this.id = `zaveit:${origin}:${product.id}`; // stable: keeps the selection across refreshes
    this.description = productRowDescription(product);
    this.iconPath = ICONS[this.state];
    this.command = { command: COMMANDS.zaveitOpenProduct.id, title: 'Open Product', arguments: [this] };
    this.accessibilityInformation = { label: `${product.name}, ${this.description}` };
  }

  /** The tooltip, built when VS Code first shows it. */
  resolveTooltip(): void {
    if (this.tooltip !== undefined) return;
    const md = new vscode.MarkdownString(productTooltipMarkdown(this.product), false);
    md.isTrusted = false;
    md.supportHtml = false;
    this.tooltip = md;
  }
}

export class ZaveitLoadMoreNode extends vscode.TreeItem {
  override readonly contextValue = 'zaveit.loadMore';

  constructor(loaded: number, local: boolean) {
    super('Load more…', vscode.TreeItemCollapsibleState.None);
    this.id = 'zaveit.loadMore';
    this.description = `${loaded.toLocaleString('en-US')} shown${local ? ' (already loaded)' : ''}`;
    this.iconPath = new vscode.ThemeIcon('ellipsis');
    this.command = { command: COMMANDS.zaveitLoadMoreProducts.id, title: 'Load More Products' };
  }
}

export type ZaveitTreeNode = ZaveitProductNode | ZaveitLoadMoreNode;
