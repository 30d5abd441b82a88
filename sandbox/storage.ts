// The sandbox's storage bucket, standing in for kelviq's S3 bucket: objects in memory by key, the
// presigned POST policies `POST /media/` hands out (signed with a secret made for each run, as S3
// signs with the bucket owner's key), and the short-lived signed download URLs a plan file's
// download redirects to. Served by the same process under /__storage/ (storageHttp.ts), behind the
// same loopback guard. Uploads are not written to the state file: after a restart, keys the catalog
// still names are served as placeholders (placeholders.ts).
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { accessDenied, signatureMismatch, type S3Error } from './s3Errors';

export const STORAGE_PREFIX = '/__storage/';
/** The bucket's POST endpoint (the presign's `url`). */
export const UPLOAD_PATH = `${STORAGE_PREFIX}upload/`;
/** Signed, forced downloads: `/__storage/download/<key>?AWSAccessKeyId=…&Expires=…&Signature=…`. */
export const DOWNLOAD_PREFIX = `${STORAGE_PREFIX}download/`;
export const BUCKET = 'kelviq-sandbox-uploads';
/** The spec's limit for one upload: 5 GB (the policy's content-length-range maximum). */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;
export const DEFAULT_POLICY_TTL_SECONDS = 3600;
export const DEFAULT_DOWNLOAD_TTL_SECONDS = 300;
/**
 * The sandbox keeps uploads in memory: a request body larger than this is refused with
 * EntityTooLarge whatever the policy allows (a real bucket takes up to 5 GB).
 */
export const SANDBOX_UPLOAD_LIMIT_BYTES = 256 * 1024 * 1024;

export interface StoredObject {
  bytes: Buffer;
  /** The upload's Content-Type field, served back as it was given. */
  contentType: string;
}

/** The vendor's PresignedUploadResponse. */
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
  fileKey: string;
}

export interface PresignOptions {
  /** `http://127.0.0.1:PORT`, from the request's Host header. */
  origin: string;
  fileName: string;
  fileType: string;
  nowMs: number;
  ttlSeconds: number;
  maxBytes: number;
}

/** `a/b c/d.png` → `a/b%20c/d.png`: each segment URL-encoded, the slashes kept. */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** The key in a request path after `prefix`, each segment URL-decoded; undefined when it does not decode. */
export function keyFromPath(pathname: string, prefix: string): string | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  try {
    return pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

/** The public URL of an object: `http://127.0.0.1:PORT/__storage/media/…`. */
export function objectUrl(origin: string, key: string): string {
  return `${origin}${STORAGE_PREFIX}${encodeKey(key)}`;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266), an ASCII fallback and the exact name. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

export class ObjectStorage {
  /** Names the signing key in the policy's fields, as S3's `AWSAccessKeyId` does. */
  readonly accessKeyId = `AKIASANDBOX${randomBytes(5).toString('hex').toUpperCase()}`;
  readonly #secret = randomBytes(32);
  #objects = new Map<string, StoredObject>();

  put(key: string, bytes: Uint8Array | string, contentType: string): void {
    this.#objects.set(key, { bytes: Buffer.from(bytes), contentType });
  }

  get(key: string): StoredObject | undefined {
    return this.#objects.get(key);
  }

  has(key: string): boolean {
    return this.#objects.has(key);
  }

  delete(key: string): boolean {
    return this.#objects.delete(key);
  }

  /** Moves an object to a new key (as the vendor moves an attached upload out of `tmp/`). */
  move(from: string, to: string): boolean {
    const object = this.#objects.get(from);
    if (!object) return false;
    this.#objects.delete(from);
    this.#objects.set(to, object);
    return true;
  }

  keys(): string[] {
    return [...this.#objects.keys()];
  }

  clear(): void {
    this.#objects.clear();
  }

  /** base64 HMAC-SHA1 of `text` with this run's secret (the shape of an S3 signature v2). */
  sign(text: string): string {
    return createHmac('sha1', this.#secret).update(text, 'utf8').digest('base64');
  }

  verify(text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(text));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /**
   * A presigned POST for one upload to `tmp/<uuid>/<fileName>`, its fields in the order of the
   * spec's example. The policy binds the bucket, the key and the content type, and allows
   * 0..maxBytes bytes until `ttlSeconds` from now (0 or less: already expired).
   */
  presign(options: PresignOptions): PresignedPost {
    const fileKey = `tmp/${randomUUID()}/${options.fileName}`;
    const policy = {
      expiration: new Date(options.nowMs + options.ttlSeconds * 1000).toISOString(),
      conditions: [{ bucket: BUCKET }, { key: fileKey }, { 'Content-Type': options.fileType }, ['content-length-range', 0, options.maxBytes]],
    };
    const encoded = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
    return {
      url: `${options.origin}${UPLOAD_PATH}`,
      fields: { 'Content-Type': options.fileType, key: fileKey, AWSAccessKeyId: this.accessKeyId, policy: encoded, signature: this.sign(encoded) },
      fileKey,
    };
  }

  /** A signed URL that serves `key` as an attachment named `fileName` for `ttlSeconds`. */
  downloadUrl(origin: string, key: string, fileName: string, nowMs: number, ttlSeconds: number): string {
    const expires = String(Math.floor(nowMs / 1000) + ttlSeconds);
    const disposition = attachmentDisposition(fileName);
    const query = new URLSearchParams({
      AWSAccessKeyId: this.accessKeyId,
      Expires: expires,
      'response-content-disposition': disposition,
      Signature: this.sign(downloadStringToSign(key, expires, disposition)),
    });
    return `${origin}${DOWNLOAD_PREFIX}${encodeKey(key)}?${query.toString()}`;
  }

  /** Checks a download URL's query as S3 checks a presigned GET: the Content-Disposition to send, or the refusal. */
  checkDownload(key: string, query: URLSearchParams, nowMs: number): { ok: true; disposition: string } | { ok: false; error: S3Error } {
    const expires = query.get('Expires');
    const signature = query.get('Signature');
    const disposition = query.get('response-content-disposition') ?? '';
    if (expires === null || signature === null || query.get('AWSAccessKeyId') !== this.accessKeyId) {
      return { ok: false, error: accessDenied('Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters') };
    }
    if (!this.verify(downloadStringToSign(key, expires, disposition), signature)) return { ok: false, error: signatureMismatch() };
    if (!/^\d+$/.test(expires) || Number(expires) * 1000 <= nowMs) return { ok: false, error: accessDenied('Request has expired') };
    return { ok: true, disposition };
  }
}

function downloadStringToSign(key: string, expires: string, disposition: string): string {
  return `GET\n${key}\n${expires}\n${disposition}`;
}
