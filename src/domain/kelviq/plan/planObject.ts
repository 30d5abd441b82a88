// The plan as the document mechanism holds it (the DocumentModel's object): the document's fields
// (the plan's own, its prices, its entitlements by feature identifier with the feature's name)
// plus, under PLAN_FEATURES_KEY, the environment's features. That key is never written to the
// text; it travels with the object (also into workspace storage across a reload), so the checks
// know which features exist and the save can turn an identifier into the UUID the POST needs.
import type { JsonObject } from '../../document/jsonShapes';
import { isPlainObject } from '../../document/jsonShapes';
import type { CatalogFeature, PlanServerState } from './planServerState';
import { defineField } from '../../document/jsonShapes';

export const PLAN_FEATURES_KEY = '$features';

/** What the document needs of a feature. */
export interface FeatureRef {
  id: string;
  identifier: string;
  name: string;
  /** BOOLEAN, CUSTOMIZABLE, METER (or a type this extension does not know). */
  featureType: string | undefined;
  /** Known only from an entitlement: the feature is archived (no new entitlement may use it). */
  archived?: true;
}

export type PlanObject = JsonObject & {
  identifier: string;
  prices: JsonObject[];
  entitlements: JsonObject[];
  [PLAN_FEATURES_KEY]: FeatureRef[];
};

function featureRef(feature: CatalogFeature): FeatureRef {
  return {
    id: feature.id,
    identifier: feature.identifier,
    name: typeof feature.name === 'string' ? feature.name : feature.identifier,
    featureType: typeof feature.featureType === 'string' ? feature.featureType : undefined,
    ...(feature.isArchived === true ? { archived: true as const } : {}),
  };
}

/** The plan object of a server state: what serializePlan writes, and the features beside it. */
export function planObjectFrom(state: PlanServerState): PlanObject {
  const features = new Map<string, FeatureRef>();
  for (const feature of state.features) if (feature.isArchived !== true) features.set(feature.identifier, featureRef(feature));
  for (const { feature } of state.entitlements) if (!features.has(feature.identifier)) features.set(feature.identifier, featureRef(feature));

  const object: JsonObject = {};
  for (const key of Object.keys(state.plan)) {
    if (key !== 'prices' && key !== 'entitlements' && key !== PLAN_FEATURES_KEY) defineField(object, key, state.plan[key]);
  }
  defineField(object, 'prices', state.prices.map((price) => ({ ...price })));
  defineField(
    object,
    'entitlements',
    state.entitlements.map(({ feature, details }) => ({
      feature: feature.identifier,
      ...(typeof feature.name === 'string' ? { featureName: feature.name } : {}),
      details: isPlainObject(details) ? details : {},
    })),
  );
  defineField(object, PLAN_FEATURES_KEY, [...features.values()]);
  return object as PlanObject;
}

/** The features an object carries (a plan object, or a base restored from storage); undefined for a document's text. */
export function featuresOf(object: JsonObject | undefined): FeatureRef[] | undefined {
  const list = object && Object.hasOwn(object, PLAN_FEATURES_KEY) ? object[PLAN_FEATURES_KEY] : undefined;
  if (!Array.isArray(list)) return undefined;
  return list.filter(
    (f): f is FeatureRef => isPlainObject(f) && typeof f.id === 'string' && typeof f.identifier === 'string' && typeof f.name === 'string',
  );
}
