// The words of an upload, whatever is uploaded (images, plan files): sizes, progress, why one file
// did not upload. Pure; file names and the storage's messages are untrusted (quoted, plainText).
import { plainText, quoted } from '../../domain/untrustedText';

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
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

/** After a Cancel: what happened to the files that did upload. */
export const UPLOADS_EXPIRE_NOTE = 'Files already uploaded are only kept by kelviq as temporary uploads, which expire.';
