// planDocumentJsonSchema: the JSON Schema VS Code's JSON language service uses for hovers and
// completion in plan documents, generated from the zod schema validatePlanDocument checks with,
// and annotation-only (domain/document/annotationSchema.ts): enums and currency codes are offered
// with their descriptions, never enforced. planFeatureSchema adds one environment's features
// (identifiers for entitlements, UUIDs for priced features) to a copy of it.
import { z } from 'zod';
import { annotationsOnly } from '../../document/annotationSchema';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { currencyCodes } from '../../isoCodes';
import { PlanDocumentSchema } from './documentSchema';
import type { FeatureRef } from './planObject';

interface Offered {
  value: string;
  description: string;
}

function offer(values: readonly Offered[]): JsonObject {
  return {
    anyOf: [
      {
        enum: values.map((v) => v.value),
        enumDescriptions: values.map((v) => v.description),
        markdownEnumDescriptions: values.map((v) => `\`${v.value}\`: ${v.description.replace(/[\\`*_[\]<>]/g, '\\$&')}`),
      },
      {},
    ],
  };
}

/** The node at a path of `properties` keys, `[]` stepping into `items`. */
function node(schema: JsonObject, path: readonly string[]): JsonObject | undefined {
  let at: unknown = schema;
  for (const key of path) {
    if (!isPlainObject(at)) return undefined;
    at = key === '[]' ? at.items : isPlainObject(at.properties) ? at.properties[key] : undefined;
  }
  return isPlainObject(at) ? at : undefined;
}

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
  const generated = z.toJSONSchema(PlanDocumentSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const schema = annotationsOnly(generated) ?? {};
  const currencies = currencyCodes().map((c) => ({ value: c.code, description: c.name }));
  Object.assign(node(schema, ['prices', '[]', 'currency']) ?? {}, offer(currencies));
  const price = node(schema, ['prices', '[]']);
  if (price) price.defaultSnippets = [PRICE_SNIPPET];
  const entitlement = node(schema, ['entitlements', '[]']);
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
  Object.assign(node(schema, ['entitlements', '[]', 'feature']) ?? {}, offer(live.map((f) => ({ value: f.identifier, description: `${f.name}${type(f)}` }))));
  Object.assign(
    node(schema, ['prices', '[]', 'chargeCatalogPrice', '[]', 'feature']) ?? {},
    offer(live.map((f) => ({ value: f.id, description: `${f.name} (${f.identifier})` }))),
  );
  return schema;
}
