// A quick pick that asks the server as the user types (debounced, the previous request
// cancelled) and also takes a pasted object id: Open Product… and Archive Product… of every
// backend. Quick picks render `$(icon)` in labels, so callers pass plain texts (each backend's
// texts module neutralises untrusted names).
//
// Enter never picks from a list that was answered for other text: typing a name (or pasting an
// id) and pressing Enter before the debounced answer arrives would otherwise open whatever the
// previous list highlighted. Enter on a stale list opens the pasted id, or waits for the answer
// to the text as typed and takes its first match.
import * as vscode from 'vscode';
import { isCancellation, userMessage } from '../logging';

export interface SearchPick<T> {
  id: string;
  label: string;
  description?: string;
  detail?: string;
  object?: T;
}

export interface SearchPickerSource<T> {
  title: string;
  /** What one object is called: "Open product 3f2…". */
  noun: string;
  placeholder: string;
  /** The picks for a search text ('' = the first page). */
  search(text: string, signal: AbortSignal): Promise<Array<SearchPick<T>>>;
  /** The id a typed text names (a pasted UUID), or undefined. */
  idOf(text: string): string | undefined;
}

interface Item<T> extends vscode.QuickPickItem {
  pick: SearchPick<T>;
}

const DEBOUNCE_MS = 200;

export function pickBySearch<T>(source: SearchPickerSource<T>): Promise<{ id: string; object?: T } | undefined> {
  const qp = vscode.window.createQuickPick<Item<T>>();
  qp.title = source.title;
  qp.placeholder = source.placeholder;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let abort: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** The text the shown items answer; undefined until the first answer. */
  let answered: string | undefined;
  let acceptOnAnswer = false;

  return new Promise((resolve) => {
    const finish = (pick: { id: string; object?: T }) => {
      resolve(pick);
      qp.hide();
    };

    const search = (text: string) => {
      abort?.abort();
      abort = new AbortController();
      const signal = abort.signal;
      qp.busy = true;
      source
        .search(text.trim(), signal)
        .then((picks) => {
          if (signal.aborted) return;
          const typedId = source.idOf(text.trim());
          // The server has already matched the text (also on fields no row shows, such as a
          // description): every pick stays listed, instead of VS Code hiding the rows whose
          // visible texts do not contain it (Enter would then find nothing to open).
          const items: Array<Item<T>> = picks.map((pick) => ({ label: pick.label, description: pick.description, detail: pick.detail, alwaysShow: true, pick }));
          if (typedId !== undefined && !picks.some((p) => p.id === typedId)) {
            items.unshift({ label: `$(go-to-file) Open ${source.noun} ${typedId}`, alwaysShow: true, pick: { id: typedId, label: typedId } });
          }
          // Keep the highlighted object highlighted when the server's answer replaces the list.
          const active = qp.activeItems[0]?.pick.id;
          qp.items = items;
          const keep = items.find((i) => i.pick.id === active);
          if (keep) qp.activeItems = [keep];
          answered = text;
          qp.busy = false;
          if (acceptOnAnswer) {
            acceptOnAnswer = false;
            const first = qp.activeItems[0] ?? items[0];
            if (first) finish({ id: first.pick.id, ...(first.pick.object !== undefined ? { object: first.pick.object } : {}) });
          }
        })
        .catch((err: unknown) => {
          if (isCancellation(err)) return;
          acceptOnAnswer = false;
          qp.busy = false;
          qp.items = [];
          qp.placeholder = `Search failed: ${userMessage(err)}`;
        });
    };

    qp.onDidChangeValue((value) => {
      acceptOnAnswer = false;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(value), DEBOUNCE_MS);
    });
    qp.onDidAccept(() => {
      const typed = qp.value.trim();
      if (answered === undefined || answered.trim() !== typed) {
        // The list answers other text (see the header comment).
        const typedId = source.idOf(typed);
        if (typedId !== undefined) return finish({ id: typedId });
        if (timer) clearTimeout(timer);
        acceptOnAnswer = true;
        search(qp.value);
        return;
      }
      // When the answer replaces the list just as Enter is pressed, the selection is empty for a
      // moment: take the highlighted item then.
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (picked) return finish({ id: picked.pick.id, ...(picked.pick.object !== undefined ? { object: picked.pick.object } : {}) });
      const typedId = source.idOf(typed);
      if (typedId !== undefined) finish({ id: typedId });
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
