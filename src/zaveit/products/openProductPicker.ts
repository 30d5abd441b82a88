// Zaveit: Open Product…: a quick pick that asks the server as the user types (debounced, the
// previous request cancelled; filtered here too, in case the server ignores `~search`), and also
// takes a pasted product id.
import * as vscode from 'vscode';
import { filterProducts } from '../../api/zaveit/listPage';
import { isProductId } from '../../api/zaveit/paths';
import type { Product } from '../../api/zaveit/schemas';
import type { ZaveitClient } from '../../api/zaveit/zaveitClient';
import { productRowDescription } from '../../domain/zaveit/product/treeText';
import { isCancellation, userMessage } from '../../logging';

interface ProductPick extends vscode.QuickPickItem {
  productId: string;
  product?: Product;
}

const DEBOUNCE_MS = 200;

export function pickZaveitProduct(client: ZaveitClient, title: string): Promise<{ id: string; product?: Product } | undefined> {
  const qp = vscode.window.createQuickPick<ProductPick>();
  qp.title = title;
  qp.placeholder = 'Type to search by name, description or SKU, or paste a product id';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let abort: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const search = (text: string) => {
    abort?.abort();
    abort = new AbortController();
    const signal = abort.signal;
    const typed = text.trim();
    qp.busy = true;
    client
      .listProducts({ ...(typed ? { search: typed } : {}), perPage: 50, signal })
      .then((page) => {
        if (signal.aborted) return;
        const items: ProductPick[] = filterProducts(page.items, typed)
          .slice(0, 200)
          .map((p) => ({ productId: p.id, label: p.name, description: productRowDescription(p), detail: p.id, product: p }));
        if (isProductId(typed) && !items.some((i) => i.productId === typed)) {
          items.unshift({ productId: typed, label: `$(go-to-file) Open product ${typed}`, alwaysShow: true });
        }
        qp.items = items;
        qp.busy = false;
      })
      .catch((err: unknown) => {
        if (isCancellation(err)) return;
        qp.busy = false;
        qp.items = [];
        qp.placeholder = `Search failed: ${userMessage(err)}`;
      });
  };

  return new Promise((resolve) => {
    qp.onDidChangeValue((value) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(value), DEBOUNCE_MS);
    });
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      const typed = qp.value.trim();
      if (picked) resolve({ id: picked.productId, ...(picked.product ? { product: picked.product } : {}) });
      else if (isProductId(typed)) resolve({ id: typed });
      else return;
      qp.hide();
    });
    qp.onDidHide(() => {
      abort?.abort();
      if (timer) clearTimeout(timer);
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
    search('');
  });
}
