// Splits a configured API base URL into the origin (one connection pool each) and the base path
// that every request path is appended to. Pure. Plain http only for loopback: the one rule in
// domain/environment/loopback, checked here again so the client never depends on the caller.
import { isLoopbackUrl } from '../../domain/environment/loopback';

export interface ParsedBaseUrl {
  /** `https://api.kelviq.com` */
  origin: string;
  /** `/api/v1` (no trailing slash; '' for a bare origin) */
  basePath: string;
}

/**
 * Throws a TypeError a person can act on for anything that is not an absolute http(s) URL
 * without credentials, query or fragment. Plain http is accepted only for loopback hosts: the API
 * key travels in a header and must not cross a network unencrypted.
 */
export function parseBaseUrl(baseUrl: string): ParsedBaseUrl {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new TypeError(`The API base URL "${baseUrl}" is not a valid URL. Use e.g. https://sandboxapi.kelviq.com/api/v1.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`The API base URL must start with https:// (got "${url.protocol}").`);
  }
  if (url.username || url.password) {
    throw new TypeError('The API base URL must not contain a user name or password; set the API key instead.');
  }
  if (url.protocol === 'http:' && !isLoopbackUrl(baseUrl)) {
    throw new TypeError(
      `The API base URL ${url.origin} uses plain http: the API key would travel unencrypted. Use https://, or http:// only for a local sandbox (127.0.0.1 / localhost).`,
    );
  }
  if (url.search || url.hash) {
    throw new TypeError(`The API base URL must not contain a query or fragment (got "${url.search}${url.hash}").`);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}
