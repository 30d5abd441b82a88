// kelviq's documents: the `kelviq:` scheme with its document kinds (products, plans, and features,
// read-only), on the backend-neutral mechanism in src/documents.
import * as vscode from 'vscode';
import type { ProductDetail } from '../../api';
import { registerCatalogDocuments, type CatalogDocuments, type ConflictCompare } from '../../documents';
import type { AnyDocumentKind } from '../../documents/documentKind';
import type { EnvironmentId } from '../../domain/environment';
import { PRODUCT_SCHEME } from '../../domain/kelviq/productUri';
import type { Log } from '../../logging';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { PlanObject } from '../../domain/kelviq/plan';
import { KelviqDocumentLinks } from './documentLinks';
import { FeatureCompletions } from './featureCompletions';
import { KnownFeatures } from './knownFeatures';
import { kelviqPlanKind } from './planKind';
import { PlanStateDecorations } from './planStateDecorations';
import { featureUri, planUri } from './planUris';
import { kelviqFeatureKind } from './featureKind';
import { kelviqProductKind } from './productKind';
import { kelviqSettingsKind } from './settingsKind';
import { productUri, settingsUri } from './productUris';

export interface KelviqDocuments {
  open(environment: EnvironmentId, productId: string, label?: string): Promise<vscode.TextEditor>;
  uriFor(environment: EnvironmentId, productId: string, label?: string): vscode.Uri;
  openPlan(environment: EnvironmentId, identifier: string, label?: string): Promise<vscode.TextEditor>;
  planUriFor(environment: EnvironmentId, identifier: string, label?: string): vscode.Uri;
  /** Opens a feature's read-only document (or shows it, if already open). */
  openFeature(environment: EnvironmentId, featureId: string, label?: string): Promise<vscode.TextEditor>;
  featureUriFor(environment: EnvironmentId, featureId: string, label?: string): vscode.Uri;
  /** Opens a product's settings document (or shows it, if already open). */
  openSettings(environment: EnvironmentId, productId: string, label: string): Promise<vscode.TextEditor>;
  settingsUriFor(environment: EnvironmentId, productId: string, label: string): vscode.Uri;
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
    /** After each save of a plan (its newest version is then a draft until published). */
    onPlanSaved?: (environment: EnvironmentId, plan: PlanObject) => void;
  },
): KelviqDocuments {
  const product = kelviqProductKind({ ...deps, onSaved: (address, saved) => deps.onSaved(address.environment, saved) });
  const states = new PlanStateDecorations();
  const features = new KnownFeatures();
  context.subscriptions.push(
    states,
    vscode.window.registerFileDecorationProvider(states),
    vscode.languages.registerDocumentLinkProvider({ scheme: PRODUCT_SCHEME }, new KelviqDocumentLinks({ ...deps, features })),
    vscode.languages.registerCompletionItemProvider({ scheme: PRODUCT_SCHEME, language: 'json' }, new FeatureCompletions(features), '"'),
  );
  const plan = kelviqPlanKind({ ...deps, states, features, onSaved: (address, saved) => deps.onPlanSaved?.(address.environment, saved) });
  const documents = registerCatalogDocuments(context, {
    scheme: PRODUCT_SCHEME,
    source: 'kelviq',
    kinds: [
      product as unknown as AnyDocumentKind,
      plan as unknown as AnyDocumentKind,
      kelviqFeatureKind(deps) as unknown as AnyDocumentKind,
      kelviqSettingsKind(deps) as unknown as AnyDocumentKind,
    ],
    compare: deps.compare,
    log: deps.log,
  });
  const uriFor = (environment: EnvironmentId, productId: string, label?: string) => productUri(environment, productId, label ?? productId);
  const featureUriFor = (environment: EnvironmentId, featureId: string, label?: string) => featureUri(environment, featureId, label ?? featureId);
  return {
    uriFor,
    open: (environment, productId, label) => documents.open(uriFor(environment, productId, label)),
    planUriFor: planUri,
    openPlan: (environment, identifier, label) => documents.open(planUri(environment, identifier, label)),
    featureUriFor,
    openFeature: (environment, featureId, label) => documents.open(featureUriFor(environment, featureId, label)),
    settingsUriFor: settingsUri,
    openSettings: (environment, productId, label) => documents.open(settingsUri(environment, productId, label)),
    checkForRemoteChanges: documents.checkForRemoteChanges,
  };
}
