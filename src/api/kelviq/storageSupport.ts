// What uploads to and downloads from kelviq's storage (an S3 bucket, reached directly: never with
// the API key) share: the URL rule (https, or http on a loopback host only, as for the API), the
// typed error, the reading of S3's XML error documents (their Code and Message are the server's
// words: kept as data, and only as plain text inside our own messages), the log entry (origin and
// path; a signed query string is redacted) and the undici client for one transfer.
import { Client } from 'undici';
import { isLoopbackUrl } from '../../domain/environment/loopback';
import { plainText } from '../../domain/untrustedText';
import { errorCode, REDACTED, safeRequestId } from '../http/errors';
import { classifyNetworkError } from '../http/networkErrors';
import type { RequestLogEntry } from '../http/types';

export type StorageErrorKind = 'expired' | 'rejected' | 'tooLarge' | 'network' | 'cancelled';
export type StorageOperation = 'upload' | 'download';

export interface StorageErrorInit {
  kind: StorageErrorKind;
  /** Plain text, ours; server words in it went through plainText. */
  message: string;
  /** The HTTP status, when storage answered. */
  status?: number;
  /** S3's `<Code>` as sent (untrusted: pass through plainText before showing it). */
  storageCode?: string;
  /** S3's `<Message>` as sent (untrusted: pass through plainText before showing it). */
  storageMessage?: string;
  /** The low-level error code of a network failure (ECONNREFUSED, UND_ERR_SOCKET, …). */
  code?: string;
  /** `x-amz-request-id`, when it is in a safe character set. */
  requestId?: string;
  /** `scheme://host[:port]` of the storage (never its path's query). */
  origin?: string;
}

/** Shared by UploadError and DownloadError; recognise either with isStorageError (by shape, across bundles). */
abstract class StorageError extends Error {
  abstract readonly operation: StorageOperation;
  readonly kind: StorageErrorKind;
  readonly status?: number;
  readonly storageCode?: string;
  readonly storageMessage?: string;
  readonly code?: string;
  readonly requestId?: string;
  readonly origin?: string;

  constructor(init: StorageErrorInit) {
    super(init.message);
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.storageCode !== undefined) this.storageCode = init.storageCode;
    if (init.storageMessage !== undefined) this.storageMessage = init.storageMessage;
    if (init.code !== undefined) this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.origin !== undefined) this.origin = init.origin;
  }

  toJSON(): Record<string, unknown> {
    const { name, kind, message, operation, status, storageCode, storageMessage, code, requestId, origin } = this;
    return { name, kind, message, operation, status, storageCode, storageMessage, code, requestId, origin };
  }
}

/** An upload to storage failed or was refused; `kind` says how. */
export class UploadError extends StorageError {
  override readonly name = 'UploadError';
  readonly operation = 'upload';
}

/** A download from storage failed or was refused; `kind` says how. */
export class DownloadError extends StorageError {
  override readonly name = 'DownloadError';
  readonly operation = 'download';
}

/** UploadError or DownloadError, recognised by shape (the VS Code side gets them from another bundle). */
export function isStorageError(value: unknown): value is UploadError | DownloadError {
  return value instanceof Error && (value.name === 'UploadError' || value.name === 'DownloadError') && typeof (value as { kind?: unknown }).kind === 'string';
}

export function storageError(operation: StorageOperation, init: StorageErrorInit): UploadError | DownloadError {
  return operation === 'upload' ? new UploadError(init) : new DownloadError(init);
}

const VERB: Record<StorageOperation, string> = { upload: 'upload to', download: 'download from' };

/**
 * The storage URL as a URL, or the refusal: https, or http only on a loopback host (the rule of
 * domain/environment/loopback, as for the API base URL); no user name or password.
 */
export function checkStorageUrl(text: unknown, operation: StorageOperation): URL {
  const refuse = (why: string): never => {
    throw storageError(operation, { kind: 'rejected', message: `Refusing to ${VERB[operation]} storage: ${why} Nothing was sent.` });
  };
  if (typeof text !== 'string') return refuse('the storage URL is missing.');
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse('the storage URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse(`the storage URL must start with https:// (got "${plainText(url.protocol, 20)}").`);
  if (url.username || url.password) return refuse('the storage URL contains a user name or password.');
  if (url.protocol === 'http:' && !isLoopbackUrl(text)) {
    return refuse(`${plainText(url.origin, 200)} uses plain http, which is allowed only for a local sandbox (127.0.0.1 / localhost); storage must be https.`);
  }
  return url;
}

/** The URL as a log line shows it: origin and path; a query (a signed URL's credentials) redacted. */
export function storageLogPath(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? `?${REDACTED}` : ''}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `<Code>` and `<Message>` of an S3 XML error document, entity-decoded and cut short; undefined when absent. */
export function readS3Error(text: string): { code?: string; message?: string } {
  const element = (name: string, max: number): string | undefined => {
    const raw = new RegExp(`<${name}>([^<]{0,4000})</${name}>`).exec(text)?.[1];
    if (raw === undefined) return undefined;
    const decoded = raw.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (entity, body: string) => {
      if (body.startsWith('#')) {
        const point = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return point <= 0x10ffff ? String.fromCodePoint(point) : entity;
      }
      return ENTITIES[body.toLowerCase()] ?? entity;
    });
    return decoded.length > max ? `${decoded.slice(0, max)}…` : decoded;
  };
  const code = element('Code', 100);
  const message = element('Message', 500);
  return { ...(code !== undefined ? { code } : {}), ...(message !== undefined ? { message } : {}) };
}

/** What a non-2xx answer from storage means. */
export function answerError(operation: StorageOperation, url: URL, status: number, text: string, headers: Record<string, string | string[] | undefined>): UploadError | DownloadError {
  const { code, message } = readS3Error(text);
  const said = code !== undefined || message !== undefined ? ` Storage said: "${plainText([code, message].filter(Boolean).join(': '), 300).replace(/"/g, "'")}"` : '';
  const expired = (status === 403 || status === 400) && (/policy expired|request has expired/i.test(message ?? '') || code === 'ExpiredToken' || code === 'RequestExpired');
  const tooLarge = code === 'EntityTooLarge' || status === 413;
  const kind: StorageErrorKind = expired ? 'expired' : tooLarge ? 'tooLarge' : 'rejected';
  const host = plainText(url.host, 200);
  const lead: Record<StorageOperation, Record<'expired' | 'tooLarge' | 'rejected', string>> = {
    upload: {
      expired: `Storage (${host}) refused the upload: its permission has expired (${status}). Start the upload again: each one gets a new permission.`,
      tooLarge: `Storage (${host}) refused the upload: the file is larger than the upload permission allows (${status}).`,
      rejected: `Storage (${host}) refused the upload (${status}).`,
    },
    download: {
      expired: `Storage (${host}) refused the download: the download link has expired (${status}). Ask for the download again: each link is short-lived.`,
      tooLarge: `Storage (${host}) refused the download as too large (${status}).`,
      rejected: `Storage (${host}) refused the download (${status}).`,
    },
  };
  const requestId = pickFirst(headers['x-amz-request-id']);
  const safeId = safeRequestId(requestId, []);
  return storageError(operation, {
    kind,
    message: `${lead[operation][kind]}${said}`,
    status,
    origin: url.origin,
    ...(code !== undefined ? { storageCode: code } : {}),
    ...(message !== undefined ? { storageMessage: message } : {}),
    ...(safeId !== undefined ? { requestId: safeId } : {}),
  });
}

/** What an exception during a transfer means: cancelled (the caller's signal), else a network failure. */
export function thrownError(operation: StorageOperation, url: URL, error: unknown, cancelled: boolean, fileName?: string): UploadError | DownloadError {
  const origin = url.origin;
  if (cancelled) {
    const what = fileName === undefined ? '' : ` of ${plainText(fileName, 80)}`;
    return storageError(operation, { kind: 'cancelled', message: `The ${operation}${what} was cancelled.`, origin });
  }
  if (isStorageError(error)) return error;
  const code = errorCode(error);
  const net = classifyNetworkError(code);
  const host = plainText(url.host, 200);
  const message = net.kind === 'timeout'
    ? `Storage (${host}) stopped responding during the ${operation} (${code ?? 'timeout'}).`
    : `The ${operation} ${operation === 'upload' ? 'to' : 'from'} storage (${host}) failed: ${net.description}.`;
  return storageError(operation, { kind: 'network', message, origin, ...(code !== undefined ? { code } : {}) });
}

/** One client per transfer (a storage host is not the API's pool), with an inactivity timeout. */
export function transferClient(url: URL, timeoutMs: number): Client {
  return new Client(url.origin, {
    connect: { timeout: Math.min(timeoutMs, 15_000) },
    // undici refreshes the headers timer while the body is written: an inactivity limit, not a total.
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

export function logTransfer(onRequest: ((entry: RequestLogEntry) => void) | undefined, entry: RequestLogEntry): void {
  try {
    onRequest?.(entry);
  } catch {
    // a logging hook must never break a transfer
  }
}

/** The end of every transfer, whatever its outcome: its duration logged once, its connection closed. */
export function endTransfer(entry: RequestLogEntry, started: number, onRequest: ((entry: RequestLogEntry) => void) | undefined, client: Client): void {
  entry.durationMs = Math.round(performance.now() - started);
  logTransfer(onRequest, entry);
  client.destroy().catch(() => undefined);
}

function pickFirst(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
