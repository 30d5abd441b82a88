// validatePlanDocument: every check on its exact range, with quick-fix data where there is one;
// and what must not be reported (untouched documents, the server's own data).
import assert from 'node:assert/strict';
import { findNodeAtLocation } from 'jsonc-parser';
import { parseDocument } from '../../../../src/domain/document';
import { planModel, revertPlanProblem, serializePlan, validatePlanDocument } from '../../../../src/domain/kelviq/plan';
import { basePlan, edit, expectOne, FEATURES, keyRange, monthly, only, valueRange } from './fixtures';

const BASE = basePlan();
const TEXT = serializePlan(BASE);
/** Validated against BASE unless another base (or `null`: none) is given. */
const validate = (text: string, base: Record<string, unknown> | null = BASE) => validatePlanDocument(text, base ?? undefined);

/** The range of the object at `path` (its opening brace, one character: where "missing field" problems go). */
function braceAt(text: string, path: (string | number)[]): { offset: number; length: number } {
  const node = findNodeAtLocation(parseDocument(text).root!, path)!;
  return { offset: node.offset, length: 1 };
}

const TIERED = (tiers: unknown[]) =>
  monthly('USD', 0, { chargeCatalogPrice: [{ feature: FEATURES.apiCalls.id, priceModel: 'TIERED', charges: [{ chargePeriod: 'MONTHLY', priceData: { currency: 'USD' }, tiers }] }] });
const TIERS_PATH = (t: number) => ['prices', 0, 'chargeCatalogPrice', 0, 'charges', 0, 'tiers', t, 'upTo'];

describe('domain/kelviq/plan: validatePlanDocument', () => {
  it('an untouched document has no problems, with and without its base', () => {
    assert.deepEqual(validate(TEXT), []);
    assert.deepEqual(validate(TEXT, null), []);
    assert.deepEqual(planModel.validate(TEXT, JSON.parse(TEXT) as typeof BASE), [], 'the base unknown: the mechanism passes the text itself');
  });

  it('a new price written by hand with only what matters, and a new entitlement: no problems', () => {
    const price = { priceType: 'PAID', currency: 'GBP', chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: 25 } }] }] };
    const text = edit(edit(TEXT, ['prices', 2], price), ['entitlements', 2], { feature: 'seats', details: { value: 10 } });
    assert.deepEqual(validate(text), []);
  });

  describe('syntax, shape and types', () => {
    it('a trailing comma at its position; not an object; duplicate keys at any depth', () => {
      const trailing = '{\n  "name": "x",\n}';
      expectOne(validate(trailing), 'invalid-json', { offset: trailing.indexOf('}'), length: 1 }, /Trailing comma/);
      expectOne(validate('[1]'), 'not-an-object', { offset: 0, length: 3 });
      const dup = TEXT.replace('"priceType": "PAID",', '"priceType": "PAID",\n      "priceType": "FREE",');
      const at = dup.indexOf('"priceType": "FREE"');
      expectOne(validate(dup), 'invalid-json', { offset: at, length: '"priceType"'.length }, /Duplicate field `priceType`/);
    });

    it('an unknown enum value, with the allowed values and a suggestion', () => {
      const text = edit(TEXT, ['prices', 0, 'taxBehavior'], 'EXCLUSIV');
      const p = expectOne(validate(text), 'enum', valueRange(text, ['prices', 0, 'taxBehavior']), /Did you mean `EXCLUSIVE`/);
      assert.deepEqual(p.data?.allowed, ['INCLUSIVE', 'EXCLUSIVE', 'UNSPECIFIED']);
    });

    it('a wrong type on the value; an unknown field on its key with "did you mean"', () => {
      const text = edit(TEXT, ['prices', 1, 'trialPeriod'], '14');
      expectOne(validate(text), 'type', valueRange(text, ['prices', 1, 'trialPeriod']), /must be a number, not a string/);
      const typo = edit(TEXT, ['prices', 0, 'freeTrail'], true);
      expectOne(validate(typo), 'unknown-field', keyRange(typo, ['prices', 0, 'freeTrail']), /Did you mean `freeTrial`/);
      const top = edit(TEXT, ['isVisble'], true);
      expectOne(validate(top), 'unknown-field', keyRange(top, ['isVisble']), /Did you mean `isVisible`/);
    });

    it('a currency that is no ISO code: an error when malformed, a warning when unknown', () => {
      const lower = edit(TEXT, ['prices', 1, 'currency'], 'eur');
      expectOne(validate(lower), 'invalid-value', valueRange(lower, ['prices', 1, 'currency']), /three-letter ISO 4217/);
      const unknown = edit(TEXT, ['prices', 1, 'currency'], 'EUX');
      const p = expectOne(validate(unknown), 'enum', valueRange(unknown, ['prices', 1, 'currency']), /not an ISO 4217/);
      assert.equal(p.severity, 'warning');
    });

    it('missing required fields: one problem on the object\'s brace', () => {
      const text = edit(TEXT, ['entitlements', 1, 'details'], undefined);
      const p = expectOne(validate(text), 'required', braceAt(text, ['entitlements', 1]), /`entitlements\[1\]\.details`/);
      assert.deepEqual(p.data?.fields, ['entitlements[1].details']);
      const noPrices = edit(TEXT, ['prices'], undefined);
      expectOne(validate(noPrices), 'required', { offset: 0, length: 1 }, /`prices`/);
    });

    it('the server\'s own odd data is not reported (an untouched price with a null the schema does not take)', () => {
      const odd = basePlan({ prices: [monthly('USD', 29, { chargeCatalogPrice: [{ feature: null, rollover: null, charges: [] }] })] });
      assert.deepEqual(validate(serializePlan(odd), odd), []);
    });
  });

  describe('checks', () => {
    it('an entitlement for a feature that does not exist: on its feature, with a suggestion', () => {
      const text = edit(TEXT, ['entitlements', 2], { feature: 'seat', details: { value: 5 } });
      const p = expectOne(validate(text), 'invalid-value', valueRange(text, ['entitlements', 2, 'feature']), /No feature `seat` in this environment.*Did you mean `seats`/);
      assert.equal(p.data?.suggestion, 'seats');
      assert.deepEqual(validate(text, null), [], 'without a base the features are not known: not checked');
    });

    it('an archived feature cannot be added, but an existing entitlement on one stays fine', () => {
      const legacy = { id: 'aa3e92ab-90a3-4f43-8e87-9d4c8c5a9c02', identifier: 'legacy', name: 'Legacy', featureType: 'BOOLEAN', isArchived: true };
      const base = basePlan({ entitlements: [{ feature: legacy, details: { value: true } }] });
      assert.deepEqual(validate(serializePlan(base), base), []);
      const other = basePlan();
      const text = edit(serializePlan(other), ['entitlements', 2], { feature: 'legacy', details: { value: true } });
      expectOne(validate(text, { ...other, $features: [...(other.$features), { ...legacy, archived: true }] }), 'invalid-value', valueRange(text, ['entitlements', 2, 'feature']), /archived/);
    });

    it('two entitlements for one feature: on the second', () => {
      const text = edit(TEXT, ['entitlements', 2], { feature: 'sso', details: { value: false } });
      expectOne(validate(text), 'invalid-value', valueRange(text, ['entitlements', 2, 'feature']), /one entitlement per feature/);
    });

    it('two PAID prices in the same currency: on the currency of the edited one', () => {
      const text = edit(TEXT, ['prices', 1, 'currency'], 'USD');
      expectOne(validate(text), 'invalid-value', valueRange(text, ['prices', 1, 'currency']), /`prices\[0\]` is also a PAID price in USD/);
      const free = edit(edit(TEXT, ['prices', 1, 'currency'], 'USD'), ['prices', 1, 'priceType'], 'FREE');
      assert.deepEqual(validate(free), [], 'a FREE price in the same currency is not a second PAID one');
    });

    it('a trial period without a free trial: on trialPeriod; a free trial without days: on freeTrial', () => {
      const text = edit(TEXT, ['prices', 0, 'freeTrial'], false);
      expectOne(validate(text), 'invalid-value', valueRange(text, ['prices', 0, 'trialPeriod']), /14 days, but the price has no free trial/);
      const noDays = edit(TEXT, ['prices', 0, 'trialPeriod'], 0);
      expectOne(validate(noDays), 'invalid-value', valueRange(noDays, ['prices', 0, 'freeTrial']), /gives it no days/);
      const left = edit(TEXT, ['prices', 0, 'freeTrial'], undefined);
      expectOne(validate(left), 'invalid-value', valueRange(left, ['prices', 0, 'trialPeriod']), /no free trial/);
    });

    describe('tiers', () => {
      const check = (tiers: unknown[]) => {
        const base = basePlan({ prices: [monthly('USD', 29)] });
        const text = edit(serializePlan(base), ['prices', 0], TIERED(tiers));
        return { text, problems: validate(text, base) };
      };
      it('ascending and ending in "inf": no problem', () => {
        assert.deepEqual(check([{ upTo: 1000, unitAmount: 0 }, { upTo: 10000, unitAmount: 0.001 }, { upTo: 'inf', unitAmount: 0.0005 }]).problems, []);
        assert.deepEqual(check([{ upTo: 100 }, { upTo: null }]).problems, [], 'null is unbounded too');
      });
      it('a tier not above the one before overlaps it: on its upTo', () => {
        const { text, problems } = check([{ upTo: 1000 }, { upTo: 1000 }, { upTo: 'inf' }]);
        expectOne(problems, 'invalid-value', valueRange(text, TIERS_PATH(1)), /overlaps the tier before it \(up to 1000\)/);
      });
      it('a tier after the unbounded one: on its upTo', () => {
        const { text, problems } = check([{ upTo: 'inf' }, { upTo: 5000 }]);
        expectOne(problems, 'invalid-value', valueRange(text, TIERS_PATH(1)), /after the unbounded one/);
      });
      it('a last tier with a bound leaves a gap above it: on its upTo', () => {
        const { text, problems } = check([{ upTo: 1000 }, { upTo: 5000 }]);
        expectOne(problems, 'invalid-value', valueRange(text, TIERS_PATH(1)), /gap: quantities above 5000 are in no tier/);
      });
      it('a first tier up to 0, a bound that is no number, a tier without upTo', () => {
        expectOne(check([{ upTo: 0 }, { upTo: 'inf' }]).problems, 'invalid-value', valueRange(check([{ upTo: 0 }, { upTo: 'inf' }]).text, TIERS_PATH(0)), /at least 1/);
        const word = check([{ upTo: 'lots' }, { upTo: 'inf' }]);
        expectOne(word.problems, 'invalid-value', valueRange(word.text, TIERS_PATH(0)), /whole number or "inf"/);
        const none = check([{ unitAmount: 1 }, { upTo: 'inf' }]);
        expectOne(none.problems, 'required', valueRange(none.text, ['prices', 0, 'chargeCatalogPrice', 0, 'charges', 0, 'tiers', 0]), /has no `upTo`/);
      });
      it('FLAT prices are not checked for tiers', () => {
        const base = basePlan({ prices: [monthly('USD', 29)] });
        const text = edit(serializePlan(base), ['prices', 0, 'chargeCatalogPrice', 0, 'charges', 0, 'tiers'], [{ upTo: 5 }]);
        assert.deepEqual(validate(text, base), []);
      });
    });

    it('a limit on a boolean feature: on the value; a boolean on a metered one too', () => {
      const text = edit(TEXT, ['entitlements', 1, 'details', 'value'], 100);
      expectOne(validate(text), 'invalid-value', valueRange(text, ['entitlements', 1, 'details', 'value']), /`sso` is a BOOLEAN feature.*no limit/);
      const metered = edit(TEXT, ['entitlements', 0, 'details', 'value'], true);
      expectOne(validate(metered), 'invalid-value', valueRange(metered, ['entitlements', 0, 'details', 'value']), /METER feature: its value is a limit/);
    });

    it('a priced feature UUID that is no feature of the environment: on it', () => {
      const text = edit(TEXT, ['prices', 0, 'chargeCatalogPrice', 0, 'feature'], '00000000-0000-4000-8000-000000000000');
      expectOne(validate(text), 'invalid-value', valueRange(text, ['prices', 0, 'chargeCatalogPrice', 0, 'feature']), /No feature with the UUID/);
    });

    it('isVisible or license removed: one problem on the root brace, revertable', () => {
      const text = edit(edit(TEXT, ['isVisible'], undefined), ['license'], undefined);
      const p = expectOne(validate(text), 'required', { offset: 0, length: 1 }, /`isVisible` and `license` cannot be removed/);
      assert.deepEqual(validate(revertPlanProblem(text, p)), []);
    });
  });

  describe('read-only fields', () => {
    it('a changed top-level field: on its value, reverted by the quick fix', () => {
      const text = edit(TEXT, ['isLatest'], false);
      const p = expectOne(validate(text), 'read-only', valueRange(text, ['isLatest']), /`isLatest` is read-only/);
      assert.equal(revertPlanProblem(text, p), TEXT);
    });

    it('removed top-level fields: one problem on the root, all put back', () => {
      const text = edit(edit(TEXT, ['countries'], undefined), ['details'], undefined);
      const p = expectOne(validate(text), 'read-only', { offset: 0, length: text.length - 1 }, /`countries` and `details` are read-only/);
      assert.equal(revertPlanProblem(text, p), TEXT);
    });

    it('a server field the plan answer added is read-only too; adding one kelviq sets is refused', () => {
      const base = basePlan({ plan: { archivedOn: null } });
      const text = edit(serializePlan(base), ['archivedOn'], '2025-01-01');
      expectOne(validate(text, base), 'read-only', valueRange(text, ['archivedOn']));
      const added = edit(serializePlan(basePlan({ plan: { ordering: undefined } })), ['ordering'], 3);
      expectOne(validate(added, basePlan({ plan: { ordering: undefined } })), 'read-only', valueRange(added, ['ordering']), /cannot be added/);
    });

    it('a price id changed: on the id, put back to the id of that currency\'s price', () => {
      const text = edit(TEXT, ['prices', 1, 'id'], 'price-xyz');
      const p = expectOne(validate(text), 'read-only', valueRange(text, ['prices', 1, 'id']), /not the id of a price of this plan/);
      assert.equal(revertPlanProblem(text, p), TEXT);
    });

    it('a price id on a new price, or one used twice: on it; the fix removes it', () => {
      const copy = edit(TEXT, ['prices', 2], { ...BASE.prices[0], currency: 'GBP' });
      const p = expectOne(validate(copy), 'read-only', valueRange(copy, ['prices', 2, 'id']), /another price/);
      const fixed = revertPlanProblem(copy, p);
      assert.deepEqual(validate(fixed), []);
      assert.ok(!/"id"/.test(fixed.slice(fixed.indexOf('"GBP"') - 40, fixed.indexOf('"GBP"'))));
    });

    it('a field the server adds to prices: read-only, compared with the price of the same id', () => {
      const base = basePlan({ prices: [monthly('USD', 29, { archived: false }), monthly('EUR', 27, { archived: false })] });
      const text = edit(serializePlan(base), ['prices', 0, 'archived'], true);
      const p = expectOne(validate(text, base), 'read-only', valueRange(text, ['prices', 0, 'archived']), /`prices\[0\]\.archived` is read-only/);
      assert.equal(revertPlanProblem(text, p), serializePlan(base));
    });

    it('an entitlement\'s featureName: read-only, the fix puts the feature\'s name back', () => {
      const text = edit(TEXT, ['entitlements', 0, 'featureName'], 'Calls');
      const p = expectOne(validate(text), 'read-only', valueRange(text, ['entitlements', 0, 'featureName']), /shows the name of the feature `api-calls`/);
      assert.equal(revertPlanProblem(text, p), TEXT);
      const right = edit(TEXT, ['entitlements', 2], { feature: 'seats', featureName: 'Seats', details: { value: 3 } });
      assert.deepEqual(validate(right), [], 'a new entitlement may show the right name');
    });

    it('other problems are not reverted', () => {
      const text = edit(TEXT, ['name'], '');
      const p = only(validate(text));
      assert.equal(p.code, 'required');
      assert.equal(revertPlanProblem(text, p), text);
    });
  });
});
