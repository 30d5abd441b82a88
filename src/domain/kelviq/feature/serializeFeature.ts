// serializeFeature: the text of a feature document. Same feature in, same text out.
import type { CatalogFeature } from '../../../api/kelviq/featureSchemas';
import { writeOrderedJson } from '../../document/orderedJson';
import { FEATURE_JSON_ORDER } from './featureFields';

/** Pretty JSON (2-space indent, trailing newline): the known fields in the spec's order, then the rest sorted. */
export function serializeFeature(feature: CatalogFeature): string {
  return `${writeOrderedJson(feature, FEATURE_JSON_ORDER) ?? '{}'}\n`;
}

/** How serializeFeature writes `value` as the top-level `field` (nested lines indented as in the document). */
export function writtenFeatureValue(field: string, value: unknown): string | undefined {
  return writeOrderedJson(value, FEATURE_JSON_ORDER, field, '  ');
}
