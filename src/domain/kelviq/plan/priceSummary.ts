// priceSummary: a plan's prices in one short line for tree descriptions:
// "USD 29 / month, EUR 27 / month, 14-day trial". Enabled prices only, in their order; FREE is
// "free", CUSTOM "custom price"; a PAID price shows the plan's own flat charges (`feature: null`),
// else "usage-based". Pure and locale-independent (en-US).
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { currencyDigits } from '../../isoCodes';
import { records } from './planPaths';

const PERIODS: Readonly<Record<string, string>> = {
  DAILY: '/ day',
  MONTHLY: '/ month',
  QUARTERLY: '/ quarter',
  YEARLY: '/ year',
  ONE_TIME: 'one-time',
};

/** How many prices are named before "+N more". */
const SHOWN = 3;

/** `29`, `29.99`, `1,500`, `0.5`: whole amounts without decimals, others to the currency's digits. */
export function formatAmount(amount: number, currency: string | undefined): string {
  const digits = currency && /^[A-Z]{3}$/.test(currency) ? currencyDigits(currency) : 2;
  const min = Number.isInteger(amount) ? 0 : digits;
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: Math.max(min, digits, 6) }).format(amount);
}

function amountOf(priceData: unknown): number | undefined {
  const raw = isPlainObject(priceData) ? priceData.amount : undefined;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `29 / month`, `29 / month + 99 one-time`; undefined when the price has no flat charge of its own. */
function planCharges(price: JsonObject): string | undefined {
  const parts: string[] = [];
  const currency = typeof price.currency === 'string' ? price.currency : undefined;
  for (const entry of records(price.chargeCatalogPrice)) {
    if (entry.feature !== null && entry.feature !== undefined) continue;
    if (entry.priceModel !== undefined && entry.priceModel !== 'FLAT') continue;
    for (const charge of records(entry.charges)) {
      const amount = amountOf(charge.priceData);
      if (amount === undefined) continue;
      const period = typeof charge.chargePeriod === 'string' && Object.hasOwn(PERIODS, charge.chargePeriod) ? PERIODS[charge.chargePeriod] : undefined;
      parts.push(period ? `${formatAmount(amount, currency)} ${period}` : formatAmount(amount, currency));
    }
  }
  return parts.length > 0 ? parts.join(' + ') : undefined;
}

function describe(price: JsonObject): string {
  const currency = typeof price.currency === 'string' && price.currency ? `${price.currency} ` : '';
  if (price.priceType === 'FREE') return 'free';
  if (price.priceType === 'CUSTOM') return 'custom price';
  return `${currency}${planCharges(price) ?? 'usage-based'}`;
}

/** `14-day trial`, `7–14-day trial`; undefined without a trial. */
function trial(prices: readonly JsonObject[]): string | undefined {
  const days = prices.filter((p) => p.freeTrial === true && typeof p.trialPeriod === 'number' && p.trialPeriod > 0).map((p) => p.trialPeriod as number);
  if (days.length === 0) return undefined;
  const low = Math.min(...days);
  const high = Math.max(...days);
  return low === high ? `${low}-day trial` : `${low}–${high}-day trial`;
}

/** The summary of a plan's prices (a document's, or the server's list); `no price` when none is enabled. */
export function priceSummary(prices: unknown): string {
  const enabled = records(prices).filter((p) => p.enabled !== false);
  if (enabled.length === 0) return 'no price';
  const described = [...new Set(enabled.map(describe))];
  const parts = described.slice(0, SHOWN);
  if (described.length > SHOWN) parts.push(`+${described.length - SHOWN} more`);
  const trialText = trial(enabled.filter((p) => p.priceType === 'PAID'));
  if (trialText) parts.push(trialText);
  return parts.join(', ');
}
