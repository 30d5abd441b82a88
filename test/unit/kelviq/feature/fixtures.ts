// Shared test data for the feature tests: features as the spec describes them (CatalogFeature).
import type { CatalogFeature } from '../../../../src/api/kelviq/featureSchemas';

export function meterFeature(overrides: Partial<CatalogFeature> = {}): CatalogFeature {
  return {
    id: '3a3e92ab-90a3-4f43-8e87-9d4c8c5a9c01',
    identifier: 'api-calls',
    name: 'API calls',
    description: 'Number of API calls per billing cycle.',
    featureType: 'METER',
    featureDetails: { featureSubType: 'PRE_AGGREGATED_USAGE', units: { singular: 'call', plural: 'calls' } },
    meter: {},
    details: {},
    metadata: { category: 'core' },
    isArchived: false,
    modifiedOn: '2025-04-12T08:21:14.910Z',
    ...overrides,
  };
}

export function booleanFeature(overrides: Partial<CatalogFeature> = {}): CatalogFeature {
  return meterFeature({ id: '5b7c1e0a-2f4d-4c8e-9a6b-0d1e2f3a4b5c', identifier: 'sso', name: 'Single sign-on', description: 'SAML SSO.', featureType: 'BOOLEAN', featureDetails: {}, metadata: {}, ...overrides });
}

/** Replaces exactly one occurrence of `search` (fails the test if there is not exactly one). */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search);
  if (first === -1 || text.indexOf(search, first + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)} in the text`);
  return text.slice(0, first) + replacement + text.slice(first + search.length);
}
