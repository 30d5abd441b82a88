// Zaveit's documents: the `zaveit:` scheme with its document kinds (products), on the
// backend-neutral mechanism in src/documents.
import * as vscode from 'vscode';
import type { Product } from '../../api/zaveit/schemas';
import { registerCatalogDocuments, type CatalogDocuments, type ConflictCompare } from '../../documents';
import type { AnyDocumentKind } from '../../documents/documentKind';
import { ZAVEIT_SCHEME } from '../../domain/zaveit/productUri';
import type { Log } from '../../logging';
import type { ZaveitSessionStatus } from '../connection/sessionStatus';
import type { ZaveitConnection } from '../connection/zaveitConnection';
import type { NewProductChoice } from '../products/createProductFlow';
import { zaveitProductKind } from './zaveitProductKind';
import { zaveitDraftUri, zaveitProductUri } from './zaveitProductUris';

export interface ZaveitDocuments {
  open(productId: string, label?: string): Promise<vscode.TextEditor>;
  /** Opens a new product's draft (prefilled from the template); its first save creates the product. */
  openDraft(choice: NewProductChoice): Promise<vscode.TextEditor>;
  uriFor(productId: string, label?: string): vscode.Uri;
  checkForRemoteChanges: CatalogDocuments['checkForRemoteChanges'];
}

export function registerZaveitDocuments(
  context: vscode.ExtensionContext,
  deps: { connection: ZaveitConnection; status: ZaveitSessionStatus; compare: ConflictCompare; log: Log; onSaved: (origin: string, product: Product) => void },
): ZaveitDocuments {
  const product = zaveitProductKind(deps);
  const documents = registerCatalogDocuments(context, {
    scheme: ZAVEIT_SCHEME,
    source: 'zaveit',
    kinds: [product as unknown as AnyDocumentKind],
    compare: deps.compare,
    log: deps.log,
  });
  const uriFor = (productId: string, label?: string) => zaveitProductUri(productId, label ?? productId);
  return {
    uriFor,
    open: (productId, label) => documents.open(uriFor(productId, label)),
    openDraft({ currency, country }) {
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      let n = 1;
      while (open.has(zaveitDraftUri(currency, country, n).toString())) n++;
      return documents.open(zaveitDraftUri(currency, country, n));
    },
    checkForRemoteChanges: documents.checkForRemoteChanges,
  };
}
