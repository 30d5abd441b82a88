// What the editor knows of each open product document: the version it was opened from (the
// base of every diff and merge), and problems the server reported on the last save.
import type { ProductDetail } from '../api';
import type { DocumentProblem } from '../domain/kelviq/product';

export interface ProductDocumentState {
  /** The server's version the user's edits are based on. */
  base: ProductDetail;
  /** When `base` was fetched; a stat+read pair within a moment shares one GET. */
  fetchedAt: number;
  /** Text to serve on the next read (the server's answer to a save), then dropped. */
  pendingRead?: string;
  /** Field errors of the last failed save, shown until the document changes. */
  serverProblems: DocumentProblem[];
}

export class ProductDocumentStates {
  private readonly states = new Map<string, ProductDocumentState>();

  get(key: string): ProductDocumentState | undefined {
    return this.states.get(key);
  }

  set(key: string, base: ProductDetail): ProductDocumentState {
    const state: ProductDocumentState = { base, fetchedAt: Date.now(), serverProblems: [] };
    this.states.set(key, state);
    return state;
  }

  delete(key: string): void {
    this.states.delete(key);
  }
}
