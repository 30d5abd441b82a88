// The checks of a product document's `images`: the rules of every attachment list
// (attachmentRules.ts: matched by `id`, `image` and the server's fields read-only, editable fields
// never removed, a name never null), and one of images only: more than one `thumbnail: true` is a
// warning naming the image the save makes the thumbnail (kelviq clears the flag on the others).
import type { Node } from 'jsonc-parser';
import type { ProductDetail } from '../../../api/kelviq/schemas';
import type { DocumentProblem } from '../../document/documentProblem';
import type { JsonObject } from '../../document/jsonShapes';
import type { Segment } from '../../document/segmentPath';
import {
  attachmentContext,
  attachmentProblem,
  attachmentProblems,
  isAttachmentServerKey,
  nodeAt,
  onAttachmentServerData,
  type AttachmentContext,
  type AttachmentList,
} from '../attachmentRules';
import { ADD_IMAGE_HINT, IMAGE_EDITABLE_FIELDS } from './fields';
import { chosenThumbnail } from './images';

export const PRODUCT_IMAGES: AttachmentList = {
  field: 'images',
  fileField: 'image',
  editable: IMAGE_EDITABLE_FIELDS,
  noun: 'image',
  aNoun: 'an image',
  owner: 'product',
  addHint: ADD_IMAGE_HINT,
  replaceHint: 'upload a new image with Add Image… instead',
};

export type ImageContext = AttachmentContext;

export function imageContext(root: Node, doc: JsonObject, base: ProductDetail | undefined): ImageContext {
  return attachmentContext(PRODUCT_IMAGES, root, doc, base);
}

export const isImageServerKey = (ctx: ImageContext, path: readonly Segment[]): boolean => isAttachmentServerKey(ctx, path);
export const onImageServerData = (ctx: ImageContext, path: readonly Segment[]): boolean => onAttachmentServerData(ctx, path);

/** More than one `thumbnail: true`: a warning on each one the save does not make the thumbnail. */
function thumbnailProblems(ctx: ImageContext): DocumentProblem[] {
  const marked = ctx.entries.map((entry, i) => [entry, i] as const).filter(([entry]) => entry?.thumbnail === true);
  if (marked.length < 2) return [];
  const objects = ctx.entries.filter((e): e is JsonObject => e !== undefined);
  const chosen = chosenThumbnail(ctx.base ? ctx.baseEntries : undefined, objects);
  const chosenIndex = ctx.entries.indexOf(chosen);
  if (!chosen || chosenIndex < 0) return [];
  const out: DocumentProblem[] = [];
  for (const [, i] of marked) {
    if (i === chosenIndex) continue;
    const node = nodeAt(ctx, ['images', i, 'thumbnail']);
    if (!node) continue;
    out.push({
      ...attachmentProblem(
        ctx,
        'invalid-value',
        node,
        `Only one image can be the thumbnail: saving makes \`images[${chosenIndex}]\` the thumbnail, and kelviq then clears \`thumbnail\` on the product's other images, \`images[${i}]\` included. Set this one to false to say so.`,
      ),
      severity: 'warning',
    });
  }
  return out;
}

/** Every image problem of the document. */
export function imageProblems(ctx: ImageContext, doc: JsonObject): DocumentProblem[] {
  if (ctx.untouched) return [];
  return [...attachmentProblems(ctx, doc), ...thumbnailProblems(ctx)];
}
