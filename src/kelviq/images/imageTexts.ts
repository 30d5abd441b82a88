// The words of product images in the tree and around the preview. Pure; names and URLs are
// untrusted (oneLine for tree labels, plainText for messages).
import type { ProductImage } from '../../api';
import type { ImageSource } from '../../domain/kelviq/imageSource';
import { oneLine, plainText, quoted } from '../../domain/untrustedText';

export function imageRowTexts(image: ProductImage): { label: string; description: string; tooltip: string } {
  const label = oneLine(image.name ?? '', 80) || '(unnamed image)';
  const marks = [image.thumbnail ? 'thumbnail' : undefined, image.enabled === false ? 'hidden' : undefined, typeof image.ordering === 'number' ? `#${image.ordering}` : undefined];
  const description = marks.filter(Boolean).join(' · ');
  const tooltip = [
    label,
    image.thumbnail ? 'The product’s thumbnail.' : undefined,
    image.enabled === false ? 'Not shown publicly (enabled: false).' : 'Shown publicly.',
    'Click to preview. Edit its name, ordering, thumbnail and enabled in the product document.',
  ]
    .filter(Boolean)
    .join('\n');
  return { label, description, tooltip };
}

export function imagesGroupTexts(count: number): { label: string; description: string } {
  return { label: 'Images', description: count === 0 ? 'none' : String(count) };
}

export const NO_IMAGES_NOTE = 'No images yet: Add Image…, or drop image files on the product.';

/** Why an image cannot be previewed, for a notification. */
export function noPreviewMessage(name: string | null | undefined, source: ImageSource): string {
  const which = name ? quoted(name, 60) : 'This image';
  if (source.kind === 'storageKey') {
    return `${which} cannot be previewed: kelviq gives only its storage key (${plainText(source.key, 120)}), not an address that can be shown.`;
  }
  if (source.kind === 'refused') return `${which} is not fetched for a preview: ${source.why}.`;
  return `${which} cannot be previewed: kelviq gives no address for it.`;
}
