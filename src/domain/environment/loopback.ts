// The one loopback rule: which hosts may be talked to over plain http (the API key travels in a
// header) and which Host / Origin headers the sandbox answers. Used by the API client
// (api/http/baseUrl), the Custom environment check (./environments) and the sandbox. Pure.
//
// Accepted: `localhost`, `[::1]` and dotted quads in 127.0.0.0/8 (`127.0.0.1` … `127.255.255.255`),
// written exactly like that. Everything else is not loopback, including spellings the URL parser
// would rewrite into a loopback address (`0x7f.1`, `2130706433`, `127.1`, `[0:0:0:0:0:0:0:1]`) and
// names that merely start like one (`127.evil.com`, `127.0.0.1.evil.com`, `localhost.evil.com`).

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_HOST = new RegExp(`^(?:localhost|\\[::1\\]|127(?:\\.${OCTET}){3})$`, 'i');

/** A host name (as URL.hostname gives it: IPv6 in brackets) that is loopback by the rule above. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

/**
 * An absolute http(s) URL that points at a loopback host: no user name or password, and the host
 * as written is the host the URL parser ends up with (so `http://127.0.0.1@evil.com`,
 * `http://0x7f.1/` and `http://127.0.0.1%2e/` are all refused).
 */
export function isLoopbackUrl(text: string): boolean {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const written = writtenHost(trimmed);
  return written !== undefined && written === url.hostname && isLoopbackHost(url.hostname);
}

/** A Host header value (`127.0.0.1:4010`, `localhost`, `[::1]:80`) naming a loopback host. */
export function isLoopbackAuthority(authority: string): boolean {
  return /^[^\s@/\\?#]+$/.test(authority) && isLoopbackUrl(`http://${authority}/`);
}

/** The host between `scheme://` and the port or path, lower-cased as the URL parser would; undefined with user info. */
function writtenHost(text: string): string | undefined {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(text)?.[1];
  if (authority === undefined || authority.includes('@')) return undefined;
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:[^:]*$/, '');
  return host.toLowerCase();
}
