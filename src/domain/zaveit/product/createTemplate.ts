// createZaveitTemplate: the starting document of a new Zaveit product: the documented create
// body's shape (seed 004's example) with neutral values, one variant, and the chosen currency and
// country. It validates with zero problems.
import { NEW_VARIANT_ID } from '../../../api/zaveit/productFields';
import type { JsonObject } from '../../document/jsonShapes';
import { currencyName } from '../../isoCodes';

export interface TemplateOptions {
  /** ISO 4217, e.g. "NOK". */
  currency: string;
  /** ISO 3166-1 alpha-2, e.g. "NO". */
  country: string;
  /** Default "New product". */
  name?: string;
}

export function createZaveitTemplate(options: TemplateOptions): JsonObject {
  const currency = options.currency.trim().toUpperCase();
  const country = options.country.trim().toUpperCase();
  return {
    name: options.name?.trim() || 'New product',
    description: '',
    subscription: false,
    subscription_term: 0,
    payment_period: 0,
    status: { active: true, deleted: false },
    // The only type the docs show (on subscriptions and one-off products alike).
    type: 3,
    country: { code: country },
    currency: { code: currency, title: currencyName(currency) ?? currency },
    managementLink: { title: '', url: '' },
    amount: { min: 1, default: 1, max: 1 },
    products: [
      {
        _id: NEW_VARIANT_ID,
        sku: 'SKU-1',
        price: 0,
        cost_price: 0,
        discount: 0,
        amount: { min: 1, default: 1, max: 1 },
        reference: '',
      },
    ],
    integration: [],
    customInputs: [],
    permission_features: [],
    consumption: {},
  };
}
