// kelviq's documents: the `kelviq:` scheme with its document kinds (products today), on the
// backend-neutral mechanism in src/documents.
import * as vscode from 'vscode';
import type { ProductDetail } from '../../api';
import { registerCatalogDocuments, type CatalogDocuments, type ConflictCompare } from '../../documents';
import type { AnyDocumentKind } from '../../documents/documentKind';
import type { EnvironmentId } from '../../domain/environment';
import { PRODUCT_SCHEME } from '../../domain/kelviq/productUri';
import type { PlanObject } from '../../domain/kelviq/plan/planObject';
import { planPath } from '../../domain/kelviq/planUri';
import type { Log } from '../../logging';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import { kelviqProductKind } from './productKind';
import { productUri } from './productUris';

export interface KelviqDocuments {
  open(environment: EnvironmentId, productId: string, label?: string): Promise<vscode.TextEditor>;
  uriFor(environment: EnvironmentId, productId: string, label?: string): vscode.Uri;
  // TEMPORARY (branch plans): the plan document kind's interface, until planKind.ts lands from main.
  openPlan(environment: EnvironmentId, identifier: string, label?: string): Promise<vscode.TextEditor>;
  planUriFor(environment: EnvironmentId, identifier: string, label?: string): vscode.Uri;
  checkForRemoteChanges: CatalogDocuments['checkForRemoteChanges'];
}

export function registerKelviqDocuments(
  context: vscode.ExtensionContext,
  deps: {
    connection: Connection;
    guard: ProductionGuard;
    compare: ConflictCompare;
    log: Log;
    onSaved: (environment: EnvironmentId, product: ProductDetail) => void;
    // TEMPORARY (branch plans): called by the plan kind after each plan save.
    onPlanSaved?: (environment: EnvironmentId, plan: PlanObject) => void;
  },
): KelviqDocuments {
  const product = kelviqProductKind({ ...deps, onSaved: (address, saved) => deps.onSaved(address.environment, saved) });
  const documents = registerCatalogDocuments(context, {
    scheme: PRODUCT_SCHEME,
    source: 'kelviq',
    kinds: [product as unknown as AnyDocumentKind],
    compare: deps.compare,
    log: deps.log,
  });
  const uriFor = (environment: EnvironmentId, productId: string, label?: string) => productUri(environment, productId, label ?? productId);
  const planUriFor = (environment: EnvironmentId, identifier: string, label?: string) =>
    vscode.Uri.from({ scheme: PRODUCT_SCHEME, path: planPath({ environment, identifier }, label ?? identifier) });
  return {
    uriFor,
    planUriFor,
    openPlan: (environment, identifier, label) => documents.open(planUriFor(environment, identifier, label)),
    open: (environment, productId, label) => documents.open(uriFor(environment, productId, label)),
    checkForRemoteChanges: documents.checkForRemoteChanges,
  };
}
