// Human wording of Zaveit values for hovers and tree descriptions: durations in hours
// ("8640 hours = 12 months"), payment periods ("every month"), money ("NOK 433.44"), quantity
// bounds and a one-line price summary of a product. Pure and locale-independent (en-US).
import { HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK } from '../../../api/zaveit/productFields';
import { isPlainObject } from '../../document/jsonShapes';
import { currencyDigits } from '../../isoCodes';

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Whole months, weeks or days when exact; else months, days and hours (largest first). */
function spell(hours: number): string {
  if (hours % HOURS_PER_MONTH === 0) return plural(hours / HOURS_PER_MONTH, 'month');
  if (hours % HOURS_PER_WEEK === 0) return plural(hours / HOURS_PER_WEEK, 'week');
  const parts: string[] = [];
  let rest = hours;
  if (rest >= HOURS_PER_MONTH) {
    parts.push(plural(Math.floor(rest / HOURS_PER_MONTH), 'month'));
    rest %= HOURS_PER_MONTH;
  }
  if (rest >= HOURS_PER_DAY) {
    parts.push(plural(Math.floor(rest / HOURS_PER_DAY), 'day'));
    rest %= HOURS_PER_DAY;
  }
  if (rest > 0) parts.push(plural(rest, 'hour'));
  return parts.join(' ');
}

/**
 * A duration given in hours: `8640 hours = 12 months`, `720 hours = 1 month`, `168 hours = 1 week`,
 * `36 hours = 1 day 12 hours`, `5 hours`, `0 hours (none)`. A month is 720 hours (30 days), as in
 * Zaveit's examples.
 */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours) || !Number.isInteger(hours) || hours < 0) return `${String(hours)} hours`;
  if (hours === 0) return '0 hours (none)';
  if (hours < HOURS_PER_DAY) return plural(hours, 'hour');
  return `${hours} hours = ${spell(hours)}`;
}

/** How often a customer pays: `every month`, `every 12 months`, `every 2 weeks`, `every 36 hours`; 0 → `once`. */
export function formatPaymentPeriod(hours: number): string {
  if (!Number.isFinite(hours) || !Number.isInteger(hours) || hours < 0) return `every ${String(hours)} hours`;
  if (hours === 0) return 'once';
  for (const [size, unit] of [[HOURS_PER_MONTH, 'month'], [HOURS_PER_WEEK, 'week'], [HOURS_PER_DAY, 'day'], [1, 'hour']] as const) {
    if (hours % size === 0) return hours === size ? `every ${unit}` : `every ${plural(hours / size, unit)}`;
  }
  return `every ${plural(hours, 'hour')}`;
}

/**
 * A price in major units: `NOK 433.44`, `NOK 1,200.00`, `JPY 1,500`. At least the currency's
 * minor digits, more when the value has them (`NOK 0.125`), never rounded away.
 */
export function formatMoney(amount: number, currencyCode: string | undefined): string {
  if (!Number.isFinite(amount)) return `${currencyCode ? `${currencyCode} ` : ''}${String(amount)}`;
  const code = currencyCode && /^[A-Z]{3}$/.test(currencyCode) ? currencyCode : undefined;
  const min = code ? currencyDigits(code) : 2;
  const text = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: Math.max(min, 6) }).format(amount);
  return code ? `${code} ${text}` : text;
}

export interface QuantityBounds {
  min?: unknown;
  default?: unknown;
  max?: unknown;
}

/** `1–100 (default 1)`, `1 or more (default 1)`, `exactly 5`. */
export function formatQuantity(bounds: QuantityBounds): string {
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const min = num(bounds.min);
  const max = num(bounds.max);
  const def = num(bounds.default);
  const suffix = def !== undefined ? ` (default ${def})` : '';
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `${min}–${max}${suffix}`;
  if (min !== undefined) return `${min} or more${suffix}`;
  if (max !== undefined) return `up to ${max}${suffix}`;
  return def !== undefined ? `default ${def}` : 'any quantity';
}

interface PricedProduct {
  subscription?: unknown;
  payment_period?: unknown;
  currency?: unknown;
  status?: unknown;
  products?: unknown;
}

/**
 * One line for a product's tree row: `NOK 433.44 every month`, `NOK 99.00–433.44 every month ·
 * 3 variants`, `USD 650.00 once`, with `inactive` / `deleted` in front when so.
 */
export function describeProductPrice(product: PricedProduct): string {
  const code = isPlainObject(product.currency) && typeof product.currency.code === 'string' ? product.currency.code : undefined;
  const variants = Array.isArray(product.products) ? product.products.filter(isPlainObject) : [];
  const prices = variants.map((v) => v.price).filter((p): p is number => typeof p === 'number' && Number.isFinite(p));
  const parts: string[] = [];
  if (isPlainObject(product.status) && product.status.deleted === true) parts.push('deleted');
  else if (isPlainObject(product.status) && product.status.active === false) parts.push('inactive');
  if (prices.length > 0) {
    const low = Math.min(...prices);
    const high = Math.max(...prices);
    const price = low === high ? formatMoney(low, code) : `${formatMoney(low, code)}–${formatMoney(high, code).replace(/^[A-Z]{3} /, '')}`;
    const period = typeof product.payment_period === 'number' && product.subscription === true ? formatPaymentPeriod(product.payment_period) : 'once';
    parts.push(`${price} ${period}`);
  } else {
    parts.push('no price');
  }
  if (variants.length > 1) parts.push(`${variants.length} variants`);
  return parts.join(' · ');
}

