// The sandbox's uploads, product images and plan files, over real loopback HTTP with plain fetch:
// `POST /media/` and its S3-style POST policy, the storage bucket's checks as S3 makes them (XML
// errors), the Authorization refusal, unknown upload keys, image PATCH/DELETE, plan file
// PATCH/DELETE and the download redirect, and fault rules on the storage routes.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { DEFAULT_SWITCHES, startSandbox, type Sandbox } from '../../sandbox';
import { rawRequest } from './rawRequest';
import { api, call, productId, type Json } from './sandboxHttp';
import { formFor, multipart, postForm, presign, s3Error, waitFor, type Presign } from './storageForm';

const PRODUCTS = '/catalog/products/';
const PLANS = '/catalog/plans/';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('sandbox: media uploads, product images and plan files', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ seed: 'demo' });
  });
  after(async () => {
    await sb.close();
  });
  beforeEach(() => {
    sb.reset();
    sb.faults.clear();
    sb.journal.clear();
  });

  async function upload(p: Presign, bytes: string | Uint8Array = 'PNG-BYTES'): Promise<void> {
    const res = await postForm(p.url, formFor(p, bytes));
    assert.equal(res.status, 204, await res.text());
  }

  describe('POST /media/', () => {
    it('answers a presigned POST policy: fields in the example order, a tmp/<uuid>/<name> key, a signed policy for one hour and 5 GB', async () => {
      const before = Date.now();
      const p = await presign(sb, 'hero banner.png', 'image/png');
      assert.equal(p.url, `${sb.origin}/__storage/upload/`);
      assert.match(p.fileKey, /^tmp\/[0-9a-f-]{36}\/hero banner\.png$/);
      assert.deepEqual(Object.keys(p.fields), ['Content-Type', 'key', 'AWSAccessKeyId', 'policy', 'signature']);
      assert.equal(p.fields.key, p.fileKey);
      assert.equal(p.fields['Content-Type'], 'image/png');
      assert.ok(sb.storage.verify(p.fields.policy!, p.fields.signature!), 'the signature is the HMAC of the policy');
      const policy = JSON.parse(Buffer.from(p.fields.policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
      const expires = Date.parse(policy.expiration);
      assert.ok(expires >= before + 3_600_000 - 1_000 && expires <= Date.now() + 3_600_000, policy.expiration);
      assert.deepEqual(policy.conditions, [{ bucket: 'kelviq-sandbox-uploads' }, { key: p.fileKey }, { 'Content-Type': 'image/png' }, ['content-length-range', 0, 5 * 1024 ** 3]]);
    });

    it('400 without fileName or fileType (field-keyed), 401 without a key', async () => {
      assert.deepEqual(await call(sb, '/media/', { method: 'POST', json: { fileName: 'a.png' } }), [400, { fileType: ['This field is required.'] }]);
      assert.deepEqual(await call(sb, '/media/', { method: 'POST', json: { fileType: 'image/png', fileName: '  ' } }), [400, { fileName: ['This field may not be blank.'] }]);
      assert.equal((await api(sb, '/media/', { method: 'POST', json: { fileName: 'a.png', fileType: 'image/png' }, key: null })).status, 401);
      assert.equal((await api(sb, '/media/', { method: 'GET' })).status, 405);
    });
  });

  describe('the storage bucket (S3 POST policy checks)', () => {
    it('204 with an empty body, then serves the bytes back with the uploaded content type; the journal keeps the form without the bytes', async () => {
      const p = await presign(sb);
      const res = await postForm(p.url, formFor(p, 'PNG-BYTES'));
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
      const got = await fetch(`${sb.origin}/__storage/${p.fileKey.split('/').map(encodeURIComponent).join('/')}`);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'image/png');
      assert.equal(await got.text(), 'PNG-BYTES');
      const entry = sb.journal.find('POST', '/__storage/upload/')[0]!;
      assert.deepEqual((entry.body as { parts: Json[] }).parts.map((part) => part.name), ['Content-Type', 'key', 'AWSAccessKeyId', 'policy', 'signature', 'file']);
      assert.deepEqual((entry.body as { parts: Json[] }).parts.at(-1), { name: 'file', filename: 'hero.png', contentType: 'image/png', size: 9 });
      assert.equal(entry.authorized, false);
    });

    it('an expired policy (switch uploadPolicyTtlSeconds: 0) → 403 AccessDenied "Policy expired.", nothing stored', async () => {
      sb.switches.uploadPolicyTtlSeconds = 0;
      const p = await presign(sb);
      const res = await postForm(p.url, formFor(p, 'x'));
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('content-type'), 'application/xml');
      assert.deepEqual(s3Error(await res.text()), { code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' });
      assert.ok(!sb.storage.has(p.fileKey));
    });

    it('a wrong content type (the field, or the file part) → 403 naming the condition', async () => {
      const p = await presign(sb);
      const field = await postForm(p.url, formFor({ ...p, fields: { ...p.fields, 'Content-Type': 'text/html' } }, 'x'));
      assert.equal(field.status, 403);
      assert.deepEqual(s3Error(await field.text()), { code: 'AccessDenied', message: 'Invalid according to Policy: Policy Condition failed: [&quot;eq&quot;, &quot;$Content-Type&quot;, &quot;image/png&quot;]' });
      const part = await postForm(p.url, formFor(p, 'x', 'image/svg+xml'));
      assert.equal(part.status, 403);
      assert.match(s3Error(await part.text()).message ?? '', /Policy Condition failed: .*Content-Type.*the file part says/);
      assert.ok(!sb.storage.has(p.fileKey));
    });

    it('a field after the file → 400 InvalidArgument; no file or two files → 400', async () => {
      const p = await presign(sb);
      const fields = Object.entries(p.fields);
      const after = await postForm(p.url, [...fields.slice(0, -1), { name: 'file', filename: 'a.png', type: 'image/png', bytes: 'x' }, fields.at(-1)!]);
      assert.equal(after.status, 400);
      assert.deepEqual(s3Error(await after.text()), { code: 'InvalidArgument', message: 'The file must be the last field of the form (S3 ignores the fields after it; the sandbox refuses them): signature.' });
      const none = await postForm(p.url, fields);
      assert.deepEqual([none.status, s3Error(await none.text()).message], [400, 'POST requires exactly one file upload per request.']);
      assert.ok(!sb.storage.has(p.fileKey));
      assert.equal((await fetch(p.url, { method: 'POST', body: 'not a form', headers: { 'content-type': 'text/plain' } })).status, 400);
    });

    it('every policy field must be there and unchanged: a changed key, a changed policy, a missing signature, an extra field', async () => {
      const p = await presign(sb);
      const changedKey = await postForm(p.url, formFor({ ...p, fields: { ...p.fields, key: 'tmp/other/x.png' } }, 'x'));
      assert.deepEqual([changedKey.status, s3Error(await changedKey.text()).code], [403, 'AccessDenied']);
      const forged = Buffer.from(JSON.stringify({ expiration: '2099-01-01T00:00:00Z', conditions: [] })).toString('base64');
      const changedPolicy = await postForm(p.url, formFor({ ...p, fields: { ...p.fields, policy: forged } }, 'x'));
      assert.deepEqual([changedPolicy.status, s3Error(await changedPolicy.text()).code], [403, 'SignatureDoesNotMatch']);
      const { signature: _signature, ...unsigned } = p.fields;
      const noSignature = await postForm(p.url, formFor({ ...p, fields: unsigned }, 'x'));
      assert.deepEqual([noSignature.status, s3Error(await noSignature.text()).code], [400, 'InvalidArgument']);
      const extra = await postForm(p.url, formFor({ ...p, fields: { ...p.fields, 'x-amz-meta-owner': 'me' } }, 'x'));
      assert.deepEqual([extra.status, s3Error(await extra.text()).message], [403, 'Invalid according to Policy: Extra input fields: x-amz-meta-owner']);
      assert.deepEqual(sb.storage.keys(), []);
    });

    it('a file larger than the policy allows (switch uploadMaxBytes) → 400 EntityTooLarge', async () => {
      sb.switches.uploadMaxBytes = 4;
      const p = await presign(sb);
      const res = await postForm(p.url, formFor(p, '12345'));
      assert.equal(res.status, 400);
      const text = await res.text();
      assert.equal(s3Error(text).code, 'EntityTooLarge');
      assert.match(text, /<MaxSizeAllowed>4<\/MaxSizeAllowed>/);
      await upload(p, '1234');
    });

    it('refuses any request carrying an Authorization header with 400 (S3 allows one way to authenticate), on every storage route', async () => {
      const p = await presign(sb);
      const res = await postForm(p.url, formFor(p, 'x'), { authorization: `Bearer ${sb.apiKey}` });
      assert.equal(res.status, 400);
      assert.equal(s3Error(await res.text()).code, 'InvalidArgument');
      assert.ok(!sb.storage.has(p.fileKey));
      await upload(p);
      const read = await fetch(`${sb.origin}/__storage/${p.fileKey}`, { headers: { authorization: 'Bearer anything' } });
      assert.equal(read.status, 400);
      assert.equal(sb.journal.find('POST', '/__storage/upload/')[0]?.headers.authorization, 'Bearer <redacted>');
    });

    it('is behind the loopback guard; unknown keys are 404 NoSuchKey; other methods 405', async () => {
      const foreign = await rawRequest(sb.origin, '/__storage/upload/', { method: 'POST', headers: { host: 'evil.example.com' } });
      assert.equal(foreign.status, 403);
      const missing = await fetch(`${sb.origin}/__storage/tmp/nothing/here.png`);
      assert.deepEqual([missing.status, s3Error(await missing.text()).code], [404, 'NoSuchKey']);
      assert.equal((await fetch(`${sb.origin}/__storage/upload/`)).status, 405);
    });

    it('fault rules reach the storage routes: a status answers S3 XML; a hold answers nothing and stores nothing', async () => {
      sb.faults.add({ path: '/__storage/upload/', status: 403 });
      const p = await presign(sb);
      const refused = await postForm(p.url, formFor(p, 'x'));
      assert.equal(refused.status, 403);
      assert.deepEqual(s3Error(await refused.text()), { code: 'AccessDenied', message: 'Access Denied' });
      assert.ok(!sb.storage.has(p.fileKey));

      const rule = sb.faults.add({ path: 'glob:/__storage/upload/', hold: true });
      const { body, contentType } = multipart(formFor(p, 'x'));
      const req = http.request(p.url, { method: 'POST', headers: { 'content-type': contentType, 'content-length': String(body.length) } });
      const gone = new Promise<void>((resolve) => req.on('error', () => resolve()).on('close', () => resolve()));
      req.end(body);
      await waitFor(() => sb.faults.list().find((r) => r.id === rule.id)?.hits === 1, 'the held upload to arrive');
      req.destroy();
      await gone;
      await waitFor(() => sb.journal.find('POST', '/__storage/upload/').some((e) => e.fault === rule.id), 'the sandbox to see the client go');
      assert.equal(sb.journal.find('POST', '/__storage/upload/').find((e) => e.fault === rule.id)?.status, 0);
      assert.ok(!sb.storage.has(p.fileKey));
    });
  });

  describe('imageKeys and fileKeys', () => {
    it('a key that was never uploaded is a 400 keyed by the field, and nothing is created or changed', async () => {
      const id = productId(sb, 'pulseboard');
      const before = sb.store.get(id)!.images.length;
      assert.deepEqual(await call(sb, PRODUCTS, { method: 'POST', json: { name: 'X', taxCode: 'saas', imageKeys: ['tmp/nope/a.png'] } }), [400, {
        imageKeys: ['"tmp/nope/a.png" is not an uploaded file: request an upload (POST /media/), upload the file to its url, then send its fileKey.'],
      }]);
      assert.equal(sb.store.size, 36);
      const [status, body] = await call(sb, `${PRODUCTS}${id}/`, { method: 'PATCH', json: { name: 'Renamed', imageKeys: ['tmp/nope/a.png'] } });
      assert.equal(status, 400);
      assert.deepEqual(Object.keys(body), ['imageKeys']);
      assert.equal(sb.store.get(id)!.name, 'Pulseboard');
      assert.equal(sb.store.get(id)!.images.length, before);
      const [planStatus, planBody] = await call(sb, `${PLANS}pro-annual/`, { method: 'PATCH', json: { fileKeys: ['tmp/nope/terms.pdf'] } });
      assert.deepEqual([planStatus, Object.keys(planBody)], [400, ['fileKeys']]);
      assert.equal(sb.store.plans.get('pro-annual')!.versions.length, 1, 'no draft');
    });

    it('an attached upload moves to the image\'s storage key (served there, gone from tmp/) and cannot be attached twice', async () => {
      const id = productId(sb, 'pulseboard');
      const p = await presign(sb, 'new-hero.png');
      await upload(p, 'NEW');
      const [status, product] = await call<Json>(sb, `${PRODUCTS}${id}/`, { method: 'PATCH', json: { imageKeys: [p.fileKey] } });
      assert.equal(status, 200);
      const image = (product.images as Json[]).at(-1)!;
      assert.equal(image.name, 'new-hero.png');
      assert.ok(String(image.image).startsWith(`${sb.origin}/__storage/media/sandbox/products/${id}/`));
      assert.equal(await (await fetch(String(image.image))).text(), 'NEW');
      assert.equal((await fetch(`${sb.origin}/__storage/${p.fileKey}`)).status, 404);
      assert.equal((await call(sb, `${PRODUCTS}${id}/`, { method: 'PATCH', json: { imageKeys: [p.fileKey] } }))[0], 400);
    });

    it('fileKeys on plan create and PATCH become files (a published plan gets a draft that keeps its files); the bytes are served from the file URL', async () => {
      const p = await presign(sb, 'terms v2.pdf', 'application/pdf');
      await upload(p, '%PDF-1.7');
      const [status, draft] = await call<Json>(sb, `${PLANS}pro-annual/`, { method: 'PATCH', json: { fileKeys: [p.fileKey] } });
      assert.equal(status, 200);
      assert.deepEqual([draft.version, draft.isLatest], [2, false]);
      const files = draft.files as Json[];
      assert.deepEqual(files.map((f) => [f.name, f.ordering, f.enabled]), [['pulseboard-pro-terms.txt', 0, true], ['terms v2.pdf', 1, true]]);
      assert.deepEqual(Object.keys(files[1]!), ['id', 'name', 'file', 'ordering', 'enabled', 'downloadUrl']);
      assert.equal(files[1]!.downloadUrl, `${sb.baseUrl}/catalog/plans/pro-annual/file/${String(files[1]!.id)}/download/`);
      const served = await fetch(String(files[1]!.file));
      assert.deepEqual([served.status, served.headers.get('content-type'), await served.text()], [200, 'application/pdf', '%PDF-1.7']);
      const published = (await call<Json>(sb, `${PLANS}pro-annual/?version=1`))[1];
      assert.equal((published.files as Json[]).length, 1);
      assert.notEqual((published.files as Json[])[0]!.id, files[0]!.id, 'the draft\'s copy of a file is a record of its own');
      const q = await presign(sb, 'readme.txt', 'text/plain');
      await upload(q, 'hello');
      const [created, plan] = await call<Json>(sb, PLANS, { method: 'POST', json: { name: 'With files', product: productId(sb, 'pulseboard'), fileKeys: [q.fileKey] } });
      assert.equal(created, 201);
      assert.deepEqual((plan.files as Json[]).map((f) => f.name), ['readme.txt']);
    });
  });

  describe('product images', () => {
    const images = (id: string) => sb.store.get(id)!.images;

    it('image URLs are absolute on the sandbox\'s storage by default, bare keys with productImageUrls: key; seeded images serve a PNG', async () => {
      const id = productId(sb, 'beacon-crm');
      const [, product] = await call<Json>(sb, `${PRODUCTS}${id}/`);
      const urls = (product.images as Json[]).map((i) => String(i.image));
      assert.equal(urls.length, 3);
      assert.ok(urls.every((u) => u.startsWith(`${sb.origin}/__storage/media/sandbox/products/${id}/`)), urls.join());
      const png = await fetch(urls[0]!);
      assert.equal(png.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await png.arrayBuffer()).subarray(0, 8), PNG_SIGNATURE);
      sb.switches.productImageUrls = 'key';
      const [, bare] = await call<Json>(sb, `${PRODUCTS}${id}/`);
      assert.deepEqual((bare.images as Json[]).map((i) => i.image), images(id).map((i) => i.image));
      assert.match(String((bare.images as Json[])[0]!.image), /^media\/sandbox\/products\/.+\/beacon-pipeline\.png$/);
      const [, page] = await call<{ results: Json[] }>(sb, `${PRODUCTS}?search=beacon`);
      assert.ok((page.results[0]!.images as Json[]).every((i) => !String(i.image).startsWith('http')));
    });

    it('PATCH changes name, ordering, enabled; thumbnail: true clears it on the other images; the product\'s modifiedOn stays', async () => {
      const id = productId(sb, 'beacon-crm');
      const [first, second] = images(id);
      assert.deepEqual([first!.thumbnail, second!.thumbnail], [true, false]);
      const modifiedOn = sb.store.get(id)!.modifiedOn;
      const [status, body] = await call<Json>(sb, `${PRODUCTS}${id}/image/${second!.id}/`, { method: 'PATCH', json: { thumbnail: true, name: 'Forecast', ordering: 7, enabled: false } });
      assert.equal(status, 200);
      assert.deepEqual(body, { id: second!.id, name: 'Forecast', image: `${sb.origin}/__storage/${second!.image}`, ordering: 7, thumbnail: true, enabled: false });
      assert.deepEqual(images(id).map((i) => i.thumbnail), [false, true, false]);
      assert.equal(sb.store.get(id)!.modifiedOn, modifiedOn);
      assert.deepEqual(await call(sb, `${PRODUCTS}${id}/image/${second!.id}/`, { method: 'PATCH', json: { ordering: 'first' } }), [400, { ordering: ['A valid integer is required.'] }]);
    });

    it('DELETE answers 204 and removes the record (and its bytes); an unknown image or product is 404', async () => {
      const id = productId(sb, 'beacon-crm');
      const [first] = images(id);
      const res = await api(sb, `${PRODUCTS}${id}/image/${first!.id}/`, { method: 'DELETE' });
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
      assert.ok(!images(id).some((i) => i.id === first!.id));
      assert.equal((await fetch(`${sb.origin}/__storage/${first!.image}`)).status, 404, 'no longer referenced: no placeholder');
      assert.equal((await api(sb, `${PRODUCTS}${id}/image/${first!.id}/`, { method: 'DELETE' })).status, 404);
      assert.equal((await api(sb, `${PRODUCTS}${id}/image/${first!.id}/`, { method: 'PATCH', json: { name: 'x' } })).status, 404);
      assert.equal((await api(sb, `${PRODUCTS}${productId(sb, 'pulseboard')}/image/${images(id)[0]!.id}/`, { method: 'DELETE' })).status, 404, 'another product\'s image');
      assert.equal((await api(sb, `${PRODUCTS}${id}/image/not-a-uuid/`, { method: 'DELETE' })).status, 404);
    });
  });

  describe('plan files', () => {
    const fileOf = (identifier: string, version?: number) => {
      const plan = sb.store.plans.get(identifier)!;
      return sb.store.plans.version(plan, version)!.files[0]!;
    };

    it('PATCH on a published plan makes the draft and changes the file\'s copy there; on a draft it changes that draft', async () => {
      const original = fileOf('pro-annual');
      const [status, body] = await call<Json>(sb, `${PLANS}pro-annual/file/${original.id}/`, { method: 'PATCH', json: { name: 'Terms.txt', ordering: 3 } });
      assert.equal(status, 200);
      const plan = sb.store.plans.get('pro-annual')!;
      assert.equal(plan.versions.length, 2);
      const copy = fileOf('pro-annual', 2);
      assert.deepEqual(body, { id: copy.id, name: 'Terms.txt', file: `${sb.origin}/__storage/${copy.file}`, ordering: 3, enabled: true, downloadUrl: `${sb.baseUrl}/catalog/plans/pro-annual/file/${copy.id}/download/` });
      assert.deepEqual([fileOf('pro-annual', 1).name, fileOf('pro-annual', 1).id], ['pulseboard-pro-terms.txt', original.id], 'the published version is untouched');
      assert.equal((await api(sb, `${PLANS}pro-annual/file/${original.id}/`, { method: 'PATCH', json: { enabled: false } })).status, 404, 'the draft\'s copy has its own id');
      const [again] = await call(sb, `${PLANS}pro-annual/file/${copy.id}/`, { method: 'PATCH', json: { enabled: false } });
      assert.equal(again, 200);
      assert.deepEqual([plan.versions.length, fileOf('pro-annual', 2).enabled], [2, false]);
      assert.deepEqual(await call(sb, `${PLANS}pro-annual/file/${copy.id}/`, { method: 'PATCH', json: { enabled: 'no' } }), [400, { enabled: ['Must be a valid boolean.'] }]);
    });

    it('DELETE answers 204 (on a published plan: removed from its new draft), then 404', async () => {
      const { id } = fileOf('pro-annual');
      const res = await api(sb, `${PLANS}pro-annual/file/${id}/`, { method: 'DELETE' });
      assert.equal(res.status, 204);
      const plan = sb.store.plans.get('pro-annual')!;
      assert.deepEqual(plan.versions.map((v) => v.files.length), [1, 0]);
      assert.equal((await api(sb, `${PLANS}pro-annual/file/${id}/`, { method: 'DELETE' })).status, 404);
      assert.equal((await api(sb, `${PLANS}no-such-plan/file/${id}/`, { method: 'DELETE' })).status, 404);
    });

    it('download: 302 without a key to a signed, short-lived storage URL that serves the bytes as an attachment', async () => {
      const p = await presign(sb, 'Prix été.pdf', 'application/pdf');
      await upload(p, '%PDF-bytes');
      const [, draft] = await call<Json>(sb, `${PLANS}pro-annual/`, { method: 'PATCH', json: { fileKeys: [p.fileKey] } });
      const file = (draft.files as Json[])[1]!;
      const redirect = await fetch(String(file.downloadUrl), { redirect: 'manual' });
      assert.equal(redirect.status, 302);
      const location = redirect.headers.get('location')!;
      const url = new URL(location);
      assert.equal(url.origin, sb.origin);
      assert.ok(url.pathname.startsWith('/__storage/download/media/sandbox/plans/pro-annual/'));
      assert.deepEqual([...url.searchParams.keys()].sort(), ['AWSAccessKeyId', 'Expires', 'Signature', 'response-content-disposition']);
      assert.ok(Number(url.searchParams.get('Expires')) * 1000 <= Date.now() + DEFAULT_SWITCHES.downloadUrlTtlSeconds * 1000 + 1000);
      const got = await fetch(location);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-disposition'), `attachment; filename="Prix _t_.pdf"; filename*=UTF-8''Prix%20%C3%A9t%C3%A9.pdf`);
      assert.equal(got.headers.get('content-type'), 'application/pdf');
      assert.equal(await got.text(), '%PDF-bytes');
      url.searchParams.set('Signature', 'forged');
      assert.deepEqual(s3Error(await (await fetch(url)).text()).code, 'SignatureDoesNotMatch');
      assert.equal((await api(sb, `${PLANS}pro-annual/file/00000000-0000-4000-8000-000000000000/download/`, { redirect: 'manual' })).status, 404);
      assert.ok(sb.journal.find('GET', '/__storage/download/').every((e) => e.headers.authorization === undefined));
    });

    it('a file removed in the draft still downloads from the published version; an expired download URL is 403', async () => {
      const published = fileOf('pro-annual');
      await api(sb, `${PLANS}pro-annual/file/${published.id}/`, { method: 'DELETE' });
      const redirect = await fetch(`${sb.baseUrl}/catalog/plans/pro-annual/file/${published.id}/download/`, { redirect: 'manual' });
      assert.equal(redirect.status, 302);
      const got = await fetch(redirect.headers.get('location')!);
      assert.equal(got.status, 200);
      assert.match(await got.text(), /^pulseboard-pro-terms\.txt\n/, 'a seeded file serves a placeholder');
      sb.switches.downloadUrlTtlSeconds = 0;
      const expired = await fetch(redirect.headers.get('location')!.replace(/Expires=\d+/, 'Expires=1'));
      assert.equal(expired.status, 403);
      const stale = await fetch((await fetch(`${sb.baseUrl}/catalog/plans/pro-annual/file/${published.id}/download/`, { redirect: 'manual' })).headers.get('location')!);
      assert.deepEqual([stale.status, s3Error(await stale.text()).message], [403, 'Request has expired']);
    });
  });
});
