// Shared test data for the plan-document tests: a server state as the four list/retrieve answers
// give it (shapes from the OpenAPI spec's examples), and small text helpers.
import assert from 'node:assert/strict';
import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import { findPropertyRange, type DocumentProblem, type TextRange } from '../../../../src/domain/document';
import { planObjectFrom, type PlanObject, type PlanServerState } from '../../../../src/domain/kelviq/plan';

export const FEATURES = {
  apiCalls: { id: '3a3e92ab-90a3-4f43-8e87-9d4c8c5a9c01', identifier: 'api-calls', name: 'API Calls', featureType: 'METER', isArchived: false },
  seats: { id: '5b1c0d3e-2f4a-4b6c-8d9e-0f1a2b3c4d5e', identifier: 'seats', name: 'Seats', featureType: 'CUSTOMIZABLE', isArchived: false },
  sso: { id: '7c2d1e4f-3a5b-4c7d-9e0f-1a2b3c4d5e6f', identifier: 'sso', name: 'Single sign-on', featureType: 'BOOLEAN', isArchived: false },
  audit: { id: '9d3e2f5a-4b6c-4d8e-8f1a-2b3c4d5e6f7a', identifier: 'audit-log', name: 'Audit log', featureType: 'BOOLEAN', isArchived: false },
} as const;

export function monthly(currency: string, amount: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `price-${currency.toLowerCase()}`,
    priceType: 'PAID',
    currency,
    freeTrial: true,
    trialPeriod: 14,
    enabled: true,
    taxBehavior: 'EXCLUSIVE',
    chargeCatalogPrice: [
      {
        feature: null,
        priceModel: 'FLAT',
        reset: 'EVERY_MONTH',
        resetTime: null,
        hasUnlimitedUsage: false,
        paymentType: 'ADVANCE_COMMITMENT',
        rollover: {},
        charges: [{ chargePeriod: 'MONTHLY', priceData: { amount }, tiers: [], advanced: {} }],
      },
    ],
    ...extra,
  };
}

export function serverState(overrides: { plan?: Record<string, unknown>; prices?: Record<string, unknown>[]; entitlements?: PlanServerState['entitlements'] } = {}): PlanServerState {
  return {
    plan: {
      identifier: 'pro-monthly',
      name: 'Pro Monthly',
      description: 'Pro tier billed monthly.',
      product: '0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de',
      metadata: {},
      version: 3,
      isLatest: true,
      modifiedOn: '2025-04-12T08:21:14.910Z',
      createdOn: '2025-03-01T08:21:14.910Z',
      details: { stripeProductId: 'prod_ABC123' },
      isVisible: true,
      isImported: false,
      countries: ['US', 'IN'],
      license: { enabled: false },
      links: [{ name: 'Product page', url: 'https://example.com/product' }],
      files: [],
      ordering: 1,
      ...overrides.plan,
    },
    prices: overrides.prices ?? [monthly('USD', 29), monthly('EUR', 27)],
    entitlements: overrides.entitlements ?? [
      { feature: { ...FEATURES.apiCalls }, details: { value: 10000, hasUnlimitedUsage: false, hardLimit: false, reset: 'EVERY_MONTH', isInherited: false, isValueOverridden: false } },
      { feature: { ...FEATURES.sso }, details: { value: true, hasUnlimitedUsage: false, hardLimit: false, isInherited: false, isValueOverridden: false } },
    ],
    features: Object.values(FEATURES).map((f) => ({ ...f })),
  };
}

export function basePlan(overrides: Parameters<typeof serverState>[0] = {}): PlanObject {
  return planObjectFrom(serverState(overrides));
}

export function edit(text: string, path: JSONPath, value: unknown): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
}

export function valueRange(text: string, path: JSONPath): TextRange {
  const found = findPropertyRange(text, path);
  assert.ok(found, `no ${JSON.stringify(path)}`);
  return found.value;
}

export function keyRange(text: string, path: JSONPath): TextRange {
  const found = findPropertyRange(text, path);
  assert.ok(found?.key, `no key ${JSON.stringify(path)}`);
  return found.key;
}

export function only(problems: DocumentProblem[]): DocumentProblem {
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  return problems[0]!;
}

/** The one problem, with its code, range and (a pattern of) its message checked. */
export function expectOne(problems: DocumentProblem[], code: DocumentProblem['code'], range: TextRange, message?: RegExp): DocumentProblem {
  const p = only(problems);
  assert.equal(p.code, code, p.message);
  assert.deepEqual({ offset: p.offset, length: p.length }, { offset: range.offset, length: range.length }, p.message);
  if (message) assert.match(p.message, message);
  return p;
}
