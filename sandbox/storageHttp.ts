// The storage routes under /__storage/ (outside /api/v1, behind the same loopback guard; faults,
// latency and the journal apply as to the API, see server.ts): the bucket POST the presigned
// policies point at, public GETs of objects (what a product image's URL names), and the signed,
// forced downloads a plan file's download redirects to. Answers are S3's: 204 for an upload, XML
// error documents. Any request carrying an Authorization header is refused, as S3 refuses a second
// way of authenticating: so a test can show that the API key never travels to storage.
import type { IncomingMessage } from 'node:http';
import { placeholderFor } from './placeholders';
import { checkPost, formSummary, parseMultipart } from './postPolicy';
import { malformedPost, noSuchKey, s3ErrorXml, twoAuthMechanisms, type S3Error } from './s3Errors';
import { DOWNLOAD_PREFIX, keyFromPath, SANDBOX_UPLOAD_LIMIT_BYTES, STORAGE_PREFIX, UPLOAD_PATH, type ObjectStorage } from './storage';

export interface StorageDeps {
  storage: ObjectStorage;
  /** Whether the catalog names this key (a seeded image or file): then it is served as a placeholder. */
  referenced: (key: string) => boolean;
  nowMs: () => number;
}

export interface StorageReply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the journal keeps of the request body (an upload's form, without the file's bytes). */
  journalBody?: unknown;
}

/** The client closed the connection before its request was complete. */
export class ClientGoneError extends Error {
  constructor() {
    super('The client went away before the request was complete.');
  }
}

export function isStoragePath(pathname: string): boolean {
  return pathname.startsWith(STORAGE_PREFIX);
}

export function s3ErrorReply(error: S3Error, requestId: string): StorageReply {
  return { status: error.status, headers: { 'Content-Type': 'application/xml' }, body: Buffer.from(s3ErrorXml(error, requestId)) };
}

const methodNotAllowed = (method: string): S3Error => ({
  status: 405,
  code: 'MethodNotAllowed',
  message: 'The specified method is not allowed against this resource.',
  extra: [['Method', method], ['ResourceType', 'OBJECT']],
});

export async function handleStorage(req: IncomingMessage, url: URL, deps: StorageDeps, requestId: string): Promise<StorageReply> {
  const method = req.method ?? 'GET';
  if (req.headers.authorization !== undefined) return s3ErrorReply(twoAuthMechanisms(), requestId);
  if (url.pathname === UPLOAD_PATH) {
    if (method !== 'POST') return s3ErrorReply(methodNotAllowed(method), requestId);
    return upload(req, deps, requestId);
  }
  if (method !== 'GET' && method !== 'HEAD') return s3ErrorReply(methodNotAllowed(method), requestId);
  const download = url.pathname.startsWith(DOWNLOAD_PREFIX);
  const key = keyFromPath(url.pathname, download ? DOWNLOAD_PREFIX : STORAGE_PREFIX);
  if (!key) return s3ErrorReply(noSuchKey(key ?? ''), requestId);
  const headers: Record<string, string> = {};
  if (download) {
    const signed = deps.storage.checkDownload(key, url.searchParams, deps.nowMs());
    if (!signed.ok) return s3ErrorReply(signed.error, requestId);
    headers['Content-Disposition'] = signed.disposition;
  }
  const object = deps.storage.get(key) ?? (deps.referenced(key) ? placeholderFor(key) : undefined);
  if (!object) return s3ErrorReply(noSuchKey(key), requestId);
  headers['Content-Type'] = object.contentType;
  headers['Content-Length'] = String(object.bytes.length);
  return { status: 200, headers, ...(method === 'GET' ? { body: object.bytes } : {}) };
}

async function upload(req: IncomingMessage, deps: StorageDeps, requestId: string): Promise<StorageReply> {
  const raw = await readLimited(req, SANDBOX_UPLOAD_LIMIT_BYTES);
  if (raw === undefined) {
    return s3ErrorReply({ status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size (the sandbox keeps uploads in memory)', extra: [['MaxSizeAllowed', String(SANDBOX_UPLOAD_LIMIT_BYTES)]] }, requestId);
  }
  const parts = await parseMultipart(raw, req.headers['content-type']);
  if (!parts) return s3ErrorReply(malformedPost(), requestId);
  const journalBody = { parts: formSummary(parts) };
  const outcome = checkPost(parts, deps.storage, deps.nowMs());
  if (!outcome.ok) return { ...s3ErrorReply(outcome.error, requestId), journalBody };
  deps.storage.put(outcome.key, outcome.bytes, outcome.contentType);
  return { status: 204, headers: {}, journalBody };
}

/**
 * The whole body, or undefined once it passes `limit` bytes. Listeners, not `for await`: leaving
 * that loop early would destroy the socket before the refusal is sent (the rest of the body is
 * then discarded by node:http when the answer ends).
 */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd).off('error', reject).off('close', onClose);
      chunks.length = 0;
      resolve(undefined);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    // The client went away before the end (a cancelled upload): nothing to store.
    const onClose = (): void => {
      if (!req.complete) reject(new ClientGoneError());
    };
    req.on('data', onData).once('end', onEnd).once('error', reject).once('close', onClose);
  });
}
