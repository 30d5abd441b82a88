// What a backend registers for one kind of catalog object (a kelviq product, a Zaveit product, a
// plan…): its pure model, how its URIs name objects, and how to reach its server. The mechanism
// in this folder does the rest, the same way for every kind.
import type * as vscode from 'vscode';
import type { CallOptions } from '../api/http/types';
import type { DocumentModel, JsonObject, SaveRequest } from '../domain/document';

/** The server a document talks to. */
export interface DocumentTarget {
  /** The server's base URL; a document keeps talking to the server its text came from. */
  server: string;
  /** For messages: "Sandbox", "Production", "Custom (http://127.0.0.1:4010)". */
  label: string;
  isProduction: boolean;
}

export interface DocumentRemote<T extends JsonObject> {
  fetch(options: CallOptions): Promise<T>;
  /** Writes the changes; resolves with the server's version after them. */
  send(request: SaveRequest<T>, options: CallOptions): Promise<T>;
}

export interface DocumentKind<T extends JsonObject = JsonObject, A = unknown> {
  /** e.g. `kelviq.product`. */
  readonly id: string;
  readonly model: DocumentModel<T>;
  /** The address a URI names, or undefined when it names none of this kind (checked before any request). */
  parse(uri: vscode.Uri): A | undefined;
  /** The same object gives the same key (environment + kind + id), whichever URI names it. */
  objectKey(address: A): string;
  /** The server and the calls for an address. Throws an Error whose message the user can act on. */
  connect(address: A): Promise<{ target: DocumentTarget; remote: DocumentRemote<T> }>;
  /**
   * Set for a kind whose objects cannot be changed through its API: why, in plain text. Its
   * documents are then read-only (stat reports FilePermission.Readonly) and a write is refused
   * with this reason before anything is checked or sent.
   */
  readonly readOnly?: string;
  /** Asks before a write where the target needs it (production). */
  confirmWrite(target: DocumentTarget, action: string, lines: readonly string[]): Promise<WriteConfirmation>;
  /** After a save or a reload: e.g. the tree shows the new name. */
  onSaved?(address: A, object: T): void;
  /**
   * Kinds whose objects can be created in the editor: a draft URI (e.g. `zaveit:/products/new/…`)
   * opens a template, and its first save creates the object (never repeated by itself). The
   * editor then shows the created object's document instead of the draft.
   */
  drafts?: DraftSupport<T, A>;
}

export interface DraftSupport<T extends JsonObject, A> {
  isDraft(address: A): boolean;
  /** The text a new draft starts with. */
  template(address: A): T;
  /**
   * Creates the object from the draft's parsed text. Resolves with the created object and the
   * URI of its document, or undefined when the user decided not to create it after all (e.g.
   * an earlier attempt turned out to have created it).
   */
  create(address: A, object: JsonObject, target: DocumentTarget, options: CallOptions): Promise<{ created: T; uri: vscode.Uri } | undefined>;
}

export type WriteConfirmation = 'confirmed' | 'confirmedAfterAsking' | 'declined';

/** A kind with its type parameters erased, as the mechanism holds it. */
export type AnyDocumentKind = DocumentKind<JsonObject, unknown>;
