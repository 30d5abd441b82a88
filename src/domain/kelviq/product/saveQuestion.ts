// What a product save asks before it is sent (DocumentModel.askBeforeWrite): removing an image's
// entry deletes that image from kelviq for good, so a save that deletes images names each one and
// the product, and goes ahead only on "Delete Image and Save" ("Delete 2 Images and Save"). No
// question when nothing is deleted. Names are the catalog's (untrusted): quoted, plain text.
import type { ProductDetail } from '../../../api/kelviq/schemas';
import type { SaveQuestion, SaveRequest } from '../../document/documentModel';
import { diffJson } from '../../document/jsonDiff';
import type { JsonObject } from '../../document/jsonShapes';
import { quoted } from '../../untrustedText';
import { imageLabel, imageRecords, PRODUCT_MERGE_RULES } from './images';

/** Images named one per line in the detail; more are counted. */
const MAX_LISTED = 20;

/** The ids of the images `from` has and `to` does not, in `from`'s order. */
export function deletedImageIds(from: JsonObject, to: JsonObject): string[] {
  const kept = new Set(imageRecords(to.images).map((i) => i.id));
  return imageRecords(from.images)
    .map((i) => i.id)
    .filter((id): id is string => typeof id === 'string' && !kept.has(id));
}

function productName(product: ProductDetail): string {
  if (typeof product.name === 'string' && product.name.trim()) return product.name;
  return typeof product.identifier === 'string' && product.identifier ? product.identifier : 'product';
}

/** The question before a save that deletes images; undefined when it deletes none. */
export function productSaveQuestion(request: Pick<SaveRequest<ProductDetail>, 'theirs' | 'from' | 'to'>): SaveQuestion | undefined {
  const ids = deletedImageIds(request.from, request.to);
  if (ids.length === 0) return undefined;
  const images = imageRecords(request.theirs.images);
  const name = (id: string): string => quoted(imageLabel(images.find((i) => i.id === id), id));
  const product = quoted(productName(request.theirs));
  const one = ids.length === 1;
  const lines = ids.slice(0, MAX_LISTED).map((id) => `• ${name(id)}${images.find((i) => i.id === id)?.thumbnail === true ? ' (the thumbnail)' : ''}`);
  if (ids.length > MAX_LISTED) lines.push(`… and ${ids.length - MAX_LISTED} more`);
  const rest = { ...request.from, images: imageRecords(request.from.images).filter((i) => !ids.includes(i.id as string)) };
  const others = diffJson(rest, request.to, PRODUCT_MERGE_RULES).length > 0;
  return {
    message: one ? `Delete the image ${name(ids[0]!)} of ${product}?` : `Delete ${ids.length} images of ${product}?`,
    detail: [
      `Saving deletes ${one ? 'this image' : 'these images'} from ${product} in kelviq; ${one ? 'it' : 'they'} cannot be restored:`,
      ...lines,
      ...(others ? [`The document's other changes are saved with ${one ? 'it' : 'them'}.`] : []),
    ].join('\n'),
    confirm: one ? 'Delete Image and Save' : `Delete ${ids.length} Images and Save`,
  };
}
