// Which files Add Image… takes, and the words of an upload. Pure. kelviq's upload policy allows
// up to 5 GB per file, but a product image is shown on pricing pages and checkouts: 20 MB is far
// above any sensible one and keeps the upload in memory reasonable, so that is the limit stated.
import { plainText, quoted } from '../../domain/untrustedText';

export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
};

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export const IMAGE_KINDS_TEXT = 'PNG, JPEG, GIF, WebP, SVG or AVIF, up to 20 MB each';

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The MIME type of an image file by its name, or undefined for anything else. */
export function imageTypeOf(fileName: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext !== undefined && Object.hasOwn(IMAGE_TYPES, ext) ? IMAGE_TYPES[ext] : undefined;
}

/** Why a file cannot be added as an image, or undefined. */
export function imageFileProblem(fileName: string, size: number): string | undefined {
  if (!imageTypeOf(fileName)) return `${quoted(fileName, 60)} is not an image (${IMAGE_KINDS_TEXT}).`;
  if (size > MAX_IMAGE_BYTES) return `${quoted(fileName, 60)} is ${formatBytes(size)}; images can be at most 20 MB.`;
  if (size === 0) return `${quoted(fileName, 60)} is empty.`;
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "photo.png: 1.2 MB of 3.4 MB (1/2)" */
export function progressText(fileName: string, sent: number, total: number, index: number, count: number): string {
  return `${plainText(fileName, 60)}: ${formatBytes(sent)} of ${formatBytes(total)}${count > 1 ? ` (${index + 1}/${count})` : ''}`;
}

export type UploadFailureKind = 'expired' | 'rejected' | 'tooLarge' | 'network' | 'cancelled';

/** Why one file did not upload, in words (the storage's own message is untrusted: plain text). */
export function uploadFailureText(fileName: string, kind: UploadFailureKind | undefined, message: string): string {
  const name = quoted(fileName, 60);
  switch (kind) {
    case 'expired':
      return `${name} was not uploaded: kelviq's upload permission expired (it lasts one hour). Add it again.`;
    case 'rejected':
      return `${name} was not uploaded: the storage refused it (${plainText(message, 200)}).`;
    case 'tooLarge':
      return `${name} was not uploaded: the storage says it is too large.`;
    case 'network':
      return `${name} was not uploaded: the connection to the storage failed (${plainText(message, 200)}). Add it again.`;
    default:
      return `${name} was not uploaded: ${plainText(message, 200)}`;
  }
}

export function addedText(count: number, productName: string): string {
  return `Added ${count === 1 ? 'an image' : `${count} images`} to ${quoted(productName)}.`;
}

export const CANCELLED_TEXT = 'Cancelled: no image was added. Files already uploaded are only kept by kelviq as temporary uploads, which expire.';
