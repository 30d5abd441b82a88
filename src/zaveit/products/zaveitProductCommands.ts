// The Zaveit Products view's commands: search, paging, deleted rows, open, create (a draft
// document), archive (the assumed soft delete), copy id.
import * as vscode from 'vscode';
import { showMessage } from '../../userMessages';
import { PRODUCTS_PATH } from '../../api/zaveit/paths';
import type { Product } from '../../api/zaveit/schemas';
import { COMMANDS } from '../../commandTable';
import { plainText } from '../../domain/untrustedText';
import { productState } from '../../domain/zaveit/product/treeText';
import type { Log } from '../../logging';
import { showZaveitError, type ZaveitSessionStatus } from '../connection/sessionStatus';
import type { ZaveitConnection } from '../connection/zaveitConnection';
import { askNewProduct, type NewProductChoice } from './createProductFlow';
import { pickZaveitProduct } from './openProductPicker';
import { ZaveitProductNode } from './zaveitTreeItems';
import type { ZaveitProductsTree } from './zaveitProductsTree';

/** What the document side offers the commands. */
export interface ZaveitDocumentOpener {
  open(productId: string, label?: string): Promise<vscode.TextEditor>;
  openDraft(choice: NewProductChoice): Promise<vscode.TextEditor>;
}

/** A product command's target: a tree row, or an id (from a test or another extension). */
export type ZaveitProductTarget = ZaveitProductNode | { id: string } | string | undefined;

/** The assumed update endpoint, as the archive dialog names it. */
const UPDATE_ENDPOINT = `PATCH ${PRODUCTS_PATH}/:id`;

export function registerZaveitProductCommands(
  context: vscode.ExtensionContext,
  deps: { connection: ZaveitConnection; tree: ZaveitProductsTree; status: ZaveitSessionStatus; log: Log; documents: ZaveitDocumentOpener },
): void {
  const { connection, tree, status, log, documents } = deps;
  const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg(COMMANDS.zaveitRefreshProducts.id, () => tree.refresh());
  reg(COMMANDS.zaveitClearSearch.id, () => tree.setSearch(undefined));
  reg(COMMANDS.zaveitShowDeleted.id, () => tree.setShowDeleted(true));
  reg(COMMANDS.zaveitHideDeleted.id, () => tree.setShowDeleted(false));
  reg(COMMANDS.zaveitSearchProducts.id, async (text?: string) => {
    const search =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({ title: 'Zaveit: Search Products', prompt: 'Search names, descriptions and SKUs', value: tree.model.search ?? '' });
    if (search === undefined) return;
    tree.setSearch(search);
  });
  reg(COMMANDS.zaveitLoadMoreProducts.id, async () => {
    try {
      await tree.loadMore();
    } catch (err) {
      await showZaveitError(log, status, 'could not load more products', err);
    }
  });
  reg(COMMANDS.zaveitLoadAllProducts.id, () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Zaveit: loading all products', cancellable: true }, async (progress, token) => {
      try {
        await tree.loadAll(progress, token);
      } catch (err) {
        await showZaveitError(log, status, 'could not load all products', err);
      }
    }),
  );

  reg(COMMANDS.zaveitOpenProduct.id, async (target?: ZaveitProductTarget) => {
    try {
      const resolved = resolveTarget(target);
      if (resolved) return await documents.open(resolved.id, resolved.label);
      const { client, server } = await connection.client();
      const picked = await pickZaveitProduct(client, `Zaveit: Open Product (${server.host})`);
      if (picked) return await documents.open(picked.id, picked.product?.name);
    } catch (err) {
      await showZaveitError(log, status, 'could not open the product', err);
    }
    return undefined;
  });

  reg(COMMANDS.zaveitCreateProduct.id, async (choice?: NewProductChoice) => {
    try {
      connection.requireServer();
      const picked = choice ?? (await askNewProduct());
      if (!picked) return undefined;
      return await documents.openDraft(picked);
    } catch (err) {
      await showZaveitError(log, status, 'could not start a new product', err);
      return undefined;
    }
  });

  reg(COMMANDS.zaveitArchiveProduct.id, async (target?: ZaveitProductTarget) => {
    try {
      const { client, server } = await connection.client();
      const resolved = resolveTarget(target ?? selected(tree));
      const id = resolved?.id ?? (await pickZaveitProduct(client, 'Zaveit: Archive Product'))?.id;
      if (!id) return false;
      const product: Product = tree.model.find(id) ?? (await client.getProduct(id));
      const name = plainText(product.name, 80);
      if (productState(product) === 'deleted') {
        void showMessage('info', `Zaveit: “${name}” is already marked deleted.`);
        return false;
      }
      const choice = await showMessage(
        'warning',
        `Archive “${name}” on ${server.host}?`,
        {
          modal: true,
          detail:
            `The Zaveit API documents no delete. Archiving is a soft delete we assume: an update that sets status.deleted = true ` +
            `(${UPDATE_ENDPOINT}, also not documented). The product stays on the server, marked deleted; this view hides it unless ` +
            `you show deleted products. Setting status.deleted back to false in its document restores it.`,
        },
        'Archive',
      );
      if (choice !== 'Archive') return false;
      const updated = await client.updateProduct(product.id, { status: { active: product.status?.active ?? true, deleted: true } });
      log.info(`Zaveit: archived product ${product.id} on ${server.origin} (status.deleted = true).`);
      tree.upsert(updated);
      void showMessage('info', `Zaveit: archived “${name}” (marked deleted).`);
      return true;
    } catch (err) {
      await showZaveitError(log, status, 'could not archive the product', err);
      return false;
    }
  });

  reg(COMMANDS.zaveitCopyProductId.id, async (target?: ZaveitProductTarget) => {
    const resolved = resolveTarget(target ?? selected(tree));
    if (!resolved) return;
    await vscode.env.clipboard.writeText(resolved.id);
    void vscode.window.setStatusBarMessage(`Zaveit: copied product ID ${resolved.id}`, 3000);
  });
}

function selected(tree: ZaveitProductsTree): ZaveitProductNode | undefined {
  const node = tree.view?.selection[0];
  return node instanceof ZaveitProductNode ? node : undefined;
}

function resolveTarget(target: ZaveitProductTarget): { id: string; label?: string } | undefined {
  if (!target) return undefined;
  if (target instanceof ZaveitProductNode) return { id: target.product.id, label: target.product.name };
  if (typeof target === 'string') return { id: target };
  return { id: target.id };
}
