// planDocumentJsonSchema: the JSON Schema VS Code's JSON language service uses for hovers and
// completion in plan documents, generated from the zod schema validatePlanDocument checks with,
// and annotation-only (domain/document/annotationSchema.ts): enums and currency codes are offered
// with their descriptions, never enforced. planFeatureSchema adds one environment's features
// (identifiers for entitlements, UUIDs for priced features) to a copy of it.
import { documentJsonSchema, offerValues, schemaNodeAt } from '../../document/annotationSchema';
import type { JsonObject } from '../../document/jsonShapes';
import { currencyCodes } from '../../isoCodes';
import { PlanDocumentSchema } from './documentSchema';
import type { FeatureRef } from './planObject';

const PRICE_SNIPPET = {
  label: 'New monthly price',
  description: 'A PAID price with one flat monthly charge for the plan itself.',
  body: {
    priceType: 'PAID',
    currency: '${1:USD}',
    freeTrial: false,
    trialPeriod: 0,
    enabled: true,
    taxBehavior: 'EXCLUSIVE',
    chargeCatalogPrice: [{ feature: null, priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: '^${2:29}' } }] }],
  },
};

const ENTITLEMENT_SNIPPET = {
  label: 'New entitlement',
  description: 'An entitlement for a feature of this environment (by its identifier).',
  body: { feature: '$1', details: { value: '^${2:true}' } },
};

function build(): JsonObject {
  const schema = documentJsonSchema(PlanDocumentSchema);
  const currencies = currencyCodes().map((c) => ({ value: c.code, description: c.name }));
  Object.assign(schemaNodeAt(schema, ['prices', '[]', 'currency']) ?? {}, offerValues(currencies));
  const price = schemaNodeAt(schema, ['prices', '[]']);
  if (price) price.defaultSnippets = [PRICE_SNIPPET];
  const entitlement = schemaNodeAt(schema, ['entitlements', '[]']);
  if (entitlement) entitlement.defaultSnippets = [ENTITLEMENT_SNIPPET];
  return schema;
}

let cached: string | undefined;

/**
 * The plan document's JSON Schema (draft-07 compatible, no `$schema`): a title and markdown hover
 * per field (read-only ones say "Read-only: set by kelviq"), `readOnly: true` on them, the enums
 * and ISO 4217 currencies with their descriptions, and snippets for a new price and a new
 * entitlement. A build script writes it to `schemas/plan.schema.json`. A new object each call.
 */
export function planDocumentJsonSchema(): JsonObject {
  cached ??= JSON.stringify(build());
  return JSON.parse(cached) as JsonObject;
}

/**
 * planDocumentJsonSchema with one environment's features offered: entitlement `feature` takes
 * their identifiers (described by name and type), a price charge's `feature` their UUIDs.
 */
export function planFeatureSchema(features: readonly FeatureRef[]): JsonObject {
  const schema = planDocumentJsonSchema();
  const live = features.filter((f) => !f.archived);
  const type = (f: FeatureRef): string => (f.featureType ? ` (${f.featureType})` : '');
  Object.assign(schemaNodeAt(schema, ['entitlements', '[]', 'feature']) ?? {}, offerValues(live.map((f) => ({ value: f.identifier, description: `${f.name}${type(f)}` }))));
  Object.assign(
    schemaNodeAt(schema, ['prices', '[]', 'chargeCatalogPrice', '[]', 'feature']) ?? {},
    offerValues(live.map((f) => ({ value: f.id, description: `${f.name} (${f.identifier})` }))),
  );
  return schema;
}
