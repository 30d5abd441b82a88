// Open Product Settings (a product row's context menu, the product document's title bar, the
// palette): opens the product's settings as their own document (src/kelviq/documents/settingsKind).
// The first time on this machine for a product, it says that kelviq's GET creates settings that do
// not exist yet.
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandTable';
import type { EnvironmentId } from '../../domain/environment';
import { isProductId } from '../../domain/kelviq/productUri';
import { showError, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from '../connection/connection';
import type { KelviqDocuments } from '../documents';
import { pickProduct } from '../products/openProductPicker';
import { resolveProductTarget, type ProductTarget } from '../products/productTargets';
import type { ProductsTree } from '../products/productsTree';
import { ProductNode } from '../products/productTreeItems';
import { pickTitle, settingsCreatedNote } from './settingsTexts';

/** Products whose settings this machine has opened (`<env>/<id>`), newest last, at most MAX_SEEN. */
const SEEN_KEY = 'kelviq.settingsOpened';
const MAX_SEEN = 500;

export function registerProductSettings(
  context: vscode.ExtensionContext,
  deps: { connection: Connection; documents: KelviqDocuments; tree: ProductsTree; log: Log },
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openProductSettings.id, async (target?: ProductTarget) => {
      try {
        return await openSettings(context.globalState, deps, target ?? selected(deps.tree));
      } catch (err) {
        await showError(deps.log, 'Could not open the product settings', err);
        return undefined;
      }
    }),
  );
}

async function openSettings(
  state: vscode.Memento,
  deps: { connection: Connection; documents: KelviqDocuments; tree: ProductsTree },
  target: ProductTarget,
): Promise<vscode.TextEditor | undefined> {
  const resolved = resolveProductTarget(target, deps.connection.currentId);
  const { client, environment } = await deps.connection.client(resolved?.environment);
  const id = resolved && isProductId(resolved.id) ? resolved.id : (await pickProduct(client, pickTitle(environment.label)))?.id;
  if (!id) return undefined;
  const product = deps.tree.find(environment.id, id) ?? (await client.getProduct(id));
  const editor = await deps.documents.openSettings(environment.id, id, product.identifier);
  if (firstTime(state, environment.id, id)) void showMessage('info', settingsCreatedNote(product.name));
  return editor;
}

function firstTime(state: vscode.Memento, environment: EnvironmentId, id: string): boolean {
  const key = `${environment}/${id}`;
  const seen = state.get<string[]>(SEEN_KEY, []);
  if (seen.includes(key)) return false;
  void state.update(SEEN_KEY, [...seen, key].slice(-MAX_SEEN));
  return true;
}

function selected(tree: ProductsTree): ProductNode | undefined {
  const node = tree.view?.selection[0];
  return node instanceof ProductNode ? node : undefined;
}
