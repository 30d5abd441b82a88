// Notices changes made on the server to open documents: when the window gains focus, when an
// editor becomes active, and every minute while the window is focused, for the visible documents
// only (one cheap GET each, at most every 10 s per object). A clean document reloads when the
// server's text differs; one with unsaved text keeps it and gets a note, when the server has a
// newer version, that its save will merge.
import * as vscode from 'vscode';
import { versionOf } from '../domain/document';
import type { Log } from '../logging';
import type { CatalogFileSystem } from './catalogFileSystem';
import type { DocumentEntries, DocumentEntry } from './documentEntries';

const MIN_AGE_MS = 10_000;
const INTERVAL_MS = 60_000;

export class RemoteChanges implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly fs: CatalogFileSystem,
    private readonly entries: DocumentEntries,
    private readonly onNewer: (document: vscode.TextDocument) => void,
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.check();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) void this.check([editor.document]);
      }),
    );
    this.timer = setInterval(() => {
      if (vscode.window.state.focused) void this.check();
    }, INTERVAL_MS);
  }

  /** Checks `documents` (default: the visible ones); `force` ignores the 10 s minimum age. */
  async check(documents?: readonly vscode.TextDocument[], force = false): Promise<void> {
    const docs = documents ?? vscode.window.visibleTextEditors.map((e) => e.document);
    const seen = new Set<string>();
    await Promise.all(
      docs.map(async (doc) => {
        const entry = this.entries.get(doc.uri);
        if (!entry?.base || seen.has(entry.key)) return;
        seen.add(entry.key);
        await this.checkOne(doc, entry, force ? 0 : MIN_AGE_MS);
      }),
    );
  }

  private async checkOne(doc: vscode.TextDocument, entry: DocumentEntry, maxAgeMs: number): Promise<void> {
    let latest;
    try {
      latest = await this.fs.fresh(entry, maxAgeMs);
    } catch (err) {
      this.log.debug(`Checking ${doc.uri.path} for server changes failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const model = entry.kind.model;
    const version = versionOf(model, latest);
    if (!entry.base) return;
    const sameVersion = version === undefined || version === versionOf(model, entry.base) || entry.object.ownVersions.has(version);
    if (this.entries.isDirty(entry)) {
      if (sameVersion || (entry.newer && versionOf(model, entry.newer) === version)) return;
      entry.newer = latest;
      this.log.info(`${doc.uri.path}: the server has a newer version; the unsaved text is kept and its save will merge.`);
      this.onNewer(doc);
    } else {
      // A clean text reloads whenever the server's text differs, also when only a field the
      // server derives changed without a new version (a product's `plans` after a plan is published).
      if (sameVersion && model.serialize(latest) === model.serialize(entry.base)) return;
      this.log.info(`${doc.uri.path}: changed on the server; reloading.`);
      this.fs.announce([entry]);
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
