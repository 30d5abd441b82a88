// Uploads, product images and plan files through KelviqClient, over real loopback HTTP to the
// sandbox (and, where the sandbox cannot play the part, to plain loopback servers): the presign, the
// multipart POST to storage (field order, the file last, progress, no Authorization), S3 errors as
// UploadError kinds, cancelling a held upload, the URL rule, image and plan-file calls, and the
// download that takes the redirect from the client's own base URL and never sends the key to storage.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { ApiError } from '../../../src/api/http/errors';
import type { PresignedUpload } from '../../../src/api/kelviq/mediaSchemas';
import { DownloadError, isStorageError, UploadError, type StorageErrorKind } from '../../../src/api/kelviq/storageSupport';
import { downloadFromStorage } from '../../../src/api/kelviq/storageDownload';
import { uploadToStorage } from '../../../src/api/kelviq/storageUpload';
import { waitFor } from '../storageForm';
import { assertNoSecret, makeClient, rejection, rejectsWith, secretForms, TEST_KEY, useSandboxClient } from './support';

async function rejectsStorage(promise: Promise<unknown>, kind: StorageErrorKind): Promise<UploadError | DownloadError> {
  const caught = await rejection(promise, kind);
  assert.ok(isStorageError(caught), `expected an UploadError or DownloadError, got ${inspect(caught)}`);
  assert.equal(caught.kind, kind, `kind ${caught.kind} (message: ${caught.message})`);
  assertNoSecret(caught);
  return caught;
}

interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A loopback server that records every request's headers (and answers with `handler`). */
async function startRecorder(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ origin: string; seen: SeenRequest[]; connections: () => number; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => handler(req, res));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('api/kelviq: KelviqClient uploads, product images and plan files (sandbox)', () => {
  const ctx = useSandboxClient();
  const productId = (identifier: string): string => ctx.sandbox.store.list().find((p) => p.identifier === identifier)!.id;
  const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);

  describe('createUpload and uploadToStorage', () => {
    it('createUpload sends fileName and fileType and answers the presign with its fields in order', async () => {
      const presign = await ctx.t.client.createUpload('hero.png', 'image/png');
      assert.deepEqual(ctx.sandbox.journal.entries()[0]?.body, { fileName: 'hero.png', fileType: 'image/png' });
      assert.equal(ctx.sandbox.journal.entries()[0]?.path, '/api/v1/media/');
      assert.deepEqual(Object.keys(presign.fields), ['Content-Type', 'key', 'AWSAccessKeyId', 'policy', 'signature']);
      assert.match(presign.fileKey, /^tmp\/[0-9a-f-]{36}\/hero\.png$/);
    });

    it('createUpload refuses a missing name, a path or a malformed type before sending', async () => {
      for (const [name, type, field] of [['', 'image/png', 'fileName'], ['a/b.png', 'image/png', 'fileName'], ['a.png', 'png', 'fileType']] as const) {
        const error = await rejectsWith(ctx.t.client.createUpload(name, type), 'validation');
        assert.ok(field in error.fieldErrors, JSON.stringify(error.fieldErrors));
      }
      assert.equal(ctx.sandbox.journal.length, 0);
    });

    it('uploads every field exactly as given, in order, the file last; progress reaches the total; no Authorization or API client header goes to storage', async () => {
      const presign = await ctx.t.client.createUpload('photo.png', 'image/png');
      const file = bytes(300_000);
      const progress: Array<[number, number]> = [];
      await ctx.t.client.uploadToStorage(presign, { name: 'photo.png', type: 'image/png', bytes: file }, { onProgress: (sent, total) => progress.push([sent, total]) });
      const entry = ctx.sandbox.journal.find('POST', '/__storage/upload/')[0]!;
      assert.equal(entry.status, 204);
      const parts = (entry.body as { parts: Array<{ name: string; value?: string; filename?: string; contentType?: string; size?: number }> }).parts;
      assert.deepEqual(parts.slice(0, -1).map((p) => [p.name, p.value]), Object.entries(presign.fields));
      assert.deepEqual(parts.at(-1), { name: 'file', filename: 'photo.png', contentType: 'image/png', size: file.length });
      assert.deepEqual(Object.keys(entry.headers).sort(), ['connection', 'content-length', 'content-type', 'host'].filter((h) => h in entry.headers).sort());
      assert.ok(!('authorization' in entry.headers) && !('user-agent' in entry.headers) && !('accept' in entry.headers), JSON.stringify(entry.headers));
      assert.deepEqual(Buffer.from(ctx.sandbox.storage.get(presign.fileKey)!.bytes), Buffer.from(file));
      assert.equal(ctx.sandbox.storage.get(presign.fileKey)!.contentType, 'image/png');
      assert.deepEqual(progress.at(-1), [file.length, file.length]);
      assert.ok(progress.length >= 5, `progress in steps (${progress.length})`);
      for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] >= progress[i - 1]![0]);
      const log = ctx.t.log.find((e) => e.path.includes('/__storage/'))!;
      assert.deepEqual([log.method, log.path, log.status], ['POST', `${ctx.sandbox.origin}/__storage/upload/`, 204]);
    });

    it('a streamed file of a known size: every chunk arrives, progress counts written bytes', async () => {
      const presign = await ctx.t.client.createUpload('data.bin', 'application/octet-stream');
      const file = bytes(1_000_003);
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let at = 0; at < file.length; at += 100_001) yield file.subarray(at, at + 100_001);
      }
      let last = 0;
      await ctx.t.client.uploadToStorage(presign, { name: 'data.bin', stream: chunks, size: file.length }, { onProgress: (sent) => (last = sent) });
      assert.equal(last, file.length);
      assert.deepEqual(Buffer.from(ctx.sandbox.storage.get(presign.fileKey)!.bytes), Buffer.from(file));
      const short = await ctx.t.client.createUpload('short.bin', 'application/octet-stream');
      await rejectsStorage(ctx.t.client.uploadToStorage(short, { name: 'short.bin', stream: chunks, size: file.length + 1 }), 'rejected');
      assert.ok(!ctx.sandbox.storage.has(short.fileKey));
    });

    it('the uploaded key attaches to a product; then updateProductImage and deleteProductImage', async () => {
      const id = productId('beacon-crm');
      const presign = await ctx.t.client.createUpload('new.png', 'image/png');
      await ctx.t.client.uploadToStorage(presign, { name: 'new.png', bytes: bytes(10) });
      const product = await ctx.t.client.updateProduct(id, { imageKeys: [presign.fileKey] });
      const image = product.images!.at(-1)!;
      assert.equal(image.name, 'new.png');
      const updated = await ctx.t.client.updateProductImage(id.toUpperCase(), image.id, { thumbnail: true, name: 'Hero', ordering: 0 });
      assert.deepEqual([updated.id, updated.name, updated.thumbnail, updated.ordering], [image.id, 'Hero', true, 0]);
      assert.deepEqual(ctx.sandbox.store.get(id)!.images.map((i) => i.thumbnail), [false, false, false, true]);
      assert.equal(ctx.sandbox.journal.find('PATCH', '/image/')[0]?.path, `/api/v1/catalog/products/${id}/image/${image.id}/`);
      await ctx.t.client.deleteProductImage(id, image.id);
      assert.ok(!ctx.sandbox.store.get(id)!.images.some((i) => i.id === image.id));
      const gone = await rejectsWith(ctx.t.client.deleteProductImage(id, image.id), 'notFound');
      assert.match(gone.message, /has no image/);
      await rejectsWith(ctx.t.client.updateProductImage(id, image.id, { enabled: false }), 'notFound');
    });

    it('image calls check ids and bodies before sending', async () => {
      const id = productId('beacon-crm');
      const imageId = ctx.sandbox.store.get(id)!.images[0]!.id;
      assert.ok('imageId' in (await rejectsWith(ctx.t.client.updateProductImage(id, 'hero.png', { name: 'x' }), 'validation')).fieldErrors);
      assert.ok('productId' in (await rejectsWith(ctx.t.client.deleteProductImage('beacon-crm', imageId), 'validation')).fieldErrors);
      assert.ok('ordering' in (await rejectsWith(ctx.t.client.updateProductImage(id, imageId, { ordering: 1.5 }), 'validation')).fieldErrors);
      await rejectsWith(ctx.t.client.updateProductImage(id, imageId, { image: 'x' } as never), 'validation');
      assert.equal(ctx.sandbox.journal.length, 0);
    });
  });

  describe('upload failures', () => {
    it('an expired policy → kind expired, with S3\'s Code and Message kept as data', async () => {
      ctx.sandbox.switches.uploadPolicyTtlSeconds = 0;
      const presign = await ctx.t.client.createUpload('a.png', 'image/png');
      const error = await rejectsStorage(ctx.t.client.uploadToStorage(presign, { name: 'a.png', bytes: bytes(5) }), 'expired');
      assert.ok(error instanceof UploadError);
      assert.deepEqual([error.status, error.storageCode, error.storageMessage], [403, 'AccessDenied', 'Invalid according to Policy: Policy expired.']);
      assert.match(error.message, /permission has expired/);
      assert.match(ctx.t.log.at(-1)!.error ?? '', /expired/);
    });

    it('a 403 from storage (a fault rule) → kind rejected; a file over the policy\'s limit → tooLarge; nothing stored', async () => {
      ctx.sandbox.faults.add({ path: '/__storage/upload/', status: 403 });
      const presign = await ctx.t.client.createUpload('a.png', 'image/png');
      const error = await rejectsStorage(ctx.t.client.uploadToStorage(presign, { name: 'a.png', bytes: bytes(5) }), 'rejected');
      assert.deepEqual([error.status, error.storageCode], [403, 'AccessDenied']);
      ctx.sandbox.switches.uploadMaxBytes = 4;
      const small = await ctx.t.client.createUpload('b.png', 'image/png');
      await rejectsStorage(ctx.t.client.uploadToStorage(small, { name: 'b.png', bytes: bytes(5) }), 'tooLarge');
      assert.deepEqual(ctx.sandbox.storage.keys(), []);
    });

    it('cancel while storage holds the upload → cancelled, and nothing stored', async () => {
      const rule = ctx.sandbox.faults.add({ path: '/__storage/upload/', hold: true });
      const presign = await ctx.t.client.createUpload('big.bin', 'application/octet-stream');
      const controller = new AbortController();
      const upload = ctx.t.client.uploadToStorage(presign, { name: 'big.bin', bytes: bytes(8 * 1024 * 1024) }, { signal: controller.signal });
      const settled = upload.catch((error: unknown) => error);
      await waitFor(() => ctx.sandbox.faults.list().find((r) => r.id === rule.id)?.hits === 1, 'storage to receive the upload');
      controller.abort();
      const error = await settled;
      assert.ok(isStorageError(error) && error.kind === 'cancelled', inspect(error));
      assert.equal(error.message, 'The upload of big.bin was cancelled.');
      await waitFor(() => ctx.sandbox.journal.find('POST', '/__storage/upload/').length === 1, 'the sandbox to see the client go');
      assert.equal(ctx.sandbox.journal.find('POST', '/__storage/upload/')[0]?.status, 0);
      assert.deepEqual(ctx.sandbox.storage.keys(), []);
    });

    it('cancel in the middle of the body (after the first MiB was written) → cancelled, and nothing stored', async () => {
      const presign = await ctx.t.client.createUpload('big.bin', 'application/octet-stream');
      const controller = new AbortController();
      let sentAtAbort = 0;
      const size = 32 * 1024 * 1024;
      const onProgress = (sent: number): void => {
        if (sent >= 1024 * 1024 && !controller.signal.aborted) {
          sentAtAbort = sent;
          controller.abort();
        }
      };
      const error = await rejectsStorage(ctx.t.client.uploadToStorage(presign, { name: 'big.bin', bytes: new Uint8Array(size) }, { signal: controller.signal, onProgress }), 'cancelled');
      assert.ok(sentAtAbort < size, `aborted at ${sentAtAbort}`);
      assert.equal(error.origin, ctx.sandbox.origin);
      await waitFor(() => ctx.sandbox.journal.find('POST', '/__storage/upload/').length === 1, 'the sandbox to see the client go');
      assert.equal(ctx.sandbox.journal.find('POST', '/__storage/upload/')[0]?.status, 0);
      assert.deepEqual(ctx.sandbox.storage.keys(), []);
    });

    it('dispose() aborts an upload in flight; a closed client starts none', async () => {
      const rule = ctx.sandbox.faults.add({ path: '/__storage/upload/', hold: true });
      const t = makeClient(ctx.sandbox.baseUrl);
      const presign = await t.client.createUpload('a.bin', 'application/octet-stream');
      const settled = t.client.uploadToStorage(presign, { name: 'a.bin', bytes: bytes(10) }).catch((error: unknown) => error);
      await waitFor(() => ctx.sandbox.faults.list().find((r) => r.id === rule.id)?.hits === 1, 'storage to receive the upload');
      t.client.dispose();
      assert.equal((await settled as UploadError).kind, 'cancelled');
      await rejectsStorage(t.client.uploadToStorage(presign, { name: 'a.bin', bytes: bytes(1) }), 'cancelled');
    });

    it('refuses plain http to a host that is not loopback as written, without connecting', async () => {
      const recorder = await startRecorder((_req, res) => res.writeHead(204).end());
      try {
        const port = new URL(recorder.origin).port;
        const fields = { key: 'tmp/x/a.png' };
        for (const url of [`http://127.1:${port}/`, `http://0x7f.0.0.1:${port}/`, `http://uploads.example.com/`, `ftp://127.0.0.1:${port}/`, `http://user:pw@127.0.0.1:${port}/`]) {
          const error = await rejectsStorage(uploadToStorage({ url, fields, fileKey: 'tmp/x/a.png' }, { name: 'a.png', bytes: bytes(3) }), 'rejected');
          assert.match(error.message, /^Refusing to upload to storage: .* Nothing was sent\.$/);
        }
        assert.equal(recorder.connections(), 0);
        await uploadToStorage({ url: `${recorder.origin}/`, fields, fileKey: 'tmp/x/a.png' }, { name: 'a.png', bytes: bytes(3) });
        assert.equal(recorder.connections(), 1, 'loopback as written is allowed');
      } finally {
        await recorder.close();
      }
    });

    it('a hostile storage error stays data: the message is plain text, storageMessage keeps the words; network failures are kind network', async () => {
      const xml = '<?xml version="1.0"?><Error><Code>Evil&lt;b&gt;</Code><Message>[Fix it](command:workbench.action.openSettings) $(alert)\nnext line</Message></Error>';
      const recorder = await startRecorder((_req, res) => res.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': 'ABC123' }).end(xml));
      try {
        const presign: PresignedUpload = { url: `${recorder.origin}/bucket/`, fields: { key: 'k' }, fileKey: 'k' };
        const error = await rejectsStorage(uploadToStorage(presign, { name: 'a.png', bytes: bytes(3) }), 'rejected');
        assert.equal(error.storageCode, 'Evil<b>');
        assert.equal(error.storageMessage, '[Fix it](command:workbench.action.openSettings) $(alert)\nnext line');
        assert.ok(!error.message.includes('](') && !error.message.includes('command:') && !error.message.includes('$(') && !error.message.includes('\n'), error.message);
        assert.equal(error.requestId, 'ABC123');
        assert.equal(recorder.seen[0]?.url, '/bucket/');
      } finally {
        await recorder.close();
      }
      const refused = await rejectsStorage(uploadToStorage({ url: 'http://127.0.0.1:1/', fields: {}, fileKey: 'k' }, { name: 'a', bytes: bytes(1) }), 'network');
      assert.equal(refused.code, 'ECONNREFUSED');
    });
  });

  describe('plan files', () => {
    const firstFile = (identifier: string): string => ctx.sandbox.store.plans.version(ctx.sandbox.store.plans.get(identifier)!)!.files[0]!.id;

    it('updatePlanFile on a published plan answers the copy in the new draft; deletePlanFile; notFound after', async () => {
      const fileId = firstFile('pro-annual');
      const copy = await ctx.t.client.updatePlanFile('pro-annual', fileId, { name: 'Terms.txt', enabled: false });
      assert.notEqual(copy.id, fileId);
      assert.deepEqual([copy.name, copy.enabled], ['Terms.txt', false]);
      const draft = await ctx.t.client.getPlan('pro-annual');
      assert.deepEqual([draft.version, draft.isLatest, draft.files?.map((f) => f.id)], [2, false, [copy.id]]);
      await ctx.t.client.deletePlanFile('pro-annual', copy.id);
      assert.deepEqual((await ctx.t.client.getPlan('pro-annual')).files, []);
      await rejectsWith(ctx.t.client.deletePlanFile('pro-annual', copy.id), 'notFound');
      assert.ok('fileId' in (await rejectsWith(ctx.t.client.updatePlanFile('pro-annual', 'terms.txt', {}), 'validation')).fieldErrors);
      assert.ok('identifier' in (await rejectsWith(ctx.t.client.deletePlanFile('pro annual', fileId), 'validation')).fieldErrors);
    });

    it('download: the redirect is asked of the client\'s own base URL (with the key), the bytes of storage without it; the signed query is never logged', async () => {
      const presign = await ctx.t.client.createUpload('terms.pdf', 'application/pdf');
      await ctx.t.client.uploadToStorage(presign, { name: 'terms.pdf', bytes: Buffer.from('%PDF-1.7 terms') });
      const draft = await ctx.t.client.updatePlan('pro-annual', { fileKeys: [presign.fileKey] });
      const file = draft.files!.at(-1)!;
      const progress: number[] = [];
      const got = await ctx.t.client.downloadPlanFile('pro-annual', file.id, { onProgress: (received) => progress.push(received) });
      assert.equal(Buffer.from(got.bytes!).toString(), '%PDF-1.7 terms');
      assert.deepEqual([got.size, got.contentType, got.fileName], [14, 'application/pdf', 'terms.pdf']);
      assert.equal(progress.at(-1), 14);
      const api = ctx.sandbox.journal.find('GET', '/download/').find((e) => e.path.startsWith('/api/v1/'))!;
      assert.equal(api.path, `/api/v1/catalog/plans/pro-annual/file/${file.id}/download/`);
      assert.equal(api.headers.authorization, 'Bearer <redacted>');
      const storage = ctx.sandbox.journal.find('GET', '/__storage/download/')[0]!;
      assert.equal(storage.status, 200);
      assert.ok(!('authorization' in storage.headers), JSON.stringify(storage.headers));
      const logged = JSON.stringify(ctx.t.log);
      assert.ok(!logged.includes('Signature') && !logged.includes('Expires'), logged);
      assert.ok(ctx.t.log.some((e) => e.path.endsWith('/terms.pdf?[redacted]') && e.status === 200), logged);
      for (const form of secretForms(TEST_KEY)) assert.ok(!logged.includes(form));
    });

    it('planFileDownloadUrl answers the Location without following it; downloadFromStorage of an expired link → expired', async () => {
      ctx.sandbox.switches.downloadUrlTtlSeconds = 0;
      const url = await ctx.t.client.planFileDownloadUrl('pro-annual', firstFile('pro-annual'));
      assert.ok(url.startsWith(`${ctx.sandbox.origin}/__storage/download/`));
      assert.equal(ctx.sandbox.journal.find('GET', '/__storage/').length, 0, 'not followed');
      const error = await rejectsStorage(ctx.t.client.downloadFromStorage(url), 'expired');
      assert.ok(error instanceof DownloadError);
      assert.equal(error.storageMessage, 'Request has expired');
      await rejectsWith(ctx.t.client.planFileDownloadUrl('pro-annual', '00000000-0000-4000-8000-000000000000'), 'notFound');
    });

    it('never sends the key to the storage host, whatever the API redirects to; a non-redirect answer is a clear error', async () => {
      const storage = await startRecorder((_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-disposition': 'attachment; filename="x"; filename*=UTF-8\'\'..%2F..%2Fetc%2Fpass%07wd' }).end('file bytes'));
      let answer = (res: http.ServerResponse): void => void res.writeHead(302, { location: `${storage.origin}/signed/terms.txt?Signature=abc&Expires=9` }).end();
      const api = await startRecorder((_req, res) => answer(res));
      try {
        const t = makeClient(`${api.origin}/api/v1`);
        const got = await t.client.downloadPlanFile('pro-annual', '11111111-2222-4333-8444-555555555555');
        assert.equal(Buffer.from(got.bytes!).toString(), 'file bytes');
        assert.equal(got.fileName, 'passwd', 'reduced to a base name without control characters');
        assert.equal(api.seen[0]?.url, '/api/v1/catalog/plans/pro-annual/file/11111111-2222-4333-8444-555555555555/download/');
        assert.equal(api.seen[0]?.headers.authorization, `Bearer ${TEST_KEY}`);
        assert.equal(storage.seen.length, 1);
        assert.equal(storage.seen[0]?.url, '/signed/terms.txt?Signature=abc&Expires=9');
        assert.equal(storage.seen[0]?.headers.authorization, undefined);
        assert.ok(!JSON.stringify(storage.seen).includes(TEST_KEY.slice(0, 12)));

        answer = (res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"url":"x"}');
        const notRedirect = await rejectsWith(t.client.planFileDownloadUrl('pro-annual', '11111111-2222-4333-8444-555555555555'), 'badResponse');
        assert.match(notRedirect.message, /200 instead of a redirect/);
        answer = (res) => void res.writeHead(302, { location: 'http://files.example.com/x' }).end();
        const location = await t.client.planFileDownloadUrl('pro-annual', '11111111-2222-4333-8444-555555555555');
        await rejectsStorage(t.client.downloadFromStorage(location), 'rejected');
        assert.equal(storage.seen.length, 1);
        answer = (res) => void res.writeHead(302).end();
        assert.match((await rejectsWith(t.client.planFileDownloadUrl('pro-annual', '11111111-2222-4333-8444-555555555555'), 'badResponse')).message, /without a Location/);
        await t.client.close();
      } finally {
        await api.close();
        await storage.close();
      }
    });

    it('downloadFromStorage streams to write, stops beyond maxBytes (tooLarge), and is cancellable', async () => {
      const url = await ctx.t.client.planFileDownloadUrl('pro-annual', firstFile('pro-annual'));
      const written: Uint8Array[] = [];
      const streamed = await downloadFromStorage(url, { write: (chunk) => void written.push(chunk) });
      assert.equal(streamed.bytes, undefined);
      assert.equal(Buffer.concat(written).length, streamed.size);
      await rejectsStorage(downloadFromStorage(url, { maxBytes: 10 }), 'tooLarge');
      const rule = ctx.sandbox.faults.add({ path: '/__storage/download/', hold: true });
      const controller = new AbortController();
      const settled = downloadFromStorage(url, { signal: controller.signal }).catch((error: unknown) => error);
      await waitFor(() => ctx.sandbox.faults.list().find((r) => r.id === rule.id)?.hits === 1, 'storage to receive the download');
      controller.abort();
      assert.equal((await settled as DownloadError).kind, 'cancelled');
      assert.ok(!(await rejectsStorage(downloadFromStorage('http://127.1/x'), 'rejected')).message.includes('Signature'));
    });
  });

  it('errors are plain data: ApiError for API calls, storage errors by shape and in JSON', async () => {
    const error = new UploadError({ kind: 'expired', message: 'm', status: 403, storageCode: 'AccessDenied' });
    assert.ok(isStorageError(error) && !(error instanceof ApiError));
    assert.deepEqual(JSON.parse(JSON.stringify(error)), { name: 'UploadError', kind: 'expired', message: 'm', operation: 'upload', status: 403, storageCode: 'AccessDenied' });
  });
});
