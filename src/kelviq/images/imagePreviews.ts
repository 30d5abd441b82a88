// Image previews through the extension's own address: `kelviq-image:/<env>/products/<uuid>/images/
// <imageId>/<label>.<ext>`, a read-only file system whose files are the images' bytes, so VS Code's
// own image viewer shows them. The URL to fetch is never in the address: each read looks the
// image up in the product (one GET), and fetches its URL only when it is https (or http on
// loopback), without the API key (imageSource). Bytes are kept for a few previews at a time.
import * as vscode from 'vscode';
import type { KelviqClient } from '../../api';
import { ENVIRONMENT_IDS, type EnvironmentId } from '../../domain/environment';
import { imageExtension, imageSource } from '../../domain/kelviq/imageSource';
import { documentLabel, isProductId, isUuid } from '../../domain/kelviq/productUri';
import type { Connection } from '../connection/connection';
import { noPreviewMessage } from './imageTexts';

export const IMAGE_SCHEME = 'kelviq-image';
const KEPT = 8;

export interface ImageAddress {
  environment: EnvironmentId;
  productId: string;
  imageId: string;
}

export function imagePreviewUri(address: ImageAddress, name: string | null | undefined, image: unknown): vscode.Uri {
  const ext = imageExtension(name, imageSource(image));
  const label = documentLabel((name ?? 'image').replace(/\.[a-z0-9]+$/i, ''));
  return vscode.Uri.from({ scheme: IMAGE_SCHEME, path: `/${address.environment}/products/${address.productId}/images/${address.imageId}/${label}.${ext}` });
}

export function parseImagePreviewUri(uri: vscode.Uri): ImageAddress | undefined {
  const m = uri.scheme === IMAGE_SCHEME ? /^\/([a-z]+)\/products\/([^/]+)\/images\/([^/]+)\/[^/]+$/.exec(uri.path) : null;
  if (!m) return undefined;
  const [, environment, productId, imageId] = m as unknown as [string, EnvironmentId, string, string];
  if (!ENVIRONMENT_IDS.includes(environment) || !isProductId(productId) || !isUuid(imageId)) return undefined;
  return { environment, productId: productId.toLowerCase(), imageId: imageId.toLowerCase() };
}

export type FetchImage = (client: KelviqClient, url: string, signal: AbortSignal) => Promise<Uint8Array>;

export class ImagePreviews implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly bytes = new Map<string, Promise<Uint8Array>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly connection: Connection,
    private readonly fetchImage: FetchImage,
  ) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (!parseImagePreviewUri(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const data = await this.read(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return this.read(uri);
  }

  private read(uri: vscode.Uri): Promise<Uint8Array> {
    const key = uri.toString();
    let pending = this.bytes.get(key);
    if (!pending) {
      pending = this.load(uri);
      pending.catch(() => this.bytes.delete(key));
      this.bytes.set(key, pending);
      while (this.bytes.size > KEPT) this.bytes.delete(this.bytes.keys().next().value as string);
    }
    return pending;
  }

  private async load(uri: vscode.Uri): Promise<Uint8Array> {
    const address = parseImagePreviewUri(uri);
    if (!address) throw vscode.FileSystemError.FileNotFound(uri);
    const { client } = await this.connection.client(address.environment);
    const product = await client.getProduct(address.productId, { signal: this.abort.signal });
    const image = product.images?.find((i) => i.id.toLowerCase() === address.imageId);
    if (!image) throw vscode.FileSystemError.FileNotFound(`This image is no longer on the product.`);
    const source = imageSource(image.image);
    if (source.kind !== 'url') throw vscode.FileSystemError.Unavailable(noPreviewMessage(image.name, source));
    return this.fetchImage(client, source.url, this.abort.signal);
  }

  /** Forgets the kept bytes of one preview (the image changed). */
  forget(uri: vscode.Uri): void {
    this.bytes.delete(uri.toString());
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(`${uri.path}: an image's file cannot be changed; add a new image with Add Image….`);
  }
  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(`${uri.path}: remove the image's entry in the product document and save to delete it.`);
  }
  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }
}
