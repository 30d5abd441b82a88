// The addresses of plan and feature documents, beside the product's (productUri.ts):
//   `kelviq:/<environment>/plans/<identifier>/<label>.json`   a plan, by its identifier (a slug,
//                                                              stable across versions, as the API addresses it)
//   `kelviq:/<environment>/features/<uuid>/<label>.json`      a feature, by its id (the API reads one by UUID)
// The last segment only makes the tab read well. Pure: the VS Code side wraps these in vscode.Uri.
import { ENVIRONMENT_IDS, type EnvironmentId } from '../environment';
import { documentLabel, isUuid } from './productUri';

/** Django's slug path converter: the plan identifiers the API can address. */
const SLUG = /^[-A-Za-z0-9_]{1,200}$/;

export interface PlanAddress {
  environment: EnvironmentId;
  identifier: string;
}

export interface FeatureAddress {
  environment: EnvironmentId;
  featureId: string;
}

export function isPlanIdentifierText(value: string): boolean {
  return SLUG.test(value);
}

export function planPath(address: PlanAddress, label: string = address.identifier): string {
  return `/${address.environment}/plans/${address.identifier}/${documentLabel(label)}.json`;
}

export function featurePath(address: FeatureAddress, label: string): string {
  return `/${address.environment}/features/${address.featureId.toLowerCase()}/${documentLabel(label)}.json`;
}

function environmentOf(segment: string | undefined): EnvironmentId | undefined {
  return ENVIRONMENT_IDS.includes(segment as EnvironmentId) ? (segment as EnvironmentId) : undefined;
}

/** Undefined for anything that is not a well-formed plan address (no request is made for it). */
export function parsePlanPath(path: string): PlanAddress | undefined {
  const m = /^\/([a-z]+)\/plans\/([^/]+)\/[^/]+\.json$/.exec(path);
  const environment = environmentOf(m?.[1]);
  const identifier = m?.[2];
  if (!environment || identifier === undefined || !SLUG.test(identifier)) return undefined;
  return { environment, identifier };
}

/** Undefined for anything that is not a well-formed feature address. */
export function parseFeaturePath(path: string): FeatureAddress | undefined {
  const m = /^\/([a-z]+)\/features\/([^/]+)\/[^/]+\.json$/.exec(path);
  const environment = environmentOf(m?.[1]);
  const featureId = m?.[2];
  if (!environment || featureId === undefined || !isUuid(featureId)) return undefined;
  return { environment, featureId: featureId.toLowerCase() };
}
