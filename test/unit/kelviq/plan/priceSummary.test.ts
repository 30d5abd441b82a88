// priceSummary: one short line for tree descriptions.
import assert from 'node:assert/strict';
import { formatAmount, priceSummary } from '../../../../src/domain/kelviq/plan';
import { FEATURES, monthly } from './fixtures';

const flat = (currency: string, charges: { chargePeriod: string; amount: number | string }[], extra: Record<string, unknown> = {}) =>
  monthly(currency, 0, { freeTrial: false, trialPeriod: 0, chargeCatalogPrice: [{ feature: null, priceModel: 'FLAT', charges: charges.map((c) => ({ chargePeriod: c.chargePeriod, priceData: { amount: c.amount } })) }], ...extra });

describe('domain/kelviq/plan: priceSummary', () => {
  it('"USD 29 / month, EUR 27 / month, 14-day trial"', () => {
    assert.equal(priceSummary([monthly('USD', 29), monthly('EUR', 27)]), 'USD 29 / month, EUR 27 / month, 14-day trial');
  });

  it('periods, decimals by currency, several charges, one-time', () => {
    assert.equal(priceSummary([flat('USD', [{ chargePeriod: 'YEARLY', amount: 290.5 }])]), 'USD 290.50 / year');
    assert.equal(priceSummary([flat('JPY', [{ chargePeriod: 'MONTHLY', amount: 1500 }])]), 'JPY 1,500 / month');
    assert.equal(priceSummary([flat('USD', [{ chargePeriod: 'MONTHLY', amount: 29 }, { chargePeriod: 'ONE_TIME', amount: '99' }])]), 'USD 29 / month + 99 one-time');
    assert.equal(priceSummary([flat('USD', [{ chargePeriod: 'QUARTERLY', amount: 80 }]), flat('USD', [{ chargePeriod: 'DAILY', amount: 1 }])]), 'USD 80 / quarter, USD 1 / day');
  });

  it('free, custom, usage-based, disabled and no prices', () => {
    assert.equal(priceSummary([{ priceType: 'FREE', currency: 'USD' }]), 'free');
    assert.equal(priceSummary([{ priceType: 'CUSTOM' }]), 'custom price');
    const metered = monthly('USD', 0, { freeTrial: false, chargeCatalogPrice: [{ feature: FEATURES.apiCalls.id, priceModel: 'TIERED', charges: [] }] });
    assert.equal(priceSummary([metered]), 'USD usage-based');
    assert.equal(priceSummary([monthly('USD', 29, { enabled: false })]), 'no price');
    assert.equal(priceSummary([]), 'no price');
    assert.equal(priceSummary(undefined), 'no price');
  });

  it('trials: one length, or a range; only on paid prices that have one', () => {
    assert.equal(priceSummary([monthly('USD', 29, { trialPeriod: 7 }), monthly('EUR', 27)]), 'USD 29 / month, EUR 27 / month, 7–14-day trial');
    assert.equal(priceSummary([monthly('USD', 29, { freeTrial: false })]), 'USD 29 / month');
  });

  it('at most three prices, then "+N more"; the same text twice is shown once', () => {
    const five = ['USD', 'EUR', 'GBP', 'CHF', 'SEK'].map((c) => flat(c, [{ chargePeriod: 'MONTHLY', amount: 10 }]));
    assert.equal(priceSummary(five), 'USD 10 / month, EUR 10 / month, GBP 10 / month, +2 more');
    assert.equal(priceSummary([{ priceType: 'FREE', currency: 'USD' }, { priceType: 'FREE', currency: 'EUR' }]), 'free');
  });

  it('formatAmount: whole amounts without decimals, others to the currency\'s digits', () => {
    assert.deepEqual([formatAmount(29, 'USD'), formatAmount(29.9, 'USD'), formatAmount(0.125, 'USD'), formatAmount(1234.5, 'JPY')], ['29', '29.90', '0.125', '1,234.5']);
  });
});
