// What the mechanism knows of each open catalog document, per URI: the server version its text
// came from (its base), the stat VS Code last resolved, and the server it came from. Objects are
// shared by all URIs that name them (one fetch, one save at a time). Entries of documents with
// unsaved text survive a window reload in workspace storage, so a restored editor still knows its
// base; they are dropped when the document closes.
import * as vscode from 'vscode';
import type { DocumentProblem, JsonObject } from '../domain/document';
import type { AnyDocumentKind, DocumentTarget } from './documentKind';

export interface Stat {
  mtime: number;
  size: number;
}

export interface DocumentEntry {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly kind: AnyDocumentKind;
  readonly address: unknown;
  readonly object: ObjectState;
  /** The base URL of the server the text came from (set on the first fetch). */
  server: string | undefined;
  /** The server version the text came from (or, after a save the user typed through, that text). */
  base: JsonObject | undefined;
  /** false: `base` is only the newest server version, not necessarily the text's origin. */
  baseKnown: boolean;
  /** The stat of the text VS Code last resolved (read or written). */
  servedStat: Stat | undefined;
  /** The object the last stat of a clean document described: the next read serves exactly it. */
  statted: JsonObject | undefined;
  /** The first stat after a write reports this (see CatalogFileSystem.writeFile). */
  justWritten: Stat | undefined;
  /** The text of the last write, until the server's version is read: equal text = nothing unsaved. */
  writtenText: string | undefined;
  /** Our write succeeded: when VS Code reports the save done, the editor reloads the server's version. */
  reloadAfterSave: boolean;
  /** We announced a change: the next stat and read of a clean text serve the newest version. */
  reloadRequested: boolean;
  /** A draft whose save created its object: that object's document replaces it. */
  createdUri: vscode.Uri | undefined;
  /** Restored from workspace storage: treated as having unsaved text until VS Code says otherwise. */
  restored: boolean;
  /** Field errors of the last failed save, shown until the text changes. */
  serverProblems: DocumentProblem[];
  /** A newer server version noticed while the text had unsaved changes. */
  newer: JsonObject | undefined;
  /** The last save landed only in part: what was saved and what was not, shown until a save or reload. */
  partlySaved: string | undefined;
}

/** One catalog object, whichever URIs name it. */
export interface ObjectState {
  readonly key: string;
  latest: { object: JsonObject; at: number; server: string } | undefined;
  fetching: Promise<JsonObject> | undefined;
  /** Saves of this object run one after another. */
  queue: Promise<unknown>;
  /** Versions our own saves produced: not "changed by someone else". */
  ownVersions: Set<string>;
}

interface StoredEntry {
  server: string | undefined;
  base: JsonObject | undefined;
  baseKnown: boolean;
  servedStat: Stat | undefined;
}

const STORAGE_PREFIX = 'catalogDocument:';

export class DocumentEntries {
  private readonly entries = new Map<string, DocumentEntry>();
  private readonly objects = new Map<string, ObjectState>();

  constructor(private readonly storage: vscode.Memento) {}

  get(uri: vscode.Uri): DocumentEntry | undefined {
    return this.entries.get(uri.toString());
  }

  all(): DocumentEntry[] {
    return [...this.entries.values()];
  }

  /** The entry of `uri`, restored from workspace storage or new. */
  entryFor(uri: vscode.Uri, kind: AnyDocumentKind, address: unknown): DocumentEntry {
    const key = uri.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    const objectKey = `${kind.id}:${kind.objectKey(address)}`;
    let object = this.objects.get(objectKey);
    if (!object) {
      object = { key: objectKey, latest: undefined, fetching: undefined, queue: Promise.resolve(), ownVersions: new Set() };
      this.objects.set(objectKey, object);
    }
    const stored = this.storage.get<StoredEntry>(STORAGE_PREFIX + key);
    const entry: DocumentEntry = {
      uri,
      key,
      kind,
      address,
      object,
      server: stored?.server,
      base: stored?.base,
      baseKnown: stored?.baseKnown ?? false,
      servedStat: stored?.servedStat,
      statted: undefined,
      justWritten: undefined,
      writtenText: undefined,
      reloadAfterSave: false,
      reloadRequested: false,
      createdUri: undefined,
      restored: stored?.base !== undefined,
      serverProblems: [],
      newer: undefined,
      partlySaved: undefined,
    };
    this.entries.set(key, entry);
    return entry;
  }

  /** Other entries naming the same object. */
  siblings(entry: DocumentEntry): DocumentEntry[] {
    return this.all().filter((e) => e.object === entry.object && e !== entry);
  }

  /** Whether the text of `entry` has unsaved changes, as far as the extension host knows. */
  isDirty(entry: DocumentEntry): boolean {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.key);
    if (doc) {
      // Until the server's version is read after a write, the text VS Code holds is unsaved
      // exactly when it differs from what was written. (After a save that the user typed
      // through, this process is told "saved" although the editor is still dirty.)
      if (entry.writtenText !== undefined) return doc.getText() !== entry.writtenText;
      if (!doc.isDirty) entry.restored = false;
      return doc.isDirty;
    }
    return entry.restored;
  }

  /** Runs `task` when no other save of the same object runs. */
  exclusive<T>(entry: DocumentEntry, task: () => Promise<T>): Promise<T> {
    const run = entry.object.queue.then(task, task);
    entry.object.queue = run.catch(() => undefined);
    return run;
  }

  /** The newest server version, fetched unless one arrived within `maxAgeMs` (one fetch at a time). */
  async fresh(entry: DocumentEntry, maxAgeMs: number, fetch: () => Promise<{ object: JsonObject; target: DocumentTarget }>): Promise<JsonObject> {
    const state = entry.object;
    if (state.latest && Date.now() - state.latest.at <= maxAgeMs && state.latest.server === entry.server) return state.latest.object;
    state.fetching ??= fetch()
      .then(({ object, target }) => {
        this.noteLatest(entry, object, target.server);
        return object;
      })
      .finally(() => (state.fetching = undefined));
    return state.fetching;
  }

  noteLatest(entry: DocumentEntry, object: JsonObject, server: string): void {
    entry.object.latest = { object, at: Date.now(), server };
  }

  /** Persists what a reload needs (only while the document may hold unsaved text that needs it). */
  persist(entry: DocumentEntry): void {
    if (!this.entries.has(entry.key)) return;
    const stored: StoredEntry = { server: entry.server, base: entry.base, baseKnown: entry.baseKnown, servedStat: entry.servedStat };
    void this.storage.update(STORAGE_PREFIX + entry.key, stored);
  }

  /** The document closed: forget it (and its object, when no other document names it). */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    this.entries.delete(key);
    void this.storage.update(STORAGE_PREFIX + key, undefined);
    if (entry && !this.all().some((e) => e.object === entry.object)) this.objects.delete(entry.object.key);
  }

  /** Drops stored entries of documents no tab shows any more (closed while the extension was not running). */
  prune(openUris: ReadonlySet<string>): void {
    for (const storageKey of this.storage.keys()) {
      if (!storageKey.startsWith(STORAGE_PREFIX)) continue;
      const key = storageKey.slice(STORAGE_PREFIX.length);
      if (!openUris.has(key) && !this.entries.has(key)) void this.storage.update(storageKey, undefined);
    }
  }
}
