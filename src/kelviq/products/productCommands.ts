// The Products view's commands: search, paging, open, create, archive, copy id. A tree row's
// command acts on the environment the row was listed from; product texts come from productTexts.
import * as vscode from 'vscode';
import type { Product, ProductCreate } from '../../api';
import { COMMANDS } from '../../commandTable';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { EnvironmentId } from '../../domain/environment';
import { isProductId } from '../../domain/kelviq/productUri';
import { showError, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import { testModeArgument } from '../commandArguments';
import { askNewProduct } from './createProductFlow';
import { pickProduct } from './openProductPicker';
import { archiveAction, archiveConfirmation, archivedNotice, createAction, creatingTitle } from './productTexts';
import { resolveProductTarget, type ProductTarget } from './productTargets';
import { ProductNode } from './productTreeItems';
import type { ProductsTree } from './productsTree';

/** Opens a product document; provided by the editor feature. */
export type OpenProductDocument = (environment: EnvironmentId, productId: string, label?: string) => Promise<unknown>;

/** A product command's target: a tree row, or an id (from a test or another extension). */

export interface ProductCommandDeps {
  connection: Connection;
  tree: ProductsTree;
  guard: ProductionGuard;
  log: Log;
  openDocument: OpenProductDocument;
}

export function registerProductCommands(context: vscode.ExtensionContext, deps: ProductCommandDeps): void {
  const { connection, tree, guard, log, openDocument } = deps;
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg(COMMANDS.refreshProducts.id, () => tree.refresh());
  reg(COMMANDS.clearSearch.id, () => tree.setSearch(undefined));
  reg(COMMANDS.searchProducts.id, async (text?: string) => {
    const search =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: 'Kelviq: Search Products',
            prompt: 'Search names, identifiers and descriptions',
            value: tree.model.search ?? '',
          });
    if (search === undefined) return;
    tree.setSearch(search);
  });
  reg(COMMANDS.loadMoreProducts.id, async () => {
    try {
      await tree.loadMore();
    } catch (err) {
      await showError(log, 'Could not load more products', err);
    }
  });
  reg(COMMANDS.loadAllProducts.id, () =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Kelviq: loading all products', cancellable: true },
      async (progress, token) => {
        try {
          await tree.loadAll(progress, token);
        } catch (err) {
          await showError(log, 'Could not load all products', err);
        }
      },
    ),
  );

  reg(COMMANDS.openProduct.id, async (target?: ProductTarget) => {
    try {
      const resolved = resolveProductTarget(target, connection.currentId);
      if (resolved) return await openDocument(resolved.environment, resolved.id, resolved.label);
      const { client, environment } = await connection.client();
      const picked = await pickProduct(client, `Kelviq: Open Product (${environment.label})`);
      if (picked) return await openDocument(environment.id, picked.id, picked.product?.identifier);
    } catch (err) {
      await showError(log, 'Could not open the product', err);
    }
    return undefined;
  });

  reg(COMMANDS.createProduct.id, async (raw?: ProductCreate) => {
    try {
      // A product from an argument is a write nobody confirmed: tests only (../commandArguments.ts).
      const { value: input, ignored } = testModeArgument(raw, testMode);
      if (ignored) log.warn('kelviq.createProduct was run with an argument; it is ignored outside tests, the product is asked for in the prompts.');
      return await createWith(input ?? (await askNewProduct()));
    } catch (err) {
      await showError(log, 'Could not create the product', err);
      return undefined;
    }
  });

  async function createWith(input: ProductCreate | undefined): Promise<Product | undefined> {
    if (!input) return undefined;
    const { client, environment } = await connection.client();
    if (!(await guard.confirmWrite(environment, createAction(input)))) return undefined;
    const product = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: creatingTitle(input) },
      () => client.createProduct(input),
    );
    log.info(`Created product ${product.identifier} (${product.id}) in ${environment.label}.`);
    if (tree.environment === environment.id) {
      const node = tree.upsert(product);
      await tree.view?.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
    }
    await openDocument(environment.id, product.id, product.identifier);
    return product;
  }

  reg(COMMANDS.archiveProduct.id, async (target?: ProductTarget) => {
    try {
      const resolved = resolveProductTarget(target ?? selected(tree), connection.currentId);
      const { client, environment } = await connection.client(resolved?.environment);
      const id = resolved?.id ?? (await pickProduct(client, `Kelviq: Archive Product (${environment.label})`))?.id;
      if (!id) return false;
      const product = tree.find(environment.id, id) ?? (await client.getProduct(id));
      const { message, detail } = archiveConfirmation(product, environment);
      const choice = await showMessage('warning', message, { modal: true, detail }, 'Archive');
      if (choice !== 'Archive') return false;
      if (!(await guard.confirmWrite(environment, archiveAction(product)))) return false;
      await client.archiveProduct(product.id);
      log.info(`Archived product ${product.identifier} (${product.id}) in ${environment.label}.`);
      tree.remove(environment.id, product.id);
      void showMessage('info', archivedNotice(product));
      return true;
    } catch (err) {
      await showError(log, 'Could not archive the product', err);
      return false;
    }
  });

  reg(COMMANDS.copyProductId.id, async (target?: ProductTarget) => {
    const resolved = resolveProductTarget(target ?? selected(tree), connection.currentId);
    // Only ever a product id on the clipboard: a command link could pass any text here.
    if (!resolved || !isProductId(resolved.id)) return;
    await vscode.env.clipboard.writeText(resolved.id);
    void vscode.window.setStatusBarMessage(`Kelviq: copied product ID ${resolved.id}`, 3000);
  });
}

function selected(tree: ProductsTree): ProductNode | undefined {
  const node = tree.view?.selection[0];
  return node instanceof ProductNode ? node : undefined;
}

