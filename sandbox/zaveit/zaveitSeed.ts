// Deterministic starting catalogs for the Zaveit sandbox: the same seed name always yields the
// same products (fixed ids and dates from a seeded PRNG), so tests, screenshots and benchmarks
// are reproducible. `demo`: a dozen products in NOK, EUR and USD, subscriptions and one-off
// sales, several with 2–4 variants, one inactive and one soft-deleted. `generated:N`: N products.
import { prng, seededUuid, SEED_BASE_DATE } from '../seed';
import type { ZaveitProduct, ZaveitSnapshot } from './zaveitStore';

export type ZaveitSeedName = 'demo' | 'empty' | `generated:${number}`;

/** The tenant (24-hex) of the demo token and of every seeded product. */
export const DEMO_TENANT = '64f1c0ffee0000000000a001';
const DAY_MS = 86_400_000;
const MAX_GENERATED = 1_000_000;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function objectId(rand: () => number, atMs: number): string {
  let out = Math.floor(atMs / 1000).toString(16).padStart(8, '0').slice(-8);
  for (let i = 0; i < 8; i++) out += HEX[Math.floor(rand() * 256)];
  return out;
}

/** [sku, price, cost_price, discount, min, default, max (null: unlimited)] */
type VariantRow = [string, number, number, number, number, number, number | null];

interface DemoRow {
  name: string;
  description: string;
  currency: 'NOK' | 'EUR' | 'USD';
  country: string;
  subscription: boolean;
  /** Hours. */
  term: number;
  /** Hours. */
  period: number;
  variants: VariantRow[];
  active?: boolean;
  deleted?: boolean;
  link?: [string, string];
  media?: string[];
}

/** The country of generated products, by currency. */
const COUNTRY_OF = { NOK: 'NO', EUR: 'DE', USD: 'US' } as const;

const DEMO_ROWS: DemoRow[] = [
  {
    name: 'Cloud Backup Pro', description: 'Encrypted off-site backup for laptops and servers, restored from a web console.',
    currency: 'NOK', country: 'NO', subscription: true, term: 8640, period: 720,
    variants: [['CBP-50', 99, 41.2, 0, 1, 1, 500], ['CBP-200', 249, 118.5, 0, 1, 1, 500], ['CBP-1000', 433.44, 246.71, 10, 1, 1, null]],
    link: ['Manage in portal', 'https://backup.example.com/manage'], media: ['https://cdn.example.com/media/cloud-backup.png'],
  },
  {
    name: 'Office Suite Business', description: 'Mail, calendar, documents and video meetings for small businesses.',
    currency: 'NOK', country: 'NO', subscription: true, term: 8640, period: 720,
    variants: [['OSB-MONTHLY', 139, 112.3, 0, 1, 1, 300], ['OSB-ANNUAL', 1390, 1123, 5, 1, 1, 300]],
  },
  {
    name: 'Endpoint Security', description: 'Antivirus, disk encryption and device control, managed centrally.',
    currency: 'EUR', country: 'DE', subscription: true, term: 8640, period: 8640,
    variants: [['ES-1', 39.9, 18, 0, 1, 1, 1], ['ES-5', 179, 81, 0, 5, 5, 5], ['ES-25', 799, 360, 5, 25, 25, 25], ['ES-100', 2899, 1300, 12.5, 100, 100, null]],
  },
  {
    name: 'Managed Firewall', description: 'A next-generation firewall we operate for you, with monthly reports.',
    currency: 'EUR', country: 'FI', subscription: true, term: 720, period: 720,
    variants: [['MFW-STD', 89, 52.75, 0, 1, 1, null]],
  },
  {
    name: 'Onboarding Workshop', description: 'A half-day remote workshop that gets a new team productive.',
    currency: 'USD', country: 'US', subscription: false, term: 0, period: 0,
    variants: [['OW-HALFDAY', 650, 300, 0, 1, 1, 10]],
  },
  {
    name: 'Laptop Setup Service', description: 'Unboxing, enrolment, apps and data transfer for a new laptop.',
    currency: 'NOK', country: 'NO', subscription: false, term: 0, period: 0,
    variants: [['LSS-BASIC', 1200, 640, 0, 1, 1, 50], ['LSS-PREMIUM', 2400, 1150, 0, 1, 1, 50]],
  },
  {
    name: 'Email Archiving', description: 'Tamper-proof archive of every mail, searchable for ten years.',
    currency: 'USD', country: 'US', subscription: true, term: 8640, period: 720,
    variants: [['EA-USER', 3.5, 1.1, 0, 1, 10, null], ['EA-USER-LEGAL', 6, 2.05, 0, 10, 10, null]],
  },
  {
    name: 'Password Manager Teams', description: 'Shared vaults, SSO and an audit log for teams.',
    currency: 'EUR', country: 'NL', subscription: true, term: 720, period: 720,
    variants: [['PMT-5', 19, 7.5, 0, 1, 1, 1], ['PMT-25', 85, 33, 0, 1, 1, 1], ['PMT-100', 299, 120, 10, 1, 1, 1]],
  },
  {
    name: 'Domain Registration .no', description: 'A .no domain, renewed yearly, with DNS hosting.',
    currency: 'NOK', country: 'NO', subscription: true, term: 8640, period: 8640,
    variants: [['DOM-NO', 150, 78, 0, 1, 1, 20]],
  },
  {
    name: 'Helpdesk Hours (10-pack)', description: 'Ten hours of remote support, valid for a year.',
    currency: 'NOK', country: 'SE', subscription: false, term: 0, period: 0,
    variants: [['HD-10', 9500, 5200, 0, 1, 1, null]],
  },
  {
    name: 'Legacy VPN Gateway', description: 'Replaced by Managed Firewall; kept for existing customers.',
    currency: 'USD', country: 'US', subscription: true, term: 8640, period: 720, active: false,
    variants: [['VPN-LEGACY', 49, 30, 0, 1, 1, 1]],
  },
  {
    name: 'Old Hosting Plan', description: 'Shared web hosting (retired).',
    currency: 'EUR', country: 'DE', subscription: true, term: 8640, period: 720, active: false, deleted: true,
    variants: [['HOST-OLD', 4.99, 1.5, 0, 1, 1, 1]],
  },
];

function demoProduct(rand: () => number, row: DemoRow, index: number): ZaveitProduct {
  const id = seededUuid(rand);
  const created = SEED_BASE_DATE - (400 - index * 20) * DAY_MS - Math.floor(rand() * DAY_MS);
  const edits = Math.floor(rand() * 4);
  const updated = created + (edits === 0 ? 0 : Math.floor(rand() * 120 * DAY_MS));
  const category = objectId(rand, created);
  return {
    id,
    group_id: id,
    tenant: DEMO_TENANT,
    name: row.name,
    status: { active: row.active ?? true, deleted: row.deleted ?? false },
    sales_channel: 'Shop',
    subscription_term: row.term,
    payment_period: row.period,
    subscription: row.subscription,
    referenced: false,
    amount: { min: 1, max: row.variants.length > 2 ? null : 100, default: 1 },
    products: row.variants.map(([sku, price, cost, discount, min, def, max]) => ({
      _id: objectId(rand, created),
      sku,
      cost_price: cost,
      price,
      discount,
      amount: { default: def, min, max },
      reference: index % 4 === 0 ? null : '',
    })),
    services: [],
    managementLink: { title: row.link?.[0] ?? '', url: row.link?.[1] ?? '' },
    categories: [category],
    stock: 0,
    shop_enabled: index % 3 === 0,
    keys: [],
    media: row.media ?? [],
    country: { code: row.country, _id: objectId(rand, created) },
    currency: { code: row.currency, _id: objectId(rand, created) },
    type: 3,
    description: row.description,
    integration: [],
    resell: false,
    msp: index === 2,
    permission_features: [],
    vendor: { name: 'Nordlys IT AS' },
    customInputs: [],
    integrations: [],
    consumption: {},
    properties: index % 2 === 0 ? { [objectId(rand, created)]: { name: 'Support level', tenant: DEMO_TENANT, value: index % 4 === 0 ? 'Gold' : 'Standard' } } : {},
    created: new Date(created).toISOString(),
    updated: new Date(updated).toISOString(),
    __v: edits,
  };
}

export function zaveitDemoCatalog(): ZaveitSnapshot {
  const rand = prng(0x7a617665);
  return { version: 1, products: DEMO_ROWS.map((row, i) => demoProduct(rand, row, i)) };
}

const WORDS = ['Backup', 'Firewall', 'Mail', 'Storage', 'Support', 'Licence', 'Monitoring', 'Hosting', 'Security', 'Phone', 'Printing', 'Training'];
const TIERS = ['Basic', 'Standard', 'Plus', 'Pro', 'Enterprise'];
const CURRENCIES = ['NOK', 'EUR', 'USD'] as const;

/** A large synthetic catalog for paging and performance work (10,000 products in well under a second). */
export function zaveitGeneratedCatalog(count: number): ZaveitSnapshot {
  const rand = prng(0x7a670000 + count);
  const width = String(count).length;
  const products: ZaveitProduct[] = [];
  for (let i = 1; i <= count; i++) {
    const currency = CURRENCIES[i % 3]!;
    const subscription = i % 4 !== 0;
    const word = WORDS[Math.floor(rand() * WORDS.length)]!;
    const variants = 1 + (i % 3);
    const created = SEED_BASE_DATE - Math.floor(rand() * 365 * DAY_MS);
    const id = seededUuid(rand);
    products.push({
      id, group_id: id, tenant: DEMO_TENANT,
      name: `${word} ${TIERS[i % TIERS.length]} ${String(i).padStart(width, '0')}`,
      description: `Generated product #${i} for large-catalog testing.`,
      status: { active: i % 50 !== 0, deleted: false },
      sales_channel: 'Shop',
      subscription, subscription_term: subscription ? 8640 : 0, payment_period: subscription ? 720 : 0,
      referenced: false,
      amount: { min: 1, max: null, default: 1 },
      products: Array.from({ length: variants }, (_, v) => ({
        _id: objectId(rand, created), sku: `GEN-${i}-${v + 1}`, cost_price: Math.round(rand() * 50000) / 100,
        price: Math.round(rand() * 100000) / 100 + 1, discount: 0, amount: { default: 1, min: 1, max: 100 }, reference: '',
      })),
      services: [], managementLink: { title: '', url: '' }, categories: [], stock: 0, shop_enabled: false, keys: [], media: [],
      country: { code: COUNTRY_OF[currency], _id: objectId(rand, created) },
      currency: { code: currency, _id: objectId(rand, created) },
      type: 3, integration: [], resell: false, msp: false, permission_features: [], vendor: { name: 'Generated Vendor' },
      customInputs: [], integrations: [],
      created: new Date(created).toISOString(), updated: new Date(created).toISOString(), __v: 0,
    });
  }
  return { version: 1, products };
}

export function parseZaveitSeed(value: string): ZaveitSeedName {
  if (value === 'demo' || value === 'empty') return value;
  const match = /^generated:(\d+)$/.exec(value);
  if (match && Number(match[1]) <= MAX_GENERATED) return `generated:${Number(match[1])}`;
  throw new Error(`Unknown Zaveit seed "${value}": use demo, empty or generated:N (N <= ${MAX_GENERATED}).`);
}

export function buildZaveitSeed(seed: ZaveitSeedName): ZaveitSnapshot {
  if (seed === 'demo') return zaveitDemoCatalog();
  if (seed === 'empty') return { version: 1, products: [] };
  return zaveitGeneratedCatalog(Number(parseZaveitSeed(seed).slice('generated:'.length)));
}
