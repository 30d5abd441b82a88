// One FileSystemProvider per backend scheme (`kelviq:`, `zaveit:`), over that backend's document
// kinds. Every way of saving (Ctrl+S, Save All, auto-save, a diff editor) arrives at writeFile.
//
// The rules that keep the user's text and the server's data safe:
// - stat() and readFile() describe the same version: readFile serves exactly what the last stat of
//   a clean document described, so VS Code never pairs one version's mtime with another's text.
// - A document is never rebased by a read it did not ask for: stat reports the version its text
//   came from and readFile serves that version (Compare with Saved shows your changes against
//   it; Revert returns to it). Newer versions arrive only when this provider announces a change
//   (after a save, or when RemoteChanges saw one) and the text has nothing unsaved.
// - stat().mtime is the server's modification time of that version (never older than the stat
//   VS Code holds, see statOf): VS Code's own "file is newer" check never fires on our own saves
//   or on changes the save will merge.
import * as vscode from 'vscode';
import { valueExceedsDepth, versionOf, type JsonObject } from '../domain/document';
import type { Log } from '../logging';
import type { AnyDocumentKind } from './documentKind';
import type { DocumentEntries, DocumentEntry, Stat } from './documentEntries';
import { fetchFailure, OriginChangedError, TooDeepError } from './documentErrors';
import type { DocumentSaver } from './documentSaver';

/** A clean document's stat refetches when the last fetch is older than this. */
const FRESH_MS = 1500;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class CatalogFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(
    private readonly kinds: readonly AnyDocumentKind[],
    private readonly entries: DocumentEntries,
    private readonly saver: DocumentSaver,
    private readonly log: Log,
  ) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // changes are announced by this provider itself
  }

  /** The entry of a URI; a FileNotFound error (before any request) when it names no object. */
  entry(uri: vscode.Uri): DocumentEntry {
    for (const kind of this.kinds) {
      const address = kind.parse(uri);
      if (address !== undefined) return this.entries.entryFor(uri, kind, address);
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (!uri.path.endsWith('.json')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const entry = this.entry(uri);
    if (entry.justWritten) {
      // VS Code's stat right after our write. Once VS Code says the save is done (see
      // savedByVsCode), a change event makes the editor read the server's version.
      const written = entry.justWritten;
      entry.justWritten = undefined;
      return fileStat(written, entry.kind.readOnly);
    }
    // The version VS Code holds, unless we asked it to reload (a first open has none yet).
    if (entry.servedStat && (!entry.reloadRequested || this.entries.isDirty(entry))) return fileStat(entry.servedStat, entry.kind.readOnly);
    const object = await this.fresh(entry, FRESH_MS);
    entry.statted = object;
    return fileStat(this.statOf(entry, object), entry.kind.readOnly);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const entry = this.entry(uri);
    const dirty = this.entries.isDirty(entry);
    // Unsaved text (e.g. Compare with Saved), or a read we did not ask for (e.g. Revert): the
    // version VS Code already holds, never a newer one (that would rebase the text silently).
    if (entry.base && (dirty || (!entry.reloadRequested && !entry.statted))) return encoder.encode(entry.kind.model.serialize(entry.base));
    const object = entry.statted ?? (await this.fresh(entry, FRESH_MS));
    const served = this.statOf(entry, object); // before the base moves: the same stat this version's stat gave
    entry.reloadRequested = false;
    entry.statted = undefined;
    // The text VS Code now holds came from `object`: it becomes the base (unless the text is
    // unsaved, where we could not know its base: then every difference will be asked about).
    entry.base = object;
    entry.baseKnown = !dirty;
    entry.servedStat = served;
    entry.newer = undefined;
    entry.partlySaved = undefined;
    entry.restored = false;
    entry.writtenText = undefined;
    this.entries.persist(entry);
    return encoder.encode(entry.kind.model.serialize(object));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const entry = this.entry(uri);
    if (entry.kind.readOnly !== undefined) throw vscode.FileSystemError.NoPermissions(entry.kind.readOnly);
    const text = decoder.decode(content);
    const outcome = await this.saver.save(entry, text);
    if (outcome.kind === 'unchanged') return;
    if (outcome.kind === 'created') {
      // The draft is done: once VS Code has finished saving it, show the created object's
      // document in its place (see savedByVsCode).
      entry.createdUri = outcome.uri;
      entry.reloadAfterSave = true;
      return;
    }
    const { result, savedText, server } = outcome;
    this.entries.noteLatest(entry, result, server);
    // The text just written is now the base of whatever the user types next (it holds their
    // changes and the old server-owned values). VS Code's stat right after this write describes
    // it as a moment older than the server's answer; the change event then makes a clean editor
    // read the server's version (new modifiedOn, normalised values), even at the same size.
    entry.base = savedText;
    entry.baseKnown = true;
    entry.server ??= server;
    // Never older than the stat VS Code held (it keeps the newer of two stats): a save that moves
    // no version field (an image's flags, settings) would otherwise go unnoticed on reload.
    entry.justWritten = { mtime: Math.max(entry.kind.model.modifiedAt(result) - 1, (entry.servedStat?.mtime ?? 0) + 1), size: content.byteLength };
    entry.servedStat = entry.justWritten;
    entry.writtenText = text;
    entry.reloadAfterSave = true;
    entry.serverProblems = [];
    entry.newer = undefined;
    entry.partlySaved = undefined;
    const version = versionOf(entry.kind.model, result);
    if (version) entry.object.ownVersions.add(version);
    this.entries.persist(entry);
  }

  /**
   * VS Code finished saving `uri` (onDidSaveTextDocument). If that save was ours, announce the
   * change now: announced earlier, while VS Code still finishes the save, it would be ignored.
   */
  savedByVsCode(uri: vscode.Uri): void {
    const entry = this.entries.get(uri);
    if (!entry?.reloadAfterSave) return;
    entry.reloadAfterSave = false;
    if (entry.createdUri) {
      void this.replaceDraft(uri, entry.createdUri);
      return;
    }
    this.announce([entry, ...this.entries.siblings(entry)]);
  }

  /** Opens the created object where its draft was, then closes the (now saved) draft. */
  private async replaceDraft(draft: vscode.Uri, created: vscode.Uri): Promise<void> {
    try {
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === draft.toString());
      const doc = await vscode.workspace.openTextDocument(created);
      await vscode.window.showTextDocument(doc, { preview: false, ...(tab ? { viewColumn: tab.group.viewColumn } : {}) });
      if (tab) await vscode.window.tabGroups.close(tab);
    } catch (err) {
      this.log.error(`Opening the created object ${created.path} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Tells VS Code that these documents' files changed: clean editors reload them. */
  announce(entries: readonly DocumentEntry[]): void {
    for (const entry of entries) entry.reloadRequested = true;
    if (entries.length > 0) this.changed.fire(entries.map((e) => ({ type: vscode.FileChangeType.Changed, uri: e.uri })));
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(`${uri.path}: use the Archive command in the tree to archive it.`);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  /** The newest server version of an entry's object, from the server its text came from. */
  fresh(entry: DocumentEntry, maxAgeMs: number): Promise<JsonObject> {
    const drafts = entry.kind.drafts;
    if (drafts?.isDraft(entry.address)) return Promise.resolve(entry.base ?? drafts.template(entry.address));
    return this.entries.fresh(entry, maxAgeMs, async () => {
      try {
        const { target, remote } = await entry.kind.connect(entry.address);
        if (entry.server !== undefined && entry.server !== target.server) throw new OriginChangedError(entry.server, target);
        const object = await remote.fetch({});
        if (valueExceedsDepth(object)) throw new TooDeepError(entry.kind.model.noun);
        entry.server ??= target.server;
        return { object, target };
      } catch (err) {
        throw fetchFailure(this.log, entry.uri, err);
      }
    });
  }

  /**
   * The stat of a version to serve. Its mtime is the kind's modifiedAt, except that it never goes
   * back from (nor, for other text, equals) the stat VS Code holds: VS Code keeps the newer of two
   * stats and skips a reload whose stat equals the one it keeps, and some changes move no version
   * field (an image's flags) or have no time at all (settings: a content stamp).
   */
  private statOf(entry: DocumentEntry, object: JsonObject): Stat {
    const model = entry.kind.model;
    const text = model.serialize(object);
    const size = encoder.encode(text).byteLength;
    const mtime = model.modifiedAt(object);
    const held = entry.servedStat;
    if (!held || mtime > held.mtime) return { mtime, size };
    const same = size === held.size && entry.base !== undefined && model.serialize(entry.base) === text;
    return { mtime: same ? held.mtime : held.mtime + 1, size };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** `readOnly`: the kind's reason, if its documents cannot be changed (VS Code then makes the editor read-only). */
function fileStat(stat: Stat, readOnly?: string): vscode.FileStat {
  return { type: vscode.FileType.File, ctime: stat.mtime, mtime: stat.mtime, size: stat.size, ...(readOnly !== undefined ? { permissions: vscode.FilePermission.Readonly } : {}) };
}
