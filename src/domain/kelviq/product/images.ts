// A product's images as the editable view holds them, and the rules every part of the save reads
// them by: matched by `id` (PRODUCT_MERGE_RULES), each reduced to `id` and the fields the image
// PATCH takes (`image`, the file, and any field the server adds are read-only: left out, so
// editing them is never a change to send), which image a save makes the thumbnail, and an image's
// name for messages.
import { idKeys } from '../../document/jsonPath';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { IMAGE_EDITABLE_FIELDS } from './fields';

/** Images are matched by their id: moving entries around in the list changes nothing. */
export const PRODUCT_MERGE_RULES = idKeys({ images: 'id' });

/** One image's editable view: its `id`, then the PATCH's fields it has. Anything else: as it is (validation refuses it). */
export function imageView(image: unknown): unknown {
  if (!isPlainObject(image)) return image;
  const view: JsonObject = {};
  for (const key of ['id', ...IMAGE_EDITABLE_FIELDS]) if (Object.hasOwn(image, key) && image[key] !== undefined) view[key] = image[key];
  return view;
}

/** The `images` of the editable view: missing or null → [] (a product without images). */
export function imagesView(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(imageView) : value;
}

/** The entries of a list that are objects (others are validation's business). */
export function imageRecords(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

function orderingOf(image: JsonObject): number {
  return typeof image.ordering === 'number' && Number.isFinite(image.ordering) ? image.ordering : Infinity;
}

function idOf(image: JsonObject): string {
  return typeof image.id === 'string' ? image.id : typeof image.id === 'number' ? String(image.id) : '';
}

/**
 * The image a save makes the thumbnail: of the images `after` marks `thumbnail: true` that
 * `before` (the same id) did not, the first in the gallery (lowest `ordering`, then by id; never
 * by position in the list, which does not matter). Undefined when no image newly becomes the
 * thumbnail. `before` undefined: every marked image is new. kelviq clears the flag on the
 * product's other images when one is set, so only this one's `thumbnail: true` is sent.
 */
export function chosenThumbnail(before: readonly JsonObject[] | undefined, after: readonly JsonObject[]): JsonObject | undefined {
  const wasThumbnail = new Set((before ?? []).filter((i) => i.thumbnail === true).map(idOf));
  const marked = after.filter((i) => i.thumbnail === true && !(before && wasThumbnail.has(idOf(i))));
  let best: JsonObject | undefined;
  for (const image of marked) {
    if (!best) best = image;
    else {
      const [a, b] = [orderingOf(image), orderingOf(best)];
      if (a < b || (a === b && idOf(image) < idOf(best))) best = image;
    }
  }
  return best;
}

/** An image's name for messages: its name, else its file's last path segment, else its id. Untrusted text. */
export function imageLabel(image: JsonObject | undefined, id: string): string {
  if (image && typeof image.name === 'string' && image.name.trim()) return image.name;
  if (image && typeof image.image === 'string') {
    const file = image.image.split(/[?#]/)[0]!.split('/').filter(Boolean).pop();
    if (file) return file;
  }
  return id;
}
