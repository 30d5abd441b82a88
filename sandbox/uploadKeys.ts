// The temporary upload keys a product or plan write attaches (`imageKeys`, `fileKeys`): each must
// name an upload the storage holds under `tmp/` (**assumed**: the spec does not say what an unknown
// key does; a 400 keyed by the field is the likelier answer of a DRF serializer, and the write then
// changes nothing). Once attached, the upload moves to the permanent key of its record, as the
// vendor moves `tmp/` uploads into permanent storage: the same key cannot be attached twice.
import type { DrfErrors } from './drfErrors';
import type { ObjectStorage } from './storage';

export function checkUploadKeys(storage: ObjectStorage, field: string, keys: readonly string[] | undefined): DrfErrors | undefined {
  if (!keys || keys.length === 0) return undefined;
  const messages: string[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) messages.push(`"${key}" is given more than once.`);
    else if (!key.startsWith('tmp/') || !storage.has(key)) messages.push(`"${key}" is not an uploaded file: request an upload (POST /media/), upload the file to its url, then send its fileKey.`);
    seen.add(key);
  }
  return messages.length > 0 ? { [field]: messages } : undefined;
}

/** Moves upload `keys[i]` to `targets[i]` (the records just made from them). */
export function attachUploads(storage: ObjectStorage, keys: readonly string[], targets: readonly string[]): void {
  keys.forEach((key, index) => {
    const target = targets[index];
    if (target !== undefined) storage.move(key, target);
  });
}

/** Uploads given where nothing shows them (a product's `fileKeys`): accepted, and taken out of `tmp/`. */
export function consumeUploads(storage: ObjectStorage, keys: readonly string[] | undefined): void {
  for (const key of keys ?? []) storage.delete(key);
}
