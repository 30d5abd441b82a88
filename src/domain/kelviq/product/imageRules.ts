// The checks of a product document's `images` beyond one value's type, each on the exact node.
// An entry is one of the product's images, matched by `id`: an entry without an id, or with an id
// the product does not have, is an error (images are added with Add Image…, never by typing
// them); so is an id used twice. An image's `image` (its file) and the fields the server adds are
// read-only: compared with the base's image of the same id (a change, an addition or a removal is
// an error carrying what a revert puts back). The editable fields an image has cannot be removed
// (a save can only change them), nor can a name be set to null. More than one `thumbnail: true` is a warning naming the image the
// save makes the thumbnail (kelviq clears the flag on the others). Images exactly as the server
// has them are the server's data: nothing is reported on them.
import type { Node } from 'jsonc-parser';
import { findNodeAtLocation } from 'jsonc-parser';
import type { ProductDetail } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import type { DocumentProblem } from '../../document/documentProblem';
import { nodeRange } from '../../document/jsonRanges';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { nodeValue } from '../../document/jsonValue';
import { listFields } from '../../document/problemWording';
import { pathLabel, type Segment } from '../../document/segmentPath';
import { ADD_IMAGE_HINT, IMAGE_EDITABLE_FIELDS, isImageEditableField } from './fields';
import { chosenThumbnail, imageRecords } from './images';

/** The document's images measured against the base's. */
export interface ImageContext {
  root: Node;
  /** The document's `images` entries (undefined where an entry is not an object); [] when it is not an array. */
  entries: readonly (JsonObject | undefined)[];
  base: ProductDetail | undefined;
  baseImages: readonly JsonObject[];
  /** The base's image entry `index` stands for: its id is the base image's, and no entry before it claimed that id. */
  counterpart(index: number): JsonObject | undefined;
  /** The document's images equal the base's: the server's data, nothing to check. */
  untouched: boolean;
}

export function imageContext(root: Node, doc: JsonObject, base: ProductDetail | undefined): ImageContext {
  const list = Object.hasOwn(doc, 'images') && Array.isArray(doc.images) ? (doc.images as unknown[]) : [];
  const entries = list.map((e) => (isPlainObject(e) ? e : undefined));
  const baseImages = imageRecords(base?.images);
  const byId = new Map<string, JsonObject>();
  for (const image of baseImages) if (typeof image.id === 'string' && !byId.has(image.id)) byId.set(image.id, image);
  const claimed = new Set<string>();
  const counterparts = entries.map((entry) => {
    if (!base || !entry || typeof entry.id !== 'string' || !byId.has(entry.id) || claimed.has(entry.id)) return undefined;
    claimed.add(entry.id);
    return byId.get(entry.id);
  });
  const untouched = base !== undefined && Object.hasOwn(doc, 'images') && deepEqual(doc.images, base.images);
  return { root, entries, base, baseImages, counterpart: (i) => counterparts[i], untouched };
}

/** Keys some image of the base has: the server's, not unknown fields. */
function serverKeys(ctx: ImageContext): Set<string> {
  return new Set(ctx.baseImages.flatMap((image) => Object.keys(image)));
}

/** A key of an image entry (`['images', 2, 'createdOn']`) that the server itself sends: not an unknown field. */
export function isImageServerKey(ctx: ImageContext, path: readonly Segment[]): boolean {
  return ctx.base !== undefined && path.length === 3 && path[0] === 'images' && typeof path[2] === 'string' && serverKeys(ctx).has(path[2]);
}

/**
 * Whether a schema issue inside `images` is on the server's data (dropped): with a base, every
 * issue when the images are untouched; `id`, `image` and server fields always (the rules below
 * compare them with the base); an editable field with the value the base's image has.
 */
export function onImageServerData(ctx: ImageContext, path: readonly Segment[]): boolean {
  if (!ctx.base) return false;
  if (ctx.untouched) return true;
  const [, index, key] = path;
  if (typeof index !== 'number' || typeof key !== 'string') return false;
  if (!isImageEditableField(key)) return true;
  const entry = ctx.entries[index];
  const counterpart = ctx.counterpart(index);
  return entry !== undefined && counterpart !== undefined && Object.hasOwn(entry, key) && deepEqual(entry[key], counterpart[key]);
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function nodeAt(ctx: ImageContext, path: readonly Segment[]): Node | undefined {
  return findNodeAtLocation(ctx.root, path as Segment[]);
}

function problem(code: DocumentProblem['code'], node: Node, message: string, extra: Partial<DocumentProblem> = {}): DocumentProblem {
  return { code, message, severity: 'error', field: 'images', ...nodeRange(node), ...extra };
}

/** Entries without an id, with an id the product does not have, with an edited id, or with an id used twice. */
function idProblems(ctx: ImageContext): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  const byId = new Map(ctx.baseImages.filter((i) => typeof i.id === 'string').map((i) => [i.id as string, i]));
  const used = new Set(ctx.entries.map((_, i) => ctx.counterpart(i)?.id).filter((id): id is string => typeof id === 'string'));
  const firstWith = new Map<unknown, number>();
  ctx.entries.forEach((entry, i) => {
    if (!entry) return;
    const node = nodeAt(ctx, ['images', i]);
    if (!node) return;
    const label = pathLabel(['images', i]);
    if (entry.id === undefined) {
      out.push({ ...problem('required', node, `\`${label}\` has no \`id\`, so it is not one of the product's images. ${capitalised(ADD_IMAGE_HINT)}.`), length: 1 });
      return;
    }
    const idNode = nodeAt(ctx, ['images', i, 'id']);
    if (!idNode) return;
    const idLabel = pathLabel(['images', i, 'id']);
    const earlier = firstWith.get(entry.id);
    if (earlier === undefined) firstWith.set(entry.id, i);
    if (!ctx.base) {
      if (earlier !== undefined) out.push(problem('invalid-value', idNode, `\`${idLabel}\` is the id of \`images[${earlier}]\` too: each image can be listed only once.`));
      return;
    }
    if (ctx.counterpart(i)) return;
    // An edited id: the base's image with this entry's file, if no other entry shows its id.
    const match = typeof entry.image === 'string' ? ctx.baseImages.find((b) => b.image === entry.image && typeof b.id === 'string' && !used.has(b.id)) : undefined;
    if (match) {
      used.add(match.id as string);
      out.push(problem('read-only', idNode, `\`${idLabel}\` was changed: an image's id is set by kelviq and cannot be edited. Put it back; ${ADD_IMAGE_HINT}.`, { data: { original: match.id } }));
    } else if (typeof entry.id === 'string' && byId.has(entry.id) && earlier !== undefined) {
      out.push(problem('invalid-value', idNode, `\`${idLabel}\` is the id of \`images[${earlier}]\` too: each image can be listed only once.`));
    } else {
      out.push(problem('invalid-value', idNode, `\`${idLabel}\` is not the id of an image of this product: ${ADD_IMAGE_HINT}.`));
    }
  });
  return out;
}

/** `image` and the server's fields of each image, compared with the base's image of the same id. */
function readOnlyProblems(ctx: ImageContext): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  const fromServer = serverKeys(ctx);
  ctx.entries.forEach((entry, i) => {
    const counterpart = ctx.counterpart(i);
    if (!entry || !counterpart) return;
    const keys = [...new Set([...Object.keys(counterpart), ...Object.keys(entry)])].filter(
      (k) => k !== 'id' && !isImageEditableField(k) && (k === 'image' || fromServer.has(k)),
    );
    const removed: string[] = [];
    for (const key of keys) {
      const before = Object.hasOwn(counterpart, key) ? counterpart[key] : undefined;
      const node = Object.hasOwn(entry, key) ? nodeAt(ctx, ['images', i, key]) : undefined;
      if (!node) {
        if (before !== undefined) removed.push(key);
        continue;
      }
      if (before !== undefined && deepEqual(nodeValue(node), before)) continue;
      const label = pathLabel(['images', i, key]);
      const message =
        before === undefined
          ? `\`${label}\` is set by kelviq and cannot be added; it will not be saved.`
          : key === 'image'
            ? `\`${label}\` is read-only: an image's file cannot be changed; upload a new image with Add Image… instead. This change will not be saved.`
            : `\`${label}\` is read-only; this change will not be saved.`;
      out.push(problem('read-only', node, message, { data: { original: before } }));
    }
    const entryNode = nodeAt(ctx, ['images', i]);
    if (removed.length > 0 && entryNode) {
      const many = removed.length > 1;
      const labels = removed.map((k) => pathLabel(['images', i, k]));
      out.push(
        problem('read-only', entryNode, `${listFields(labels)} ${many ? 'are' : 'is'} read-only; removing ${many ? 'them' : 'it'} will not be saved.`, {
          data: { original: counterpart[removed[0]!], originals: Object.fromEntries(removed.map((k) => [k, counterpart[k]])) },
        }),
      );
    }
  });
  return out;
}

/** An editable field the base's image has and the entry does not: a save can only change it. */
function removedFieldProblems(ctx: ImageContext): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  ctx.entries.forEach((entry, i) => {
    const counterpart = ctx.counterpart(i);
    const node = nodeAt(ctx, ['images', i]);
    if (!entry || !counterpart || !node) return;
    const removed = IMAGE_EDITABLE_FIELDS.filter((k) => counterpart[k] !== undefined && !Object.hasOwn(entry, k));
    if (removed.length === 0) return;
    const many = removed.length > 1;
    const labels = removed.map((k) => pathLabel(['images', i, k]));
    out.push({
      ...problem(
        'required',
        node,
        `${listFields(labels)} cannot be removed: the image has ${many ? 'them' : 'it'}, and a save can only change ${many ? 'their values' : 'its value'}. Put ${many ? 'them' : 'it'} back.`,
        { data: { fields: labels, originals: Object.fromEntries(removed.map((k) => [k, counterpart[k]])) } },
      ),
      length: 1,
    });
  });
  return out;
}

/** A name set to null: the server sends null for an image without one, but the PATCH takes a string. */
function nullNameProblems(ctx: ImageContext): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  ctx.entries.forEach((entry, i) => {
    const counterpart = ctx.counterpart(i);
    if (!entry || !counterpart || entry.name !== null || counterpart.name === null) return;
    const node = nodeAt(ctx, ['images', i, 'name']);
    if (node) out.push(problem('type', node, `\`${pathLabel(['images', i, 'name'])}\` must be a string, not null: an image's name can be changed, not removed.`));
  });
  return out;
}

/** More than one `thumbnail: true`: a warning on each one the save does not make the thumbnail. */
function thumbnailProblems(ctx: ImageContext): DocumentProblem[] {
  const marked = ctx.entries.map((entry, i) => [entry, i] as const).filter(([entry]) => entry?.thumbnail === true);
  if (marked.length < 2) return [];
  const objects = ctx.entries.filter((e): e is JsonObject => e !== undefined);
  const chosen = chosenThumbnail(ctx.base ? ctx.baseImages : undefined, objects);
  const chosenIndex = ctx.entries.indexOf(chosen);
  if (!chosen || chosenIndex < 0) return [];
  const out: DocumentProblem[] = [];
  for (const [, i] of marked) {
    if (i === chosenIndex) continue;
    const node = nodeAt(ctx, ['images', i, 'thumbnail']);
    if (!node) continue;
    out.push({
      ...problem(
        'invalid-value',
        node,
        `Only one image can be the thumbnail: saving makes \`images[${chosenIndex}]\` the thumbnail, and kelviq then clears \`thumbnail\` on the product's other images, \`images[${i}]\` included. Set this one to false to say so.`,
      ),
      severity: 'warning',
    });
  }
  return out;
}

/** The base has images and the text has no `images` at all: a save can only change the list (removing an entry deletes that image). */
function removedListProblems(ctx: ImageContext, doc: JsonObject): DocumentProblem[] {
  if (!ctx.base || Object.hasOwn(doc, 'images') || !Array.isArray(ctx.base.images) || ctx.base.images.length === 0) return [];
  return [
    {
      code: 'required',
      message: '`images` cannot be removed: the product has images, and a save can only change the list. To delete an image, remove its entry from the list. Put `images` back.',
      severity: 'error',
      field: 'images',
      offset: ctx.root.offset,
      length: 1,
      data: { fields: ['images'], originals: { images: ctx.base.images } },
    },
  ];
}

/** Every image problem of the document (see the header). */
export function imageProblems(ctx: ImageContext, doc: JsonObject): DocumentProblem[] {
  if (ctx.untouched) return [];
  return [...removedListProblems(ctx, doc), ...idProblems(ctx), ...readOnlyProblems(ctx), ...removedFieldProblems(ctx), ...nullNameProblems(ctx), ...thumbnailProblems(ctx)];
}
