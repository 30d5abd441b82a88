// The sandbox is the stand-in for kelviq in every other test and in the demo, so it is tested
// over real loopback HTTP with plain fetch, against the vendor's documented behaviour.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONTROL_TOKEN_HEADER, demoCatalog, DEMO_API_KEY, generatedCatalog, OTHER_API_KEY, SEED_BASE_DATE, startSandbox, TAX_CODES,
  type Sandbox,
} from '../../sandbox';

const PRODUCTS = '/catalog/products/';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Page {
  count: number;
  next: string | null;
  previous: string | null;
  results: Record<string, unknown>[];
}

function api(sb: Sandbox, route: string, init: RequestInit & { json?: unknown; key?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (init.key !== null) headers.authorization = `Bearer ${init.key ?? sb.apiKey}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return fetch(sb.baseUrl + route, { ...init, headers, body });
}

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const hook = (sb: Sandbox, route: string, method = 'GET', body?: unknown): Promise<Response> =>
  fetch(`${sb.origin}/__sandbox/${route}`, {
    method,
    headers: { [CONTROL_TOKEN_HEADER]: sb.controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const firstLive = (sb: Sandbox) => sb.store.list()[0]!;

describe('sandbox', function () {
  let sb: Sandbox;

  before(async () => {
    sb = await startSandbox({ port: 0, keys: { [DEMO_API_KEY]: 'Demo User', [OTHER_API_KEY]: 'Other User' } });
  });
  after(() => sb.close());
  beforeEach(() => {
    sb.reset();
    sb.journal.clear();
    sb.faults.clear();
    sb.latencyMs = 0;
  });

  describe('auth and routing', () => {
    it('answers 401 with DRF texts for a missing or wrong key, with a request id', async () => {
      const missing = await api(sb, PRODUCTS, { key: null });
      assert.equal(missing.status, 401);
      assert.deepEqual(await json(missing), { detail: 'Authentication credentials were not provided.' });
      const wrong = await api(sb, PRODUCTS, { key: 'sk_nope' });
      assert.equal(wrong.status, 401);
      assert.deepEqual(await json(wrong), { detail: 'Invalid API key.' });
      assert.match(missing.headers.get('x-request-id') ?? '', /^req_[0-9a-f]{10}$/);
      assert.notEqual(missing.headers.get('x-request-id'), wrong.headers.get('x-request-id'));
    });

    it('404s a missing trailing slash and 405s an undocumented method', async () => {
      assert.equal((await api(sb, '/catalog/products')).status, 404);
      const put = await api(sb, `${PRODUCTS}${firstLive(sb).id}/`, { method: 'PUT', json: {} });
      assert.equal(put.status, 405);
      assert.deepEqual(await json(put), { detail: 'Method "PUT" not allowed.' });
      assert.equal(put.headers.get('allow'), 'GET, PATCH, DELETE, HEAD, OPTIONS');
    });
  });

  describe('list', () => {
    it('returns the 36 live demo products, sorted by name then id, without plans', async () => {
      const page = await json<Page>(await api(sb, PRODUCTS));
      assert.equal(page.count, 36);
      assert.equal(page.results.length, 36);
      assert.equal(page.next, null);
      const names = page.results.map((p) => String(p.name));
      assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      assert.ok(page.results.every((p) => !('plans' in p) && ISO_MS.test(String(p.modifiedOn))));
    });

    it('pages with absolute DRF links and rejects out-of-range pages', async () => {
      const p1 = await json<Page>(await api(sb, `${PRODUCTS}?page_size=10`));
      assert.equal(p1.next, `${sb.origin}/api/v1/catalog/products/?page=2&page_size=10`);
      assert.equal(p1.previous, null);
      const p2 = await json<Page>(await fetch(p1.next!, { headers: { authorization: `Bearer ${sb.apiKey}` } }));
      assert.equal(p2.previous, `${sb.origin}/api/v1/catalog/products/?page_size=10`);
      const p4 = await json<Page>(await api(sb, `${PRODUCTS}?page=4&page_size=10`));
      assert.equal(p4.results.length, 6);
      assert.equal(p4.next, null);
      assert.equal(p4.previous, `${sb.origin}/api/v1/catalog/products/?page=3&page_size=10`);
      for (const bad of ['5', '0', 'abc']) {
        const res = await api(sb, `${PRODUCTS}?page=${bad}&page_size=10`);
        assert.equal(res.status, 404, `page=${bad}`);
        assert.deepEqual(await json(res), { detail: 'Invalid page.' });
      }
    });

    it('searches name, identifier and description case-insensitively, keeping search in links', async () => {
      const byName = await json<Page>(await api(sb, `${PRODUCTS}?search=PULSEBOARD`));
      assert.deepEqual(byName.results.map((p) => p.identifier), ['pulseboard']);
      const byDescription = await json<Page>(await api(sb, `${PRODUCTS}?search=erp%20sync`));
      assert.deepEqual(byDescription.results.map((p) => p.name), ['Ledgerline']);
      const byIdentifier = await json<Page>(await api(sb, `${PRODUCTS}?search=zurich`));
      assert.deepEqual(byIdentifier.results.map((p) => p.name), ['Zürich Transit Data']);
      const paged = await json<Page>(await api(sb, `${PRODUCTS}?search=a&page_size=5`));
      assert.ok(paged.count > 5);
      assert.equal(paged.next, `${sb.origin}/api/v1/catalog/products/?page=2&page_size=5&search=a`);
      assert.equal((await json<Page>(await api(sb, `${PRODUCTS}?search=no-such-thing`))).count, 0);
    });
  });

  describe('create', () => {
    it('creates with createdBy from the key, a unique slug and images from imageKeys (URLs on its storage)', async () => {
      sb.storage.put('tmp/abc/hero.png', 'hero', 'image/png');
      sb.storage.put('tmp/x/b.jpg', 'b', 'image/jpeg');
      const res = await api(sb, PRODUCTS, { method: 'POST', json: { name: 'Pulseboard', taxCode: 'saas', imageKeys: ['tmp/abc/hero.png', 'tmp/x/b.jpg'], junk: 1 } });
      assert.equal(res.status, 201);
      const p = await json(res);
      assert.equal(p.identifier, 'pulseboard-2');
      assert.equal(p.createdBy, 'Demo User');
      assert.equal(p.description, '');
      assert.ok(!('junk' in p) && !('plans' in p));
      const images = p.images as Record<string, unknown>[];
      assert.deepEqual(images.map((i) => [i.name, i.ordering, i.thumbnail, i.enabled]), [['hero.png', 0, true, true], ['b.jpg', 1, false, true]]);
      assert.match(String(images[0]!.image), new RegExp(`^${sb.origin}/__storage/media/sandbox/products/${p.id as string}/[0-9a-f]{32}/hero\\.png$`));
      const again = await json(await api(sb, PRODUCTS, { method: 'POST', json: { name: 'Pulseboard', taxCode: 'saas' }, key: OTHER_API_KEY }));
      assert.equal(again.identifier, 'pulseboard-3');
      assert.equal(again.createdBy, 'Other User');
      // An archived product keeps its slug taken.
      const archivedName = await json(await api(sb, PRODUCTS, { method: 'POST', json: { name: 'Legacy Reports v1', taxCode: 'ebook' } }));
      assert.equal(archivedName.identifier, 'legacy-reports-v1-2');
    });

    it('rejects a taken identifier with the DRF field error', async () => {
      const res = await api(sb, PRODUCTS, { method: 'POST', json: { name: 'X', taxCode: 'saas', identifier: 'pulseboard' } });
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), { identifier: ['product with this identifier already exists.'] });
    });

    it('validates against the vendor spec with field-keyed messages', async () => {
      const cases: [unknown, unknown][] = [
        [{ taxCode: 'saas' }, { name: ['This field is required.'] }],
        [{ name: 'A', taxCode: 'xyz' }, { taxCode: ['"xyz" is not a valid choice.'] }],
        [{ name: 5, taxCode: 'saas' }, { name: ['Not a valid string.'] }],
        [{ name: '  ', taxCode: 'saas' }, { name: ['This field may not be blank.'] }],
        [{}, { name: ['This field is required.'], taxCode: ['This field is required.'] }],
      ];
      for (const [body, expected] of cases) {
        const res = await api(sb, PRODUCTS, { method: 'POST', json: body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.deepEqual(await json(res), expected);
      }
      const notJson = await api(sb, PRODUCTS, { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
      assert.equal(notJson.status, 400);
      assert.match(String((await json(notJson)).detail), /^JSON parse error - /);
      const wrongType = await api(sb, PRODUCTS, { method: 'POST', body: 'name=x', headers: { 'content-type': 'text/plain' } });
      assert.equal(wrongType.status, 415);
      assert.equal(sb.store.size, 36);
    });
  });

  describe('update, archive and settings', () => {
    it('PATCHes fields, ignores identifier, appends images and bumps modifiedOn', async () => {
      const before = firstLive(sb);
      const oldImages = before.images.length;
      sb.storage.put('tmp/n/new.png', 'new', 'image/png');
      const res = await api(sb, `${PRODUCTS}${before.id}/`, { method: 'PATCH', json: { name: 'Renamed', identifier: 'hijack', imageKeys: ['tmp/n/new.png'] } });
      assert.equal(res.status, 200);
      const p = await json(res);
      assert.equal(p.name, 'Renamed');
      assert.equal(p.identifier, before.identifier);
      const images = p.images as { name: string; ordering: number; thumbnail: boolean }[];
      assert.equal(images.length, oldImages + 1);
      assert.deepEqual(images.at(-1), { ...images.at(-1), name: 'new.png', ordering: oldImages, thumbnail: oldImages === 0 });
      const detail = await json(await api(sb, `${PRODUCTS}${before.id}/`));
      assert.ok(Array.isArray(detail.plans));
      assert.equal(detail.name, 'Renamed');
    });

    it('keeps modifiedOn strictly increasing, even within one millisecond', async () => {
      const id = firstLive(sb).id;
      const stamps: string[] = [];
      for (let i = 0; i < 5; i++) {
        stamps.push(String((await json(await api(sb, `${PRODUCTS}${id}/`, { method: 'PATCH', json: { description: `d${i}` } }))).modifiedOn));
      }
      stamps.push(sb.store.update(id, { name: 'a' }, 'Other User')!.modifiedOn, sb.store.update(id, { name: 'b' })!.modifiedOn);
      for (let i = 1; i < stamps.length; i++) assert.ok(stamps[i]! > stamps[i - 1]!, `${stamps[i]} > ${stamps[i - 1]}`);
      assert.ok(stamps.every((s) => ISO_MS.test(s)));
      assert.equal((await json(await api(sb, `${PRODUCTS}${id}/`))).name, 'b');
    });

    it('404s unknown and malformed ids', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        for (const method of ['GET', 'PATCH', 'DELETE']) {
          const res = await api(sb, `${PRODUCTS}${id}/`, { method, json: method === 'PATCH' ? {} : undefined });
          assert.equal(res.status, 404, `${method} ${id}`);
          assert.deepEqual(await json(res), { detail: 'Not found.' });
        }
      }
    });

    it('archives with 204, then 400 Already archived, then hides the product', async () => {
      const id = firstLive(sb).id;
      const first = await api(sb, `${PRODUCTS}${id}/`, { method: 'DELETE' });
      assert.equal(first.status, 204);
      assert.equal(await first.text(), '');
      const second = await api(sb, `${PRODUCTS}${id}/`, { method: 'DELETE' });
      assert.equal(second.status, 400);
      assert.deepEqual(await json(second), { detail: 'Already archived.' });
      assert.equal((await api(sb, `${PRODUCTS}${id}/`)).status, 404);
      assert.equal((await api(sb, `${PRODUCTS}${id}/`, { method: 'PATCH', json: { name: 'x' } })).status, 404);
      const page = await json<Page>(await api(sb, PRODUCTS));
      assert.equal(page.count, 35);
      assert.ok(!page.results.some((p) => p.id === id));
    });

    it('auto-creates default settings and applies validated PATCHes', async () => {
      const id = sb.store.list().find((p) => p.identifier === 'formfox')!.id;
      const url = `${PRODUCTS}${id}/settings/`;
      assert.deepEqual(await json(await api(sb, url)), { vpn: true, tor: true, proxy: true, currency: 'USD', productUrl: null });
      const patched = await json(await api(sb, url, { method: 'PATCH', json: { vpn: false, currency: 'EUR', productUrl: 'https://formfox.example.com' } }));
      assert.deepEqual(patched, { vpn: false, tor: true, proxy: true, currency: 'EUR', productUrl: 'https://formfox.example.com' });
      assert.deepEqual(await json(await api(sb, url)), patched);
      const bad = await api(sb, url, { method: 'PATCH', json: { productUrl: 'not a url', tor: 'yes' } });
      assert.equal(bad.status, 400);
      assert.deepEqual(await json(bad), { tor: ['Must be a valid boolean.'], productUrl: ['Enter a valid URL.'] });
    });
  });

  describe('journal and hooks', () => {
    it('journals API requests with the key redacted, but not hook requests', async () => {
      await api(sb, `${PRODUCTS}?search=pro`);
      await api(sb, PRODUCTS, { method: 'POST', json: { name: 'Journaled', taxCode: 'ebook' } });
      await hook(sb, 'faults');
      const res = await hook(sb, 'journal');
      assert.ok(res.headers.get('x-request-id'));
      const text = await res.text();
      assert.ok(!text.includes(sb.apiKey), 'key leaked into the journal');
      const entries = JSON.parse(text) as Record<string, unknown>[];
      assert.deepEqual(entries.map((e) => [e.method, e.path, e.status]), [['GET', '/api/v1/catalog/products/', 200], ['POST', '/api/v1/catalog/products/', 201]]);
      assert.deepEqual(entries[0]!.query, { search: 'pro' });
      assert.equal((entries[1]!.headers as Record<string, string>).authorization, 'Bearer <redacted>');
      assert.equal(entries[1]!.authorized, true);
      assert.deepEqual(entries[1]!.body, { name: 'Journaled', taxCode: 'ebook' });
      assert.equal((await hook(sb, 'journal', 'DELETE')).status, 204);
      assert.deepEqual(await json(await hook(sb, 'journal')), []);
    });

    it('resets the catalog and applies latency through hooks', async () => {
      await api(sb, PRODUCTS, { method: 'POST', json: { name: 'Temp', taxCode: 'saas' } });
      assert.equal(sb.store.size, 37);
      assert.deepEqual(await json(await hook(sb, 'reset', 'POST')), { count: 36 });
      assert.equal(sb.store.size, 36);
      await hook(sb, 'latency', 'POST', { ms: 150 });
      let started = Date.now();
      await api(sb, PRODUCTS);
      assert.ok(Date.now() - started >= 140, 'latency not applied');
      await hook(sb, 'latency', 'POST', { ms: 0 });
      started = Date.now();
      await api(sb, PRODUCTS);
      assert.ok(Date.now() - started < 140, 'latency not removed');
    });
  });

  describe('faults', () => {
    const addFault = async (rule: unknown): Promise<string> => {
      const res = await hook(sb, 'faults', 'POST', rule);
      assert.equal(res.status, 201);
      return String((await json(res)).id);
    };

    it('answers with a status in each body shape', async () => {
      const shapes: [string, number, unknown][] = [
        ['field', 400, { name: ['This field is required.'] }],
        ['detail', 503, { detail: 'Service temporarily unavailable, try again later.' }],
        ['error', 500, { error: 'A server error occurred.' }],
        ['status-message', 400, { status: 'Bad request', message: 'Malformed request.' }],
      ];
      for (const [bodyShape, status, expected] of shapes) {
        await addFault({ status, bodyShape });
        const res = await api(sb, PRODUCTS);
        assert.equal(res.status, status, bodyShape);
        assert.deepEqual(await json(res), expected);
      }
      assert.equal((await api(sb, PRODUCTS)).status, 200);
    });

    it('sends Retry-After and counts `times`, then stops; 0 means until cleared', async () => {
      await addFault({ retryAfter: '7', times: 2 });
      for (let i = 0; i < 2; i++) {
        const res = await api(sb, PRODUCTS);
        assert.equal(res.status, 429);
        assert.equal(res.headers.get('retry-after'), '7');
        assert.deepEqual(await json(res), { detail: 'Request was throttled. Expected available in 7 seconds.' });
      }
      assert.equal((await api(sb, PRODUCTS)).status, 200);
      const listed = await json<Record<string, unknown>[]>(await hook(sb, 'faults'));
      assert.deepEqual([listed[0]!.hits, listed[0]!.remaining], [2, 0]);
      await addFault({ status: 500, times: 0, method: 'GET', path: 'glob:/api/v1/catalog/products/*/' });
      const id = firstLive(sb).id;
      for (let i = 0; i < 3; i++) assert.equal((await api(sb, `${PRODUCTS}${id}/`)).status, 500);
      assert.equal((await api(sb, PRODUCTS)).status, 200, 'the glob must not match the list path');
      assert.equal((await api(sb, `${PRODUCTS}${id}/`, { method: 'PATCH', json: {} })).status, 200, 'method filter');
      await hook(sb, 'faults', 'DELETE');
      assert.equal((await api(sb, `${PRODUCTS}${id}/`)).status, 200);
    });

    it('resets the connection, truncates bodies and serves an nginx HTML page', async () => {
      await addFault({ reset: true });
      await assert.rejects(api(sb, PRODUCTS));
      await addFault({ truncate: true });
      const cut = await api(sb, PRODUCTS);
      assert.equal(cut.status, 200);
      await assert.rejects(cut.text());
      await addFault({ html: true });
      const html = await api(sb, PRODUCTS);
      assert.equal(html.status, 502);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await html.text(), /<center>nginx<\/center>/);
      const statuses = sb.journal.entries().map((e) => e.status);
      assert.deepEqual(statuses, [0, 200, 502]);
      assert.equal((await api(sb, PRODUCTS)).status, 200);
    });

    it('delays (pass-through) and rejects malformed rules', async () => {
      await addFault({ delayMs: 200, path: '/catalog/products/' });
      const started = Date.now();
      const res = await api(sb, PRODUCTS);
      assert.ok(Date.now() - started >= 190, 'delay not applied');
      assert.equal(res.status, 200);
      assert.equal((await json<Page>(res)).count, 36);
      const bad = await hook(sb, 'faults', 'POST', { bodyShape: 'nope', path: 're:^/(a+)+$' });
      assert.equal(bad.status, 400);
      assert.deepEqual(Object.keys(await json(bad)).sort(), ['bodyShape', 'path']);
    });
  });
});

describe('sandbox seeds and persistence', () => {
  it('builds the demo catalog deterministically across all ten tax codes', () => {
    const a = demoCatalog();
    assert.deepEqual(a, demoCatalog());
    const live = a.products.filter((p) => !p.archived);
    assert.equal(live.length, 36);
    assert.deepEqual(new Set(live.map((p) => p.taxCode)), new Set(TAX_CODES));
    assert.ok(a.products.every((p) => Date.parse(p.modifiedOn) <= SEED_BASE_DATE));
    const withImages = live.filter((p) => p.images.length > 0);
    assert.ok(withImages.length >= 10 && withImages.every((p) => p.images.filter((i) => i.thumbnail).length === 1));
    assert.ok(live.filter((p) => p.plans.length > 0).length >= 20);
    assert.ok(new Set(live.map((p) => p.createdBy)).size >= 4);
  });

  it('generates 10,000 products quickly and serves them capped at 100 per page', async () => {
    const started = Date.now();
    const catalog = generatedCatalog(10_000);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.equal(new Set(catalog.products.map((p) => p.identifier)).size, 10_000);
    const sb = await startSandbox({ seed: 'generated:10000' });
    try {
      const page = await json<Page>(await api(sb, `${PRODUCTS}?page_size=1000`));
      assert.equal(page.count, 10_000);
      assert.equal(page.results.length, 100);
      assert.equal(page.next, `${sb.origin}/api/v1/catalog/products/?page=2&page_size=1000`);
      const last = await json<Page>(await api(sb, `${PRODUCTS}?page=100`));
      assert.equal(last.next, null);
      assert.equal((await api(sb, `${PRODUCTS}?page=101`)).status, 404);
    } finally {
      await sb.close();
    }
  });

  it('persists writes to the state file across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelviq-sandbox-'));
    const stateFile = path.join(dir, 'nested', 'state.json');
    try {
      const first = await startSandbox({ stateFile });
      const created = await json(await api(first, PRODUCTS, { method: 'POST', json: { name: 'Survivor', taxCode: 'training' } }));
      await api(first, `${PRODUCTS}${String(created.id)}/settings/`, { method: 'PATCH', json: { currency: 'JPY' } });
      await first.close();
      assert.ok(fs.existsSync(stateFile));
      // The seed is ignored when the state file exists.
      const second = await startSandbox({ stateFile, seed: 'empty' });
      try {
        assert.equal((await json(await api(second, `${PRODUCTS}${String(created.id)}/`))).name, 'Survivor');
        assert.equal((await json(await api(second, `${PRODUCTS}${String(created.id)}/settings/`))).currency, 'JPY');
        assert.equal((await json<Page>(await api(second, PRODUCTS))).count, 37);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes promptly despite keep-alive connections and stops answering', async () => {
    const sb = await startSandbox({ seed: 'empty' });
    assert.equal((await api(sb, PRODUCTS)).status, 200);
    const started = Date.now();
    await sb.close();
    assert.ok(Date.now() - started < 1000);
    await assert.rejects(api(sb, PRODUCTS));
  });

  it('closes promptly while a request is still waiting on a delay fault', async () => {
    const sb = await startSandbox({ seed: 'empty' });
    sb.faults.add({ delayMs: 5000, status: 503 });
    const pending = api(sb, PRODUCTS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sb.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    await assert.rejects(pending);
  });
});
