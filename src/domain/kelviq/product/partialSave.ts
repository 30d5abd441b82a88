// When some of a product save's calls succeeded and others did not: what is now on the server
// (the editable view after the calls that succeeded), what is still unsaved, a message that says
// exactly which, and the calls a retry sends (only the rest). Pure.
//
// `saved` takes from `to` exactly what landed. A landed new thumbnail also settles the other
// images' `thumbnail` changes in `to` (saveCalls.ts: kelviq cleared their flags, so no call of
// their own was due): an image the text set to false is saved as false, and another image the
// text newly marked is taken as the text has it, since the save has decided it (the warning said
// so; kelviq cleared it). An image the text left at its old `true` is no change of the user's and
// stays as it was. So the text's thumbnails are all accounted for in the base the mechanism builds
// from `saved`, and the next merge takes the server's flags instead of sending a `true` back.
import type { JsonChange } from '../../document/jsonDiff';
import { diffJson } from '../../document/jsonDiff';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { quoted } from '../../untrustedText';
import { imageRecords, PRODUCT_MERGE_RULES } from './images';
import { allProductCalls, productSaveCalls, type ProductCall, type ProductSaveInput, type ProductSavePlan } from './saveCalls';

export interface ProductPartialSave {
  /** The editable view now on the server: `from` with the successful calls applied. */
  saved: JsonObject;
  /** What is still to be sent (diffJson(saved, to)). */
  unsaved: JsonChange[];
  /** Plain text: what was saved and what was not (names quoted). */
  message: string;
  /** The calls a retry sends: only what was not saved. */
  retry: ProductSavePlan;
}

function imageOf(view: JsonObject, id: string): JsonObject | undefined {
  return imageRecords(view.images).find((i) => i.id === id);
}

/** `view` with the effect of one successful call (its values taken from `to`). */
function apply(view: JsonObject, call: ProductCall, to: JsonObject): JsonObject {
  const next = { ...view };
  const images = Array.isArray(next.images) ? (next.images as unknown[]) : [];
  switch (call.kind) {
    case 'updateProduct':
      for (const field of call.fields) next[field] = to[field];
      break;
    case 'updateImage': {
      const target = imageOf(to, call.imageId);
      next.images = images.map((image) => {
        if (!isPlainObject(image) || typeof image.id !== 'string') return image;
        if (image.id === call.imageId && target) return { ...image, ...Object.fromEntries(call.fields.map((f) => [f, target[f]])) };
        const settled = call.settles.includes(image.id) ? imageOf(to, image.id) : undefined;
        return settled && typeof settled.thumbnail === 'boolean' ? { ...image, thumbnail: settled.thumbnail } : image;
      });
      break;
    }
    case 'deleteImage':
      next.images = images.filter((image) => !(isPlainObject(image) && image.id === call.imageId));
      break;
  }
  return next;
}

const and = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** What one call saves, in words: `the product's name and taxCode`, `the image “hero.png” (name, thumbnail)`, … */
export function describeProductCall(call: ProductCall): string {
  switch (call.kind) {
    case 'updateProduct':
      return `the product's ${and(call.fields)}`;
    case 'updateImage':
      return `the image ${quoted(call.label)} (${call.fields.join(', ')})`;
    case 'deleteImage':
      return `the deletion of the image ${quoted(call.label)}`;
  }
}

/**
 * The state after a save whose calls `succeeded` (by call id) and whose other calls failed or
 * were not made. `input` is the save's theirs/from/to; `plan` the calls it planned.
 */
export function afterProductPartialSave(input: ProductSaveInput, plan: ProductSavePlan, succeeded: Iterable<string>): ProductPartialSave {
  const done = new Set(succeeded);
  const calls = allProductCalls(plan);
  const ok = calls.filter((c) => done.has(c.id));
  const rest = calls.filter((c) => !done.has(c.id));
  const saved = ok.reduce((view, call) => apply(view, call, input.to), input.from);
  const retry = productSaveCalls({ theirs: input.theirs, from: saved, to: input.to });
  const sentence = (items: ProductCall[]): string => items.map(describeProductCall).join('; ');
  const message =
    rest.length === 0
      ? `Saved ${sentence(ok)}.`
      : ok.length === 0
        ? `Nothing was saved. Not saved: ${sentence(rest)}. Saving again sends all of it.`
        : `Saved ${sentence(ok)}. Not saved: ${sentence(rest)}. Saving again sends only what was not saved.`;
  return { saved, unsaved: diffJson(saved, input.to, PRODUCT_MERGE_RULES), message, retry };
}
