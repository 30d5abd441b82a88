// Open Product…: a quick pick that asks the server as the user types (debounced, the previous
// request cancelled), and also takes a pasted product UUID. Quick picks render `$(icon)` in
// labels: every product text is plain text (productTexts.ts).
import * as vscode from 'vscode';
import type { KelviqClient, Product } from '../../api';
import { isProductId } from '../../domain/kelviq/productUri';
import { isCancellation, userMessage } from '../../logging';
import { productPickTexts } from './productTexts';

interface ProductPick extends vscode.QuickPickItem {
  productId: string;
  label: string;
  product?: Product;
}

const DEBOUNCE_MS = 200;

export function pickProduct(client: KelviqClient, title: string): Promise<{ id: string; product?: Product } | undefined> {
  const qp = vscode.window.createQuickPick<ProductPick>();
  qp.title = title;
  qp.placeholder = 'Type to search by name, identifier or description, or paste a product ID';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let abort: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const search = (text: string) => {
    abort?.abort();
    abort = new AbortController();
    const signal = abort.signal;
    qp.busy = true;
    client
      .listProducts({ search: text.trim() || undefined, pageSize: 50, signal })
      .then((page) => {
        if (signal.aborted) return;
        const items: ProductPick[] = page.results.map((p) => ({ productId: p.id, ...productPickTexts(p), product: p }));
        const typed = text.trim();
        if (isProductId(typed) && !items.some((i) => i.productId === typed.toLowerCase())) {
          items.unshift({ productId: typed.toLowerCase(), label: `$(go-to-file) Open product ${typed}`, alwaysShow: true });
        }
        // Keep the highlighted product highlighted when the server's answer replaces the list.
        const active = qp.activeItems[0]?.productId;
        qp.items = items;
        const keep = items.find((i) => i.productId === active);
        if (keep) qp.activeItems = [keep];
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
      // When the server's answer replaces the list just as Enter is pressed, the selection is
      // empty for a moment: take the highlighted product then.
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      const typed = qp.value.trim();
      if (picked) resolve({ id: picked.productId, product: picked.product });
      else if (isProductId(typed)) resolve({ id: typed.toLowerCase() });
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
