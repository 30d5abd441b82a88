// Answers the sandbox cannot script, from a throwaway node:http server on loopback: a 204 with
// a JSON body, an HTTP-date Retry-After, a server that caps page_size on its own, a list that
// shrinks while we page, redirects, and connection reuse.
import assert from 'node:assert/strict';
import { MISSING_ID, SAMPLE_PRODUCT, TEST_KEY, makeClient, rejectsWith, sendJson, startRawServer, type RawHandler, type RawServer } from './support';

const product = (i: number): typeof SAMPLE_PRODUCT => ({ ...SAMPLE_PRODUCT, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `P${i}` });

describe('api/kelviq: KelviqClient against a loopback server', () => {
  let server: RawServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('archive accepts 204 with a JSON body, 204 empty, 204 announcing a body it never sends, and 200 with a message', async () => {
    const message = JSON.stringify({ message: 'Object deleted successfully.' });
    const answers: RawHandler[] = [
      // node:http refuses to send a body with 204, so write the response by hand
      (_req, res) => res.socket?.end(`HTTP/1.1 204 No Content\r\nContent-Type: application/json\r\nContent-Length: ${message.length}\r\nConnection: close\r\n\r\n${message}`),
      (_req, res) => res.writeHead(204).end(),
      (_req, res) => sendJson(res, 204, { message: 'Object deleted successfully.' }), // headers say 30 bytes, node sends none
      (_req, res) => sendJson(res, 200, { message: 'Object deleted successfully.' }),
    ];
    let n = 0;
    server = await startRawServer((req, res) => answers[n++]?.(req, res));
    const t = makeClient(server.baseUrl);
    try {
      for (let i = 0; i < answers.length; i++) assert.equal(await t.client.archiveProduct(MISSING_ID), undefined);
      assert.equal(t.retries.length, 0);
      assert.deepEqual(server.requests.map((r) => `${r.method} ${r.url}`), Array(4).fill(`DELETE /api/v1/catalog/products/${MISSING_ID}/`));
    } finally {
      await t.client.close();
    }
  });

  it('429 with an HTTP-date Retry-After waits until that time', async () => {
    let n = 0;
    let retryAt = 0;
    server = await startRawServer((_req, res) => {
      if (n++ === 0) {
        retryAt = Math.ceil((Date.now() + 300) / 1000) * 1000; // a whole second, ≥ 0.3 s ahead
        res.writeHead(429, { 'retry-after': new Date(retryAt).toUTCString(), 'content-length': '0' }).end();
      } else {
        sendJson(res, 200, SAMPLE_PRODUCT);
      }
    });
    const t = makeClient(server.baseUrl, { maxRetryDelayMs: 5_000 });
    try {
      await t.client.getProduct(SAMPLE_PRODUCT.id);
      const delay = t.retries[0]?.delayMs ?? -1;
      assert.ok(delay >= 250 && delay <= 1_300, `delay ${delay}`);
      assert.ok(Date.now() >= retryAt - 20, 'retried before the Retry-After date');
    } finally {
      await t.client.close();
    }
  });

  it('sends Authorization: Bearer <key>, a user agent, Accept JSON; reuses one keep-alive connection', async () => {
    const headers: Array<Record<string, string | string[] | undefined>> = [];
    server = await startRawServer((req, res) => {
      headers.push(req.headers);
      sendJson(res, 200, { count: 0, next: null, previous: null, results: [] });
    });
    const { client } = makeClient(server.baseUrl, { userAgent: 'kelviq-catalog-tests/1' });
    try {
      for (let i = 0; i < 20; i++) await client.listProducts();
      // undici may open a second socket while the first is finishing; without keep-alive it would be 20
      assert.ok(server.connections <= 2, `${server.connections} connections`);
      assert.equal(headers[0]?.authorization, `Bearer ${TEST_KEY}`);
      assert.equal(headers[0]?.['user-agent'], 'kelviq-catalog-tests/1');
      assert.equal(headers[0]?.accept, 'application/json');
    } finally {
      await client.close();
    }
  });

  it('listAll: a server that caps page_size below the request still yields every item', async () => {
    const items = Array.from({ length: 25 }, (_, i) => product(i));
    server = await startRawServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const page = Number(url.searchParams.get('page') ?? '1');
      // http:// links on purpose, pointing at a host that does not exist
      const next = page < 3 ? `http://unreachable.invalid/api/v1/catalog/products/?page=${page + 1}` : null;
      sendJson(res, 200, { count: 25, next, previous: null, results: items.slice((page - 1) * 10, page * 10) });
    });
    const { client } = makeClient(server.baseUrl);
    try {
      const all = await client.listAllProducts();
      assert.deepEqual(all.map((p) => p.name), items.map((p) => p.name));
      assert.deepEqual(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('page')).sort(), ['1', '2', '3']);
    } finally {
      await client.close();
    }
  });

  it('listAll: a list that shrinks while paging (404 Invalid page) and shifts (duplicates) is tolerated, and fetched once more', async () => {
    server = await startRawServer((req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
      if (page === 1) return sendJson(res, 200, { count: 7, next: 'x', previous: null, results: [product(1), product(2)] });
      if (page === 2) return sendJson(res, 200, { count: 5, next: 'x', previous: 'x', results: [product(2), product(3)] });
      if (page === 3) return sendJson(res, 200, { count: 5, next: null, previous: 'x', results: [product(4)] });
      return sendJson(res, 404, { detail: 'Invalid page.' });
    });
    const { client } = makeClient(server.baseUrl);
    try {
      const all = await client.listAllProducts({ pageSize: 2 });
      assert.deepEqual(all.map((p) => p.name), ['P1', 'P2', 'P3', 'P4']);
      // pages 1-4 (count 7, 2 per page); the count moved, so pages 1-4 once more (page 1 says 7 again)
      assert.equal(server.requests.length, 8);
    } finally {
      await client.close();
    }
  });

  it('listAll: a count of 1e15 does not plan 10^13 requests: refused with a clear message after one', async () => {
    server = await startRawServer((_req, res) => sendJson(res, 200, { count: 1e15, next: 'x', previous: null, results: [product(1), product(2)] }));
    const { client } = makeClient(server.baseUrl);
    try {
      const error = await rejectsWith(client.listAllProducts({ pageSize: 2 }), 'badResponse');
      assert.equal(
        error.message,
        'Kelviq (Sandbox) lists 1,000,000,000,000,000 products, 500,000,000,000,000 pages of 2: more than Load all fetches (1,000 pages). Search to narrow the list, or use Load more.',
      );
      assert.equal(error.path, '/api/v1/catalog/products/?page=1&page_size=2');
      assert.equal(server.requests.length, 1);
    } finally {
      await client.close();
    }
  });

  it('listAll: 1,000 pages are still loaded (the cap is above any catalog we know)', async () => {
    server = await startRawServer((req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
      sendJson(res, 200, { count: 1000, next: null, previous: null, results: [product(page)] });
    });
    const { client } = makeClient(server.baseUrl);
    try {
      assert.equal((await client.listAllProducts({ pageSize: 1 })).length, 1000);
    } finally {
      await client.close();
    }
  });

  it('a redirect is not followed (the key must not travel elsewhere) → badResponse', async () => {
    server = await startRawServer((_req, res) => res.writeHead(301, { location: 'https://elsewhere.invalid/api/v1/catalog/products/', 'content-length': '0' }).end());
    const { client } = makeClient(server.baseUrl);
    try {
      const error = await rejectsWith(client.listProducts(), 'badResponse');
      assert.match(error.message, /301 \(a redirect\).*Check the API base URL/);
      assert.equal(server.requests.length, 1);
    } finally {
      await client.close();
    }
  });

  it('a custom base path is kept and the trailing slash is sent', async () => {
    server = await startRawServer((_req, res) => sendJson(res, 200, { vpn: true, futureSetting: 1 }));
    const base = server.baseUrl.replace('/api/v1', '/proxy/kelviq/api/v1/');
    const { client } = makeClient(base);
    try {
      const settings = await client.getProductSettings(MISSING_ID);
      assert.equal(settings.futureSetting, 1);
      assert.equal(server.requests[0]?.url, `/proxy/kelviq/api/v1/catalog/products/${MISSING_ID}/settings/`);
    } finally {
      await client.close();
    }
  });
});
