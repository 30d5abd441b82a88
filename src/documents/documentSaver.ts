// The save contract, the same for every document kind. In order:
// 1. Validate the text; any error → nothing is sent, the save throws, the document stays dirty.
// 2. Measure the user's changes from the version the text came from (no change → no request).
//    When that version is not known, every path where the text and the server differ is asked.
// 3. Under the object's save lock: read the server, three-way merge (changes of others on other
//    paths are kept; the same path changed differently asks Compare / Overwrite / Cancel).
// 4. Ask what the kind wants asked about this write (DocumentModel.askBeforeWrite: deleting an
//    image, a currency that re-prices plans), then before a production write. After every prompt, read the server again and start over
//    from 3 if it moved: nothing changed meanwhile is overwritten. The API has no ETag/If-Match,
//    so the window between that last read and the write is one round trip, no more.
// 5. Send only the changes the merge leaves (diffJson(theirs, merged)).
import * as vscode from 'vscode';
import { showMessage } from '../userMessages';
import {
  diffJson,
  formatPath,
  isPartialSaveError,
  mergeJson,
  type PartialSaveError,
  UNKNOWN_BASE,
  versionOf,
  type Base,
  type JsonChange,
  type JsonObject,
  type MergeConflict,
} from '../domain/document';
import { plainText } from '../domain/untrustedText';
import { core } from '../coreLoader';
import type { Log } from '../logging';
import type { ConflictCompare } from './conflictCompare';
import type { DocumentRemote, DocumentTarget } from './documentKind';
import type { DocumentEntries, DocumentEntry } from './documentEntries';
import { OriginChangedError, SaveAbandoned, saveFailure, type SavePhase } from './documentErrors';
import { mergeBase, parseObject, textProblems } from './documentText';

export type SaveOutcome =
  | { kind: 'unchanged' }
  /** `result` is the server's version after the save (or the server's version, when it already had everything). */
  | { kind: 'saved'; result: JsonObject; savedText: JsonObject; server: string }
  /** A draft's first save created its object, whose document is at `uri`. */
  | { kind: 'created'; result: JsonObject; uri: vscode.Uri };

export interface SaveHooks {
  /** The document's diagnostics need recomputing (server problems changed). */
  onProblemsChanged(uri: vscode.Uri): void;
}

/** Rounds of read → (prompt →) read before giving up on a server that keeps changing. */
const MAX_ROUNDS = 5;

export class DocumentSaver {
  constructor(
    private readonly entries: DocumentEntries,
    private readonly compare: ConflictCompare,
    private readonly log: Log,
    private readonly hooks: SaveHooks,
  ) {}

  async save(entry: DocumentEntry, text: string): Promise<SaveOutcome> {
    const model = entry.kind.model;
    const errors = textProblems(entry, text).filter((p) => p.severity === 'error');
    const parsed = parseObject(text);
    if (errors.length > 0 || !parsed) {
      const first = errors[0];
      const line = first ? text.slice(0, first.offset).split('\n').length : 1;
      const summary = first ? `line ${line}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : 'the document is not a JSON object.';
      void showMessage('error', `Not saved. ${summary}`, {}, 'Show Problems').then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      throw vscode.FileSystemError.NoPermissions(`Not saved: ${summary}`);
    }
    const drafts = entry.kind.drafts;
    if (drafts?.isDraft(entry.address)) return this.entries.exclusive(entry, () => this.create(entry, parsed, text));
    const mine = model.editableView(parsed);
    const base = mergeBase(entry, parsed);
    if (base !== UNKNOWN_BASE && diffJson(base, mine, model.mergeRules).length === 0) return { kind: 'unchanged' };

    return this.entries.exclusive(entry, async () => {
      let phase: SavePhase = 'checking';
      let sentFrom: JsonObject | undefined; // the server's editable view the last write started from
      try {
        const { target, remote } = await entry.kind.connect(entry.address);
        if (entry.server !== undefined && entry.server !== target.server) throw new OriginChangedError(entry.server, target);
        const name = plainText(model.nameOf(parsed), 80);
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Saving ${name}`, cancellable: true },
          (progress, token) =>
            this.send(entry, { target, remote, base, mine, name }, (p) => (phase = p), (from) => (sentFrom = from), progress, token),
        );
        entry.server ??= target.server;
        if (entry.serverProblems.length > 0) {
          entry.serverProblems = [];
          this.hooks.onProblemsChanged(entry.uri);
        }
        entry.kind.onSaved?.(entry.address, result);
        return { kind: 'saved', result, savedText: parsed, server: target.server } as const;
      } catch (err) {
        if (isPartialSaveError(err) && sentFrom) this.notePartialSave(entry, err, sentFrom);
        this.noteServerProblems(entry, text, err);
        throw saveFailure(this.log, entry.uri, err, phase);
      }
    });
  }

  /**
   * Part of a save landed: the base the text is measured from takes exactly the changes that
   * landed (from → landed), and nothing else of the server's (a colleague's change merged into
   * this write is not the user's text, and must not look like something they reverted). The
   * base keeps its version fields, so the text still matches it; the document stays dirty with
   * only the unsaved part, and the next save sends only that.
   */
  private notePartialSave(entry: DocumentEntry, err: PartialSaveError, from: JsonObject): void {
    entry.partlySaved = err.message;
    this.hooks.onProblemsChanged(entry.uri);
    const model = entry.kind.model;
    if (entry.base) {
      const view = mergeJson(from, err.landed, model.editableView(entry.base), model.mergeRules, { prefer: 'mine' }).value as JsonObject;
      entry.base = model.withEditable ? model.withEditable(entry.base, view) : { ...entry.base, ...view };
    }
    const version = err.serverVersion && versionOf(entry.kind.model, err.serverVersion);
    if (err.serverVersion && entry.server) this.entries.noteLatest(entry, err.serverVersion, entry.server);
    if (version) entry.object.ownVersions.add(version);
    this.entries.persist(entry);
  }

  /** A draft's save: one create call, confirmed on production, never repeated by itself. */
  private async create(entry: DocumentEntry, parsed: JsonObject, text: string): Promise<SaveOutcome> {
    const drafts = entry.kind.drafts!;
    const name = plainText(entry.kind.model.nameOf(parsed), 80);
    let phase: SavePhase = 'checking';
    try {
      const { target } = await entry.kind.connect(entry.address);
      const confirmation = await entry.kind.confirmWrite(target, `Create ${name}`, []);
      if (confirmation === 'declined') throw new SaveAbandoned('cancel');
      phase = 'writing';
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Creating ${name}`, cancellable: true },
        async (_progress, token) => {
          const abort = new AbortController();
          const sub = token.onCancellationRequested(() => abort.abort());
          try {
            return await drafts.create(entry.address, parsed, target, { signal: abort.signal });
          } finally {
            sub.dispose();
          }
        },
      );
      if (!outcome) throw new SaveAbandoned('cancel');
      entry.kind.onSaved?.(entry.address, outcome.created);
      return { kind: 'created', result: outcome.created, uri: outcome.uri };
    } catch (err) {
      this.noteServerProblems(entry, text, err);
      throw saveFailure(this.log, entry.uri, err, phase);
    }
  }

  private async send(
    entry: DocumentEntry,
    s: { target: DocumentTarget; remote: DocumentRemote<JsonObject>; base: Base; mine: JsonObject; name: string },
    setPhase: (phase: SavePhase) => void,
    noteWrite: (from: JsonObject) => void,
    progress: vscode.Progress<{ message?: string }>,
    token: vscode.CancellationToken,
  ): Promise<JsonObject> {
    const model = entry.kind.model;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    const options = {
      signal: abort.signal,
      onRetry: (info: { delayMs: number; reason: string; status?: number }) =>
        progress.report({
          message: `${info.reason === 'rateLimited' ? 'rate limited' : `server answered ${info.status ?? info.reason}`}; retrying in ${Math.ceil(info.delayMs / 1000)} s…`,
        }),
    };
    let accepted: string | undefined; // the conflicts the user chose to overwrite
    let answered: string | undefined; // the kind's question the user said yes to
    try {
      for (let round = 1; round <= MAX_ROUNDS; round++) {
        const theirs = await s.remote.fetch(options);
        this.entries.noteLatest(entry, theirs, s.target.server);
        const from = model.editableView(theirs);
        const merged = mergeJson(s.base, s.mine, from, model.mergeRules);
        let to = merged.value as JsonObject;
        if (merged.conflicts.length > 0) {
          const signature = JSON.stringify(merged.conflicts);
          if (signature !== accepted) {
            const choice = await this.askConflict(entry, s.name, theirs, merged.conflicts, s.base === UNKNOWN_BASE);
            if (choice !== 'Overwrite') throw new SaveAbandoned(choice === 'Compare' ? 'compare' : 'cancel');
            accepted = signature;
            continue; // the server may have moved while the dialog was open
          }
          to = mergeJson(s.base, s.mine, from, model.mergeRules, { prefer: 'mine' }).value as JsonObject;
        }
        const changes = diffJson(from, to, model.mergeRules);
        if (versionOf(model, theirs) !== versionOf(model, entry.base ?? {})) {
          this.log.info(`${s.name}: changed on the server since this text was read; merged (${changes.length} change(s) left to send).`);
        }
        if (changes.length === 0) return theirs;
        const question = model.askBeforeWrite?.({ theirs, from, to, changes });
        if (question && JSON.stringify(question) !== answered) {
          const choice = await showMessage('warning', question.message, { modal: true, detail: question.detail }, question.confirm);
          if (choice !== question.confirm) throw new SaveAbandoned('cancel');
          answered = JSON.stringify(question);
          continue; // read again: the question may have been open for long
        }
        const confirmation = await entry.kind.confirmWrite(s.target, `Save ${s.name}`, describeChanges(changes));
        if (confirmation === 'declined') throw new SaveAbandoned('cancel');
        if (confirmation === 'confirmedAfterAsking') continue; // read again: the dialog may have been open for long
        setPhase('writing');
        noteWrite(from);
        return await s.remote.send({ theirs, from, to, changes }, options);
      }
      throw new Error(`the ${model.noun} kept changing on the server while saving (${MAX_ROUNDS} times). Save again.`);
    } finally {
      sub.dispose();
    }
  }

  private async askConflict(entry: DocumentEntry, name: string, theirs: JsonObject, conflicts: MergeConflict[], baseUnknown: boolean): Promise<string | undefined> {
    const lines = conflicts.slice(0, 8).map((c) => `${formatPath(c.path)}: yours ${preview(c.mine)}, theirs ${preview(c.theirs)}`);
    if (conflicts.length > 8) lines.push(`… and ${conflicts.length - 8} more`);
    const why = baseUnknown
      ? `The version ${name} was read at is not known any more, so every difference from the server is asked about.`
      : `${name} was changed on the server since this text was read, in the same ${conflicts.length === 1 ? 'place' : 'places'} you edited.`;
    const choice = await showMessage(
      'warning',
      `Save conflict: ${why}`,
      { modal: true, detail: `${lines.join('\n')}\n\nCompare shows the server's version next to yours. Overwrite replaces their values with yours in these places; their other changes are kept.` },
      'Compare',
      'Overwrite',
    );
    if (choice === 'Compare') await this.compare.show(entry.uri, entry.kind.model.serialize(theirs));
    return choice;
  }

  /** A 400/422 with field errors: shown on those fields until the text changes. */
  private noteServerProblems(entry: DocumentEntry, text: string, err: unknown): void {
    const fieldErrors = (err as { kind?: unknown; fieldErrors?: Record<string, string[]> }).fieldErrors;
    if ((err as { kind?: unknown }).kind !== 'validation' || !fieldErrors || Object.keys(fieldErrors).length === 0) return;
    entry.serverProblems = core().serverErrorsToProblems(text, { ...fieldErrors });
    this.hooks.onProblemsChanged(entry.uri);
  }
}

/** `path: old → new` lines for a confirmation (values shortened, untrusted text neutralised). */
export function describeChanges(changes: readonly JsonChange[]): string[] {
  const lines = changes.slice(0, 12).map((c) => `${formatPath(c.path)}: ${c.before === undefined ? '(added)' : preview(c.before)} → ${c.after === undefined ? '(removed)' : preview(c.after)}`);
  if (changes.length > 12) lines.push(`… and ${changes.length - 12} more`);
  return lines;
}

function preview(value: unknown): string {
  const json = value === undefined ? '(none)' : (JSON.stringify(value) ?? String(value));
  return plainText(json, 60);
}
