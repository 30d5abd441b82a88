// Uploads, second step: the multipart/form-data POST of one file straight to storage, as the
// presigned policy of `POST /media/` (mediaCalls.ts) allows. Every field exactly as given, in the
// given order, then the file LAST; no Authorization header and none of the API client's headers
// (storage is another host: the API key never goes there). The URL must be https, or http on a
// loopback host. A 2xx (S3 answers 204) is done; S3's XML errors become an UploadError whose kind
// says what to do (expired → ask for a new policy; tooLarge; rejected; network; cancelled).
//
// Why a hand-built body and not undici's FormData: FormData reports no progress, and a file given
// as a stream would have to be read into a Blob first. Here the body is an async generator with a
// known Content-Length (S3 refuses a chunked POST): undici asks for the next chunk only once the
// previous one was written to the socket (and drained), so progress counts bytes really written,
// a large file is streamed, and an abort stops the request where it is.
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { RequestLogEntry } from '../http/types';
import type { PresignedUpload } from './mediaSchemas';
import { answerError, checkStorageUrl, endTransfer, storageLogPath, thrownError, transferClient, UploadError } from './storageSupport';

/** The file to upload: its bytes, or a stream of them with their exact size. */
export type UploadSource = { name: string; type?: string } & (
  | { bytes: Uint8Array }
  | { stream: AsyncIterable<Uint8Array> | (() => AsyncIterable<Uint8Array>); size: number }
);

export interface StorageTransferOptions {
  /** Aborting stops the transfer where it is; it rejects with kind 'cancelled'. */
  signal?: AbortSignal;
  /** No bytes written (or, after the last, no answer) for this long → kind 'network'. Default 60 000. */
  timeoutMs?: number;
  /** One entry for the request: method, storage origin and path (a query redacted), status. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface StorageUploadOptions extends StorageTransferOptions {
  /** The file's bytes written so far, of its size; called as they are written, last with (size, size). */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
}

const CHUNK_BYTES = 64 * 1024;
const MAX_ERROR_BODY = 64 * 1024;

/** Multipart names and filenames escaped as browsers do (WHATWG): `"` CR LF become %22 %0D %0A. */
function escapeName(text: string): string {
  return text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

const refused = (message: string): UploadError => new UploadError({ kind: 'rejected', message: `Refusing to upload: ${message} Nothing was sent.` });

/**
 * POSTs `file` to `presign.url` with `presign.fields`. Resolves when storage accepted it (then send
 * `presign.fileKey` in imageKeys / fileKeys); rejects with an UploadError. Not retried: after a
 * network failure the same policy may be used again until it expires.
 */
export async function uploadToStorage(presign: PresignedUpload, file: UploadSource, options: StorageUploadOptions = {}): Promise<void> {
  const url = checkStorageUrl(presign.url, 'upload');
  const fields = Object.entries(presign.fields);
  if (fields.some(([name]) => name.toLowerCase() === 'file')) throw refused('the upload permission names a form field "file", which must be the file itself.');
  const size = 'bytes' in file ? file.bytes.byteLength : file.size;
  if (!Number.isSafeInteger(size) || size < 0) throw refused(`the file size ${String(size)} is not a whole number of bytes.`);
  const contentType = fields.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? file.type ?? 'application/octet-stream';
  if (/[\r\n]/.test(contentType)) throw refused('the content type contains a line break.');
  if (options.signal?.aborted) throw thrownError('upload', url, undefined, true, file.name);

  const boundary = `----KelviqCatalogFormBoundary${randomBytes(16).toString('hex')}`;
  const head = Buffer.from(
    fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escapeName(file.name)}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const progress = (sent: number): void => {
    try {
      options.onProgress?.(sent, size);
    } catch {
      // a progress hook must never break the upload
    }
  };

  const timeoutMs = options.timeoutMs ?? 60_000;
  const client = transferClient(url, timeoutMs);
  const started = performance.now();
  const entry: RequestLogEntry = { method: 'POST', path: storageLogPath(url), attempt: 1, durationMs: 0 };
  try {
    const res = await client.request({
      method: 'POST',
      path: `${url.pathname}${url.search}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) },
      // undici takes an AsyncIterable body (documented; its type declaration lags behind).
      body: multipartBody(head, file, size, tail, progress, options.signal) as unknown as Dispatcher.RequestOptions['body'],
      signal: options.signal,
    });
    entry.status = res.statusCode;
    const text = await readCapped(res.body, MAX_ERROR_BODY);
    if (res.statusCode >= 200 && res.statusCode < 300) {
      progress(size);
      return;
    }
    const error = answerError('upload', url, res.statusCode, text, res.headers);
    entry.error = error.message;
    throw error;
  } catch (error) {
    const failure = thrownError('upload', url, error, options.signal?.aborted === true, file.name);
    entry.error ??= failure.message;
    throw failure;
  } finally {
    endTransfer(entry, started, options.onRequest, client);
  }
}

async function* multipartBody(
  head: Buffer, file: UploadSource, size: number, tail: Buffer, progress: (sent: number) => void, signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  yield head;
  let sent = 0;
  progress(0);
  const source = 'bytes' in file ? [file.bytes] : typeof file.stream === 'function' ? file.stream() : file.stream;
  for await (const chunk of source) {
    for (let at = 0; at < chunk.byteLength; at += CHUNK_BYTES) {
      // undici leaves stopping an iterable body to its owner: stop reading the file on abort.
      if (signal?.aborted) return;
      const piece = chunk.subarray(at, at + CHUNK_BYTES);
      if (sent + piece.byteLength > size) throw refused(`the file is longer than its size (${size} bytes).`);
      yield piece;
      // Resumed: undici wrote the piece to the socket and asks for the next one.
      sent += piece.byteLength;
      progress(sent);
    }
  }
  if (sent !== size) throw refused(`the file ended after ${sent} of its ${size} bytes.`);
  yield tail;
}

/** The body as text, its first `limit` bytes (an error document is small); the rest is read and dropped. */
async function readCapped(body: AsyncIterable<Buffer | Uint8Array | string>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (kept < limit) chunks.push(buffer.subarray(0, limit - kept));
    kept += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}
