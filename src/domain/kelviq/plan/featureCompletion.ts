// Completion of the features a plan document names, from this environment's features: in an
// entitlement's `feature` (by identifier) and in a charge's `feature` (by UUID). Pure: the
// offset is where the cursor is; the VS Code side turns the answer into completion items.
import { getLocation, type Node } from 'jsonc-parser';
import { parseDocument, type TextRange } from '../../document/jsonRanges';
import type { FeatureRef } from './planObject';

export interface FeatureCompletion {
  /** The text the chosen value replaces: the string under the cursor (quotes included), or nothing. */
  replace: TextRange;
  /** Each offered value, JSON-quoted, with what to show beside it. Plain text. */
  items: Array<{ label: string; insert: string; detail: string }>;
}

type Slot = 'entitlement' | 'charge';

function slotOf(path: readonly (string | number)[]): Slot | undefined {
  if (path.length === 3 && path[0] === 'entitlements' && typeof path[1] === 'number' && path[2] === 'feature') return 'entitlement';
  if (path.length === 5 && path[0] === 'prices' && typeof path[1] === 'number' && path[2] === 'chargeCatalogPrice' && typeof path[3] === 'number' && path[4] === 'feature') {
    return 'charge';
  }
  return undefined;
}

function stringAt(root: Node | undefined, offset: number): Node | undefined {
  let found: Node | undefined;
  const visit = (node: Node): void => {
    if (offset < node.offset || offset > node.offset + node.length) return;
    if (node.type === 'string') found = node;
    for (const child of node.children ?? []) visit(child);
  };
  if (root) visit(root);
  return found;
}

const typeWords: Readonly<Record<string, string>> = { BOOLEAN: 'boolean', CUSTOMIZABLE: 'customizable limit', METER: 'meter' };

/** The features to offer at `offset`, or undefined when the cursor is not on a feature value. */
export function featureCompletionAt(text: string, offset: number, features: readonly FeatureRef[]): FeatureCompletion | undefined {
  const location = getLocation(text, offset);
  if (location.isAtPropertyKey) return undefined;
  const slot = slotOf(location.path);
  if (!slot) return undefined;
  const node = stringAt(parseDocument(text).root, offset);
  const replace = node && node.offset < offset && offset < node.offset + node.length ? { offset: node.offset, length: node.length } : { offset, length: 0 };
  const live = features.filter((f) => !f.archived);
  return {
    replace,
    items: live.map((f) => {
      const type = f.featureType ? (typeWords[f.featureType] ?? f.featureType.toLowerCase()) : 'feature';
      return slot === 'entitlement'
        ? { label: f.identifier, insert: JSON.stringify(f.identifier), detail: `${f.name} (${type})` }
        : { label: f.id, insert: JSON.stringify(f.id), detail: `${f.name} (${f.identifier}, ${type})` };
    }),
  };
}
