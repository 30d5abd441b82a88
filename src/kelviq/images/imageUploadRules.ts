// Which files Add Image… takes, and the words of its outcome (those of any upload are in
// uploads/uploadTexts.ts). Pure. kelviq's upload policy allows up to 5 GB per file, but a product
// image is shown on pricing pages and checkouts: 20 MB is far above any sensible one and keeps the
// upload in memory reasonable, so that is the limit stated.
import { quoted } from '../../domain/untrustedText';
import { formatBytes, UPLOADS_EXPIRE_NOTE } from '../uploads/uploadTexts';

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

export function addedText(count: number, productName: string): string {
  return `Added ${count === 1 ? 'an image' : `${count} images`} to ${quoted(productName)}.`;
}

export const CANCELLED_TEXT = `Cancelled: no image was added. ${UPLOADS_EXPIRE_NOTE}`;
