// The `kelviq:` file system: a product is a JSON file, so every way of saving (Ctrl+S, Save All,
// auto-save, a diff editor) arrives at writeFile. stat().mtime is the server's modifiedOn, so VS
// Code's own "file is newer" logic sees real remote changes and only those.
import * as vscode from 'vscode';
import type { Connection } from '../kelviq/connection/connection';
import { isApiError } from '../apiErrors';
import { core } from '../coreLoader';
import { userMessage, type Log } from '../logging';
import type { ProductDocumentStates } from './productDocumentState';
import { addressOf } from './productUris';
import type { ProductSaver } from './saveProduct';

/** A stat+read pair this close together shares one GET. */
const FRESH_MS = 3000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ProductFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** After a save, the first stat reports the user's text so that the next change event reloads. */
  private readonly postSaveSize = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly states: ProductDocumentStates,
    private readonly saver: ProductSaver,
    private readonly log: Log,
  ) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // changes are announced by this provider itself
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (!uri.path.endsWith('.json')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const key = uri.toString();
    const state = this.states.get(key) ?? (await this.fetch(uri));
    const mtime = Date.parse(state.base.modifiedOn) || 0;
    const pendingSize = this.postSaveSize.get(key);
    if (pendingSize !== undefined) {
      // VS Code's stat right after a save: describe the text it just wrote as a moment older than
      // the server's answer, then announce the change, so the editor reloads the server's version
      // (new modifiedOn, normalised values) even when both have the same size.
      this.postSaveSize.delete(key);
      setTimeout(() => this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]), 0);
      return { type: vscode.FileType.File, ctime: mtime - 1, mtime: mtime - 1, size: pendingSize };
    }
    const size = encoder.encode(state.pendingRead ?? core().serializeProduct(state.base)).byteLength;
    return { type: vscode.FileType.File, ctime: mtime, mtime, size };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const key = uri.toString();
    let state = this.states.get(key);
    if (state?.pendingRead !== undefined) {
      const text = state.pendingRead;
      state.pendingRead = undefined;
      return encoder.encode(text);
    }
    if (!state || Date.now() - state.fetchedAt > FRESH_MS) state = await this.fetch(uri);
    return encoder.encode(core().serializeProduct(state.base));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const text = decoder.decode(content);
    const saved = await this.saver.save(uri, text);
    if (saved && saved !== text) this.postSaveSize.set(uri.toString(), content.byteLength);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(`${uri.path}: use "Kelviq: Archive Product" to archive a product.`);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  /** Announces that the server's version changed (e.g. after a merge), so clean editors reload. */
  announceChange(uri: vscode.Uri): void {
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private async fetch(uri: vscode.Uri) {
    const address = addressOf(uri); // a malformed id never reaches the network
    try {
      const { client } = await this.connection.client(address.environment);
      const product = await client.getProduct(address.productId);
      return this.states.set(uri.toString(), product);
    } catch (err) {
      this.log.error(`Opening ${uri.path} failed: ${userMessage(err)}`);
      if (isApiError(err) && err.kind === 'notFound') throw vscode.FileSystemError.FileNotFound(userMessage(err));
      throw vscode.FileSystemError.Unavailable(userMessage(err));
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
