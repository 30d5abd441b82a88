// The save contract. In order: validate locally (nothing is sent while the document has errors);
// diff against the opened version (no change, no request); compare the server's modifiedOn with
// the opened one and merge or ask; confirm a production write; PATCH only the changed fields.
// Every failure throws, so VS Code keeps the document dirty with everything the user typed.
import * as vscode from 'vscode';
import type { KelviqClient, ProductDetail, ProductUpdate } from '../api';
import { isApiError } from '../apiErrors';
import { core } from '../coreLoader';
import type { Connection } from '../kelviq/connection/connection';
import type { ProductionGuard } from '../kelviq/connection/productionGuard';
import type { Environment } from '../domain/environment';
import type { MergeConflict } from '../domain/kelviq/product';
import { userMessage, type Log } from '../logging';
import type { ConflictCompare } from './conflictCompare';
import type { ProductDocumentStates } from './productDocumentState';
import { addressOf } from './productUris';

export interface SaveHooks {
  /** The document's diagnostics need recomputing (server problems changed). */
  onProblemsChanged(uri: vscode.Uri): void;
  /** The server's version was saved to the list (the tree shows the new name). */
  onSaved(product: ProductDetail): void;
}

export class ProductSaver {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly states: ProductDocumentStates,
    private readonly guard: ProductionGuard,
    private readonly compare: ConflictCompare,
    private readonly log: Log,
    private readonly hooks: SaveHooks,
  ) {}

  /** Saves `text`; resolves with the server's resulting text, or undefined when nothing was sent. */
  async save(uri: vscode.Uri, text: string): Promise<string | undefined> {
    const key = uri.toString();
    const address = addressOf(uri);
    const state = this.states.get(key);
    if (!state) throw vscode.FileSystemError.Unavailable('This product was not loaded from kelviq; close and reopen it.');
    if (this.inFlight.has(key)) throw vscode.FileSystemError.Unavailable('A save of this product is already in progress.');

    const problems = core().validateProductDocument(text, state.base).filter((p) => p.severity === 'error');
    if (problems.length > 0) {
      const first = problems[0] as (typeof problems)[number];
      const line = text.slice(0, first.offset).split('\n').length;
      const summary = `line ${line}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`;
      void vscode.window.showErrorMessage(`Kelviq: not saved. ${summary}`, 'Show Problems').then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      throw vscode.FileSystemError.NoPermissions(`Not saved: ${summary}`);
    }
    const edited = core().parseJsonc(text) as Record<string, unknown>;
    const patch = core().diffEditable(state.base, edited);
    if (isEmpty(patch)) return undefined;

    this.inFlight.add(key);
    try {
      const { client, environment } = await this.connection.client(address.environment);
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Kelviq: saving ${state.base.name}`, cancellable: true },
        (progress, token) => this.send(uri, client, environment, state.base, edited, patch, progress, token),
      );
      state.base = result;
      state.fetchedAt = Date.now();
      state.serverProblems = [];
      const serverText = core().serializeProduct(result);
      state.pendingRead = serverText;
      this.hooks.onProblemsChanged(uri);
      this.hooks.onSaved(result);
      return serverText;
    } catch (err) {
      throw this.toFileSystemError(uri, text, err);
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async send(
    uri: vscode.Uri,
    client: KelviqClient,
    environment: Environment,
    base: ProductDetail,
    edited: Record<string, unknown>,
    patch: ProductUpdate,
    progress: vscode.Progress<{ message?: string }>,
    token: vscode.CancellationToken,
  ): Promise<ProductDetail> {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    const onRetry = (info: { delayMs: number; reason: string; status?: number }) =>
      progress.report({
        message: `${info.reason === 'rateLimited' ? 'rate limited' : `server answered ${info.status ?? info.reason}`}; retrying in ${Math.ceil(info.delayMs / 1000)} s…`,
      });
    try {
      const theirs = await client.getProduct(base.id, { signal: abort.signal, onRetry });
      let toSend = patch;
      if (theirs.modifiedOn !== base.modifiedOn) {
        const merge = core().mergeEdits(base, edited, theirs);
        toSend = merge.merged;
        if (merge.conflicts.length > 0) {
          const choice = await this.askConflict(uri, theirs, merge.conflicts);
          if (choice !== 'Overwrite') throw new SaveAbandoned(choice === 'Compare' ? 'compare' : 'cancel');
          toSend = patch; // mine wins on the conflicting fields; their other changes are kept
        }
        this.log.info(`${base.identifier}: changed on the server since it was opened; merged (${Object.keys(toSend).join(', ') || 'nothing'} to send).`);
        if (isEmpty(toSend)) return theirs;
      }
      if (!(await this.guard.confirmWrite(environment, `Save ${base.identifier}`, core().describeChanges(theirs, toSend)))) {
        throw new SaveAbandoned('cancel');
      }
      const updated = await client.updateProduct(base.id, toSend, { signal: abort.signal, onRetry });
      return { ...theirs, ...updated, plans: (updated as ProductDetail).plans ?? theirs.plans };
    } finally {
      sub.dispose();
    }
  }

  private async askConflict(uri: vscode.Uri, theirs: ProductDetail, conflicts: MergeConflict[]): Promise<string | undefined> {
    const lines = conflicts.map((c) => `${c.field}: yours “${short(c.mine)}”, theirs “${short(c.theirs)}”`);
    const choice = await vscode.window.showWarningMessage(
      `${theirs.name} was changed on the server since you opened it, in the same ${conflicts.length === 1 ? 'field' : 'fields'} you edited.`,
      { modal: true, detail: `${lines.join('\n')}\n\nCompare shows the server's version next to yours. Overwrite replaces their value with yours.` },
      'Compare',
      'Overwrite',
    );
    if (choice === 'Compare') await this.compare.show(uri, theirs);
    return choice;
  }

  private toFileSystemError(uri: vscode.Uri, text: string, err: unknown): Error {
    if (err instanceof vscode.FileSystemError) return err;
    if (err instanceof SaveAbandoned) {
      return vscode.FileSystemError.Unavailable(
        err.reason === 'compare' ? 'Not saved: resolve the conflict (the server version is open beside yours), then save again.' : 'Not saved: cancelled.',
      );
    }
    if (isApiError(err)) {
      this.log.error(`Saving ${uri.path} failed: ${err.message}`, JSON.stringify(err));
      const state = this.states.get(uri.toString());
      if (err.kind === 'validation' && state) {
        state.serverProblems = core().serverErrorsToProblems(text, { ...err.fieldErrors });
        this.hooks.onProblemsChanged(uri);
      }
      if (err.kind === 'auth') {
        void vscode.window.showErrorMessage(`Kelviq: ${err.message}`, 'Set API Key').then((c) => {
          if (c) void vscode.commands.executeCommand('kelviq.setApiKey');
        });
      }
      // Not FileNotFound: VS Code would then treat the open document as deleted. The edit stays.
      if (err.kind === 'cancelled') return vscode.FileSystemError.Unavailable('Not saved: cancelled.');
      return vscode.FileSystemError.Unavailable(`Not saved: ${err.message}`);
    }
    this.log.error(`Saving ${uri.path} failed: ${userMessage(err)}`);
    return vscode.FileSystemError.Unavailable(`Not saved: ${userMessage(err)}`);
  }
}

class SaveAbandoned extends Error {
  constructor(readonly reason: 'compare' | 'cancel') {
    super(reason);
  }
}

function isEmpty(patch: ProductUpdate): boolean {
  return Object.keys(patch).length === 0;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
