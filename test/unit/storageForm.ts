// Test helpers for the sandbox's storage: a multipart/form-data body built by hand (so a test
// decides the order of the fields, and can put one after the file), the presign of `POST /media/`,
// and a wait for a condition on the sandbox's state (never for a fixed time).
import type { Sandbox } from '../../sandbox';
import { call, type Json } from './sandboxHttp';

export type Part = [name: string, value: string] | { name: string; filename: string; type?: string; bytes: Uint8Array | string };

export interface Presign {
  url: string;
  fields: Record<string, string>;
  fileKey: string;
}

const BOUNDARY = '----SandboxTestBoundary7d9f2a51c3e84b06';

export function multipart(parts: readonly Part[]): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) {
      chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part[0]}"\r\n\r\n${part[1]}\r\n`));
    } else {
      const type = part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`;
      chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n${type}\r\n`), Buffer.from(part.bytes), Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** The form a client should send: every field of the presign in order, then the file. */
export function formFor(presign: Presign, bytes: Uint8Array | string, type = presign.fields['Content-Type'], filename = presign.fileKey.split('/').pop() ?? 'file'): Part[] {
  return [...Object.entries(presign.fields), { name: 'file', filename, ...(type !== undefined ? { type } : {}), bytes }];
}

export async function presign(sb: Sandbox, fileName = 'hero.png', fileType = 'image/png'): Promise<Presign> {
  const [status, body] = await call<Json>(sb, '/media/', { method: 'POST', json: { fileName, fileType } });
  if (status !== 200) throw new Error(`POST /media/ answered ${status}: ${JSON.stringify(body)}`);
  return body as unknown as Presign;
}

export function postForm(url: string, parts: readonly Part[], headers: Record<string, string> = {}): Promise<Response> {
  const { body, contentType } = multipart(parts);
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
}

/** Code and Message of an S3 XML error body. */
export function s3Error(text: string): { code: string | undefined; message: string | undefined } {
  return { code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] };
}

/** Resolves once `condition()` holds (checked every few milliseconds), or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
