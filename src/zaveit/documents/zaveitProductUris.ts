// vscode.Uri wrappers around the pure Zaveit document address (domain/zaveit/productUri).
import * as vscode from 'vscode';
import { parseZaveitPath, ZAVEIT_SCHEME, zaveitDraftPath, zaveitProductPath, type ZaveitAddress } from '../../domain/zaveit/productUri';

export function zaveitProductUri(productId: string, label: string): vscode.Uri {
  return vscode.Uri.from({ scheme: ZAVEIT_SCHEME, path: zaveitProductPath(productId, label) });
}

export function zaveitDraftUri(currency: string, country: string, n = 1): vscode.Uri {
  return vscode.Uri.from({ scheme: ZAVEIT_SCHEME, path: zaveitDraftPath(currency, country, n) });
}

/** The product or draft a URI names, or undefined (no request is ever made for a malformed id). */
export function zaveitAddressOf(uri: vscode.Uri): ZaveitAddress | undefined {
  return uri.scheme === ZAVEIT_SCHEME ? parseZaveitPath(uri.path) : undefined;
}
