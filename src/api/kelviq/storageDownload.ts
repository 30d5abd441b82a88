// Downloads from storage: a GET of the short-lived signed URL a plan file's download redirects to
// (planFileCalls.planFileDownloadUrl), with no Authorization header and none of the API client's
// headers: the URL carries its own signature, and the API key never goes to storage. https, or
// http on a loopback host; redirects are not followed. S3's XML errors become a DownloadError.
import type { RequestLogEntry } from '../http/types';
import { answerError, checkStorageUrl, endTransfer, DownloadError, storageLogPath, thrownError, transferClient } from './storageSupport';
import type { StorageTransferOptions } from './storageUpload';

/** Bytes kept in memory at most (without `write`): beyond it the download stops with kind 'tooLarge'. Default 256 MiB. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;

export interface StorageDownloadOptions extends StorageTransferOptions {
  /** Bytes received so far, of the size storage announced (undefined when it announced none). */
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** Streams the bytes here instead of keeping them (awaited: backpressure); `bytes` of the result is then absent. */
  write?: (chunk: Uint8Array) => void | Promise<void>;
  /** Stop with kind 'tooLarge' beyond this many bytes. Default DEFAULT_MAX_DOWNLOAD_BYTES without `write`, none with it. */
  maxBytes?: number;
}

export interface StorageDownload {
  /** The file, unless `write` took it. */
  bytes?: Uint8Array;
  size: number;
  /** As storage sent it (untrusted). */
  contentType?: string;
  /**
   * The name from Content-Disposition, reduced to a base name without control characters
   * (untrusted: check it before using it as a path; plainText before showing it).
   */
  fileName?: string;
}

export async function downloadFromStorage(urlText: string, options: StorageDownloadOptions = {}): Promise<StorageDownload> {
  const url = checkStorageUrl(urlText, 'download');
  if (options.signal?.aborted) throw thrownError('download', url, undefined, true);
  const maxBytes = options.maxBytes ?? (options.write ? Number.POSITIVE_INFINITY : DEFAULT_MAX_DOWNLOAD_BYTES);
  const client = transferClient(url, options.timeoutMs ?? 60_000);
  const started = performance.now();
  const entry: RequestLogEntry = { method: 'GET', path: storageLogPath(url), attempt: 1, durationMs: 0 };
  try {
    const res = await client.request({ method: 'GET', path: `${url.pathname}${url.search}`, headers: {}, signal: options.signal });
    entry.status = res.statusCode;
    const header = (name: string): string | undefined => {
      const value = res.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    if (res.statusCode < 200 || res.statusCode >= 300) {
      const text = await readSome(res.body, 64 * 1024);
      const error = res.statusCode >= 300 && res.statusCode < 400
        ? new DownloadError({ kind: 'rejected', message: `Storage (${url.host}) answered the download with another redirect (${res.statusCode}); it is not followed.`, status: res.statusCode, origin: url.origin })
        : answerError('download', url, res.statusCode, text, res.headers);
      entry.error = error.message;
      throw error;
    }
    const announced = Number(header('content-length'));
    const total = Number.isSafeInteger(announced) && announced >= 0 ? announced : undefined;
    if (total !== undefined && total > maxBytes) throw tooLarge(url, total, maxBytes);
    const chunks: Uint8Array[] = [];
    let size = 0;
    report(options, 0, total);
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(url, size, maxBytes);
      if (options.write) await options.write(chunk);
      else chunks.push(chunk);
      report(options, size, total);
    }
    const contentType = header('content-type');
    const fileName = fileNameFrom(header('content-disposition'));
    return {
      ...(options.write ? {} : { bytes: new Uint8Array(Buffer.concat(chunks)) }),
      size,
      ...(contentType !== undefined ? { contentType } : {}),
      ...(fileName !== undefined ? { fileName } : {}),
    };
  } catch (error) {
    const failure = thrownError('download', url, error, options.signal?.aborted === true);
    entry.error ??= failure.message;
    throw failure;
  } finally {
    endTransfer(entry, started, options.onRequest, client);
  }
}

function tooLarge(url: URL, size: number, maxBytes: number): DownloadError {
  return new DownloadError({ kind: 'tooLarge', message: `The download from storage (${url.host}) is larger than ${maxBytes} bytes (${size} at least); it was stopped.`, origin: url.origin });
}

function report(options: StorageDownloadOptions, received: number, total: number | undefined): void {
  try {
    options.onProgress?.(received, total);
  } catch {
    // a progress hook must never break the download
  }
}

async function readSome(body: AsyncIterable<Buffer>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of body) {
    if (kept < limit) chunks.push(chunk.subarray(0, limit - kept));
    kept += chunk.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `filename*=UTF-8''…` (RFC 5987) first, else `filename="…"`; reduced to a base name, controls removed. */
export function fileNameFrom(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended !== undefined) {
    try {
      name = decodeURIComponent(extended);
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition)?.[1]?.replace(/\\(.)/g, '$1') ?? /filename\s*=\s*([^;\s"]+)/i.exec(disposition)?.[1];
  const base = name?.split(/[/\\]/).pop()?.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}
