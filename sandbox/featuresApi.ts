// The feature endpoints: list (search, paged), create, retrieve, archive. There is no update
// (by design, says the vendor): PATCH and PUT are 405. A METER feature needs `featureDetails`
// with `featureSubType` and `units`; RAW_EVENTS also a `meter` with `aggregation` and `filters`.
import { addDrfError, hasErrors, type DrfErrors } from './drfErrors';
import { badRequest, NOT_FOUND, paginate, readBody, type ApiContext, type ApiRequest, type Reply } from './apiSupport';
import type { FeatureCreate } from './featureStore';
import { toCatalogFeature } from './planSerializers';
import type { Route } from './router';
import { FieldError } from './storeErrors';

const SUB_TYPES = ['PRE_AGGREGATED_USAGE', 'RAW_EVENTS'];

/** The rules the create endpoint's description states for METER features. */
function meterErrors(input: FeatureCreate): DrfErrors {
  const errors: DrfErrors = {};
  if (input.featureType !== 'METER') return errors;
  const details = input.featureDetails;
  if (!details) {
    addDrfError(errors, input, ['featureDetails'], 'This field is required for METER features.');
    return errors;
  }
  const subType = details.featureSubType;
  if (subType === undefined) addDrfError(errors, input, ['featureDetails', 'featureSubType'], 'This field is required.');
  else if (!SUB_TYPES.includes(String(subType))) addDrfError(errors, input, ['featureDetails', 'featureSubType'], `"${String(subType)}" is not a valid choice.`);
  if (details.units === undefined) addDrfError(errors, input, ['featureDetails', 'units'], 'This field is required.');
  if (subType === 'RAW_EVENTS') {
    if (!input.meter) addDrfError(errors, input, ['meter'], 'This field is required for RAW_EVENTS meters.');
    else for (const key of ['aggregation', 'filters']) if (input.meter[key] === undefined) addDrfError(errors, input, ['meter', key], 'This field is required.');
  }
  return errors;
}

function list(req: ApiRequest, ctx: ApiContext): Reply {
  return paginate(req, ctx.store.features.list(req.url.searchParams.get('search') ?? undefined), toCatalogFeature);
}

function create(req: ApiRequest, ctx: ApiContext): Reply {
  const input = readBody<FeatureCreate>(req, 'FeatureCreateRequest');
  if (!input.ok) return input.reply;
  const { name, identifier, description, featureType, featureDetails, meter, metadata } = input.value;
  const fields = { name, identifier, description, featureType, featureDetails, meter, metadata };
  const errors = meterErrors(fields);
  if (hasErrors(errors)) return badRequest(errors);
  try {
    return { status: 201, body: toCatalogFeature(ctx.store.features.create(fields)) };
  } catch (error) {
    if (error instanceof FieldError) return badRequest(error.fields);
    throw error;
  }
}

function retrieve(_req: ApiRequest, ctx: ApiContext, _user: string, [pk = '']: readonly string[]): Reply {
  const feature = ctx.store.features.get(pk);
  return feature ? { status: 200, body: toCatalogFeature(feature) } : NOT_FOUND;
}

function archive(_req: ApiRequest, ctx: ApiContext, _user: string, [pk = '']: readonly string[]): Reply {
  const result = ctx.store.features.archive(pk);
  if (result === 'already-archived') return badRequest({ detail: 'Already archived.' });
  return result === 'archived' ? { status: 204 } : NOT_FOUND;
}

export const FEATURE_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/v1\/catalog\/features\/$/, name: 'Feature List', methods: { GET: list, POST: create } },
  { pattern: /^\/api\/v1\/catalog\/features\/([^/]+)\/$/, name: 'Feature Detail', methods: { GET: retrieve, DELETE: archive }, uuidParams: [0] },
];
