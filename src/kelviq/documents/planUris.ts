// vscode.Uri wrappers around the pure plan and feature addresses (domain/kelviq/planUri).
import * as vscode from 'vscode';
import type { EnvironmentId } from '../../domain/environment';
import { featurePath, parsePlanPath, planPath, type PlanAddress } from '../../domain/kelviq/planUri';
import { PRODUCT_SCHEME } from '../../domain/kelviq/productUri';

export function planUri(environment: EnvironmentId, identifier: string, label?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PRODUCT_SCHEME, path: planPath({ environment, identifier }, label ?? identifier) });
}

/** The plan a URI names, or undefined (no request is ever made for a malformed identifier). */
export function planAddressOrUndefined(uri: vscode.Uri): PlanAddress | undefined {
  return uri.scheme === PRODUCT_SCHEME ? parsePlanPath(uri.path) : undefined;
}

export function featureUri(environment: EnvironmentId, featureId: string, label: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PRODUCT_SCHEME, path: featurePath({ environment, featureId }, label) });
}
