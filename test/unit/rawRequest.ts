// A request with exactly the headers given (node:http, not fetch), so that a test can set Host
// and Origin as a browser or a DNS-rebinding page would. Used by the sandbox guard tests.
import * as http from 'node:http';

export interface RawAnswer {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
}

export interface RawRequestOptions {
  method?: string;
  /** Host defaults to 127.0.0.1:PORT; anything given here replaces it. */
  headers?: Record<string, string>;
  body?: string;
}

/** `path` on the server at `origin` (http://127.0.0.1:PORT), over loopback. */
export function rawRequest(origin: string, path: string, options: RawRequestOptions = {}): Promise<RawAnswer> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
