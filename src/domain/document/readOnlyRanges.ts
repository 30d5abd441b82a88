// Where a document's read-only fields are, so an editor can show them subdued before anyone
// edits one: every property whose key path the kind calls read-only (DocumentModel.readOnlyNote),
// from its key to the end of its value. A read-only property is one range; what it holds is not
// walked again. Pure: a jsonc-parser tree in, offsets out.
import type { Node } from 'jsonc-parser';
import type { DocumentModel } from './documentModel';

export interface ReadOnlyRange {
  /** The property's key (quotes included). */
  keyOffset: number;
  keyLength: number;
  /** From the key to the end of the value. */
  offset: number;
  length: number;
  note: string;
}

/** Enough for any catalog document; a text with more read-only fields shows the first ones. */
const MAX_RANGES = 2000;

export function readOnlyRanges(root: Node | undefined, model: Pick<DocumentModel, 'readOnlyNote'>): ReadOnlyRange[] {
  const out: ReadOnlyRange[] = [];
  const visit = (node: Node, keyPath: string[]): void => {
    if (out.length >= MAX_RANGES) return;
    if (node.type === 'array') {
      for (const child of node.children ?? []) visit(child, keyPath);
      return;
    }
    if (node.type !== 'object') return;
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || typeof key.value !== 'string') continue;
      const path = [...keyPath, key.value];
      const note = model.readOnlyNote(path);
      if (note !== undefined) {
        out.push({ keyOffset: key.offset, keyLength: key.length, offset: property.offset, length: property.length, note });
        if (out.length >= MAX_RANGES) return;
      } else if (value) {
        visit(value, path);
      }
    }
  };
  if (root) visit(root, []);
  return out;
}
