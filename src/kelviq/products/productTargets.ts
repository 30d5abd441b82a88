// Which product a product command acts on: a tree row (its environment), a product document (the
// editor title bar passes its URI), `{ id, environment }` (tests, other extensions), or an id.
import * as vscode from 'vscode';
import type { EnvironmentId } from '../../domain/environment';
import { parseProductPath, PRODUCT_SCHEME } from '../../domain/kelviq/productUri';
import { ProductNode } from './productTreeItems';

export type ProductTarget = ProductNode | vscode.Uri | { id: string; environment?: EnvironmentId } | string | undefined;

export function resolveProductTarget(
  target: ProductTarget,
  fallbackEnvironment: EnvironmentId,
): { id: string; environment: EnvironmentId; label?: string } | undefined {
  if (!target) return undefined;
  if (target instanceof ProductNode) return { id: target.product.id, environment: target.environment, label: target.product.identifier };
  if (target instanceof vscode.Uri) {
    const address = target.scheme === PRODUCT_SCHEME ? parseProductPath(target.path) : undefined;
    return address && { id: address.productId, environment: address.environment, label: target.path.slice(target.path.lastIndexOf('/') + 1).replace(/\.json$/, '') };
  }
  if (typeof target === 'string') return { id: target, environment: fallbackEnvironment };
  return { id: target.id, environment: target.environment ?? fallbackEnvironment };
}
