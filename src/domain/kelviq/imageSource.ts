// What a product image's `image` field lets us show. The spec calls it a "storage key / URL": a
// CDN URL can be fetched and previewed; a bare storage key (`media/…/hero.png`) cannot, and the
// user is told so plainly. Only https URLs (or http on a loopback host, the sandbox) are fetched,
// always without the API key: the URL comes from the server and may name any host. Pure.
import { isLoopbackHost } from '../environment/loopback';

export type ImageSource =
  | { kind: 'url'; url: string }
  | { kind: 'storageKey'; key: string }
  | { kind: 'none' }
  /** A URL of a scheme or host the extension does not fetch from. */
  | { kind: 'refused'; why: string };

export function imageSource(image: unknown): ImageSource {
  if (typeof image !== 'string' || image.trim() === '') return { kind: 'none' };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(image)) return { kind: 'storageKey', key: image };
  let url: URL;
  try {
    url = new URL(image);
  } catch {
    return { kind: 'refused', why: 'it is not a valid URL' };
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return { kind: 'url', url: url.href };
  return { kind: 'refused', why: url.protocol === 'http:' ? 'it is a plain-http URL (only https is fetched)' : `its scheme is ${url.protocol.replace(/:$/, '')}` };
}

/** A file extension for the preview's address (VS Code picks its image viewer by it). */
export function imageExtension(name: unknown, source: ImageSource): string {
  const from = (text: string) => /\.(png|jpe?g|gif|webp|svg|bmp|ico|avif)$/i.exec(text)?.[1]?.toLowerCase();
  const byName = typeof name === 'string' ? from(name) : undefined;
  const byUrl = source.kind === 'url' ? from(new URL(source.url).pathname) : undefined;
  return byName ?? byUrl ?? 'png';
}
