// vscode.Uri wrappers around the pure product address (domain/kelviq/productUri).
import * as vscode from 'vscode';
import type { EnvironmentId } from '../../domain/environment';
import { parseProductPath, PRODUCT_SCHEME, productPath, type ProductAddress } from '../../domain/kelviq/productUri';
import { settingsPath } from '../../domain/kelviq/settingsUri';

export function productUri(environment: EnvironmentId, productId: string, label: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PRODUCT_SCHEME, path: productPath({ environment, productId }, label) });
}

/** The product a document is about; a FileNotFound error for anything else (checked before any request). */
export function addressOf(uri: vscode.Uri): ProductAddress {
  const address = uri.scheme === PRODUCT_SCHEME ? parseProductPath(uri.path) : undefined;
  if (!address) throw vscode.FileSystemError.FileNotFound(uri);
  return address;
}

export function isProductDocument(uri: vscode.Uri): boolean {
  return uri.scheme === PRODUCT_SCHEME && parseProductPath(uri.path) !== undefined;
}

/** The product a URI names, or undefined (no request is ever made for a malformed id). */
export function addressOrUndefined(uri: vscode.Uri): ProductAddress | undefined {
  return uri.scheme === PRODUCT_SCHEME ? parseProductPath(uri.path) : undefined;
}

/** The settings document of a product (`label`: its identifier, for the tab). */
export function settingsUri(environment: EnvironmentId, productId: string, label: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PRODUCT_SCHEME, path: settingsPath({ environment, productId }, label) });
}
