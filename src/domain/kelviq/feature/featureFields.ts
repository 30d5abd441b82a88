// The fields of a feature document, in the order the document shows them, and the order inside
// its nested objects (so the text reads the same whatever order the server sent). Pure.
import type { OrderedJsonOptions } from '../../document/orderedJson';

/** CatalogFeature's fields as the spec lists them. */
export const FEATURE_FIELD_ORDER = ['id', 'identifier', 'name', 'description', 'featureType', 'featureDetails', 'meter', 'details', 'metadata', 'isArchived', 'modifiedOn'] as const;

export type KnownFeatureField = (typeof FEATURE_FIELD_ORDER)[number];

export function isKnownFeatureField(key: string): key is KnownFeatureField {
  return (FEATURE_FIELD_ORDER as readonly string[]).includes(key);
}

/** Root: the known fields, then the server's others sorted; METER details and meters in the spec's order. */
export const FEATURE_JSON_ORDER: OrderedJsonOptions = {
  order: {
    '': FEATURE_FIELD_ORDER,
    featureDetails: ['featureSubType', 'units', 'customerUnit'],
    'featureDetails.units': ['singular', 'plural'],
    meter: ['aggregation', 'filters'],
    'meter.aggregation': ['function', 'field'],
  },
  sortRest: true,
};
