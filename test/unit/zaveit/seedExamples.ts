// The two JSON examples of Zaveit's public "Create Product" page (POST /v2/product), vendored
// unchanged as test fixtures. Source: the project's seed 004_f0af55b45bbba3f0.txt (a stored copy
// of docs.zaveit.io's /docs/api/products/create-product), request body and response example.

export const SEED_CREATE_REQUEST = {
  name: 'Test product',
  subscription_term: 0,
  payment_period: 0,
  subscription: true,
  status: {
    active: true,
    deleted: false,
  },
  type: 3,
  description: '',
  country: {
    code: 'NO',
  },
  currency: {
    code: 'NOK',
    title: 'Norway kroner',
  },
  managementLink: {
    title: '',
    url: '',
  },
  integration: [],
  customInputs: [],
  consumption: {},
  amount: {
    min: 1,
    max: 1,
    default: 1,
  },
  permission_features: [],
  products: [
    {
      amount: {
        default: 1,
        min: 1,
        max: 100,
      },
      cost_price: 1,
      sku: '1',
      price: 100,
      discount: 0,
      _id: '',
      reference: '',
    },
  ],
};

export const SEED_CREATE_RESPONSE = {
  id: 'product-id-1',
  group_id: 'product-id-1',
  tenant: 'tenant-id-1',
  name: 'Example Product',
  status: {
    active: true,
    deleted: false,
  },
  sales_channel: 'Shop',
  subscription_term: 0,
  payment_period: 0,
  subscription: true,
  referenced: false,
  amount: {
    min: 1,
    max: 100,
    default: 1,
  },
  products: [
    {
      _id: 'variant-id-1',
      sku: 'SKU-001',
      cost_price: 1,
      price: 100,
      amount: {
        default: 1,
        min: 1,
        max: 100,
      },
      reference: '',
    },
  ],
  services: [],
  managementLink: {
    title: 'Manage in Portal',
    url: 'https://example.com/manage',
  },
  categories: [],
  stock: 0,
  shop_enabled: false,
  keys: [],
  media: [],
  country: {
    code: 'NO',
    _id: 'country-id-1',
  },
  currency: {
    code: 'NOK',
    _id: 'currency-id-1',
  },
  type: 3,
  description: '',
  integration: [],
  resell: false,
  msp: false,
  permission_features: [],
  vendor: {
    name: 'Example Vendor',
  },
  customInputs: [],
  integrations: [],
  created: '2025-01-01T00:00:00.000Z',
  updated: '2025-01-01T00:00:00.000Z',
};
