// The "ideal" client the extension is measured against: bare undici.request on a keep-alive
// Agent, no validation, no retries, no logging; it only reads and JSON-parses the body.
import { Agent, request } from 'undici';

export interface RawPage {
  count: number;
  results: Array<Record<string, unknown>>;
}

export class RawClient {
  readonly #agent = new Agent({ keepAliveTimeout: 10_000 });
  readonly #auth: string;

  constructor(
    private readonly baseUrl: string,
    /** kelviq's API key or Zaveit's session token: both travel as a Bearer header. */
    credential: string,
  ) {
    this.#auth = `Bearer ${credential}`;
  }

  async json<T>(method: 'GET' | 'PATCH' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await request(this.baseUrl + path, {
      method,
      dispatcher: this.#agent,
      headers: body === undefined ? { authorization: this.#auth } : { authorization: this.#auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parsed = (await res.body.json()) as T;
    if (res.statusCode >= 300) throw new Error(`raw ${method} ${path}: HTTP ${res.statusCode} ${JSON.stringify(parsed)}`);
    return parsed;
  }

  page(page: number): Promise<RawPage> {
    return this.json<RawPage>('GET', `/catalog/products/?page=${page}&page_size=100`);
  }

  /** The same pages as the extension's pager: page 1 (for the count), then 2..N, `concurrency` at a time. */
  async listAll(concurrency: number, list: 'products' | 'plans' = 'products'): Promise<number> {
    const page = (n: number): Promise<RawPage> => (list === 'products' ? this.page(n) : this.json<RawPage>('GET', `/catalog/plans/?page=${n}&page_size=100`));
    const first = await page(1);
    const pages = Math.ceil(first.count / 100);
    let next = 2;
    let loaded = first.results.length;
    const worker = async (): Promise<void> => {
      while (next <= pages) {
        const n = next++;
        const { results } = await page(n);
        loaded += results.length; // after the await: `loaded += await …` would read a stale total
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(0, pages - 1)) }, worker));
    return loaded;
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}
