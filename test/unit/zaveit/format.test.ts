// The wording of Zaveit values in hovers and tree rows, as tables of cases.
import assert from 'node:assert/strict';
import { describeProductPrice, formatHours, formatMoney, formatPaymentPeriod, formatQuantity } from '../../../src/domain/zaveit/product';

describe('domain/zaveit: formatting', () => {
  const hours: Array<[number, string]> = [
    [8640, '8640 hours = 12 months'],
    [720, '720 hours = 1 month'],
    [1440, '1440 hours = 2 months'],
    [168, '168 hours = 1 week'],
    [336, '336 hours = 2 weeks'],
    [24, '24 hours = 1 day'],
    [36, '36 hours = 1 day 12 hours'],
    [750, '750 hours = 1 month 1 day 6 hours'],
    [8760, '8760 hours = 12 months 5 days'],
    [5, '5 hours'],
    [1, '1 hour'],
    [0, '0 hours (none)'],
    [-1, '-1 hours'],
    [1.5, '1.5 hours'],
  ];
  for (const [value, text] of hours) it(`formatHours(${value}) → ${text}`, () => assert.equal(formatHours(value), text));

  const periods: Array<[number, string]> = [
    [720, 'every month'],
    [8640, 'every 12 months'],
    [168, 'every week'],
    [48, 'every 2 days'],
    [1, 'every hour'],
    [30, 'every 30 hours'],
    [0, 'once'],
  ];
  for (const [value, text] of periods) it(`formatPaymentPeriod(${value}) → ${text}`, () => assert.equal(formatPaymentPeriod(value), text));

  const money: Array<[number, string | undefined, string]> = [
    [433.44, 'NOK', 'NOK 433.44'],
    [100, 'NOK', 'NOK 100.00'],
    [1200, 'EUR', 'EUR 1,200.00'],
    [0.125, 'USD', 'USD 0.125'],
    [1500, 'JPY', 'JPY 1,500'],
    [0.1 + 0.2, 'NOK', 'NOK 0.30'],
    [-5, 'USD', 'USD -5.00'],
    [12.5, undefined, '12.50'],
    [12.5, 'nok', '12.50'],
  ];
  for (const [value, code, text] of money) it(`formatMoney(${value}, ${code}) → ${text}`, () => assert.equal(formatMoney(value, code), text));

  it('formatQuantity', () => {
    assert.equal(formatQuantity({ min: 1, default: 1, max: 100 }), '1–100 (default 1)');
    assert.equal(formatQuantity({ min: 1, default: 2, max: null }), '1 or more (default 2)');
    assert.equal(formatQuantity({ min: 5, default: 5, max: 5 }), 'exactly 5');
    assert.equal(formatQuantity({}), 'any quantity');
  });

  it('describeProductPrice: one line for a tree row', () => {
    const nok = { code: 'NOK' };
    assert.equal(describeProductPrice({ subscription: true, payment_period: 720, currency: nok, products: [{ price: 433.44 }] }), 'NOK 433.44 every month');
    assert.equal(
      describeProductPrice({ subscription: true, payment_period: 8640, currency: nok, products: [{ price: 99 }, { price: 433.44 }, { price: 249 }] }),
      'NOK 99.00–433.44 every 12 months · 3 variants',
    );
    assert.equal(describeProductPrice({ subscription: false, payment_period: 0, currency: { code: 'USD' }, products: [{ price: 650 }] }), 'USD 650.00 once');
    assert.equal(describeProductPrice({ status: { active: false, deleted: false }, currency: nok, products: [] }), 'inactive · no price');
    assert.equal(describeProductPrice({ status: { active: false, deleted: true }, products: [{ price: 1 }] }), 'deleted · 1.00 once');
  });
});
