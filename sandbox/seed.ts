// Deterministic starting catalogs: the same seed name always yields byte-identical data (fixed
// ids, fixed dates), so screenshots, tests and benchmarks are reproducible. Nothing here reads
// the clock or Math.random.
import { DAY_MS, pick, prng, SEED_BASE_DATE, seededUuid } from './seededRandom';
import { demoFeatures, demoPlans } from './demoPlans';
import { generatedFeatures, generatedPlans } from './generatedPlans';
import { filesFromKeys, publishedPlanLists } from './planStore';
import { imagesFromKeys, slugify, type CatalogSnapshot, type ProductRecord, type ProductSettings, type TaxCode } from './store';

export { prng, SEED_BASE_DATE, seededUuid } from './seededRandom';

/** `generated:N`: N products; `generated:N:P`: N products and P plans spread over them. */
export type SeedName = 'demo' | 'empty' | `generated:${number}` | `generated:${number}:${number}`;

const MAX_GENERATED = 1_000_000;
const MAX_GENERATED_PLANS = 1_000_000;

const CREATORS = ['Demo User', 'Priya Raman', 'Marco Rossi', 'Aiko Tanaka', 'Sam Okafor', 'Lena Fischer'] as const;

/** [name, taxCode, description, plans, image file names] */
type DemoRow = [string, TaxCode, string, string[], string[]];

const DEMO_ROWS: DemoRow[] = [
  ['Pulseboard', 'saas', 'Real-time KPI dashboards for small teams, with Slack and email digests.', ['pulseboard-free', 'pro-monthly', 'pro-annual'], ['pulseboard-hero.png', 'pulseboard-dashboard.png']],
  ['Inkwell Notes', 'saas', 'Collaborative notes with offline sync and end-to-end encryption.', ['inkwell-free', 'inkwell-plus-monthly'], ['inkwell-logo.svg']],
  ['Formfox', 'saas', 'Drag-and-drop forms with conditional logic, file uploads and payment fields.', ['formfox-starter', 'formfox-business'], []],
  ['Habitloop', 'saas', 'Daily habit tracker with streaks, gentle reminders and a calm dark mode.', [], []],
  ['Ledgerline', 'saas_business', 'Accounts-payable automation for finance teams: invoice OCR, approval chains and ERP sync.', ['ledgerline-team', 'ledgerline-enterprise'], ['ledgerline-approvals.png']],
  ['Shiftwise', 'saas_business', 'Rota planning and time-off management for hospitality and retail chains.', ['shiftwise-per-seat'], []],
  ['Beacon CRM', 'saas_business', 'Pipeline CRM for B2B sales teams with email sequences and revenue forecasting.', ['beacon-growth-monthly', 'beacon-growth-annual', 'beacon-scale'], ['beacon-pipeline.png', 'beacon-forecast.png', 'beacon-mobile.png']],
  ['Auditrail', 'saas_business', 'SOC 2 evidence collection and vendor-risk questionnaires on autopilot.', ['auditrail-essentials'], []],
  ['Relay Helpdesk', 'saas_business', 'Shared inbox and ticketing with SLAs, macros and CSAT surveys.', ['relay-basic', 'relay-pro'], ['relay-inbox.png']],
  ['Codelens Desktop', 'software', 'Offline code search for large monorepos. Runs on macOS, Windows and Linux.', ['codelens-perpetual', 'codelens-updates-yearly'], ['codelens-search.png']],
  ['Snapcrate', 'software', 'Screenshot and screen-recording tool with annotations and instant share links.', ['snapcrate-lifetime'], []],
  ['Vaultkeeper', 'software', 'Local-first password manager with hardware-key support and encrypted sync.', ['vaultkeeper-personal', 'vaultkeeper-family'], []],
  ['Framerate Studio', 'software', 'Lightweight video editor with GPU-accelerated export and LUT support.', [], ['framerate-timeline.png']],
  ['Ship It Weekly', 'videocontent', 'A weekly video series on shipping SaaS products, from pricing pages to launch day.', ['shipit-monthly'], []],
  ['Deep Dive Talks', 'videocontent', 'Conference-talk archive: 400+ hours on distributed systems and databases.', ['deepdive-all-access'], ['deepdive-cover.jpg']],
  ['Indie Film Vault', 'videocontent', 'Streaming library of award-winning independent short films.', [], []],
  ['Market Pulse Reports', 'informationservice', 'Monthly market-sizing reports for B2B SaaS categories, with raw data in CSV.', ['marketpulse-analyst'], []],
  ['Geofeed API', 'informationservice', 'IP geolocation and time-zone lookups with a 99.99% uptime SLA.', ['geofeed-hobby', 'geofeed-startup', 'geofeed-volume'], []],
  ['Pricing Benchmarks', 'informationservice', 'Quarterly dataset of public SaaS pricing pages, normalised per seat and per unit of usage.', ['benchmarks-quarterly'], ['benchmarks-chart.png']],
  ['Zürich Transit Data', 'informationservice', 'Cleaned, versioned timetable and delay data for Zürich public transport.', [], []],
  ['The Pricing Playbook', 'ebook', 'A 240-page guide to value-based pricing for software founders.', ['playbook-ebook'], ['playbook-cover.jpg']],
  ['Remote by Default', 'ebook', 'Essays and ready-to-use templates for building a fully remote company.', [], []],
  ['Postgres in Practice', 'ebook', '', ['postgres-book', 'postgres-book-team'], []],
  ['Glyphset Icons', 'digitalgraphic', '2,400 pixel-perfect icons in six styles, delivered as SVG and a Figma library.', ['glyphset-personal', 'glyphset-team'], ['glyphset-preview.png', 'glyphset-styles.png']],
  ['Mockup Mansion', 'digitalgraphic', 'Photorealistic device mockups for landing pages and app-store listings.', [], []],
  ['Gradient Lab Wallpapers', 'digitalgraphic', '4K abstract wallpapers and backgrounds, with new drops every month.', ['gradientlab-monthly'], []],
  ['Starfall Tactics', 'videogame', 'Turn-based space strategy with procedurally generated campaigns.', ['starfall-standard', 'starfall-deluxe'], ['starfall-key-art.jpg', 'starfall-battle.jpg']],
  ['Starfall Tactics: Nebula', 'videogame', 'Expansion for Starfall Tactics with three new factions and forty missions.', ['starfall-nebula-dlc'], []],
  ['Pocket Dungeon', 'videogame', 'Roguelike deck-builder for mobile and desktop with cross-save.', [], []],
  ['Domain Watch', 'eservice', 'Domain-expiry and DNS-change monitoring with SMS and webhook alerts.', ['domainwatch-10', 'domainwatch-100'], []],
  ['Uptime Sentinel', 'eservice', 'HTTP, TCP and cron monitoring from 20 regions, with hosted status pages.', ['sentinel-free', 'pro-monthly-sentinel', 'sentinel-annual'], ['sentinel-status-page.png']],
  ['Mailmerge Relay', 'eservice', 'Transactional email API with templates, webhooks and bounce handling.', ['mailmerge-payg'], []],
  ['TypeScript Mastery', 'training', 'Self-paced course on advanced types, generics and the compiler API.', ['ts-mastery-course'], ['ts-mastery-thumb.png']],
  ['SaaS Metrics Bootcamp', 'training', 'Four-week cohort course on MRR, churn, cohorts and unit economics.', ['metrics-cohort'], []],
  ['Kubernetes for Developers', 'training', 'Video course with hands-on labs and a certificate of completion.', [], []],
  ['Pitch Perfect Workshop', 'training', 'Live workshop on pitching to investors; recordings included.', ['pitch-live-seat'], []],
];

/** Soft-deleted rows: invisible through the API, but they keep their identifiers taken. */
const ARCHIVED_ROWS: DemoRow[] = [
  ['Legacy Reports v1', 'informationservice', 'Replaced by Market Pulse Reports.', [], []],
  ['Beta Pricing Widget', 'saas', 'Early-access pricing widget (retired).', [], []],
];

const DEMO_SETTINGS: Record<string, Partial<ProductSettings>> = {
  pulseboard: { productUrl: 'https://pulseboard.example.com' },
  'beacon-crm': { currency: 'EUR', productUrl: 'https://beacon-crm.example.eu' },
  'geofeed-api': { vpn: false, tor: false, productUrl: 'https://geofeed.example.com/docs' },
  'starfall-tactics': { tor: false, proxy: false, currency: 'GBP' },
};

function productFromRow(rand: () => number, row: DemoRow, archived: boolean): ProductRecord {
  const [name, taxCode, description, plans, imageNames] = row;
  const id = seededUuid(rand);
  const modifiedOn = new Date(SEED_BASE_DATE - Math.floor(rand() * 180 * DAY_MS)).toISOString();
  return {
    id,
    identifier: slugify(name),
    name,
    description,
    createdBy: pick(rand, CREATORS),
    modifiedOn,
    images: imagesFromKeys(id, imageNames.map((file) => `tmp/${file}`), [], () => seededUuid(rand)),
    taxCode,
    plans,
    archived,
  };
}

export function demoCatalog(): CatalogSnapshot {
  const rand = prng(0x6b656c76);
  const products = [
    ...DEMO_ROWS.map((row) => productFromRow(rand, row, false)),
    ...ARCHIVED_ROWS.map((row) => productFromRow(rand, row, true)),
  ];
  const settings: Record<string, ProductSettings> = {};
  for (const product of products) {
    const overrides = DEMO_SETTINGS[product.identifier];
    if (overrides) settings[product.id] = { vpn: true, tor: true, proxy: true, currency: 'USD', productUrl: null, ...overrides };
  }
  const features = demoFeatures();
  const plans = demoPlans(products, settings, features);
  // One plan with a file (its own PRNG, so every other seeded value stays as it was). Seeded
  // images and files have no uploaded bytes: storage serves placeholders for them.
  const fileRand = prng(0x66696c65);
  for (const plan of plans.filter((p) => p.identifier === 'pro-annual')) {
    for (const version of plan.versions) version.files = filesFromKeys(plan.identifier, ['tmp/pulseboard-pro-terms.txt'], [], () => seededUuid(fileRand));
  }
  return { version: 1, products, settings, features, plans };
}

const ADJECTIVES = ['Bright', 'Swift', 'Quiet', 'Bold', 'Clever', 'Lucid', 'Nimble', 'Solid', 'Vivid', 'Atomic', 'Polar', 'Cobalt'];
const NOUNS = ['Analytics', 'Invoicing', 'Scheduler', 'Notes', 'Monitor', 'Forms', 'Vault', 'Studio', 'Academy', 'Reports', 'Icons', 'Arcade'];
const TAX_BY_NOUN: TaxCode[] = ['saas', 'saas_business', 'saas_business', 'saas', 'eservice', 'saas', 'software', 'videocontent', 'training', 'informationservice', 'digitalgraphic', 'videogame'];
const EBOOK_EVERY = 17;

/**
 * A large synthetic catalog for paging and performance work; 10k products take ~0.1 s. Without
 * `planCount` there are no plans or features (products list none); with it, that many plans are
 * spread over the products (generatedPlans.ts) and each product's `plans` lists its published ones.
 */
export function generatedCatalog(count: number, planCount?: number): CatalogSnapshot {
  const rand = prng(0x67656e00 + count);
  const products: ProductRecord[] = [];
  const width = String(count).length;
  for (let i = 1; i <= count; i++) {
    const nounIndex = Math.floor(rand() * NOUNS.length);
    const name = `${pick(rand, ADJECTIVES)} ${NOUNS[nounIndex]} ${String(i).padStart(width, '0')}`;
    const id = seededUuid(rand);
    const identifier = name.toLowerCase().replace(/ /g, '-');
    products.push({
      id,
      identifier,
      name,
      description: `Generated product #${i} for large-catalog testing.`,
      createdBy: pick(rand, CREATORS),
      modifiedOn: new Date(SEED_BASE_DATE - Math.floor(rand() * 365 * DAY_MS)).toISOString(),
      images: i % 5 === 0 ? imagesFromKeys(id, [`tmp/${identifier}.png`], [], () => seededUuid(rand)) : [],
      taxCode: i % EBOOK_EVERY === 0 ? 'ebook' : (TAX_BY_NOUN[nounIndex] ?? 'saas'),
      plans: [],
      archived: false,
    });
  }
  if (planCount === undefined) return { version: 1, products, settings: {}, features: [], plans: [] };
  const features = generatedFeatures();
  const plans = generatedPlans(products, features, planCount);
  const lists = publishedPlanLists(plans);
  for (const product of products) product.plans = lists.get(product.id) ?? [];
  return { version: 1, products, settings: {}, features, plans };
}

export function parseSeed(value: string): SeedName {
  if (value === 'demo' || value === 'empty') return value;
  const match = /^generated:(\d+)(?::(\d+))?$/.exec(value);
  const products = Number(match?.[1]);
  const plans = match?.[2] === undefined ? undefined : Number(match[2]);
  if (match && products <= MAX_GENERATED && (plans === undefined || plans <= MAX_GENERATED_PLANS)) {
    return plans === undefined ? `generated:${products}` : `generated:${products}:${plans}`;
  }
  throw new Error(`Unknown seed "${value}": use demo, empty, generated:N or generated:N:P (N products <= ${MAX_GENERATED}, P plans <= ${MAX_GENERATED_PLANS}).`);
}

export function buildSeed(seed: SeedName): CatalogSnapshot {
  if (seed === 'demo') return demoCatalog();
  if (seed === 'empty') return { version: 1, products: [], settings: {}, features: [], plans: [] };
  const [, products, plans] = parseSeed(seed).split(':');
  return generatedCatalog(Number(products), plans === undefined ? undefined : Number(plans));
}
