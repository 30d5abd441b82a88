// The Zaveit sandbox is the stand-in for Zaveit in the client tests and the demo, so it is
// tested over real loopback HTTP with plain fetch against ZAVEIT.md, not through our client.
import assert from 'node:assert/strict';
import {
  CONTROL_TOKEN_HEADER,
  DEMO_TENANT,
  startZaveitSandbox,
  ZAVEIT_DEMO_TOKEN,
  ZAVEIT_EXPIRED_TOKEN,
  zaveitDemoCatalog,
  zaveitGeneratedCatalog,
  type ZaveitSandbox,
} from '../../../sandbox/zaveit';
import { SEED_CREATE_REQUEST } from './seedExamples';

type Json = Record<string, unknown>;

describe('sandbox/zaveit', function () {
  let sb: ZaveitSandbox;

  const api = (route: string, init: RequestInit & { json?: unknown; token?: string | null } = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? ZAVEIT_DEMO_TOKEN}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    return fetch(sb.baseUrl + route, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  /** A control route, with this run's token (what the guard refuses: sandboxGuard.test.ts). */
  const hook = (route: string, method = 'GET', body?: unknown): Promise<Response> =>
    fetch(`${sb.origin}/__sandbox/${route}`, {
      method,
      headers: { [CONTROL_TOKEN_HEADER]: sb.controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T = Json>(res: Response): Promise<T> => (await res.json()) as T;

  before(async () => {
    sb = await startZaveitSandbox({ port: 0 });
  });
  after(() => sb.close());
  beforeEach(() => {
    sb.reset();
    sb.journal.clear();
    sb.faults.clear();
  });

  describe('auth', () => {
    it('no token and an unknown token → 401 {message, data, statusCode}', async () => {
      for (const token of [null, 'nope']) {
        const res = await api('/v2/product', { token });
        assert.equal(res.status, 401);
        assert.deepEqual(await json(res), { message: 'Unauthorized', data: null, statusCode: 401 });
      }
    });

    it('the expired token → 401 "Session expired"; the demo token works', async () => {
      const res = await api('/v1/auth/info', { token: ZAVEIT_EXPIRED_TOKEN });
      assert.equal(res.status, 401);
      assert.equal((await json(res)).message, 'Session expired');
      const info = await json(await api('/v1/auth/info'));
      assert.equal(info.tenant, DEMO_TENANT);
      assert.equal(info.type, 'api');
      assert.ok(typeof info.exp === 'number' && info.exp > Date.now() + 29 * 86_400_000, 'exp in epoch ms, 30 days ahead');
      assert.equal(info.jwt, ZAVEIT_DEMO_TOKEN);
    });

    it('unknown paths → 404 "Cannot GET …" before auth; the journal redacts the token', async () => {
      const res = await api('/v2/nothing', { token: null });
      assert.equal(res.status, 404);
      assert.equal((await json(res)).message, 'Cannot GET /v2/nothing');
      await api('/v2/product');
      assert.equal(sb.journal.entries().at(-1)?.headers.authorization, 'Bearer <redacted>');
      assert.ok(!JSON.stringify(sb.journal.entries()).includes(ZAVEIT_DEMO_TOKEN));
    });
  });

  describe('GET /v2/product', () => {
    it('without paging parameters: the documented bare array of everything, in creation order', async () => {
      const items = await json<Json[]>(await api('/v2/product'));
      assert.deepEqual(items.map((p) => p.name), zaveitDemoCatalog().products.map((p) => p.name));
    });

    it('~page/~perPage page it; ~search filters by name, description or SKU', async () => {
      const page2 = await json<Json[]>(await api('/v2/product?~page=2&~perPage=5'));
      assert.deepEqual(page2.map((p) => p.name), zaveitDemoCatalog().products.slice(5, 10).map((p) => p.name));
      assert.deepEqual(await json(await api('/v2/product?~page=9&~perPage=5')), []);
      const found = await json<Json[]>(await api('/v2/product?~search=pmt-100'));
      assert.deepEqual(found.map((p) => p.name), ['Password Manager Teams']);
    });

    it('switches: {data: [...]}, paging ignored, search ignored (through the hook, which validates them)', async () => {
      assert.equal((await hook('switches', 'POST', { listShape: 'data', paging: 'ignore', search: 'ignore' })).status, 200);
      const body = await json<{ data: Json[] }>(await api('/v2/product?~page=2&~perPage=1&~search=zzz'));
      assert.equal(body.data.length, 12);
      const bad = await hook('switches', 'POST', { listShape: 'xml', nope: 1 });
      assert.equal(bad.status, 400);
      assert.deepEqual(Object.keys(await json(bad)).sort(), ['listShape', 'nope']);
    });

    it('the demo catalog: NOK, EUR and USD, subscriptions and one-off, 2–4 variants, one inactive, one deleted', () => {
      const products = zaveitDemoCatalog().products;
      assert.equal(products.length, 12);
      assert.deepEqual([...new Set(products.map((p) => (p.currency as Json).code))].sort(), ['EUR', 'NOK', 'USD']);
      assert.ok(products.some((p) => p.subscription === true) && products.some((p) => p.subscription === false));
      const counts = products.map((p) => (p.products as unknown[]).length);
      for (const n of [2, 3, 4]) assert.ok(counts.includes(n), `${n} variants`);
      assert.equal(products.filter((p) => (p.status as Json).deleted === true).length, 1);
      assert.equal(products.filter((p) => (p.status as Json).active === false && (p.status as Json).deleted === false).length, 1);
      assert.deepEqual(zaveitDemoCatalog(), zaveitDemoCatalog(), 'deterministic');
    });

    it('generated:10000 is deterministic, with unique ids', () => {
      const a = zaveitGeneratedCatalog(10_000);
      assert.equal(a.products.length, 10_000);
      assert.deepEqual(zaveitGeneratedCatalog(10_000).products[1234], a.products[1234]);
      assert.equal(new Set(a.products.map((p) => p.id)).size, 10_000);
    });
  });

  describe('POST /v2/product and GET /v2/product/:id', () => {
    it('creates the documented example with every server-owned field', async () => {
      const res = await api('/v2/product', { method: 'POST', json: SEED_CREATE_REQUEST });
      assert.equal(res.status, 200);
      const created = await json(res);
      for (const key of ['id', 'group_id', 'tenant', 'sales_channel', 'referenced', 'services', 'categories', 'stock', 'shop_enabled', 'keys', 'media', 'vendor', 'integrations', 'resell', 'msp', 'created', 'updated', '__v']) {
        assert.ok(key in created, key);
      }
      assert.equal(created.__v, 0);
      assert.deepEqual(Object.keys(created.currency as Json), ['code', '_id']);
      const got = await json(await api(`/v2/product/${String(created.id)}`));
      assert.deepEqual(got, created);
    });

    it('only name is required; defaults fill the rest; unknown fields are dropped', async () => {
      const created = await json(await api('/v2/product', { method: 'POST', json: { name: 'Bare', bogus: 1 } }));
      assert.equal(created.description, '');
      assert.deepEqual(created.status, { active: true, deleted: false });
      assert.equal('bogus' in created, false);
    });

    it('validation errors: Mongoose-style messages in {message, error: {message, status}}', async () => {
      const res = await api('/v2/product', { method: 'POST', json: { products: [{ sku: 'X', price: -1, amount: { min: 1, default: 1 } }] } });
      assert.equal(res.status, 400);
      const body = await json<{ message: string; error: { message: string; status: number } }>(res);
      assert.equal(body.message, 'Product validation failed: products.0.price: Path `products.0.price` (-1) is less than minimum allowed value (0)., name: Path `name` is required.');
      assert.deepEqual(body.error, { message: body.message, status: 400 });
      const badJson = await api('/v2/product', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
      assert.equal(badJson.status, 400);
    });

    it('a missing product → 404 "Product not found"', async () => {
      const res = await api('/v2/product/nope');
      assert.equal(res.status, 404);
      assert.deepEqual(await json(res), { message: 'Product not found', error: { message: 'Product not found', status: 404 } });
    });
  });

  describe('PATCH /v2/product/:id (assumed)', () => {
    it('replaces the changed top-level fields whole; keeps and assigns variant ids; bumps updated and __v; ignores server-owned fields', async () => {
      const [product] = sb.store.list();
      const variants = (product!.products as Json[]).map((v) => ({ ...v }));
      const res = await api(`/v2/product/${product!.id}`, { method: 'PATCH', json: { products: [variants[0], { sku: 'NEW', price: 5, amount: { min: 1, default: 1 }, _id: '' }], id: 'hijack', stock: 99 } });
      assert.equal(res.status, 200);
      const after = await json(res);
      const ids = (after.products as Json[]).map((v) => v._id);
      assert.equal(ids[0], variants[0]!._id);
      assert.match(String(ids[1]), /^[0-9a-f]{24}$/);
      assert.equal(after.__v, (product!.__v as number) + 1);
      assert.ok(Date.parse(String(after.updated)) > Date.parse(String(product!.updated)));
      assert.equal(after.id, product!.id);
      assert.equal(after.stock, product!.stock);
      assert.equal(after.name, product!.name);
    });

    it('an _id that is not an ObjectId → 400 Cast to ObjectId failed', async () => {
      const [product] = sb.store.list();
      const res = await api(`/v2/product/${product!.id}`, { method: 'PATCH', json: { products: [{ _id: 'x', sku: 'X', price: 1, amount: { min: 1, default: 1 } }] } });
      assert.equal(res.status, 400);
      assert.match((await json(res)).message as string, /Cast to ObjectId failed for value "x"/);
    });

    for (const status of [405, 404, 501] as const) {
      it(`patchStatus ${status}: PATCH answers ${status} and changes nothing`, async () => {
        sb.switches.patchStatus = status;
        const [product] = sb.store.list();
        const res = await api(`/v2/product/${product!.id}`, { method: 'PATCH', json: { name: 'X' } });
        assert.equal(res.status, status);
        assert.equal(sb.store.get(product!.id)?.name, product!.name);
      });
    }
  });

  describe('hooks', () => {
    it('faults from the shared fault registry answer instead of the API and are journaled', async () => {
      assert.equal((await hook('faults', 'POST', { method: 'GET', path: '/v2/product', status: 503, body: { message: 'busy' } })).status, 201);
      const res = await api('/v2/product');
      assert.equal(res.status, 503);
      assert.equal(sb.journal.entries()[0]?.fault, 'fault_1');
      assert.equal((await hook('journal')).status, 200);
    });

    it('nextWriteAnswer: the write is carried out, then the answer is lost (once)', async () => {
      sb.switches.nextWriteAnswer = 'reset';
      await assert.rejects(api('/v2/product', { method: 'POST', json: { name: 'Lost answer' } }));
      assert.equal(sb.store.list('Lost answer').length, 1);
      assert.equal(sb.switches.nextWriteAnswer, 'normal');
    });

    it('reset restores the seed and the switches', async () => {
      sb.switches.listShape = 'data';
      await api('/v2/product', { method: 'POST', json: { name: 'Extra' } });
      const res = await hook('reset', 'POST');
      assert.deepEqual(await json(res), { count: 12 });
      assert.equal(sb.switches.listShape, 'array');
    });
  });
});
