// How stored media keys are shown in answers: a product image's `image` (an absolute URL on the
// sandbox's storage, or the bare key when `switches.productImageUrls` is `key`), a plan file's
// `file` (the spec says `format: uri`: always absolute) and its `downloadUrl` (the API's download
// route). URLs are built from the request's Host header, as the paging links are.
import { API_PREFIX, type ApiRequest } from './apiSupport';
import { objectUrl } from './storage';
import type { SandboxSwitches } from './switches';

export interface MediaUrls {
  image(key: string): string;
  file(key: string): string;
  download(identifier: string, fileId: string): string;
}

const isAbsolute = (value: string): boolean => /^https?:\/\//i.test(value);

/** `http://<Host>`: where this request reached the sandbox. */
export function requestOrigin(req: Pick<ApiRequest, 'headers' | 'url'>): string {
  return `http://${req.headers.host ?? req.url.host}`;
}

export function mediaUrls(req: Pick<ApiRequest, 'headers' | 'url'>, switches: Pick<SandboxSwitches, 'productImageUrls'>): MediaUrls {
  const origin = requestOrigin(req);
  const absolute = (key: string): string => (isAbsolute(key) ? key : objectUrl(origin, key));
  return {
    image: (key) => (switches.productImageUrls === 'key' ? key : absolute(key)),
    file: absolute,
    download: (identifier, fileId) => `${origin}${API_PREFIX}/catalog/plans/${encodeURIComponent(identifier)}/file/${fileId}/download/`,
  };
}

/** For answers built without a request (benchmarks, tests): keys as stored, files on the default port. */
export const STORED_MEDIA: MediaUrls = mediaUrls({ headers: { host: '127.0.0.1:4010' }, url: new URL('http://127.0.0.1:4010/') }, { productImageUrls: 'key' });
