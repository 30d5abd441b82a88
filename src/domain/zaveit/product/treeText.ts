// How a Zaveit product reads in the Products tree: its state (active / inactive / deleted), the
// row description ("3 variants · NOK 99–199 / month") and the tooltip (Markdown built from
// untrusted catalog text through src/domain/markdown). Pure and locale-independent (en-US).
import { HOURS_PER_MONTH, HOURS_PER_WEEK, HOURS_PER_DAY } from '../../../api/zaveit/productFields';
import type { Product } from '../../../api/zaveit/schemas';
import { markdownCode, markdownText } from '../../markdown';
import { formatHours, formatMoney, formatPaymentPeriod, formatQuantity } from './format';
import { countryName, currencyName } from '../../isoCodes';

export type ProductState = 'active' | 'inactive' | 'deleted';

/** `status.deleted` wins over `status.active`; a product without a status is active (the create default). */
export function productState(product: Pick<Product, 'status'>): ProductState {
  if (product.status?.deleted === true) return 'deleted';
  if (product.status?.active === false) return 'inactive';
  return 'active';
}

function prices(product: Product): number[] {
  return (product.products ?? []).map((v) => v.price).filter((p): p is number => typeof p === 'number' && Number.isFinite(p));
}

/** A price without decimals when it is whole: `99`, `433.44`. */
function compact(amount: number): string {
  return Number.isInteger(amount) ? amount.toLocaleString('en-US') : formatMoney(amount, undefined);
}

/** `/ month`, `/ 12 months`, `/ 2 weeks`, `/ 36 hours`; undefined for a one-off product. */
export function perPeriod(product: Pick<Product, 'subscription' | 'payment_period'>): string | undefined {
  const hours = product.payment_period;
  if (product.subscription !== true || typeof hours !== 'number' || !Number.isInteger(hours) || hours <= 0) return undefined;
  for (const [size, unit] of [[HOURS_PER_MONTH, 'month'], [HOURS_PER_WEEK, 'week'], [HOURS_PER_DAY, 'day'], [1, 'hour']] as const) {
    if (hours % size === 0) return hours === size ? `/ ${unit}` : `/ ${hours / size} ${unit}s`;
  }
  return undefined;
}

/** `NOK 99–199 / month`, `USD 650 one-off`, `no price`. */
export function priceRange(product: Product): string {
  const all = prices(product);
  if (all.length === 0) return 'no price';
  const code = product.currency?.code;
  const low = Math.min(...all);
  const high = Math.max(...all);
  const amount = low === high ? compact(low) : `${compact(low)}–${compact(high)}`;
  return `${code ? `${code} ` : ''}${amount} ${perPeriod(product) ?? 'one-off'}`;
}

/** The row description: `inactive · 3 variants · NOK 99–199 / month` (the state only when not active). */
export function productRowDescription(product: Product): string {
  const state = productState(product);
  const count = product.products?.length ?? 0;
  const parts = [state === 'active' ? undefined : state, `${count} ${count === 1 ? 'variant' : 'variants'}`, priceRange(product)];
  return parts.filter((p): p is string => p !== undefined).join(' · ');
}

const MAX_TOOLTIP_VARIANTS = 12;

/** The tooltip as Markdown (to be shown untrusted, without HTML): every catalog value escaped or in a code span. */
export function productTooltipMarkdown(product: Product): string {
  const lines: string[] = [];
  lines.push(`**${markdownText(product.name, 120)}**${product.id ? ` ${markdownCode(product.id)}` : ''}`);
  if (product.description) lines.push(markdownText(product.description, 300));
  const state = productState(product);
  const code = product.currency?.code;
  const country = product.country?.code;
  const facts: string[] = [`Status: ${state}`];
  if (code) facts.push(`Currency: ${markdownCode(code)}${currencyName(code) ? ` (${markdownText(currencyName(code)!)})` : ''}`);
  if (country) facts.push(`Country: ${markdownCode(country)}${countryName(country) ? ` (${markdownText(countryName(country)!)})` : ''}`);
  if (product.subscription === true) {
    if (typeof product.subscription_term === 'number') facts.push(`Term: ${markdownText(formatHours(product.subscription_term))}`);
    if (typeof product.payment_period === 'number') facts.push(`Billing: ${markdownText(formatPaymentPeriod(product.payment_period))}`);
  } else {
    facts.push('Billing: one-off (not a subscription)');
  }
  if (product.updated) facts.push(`Updated: ${markdownText(product.updated)}`);
  lines.push(facts.join('  \n'));
  const variants = product.products ?? [];
  if (variants.length > 0) {
    const rows = variants.slice(0, MAX_TOOLTIP_VARIANTS).map((v) => {
      const sku = typeof v.sku === 'string' && v.sku !== '' ? markdownCode(v.sku) : '(no SKU)';
      const price = typeof v.price === 'number' ? markdownText(formatMoney(v.price, code)) : 'no price';
      const amount = v.amount ? ` · quantity ${markdownText(formatQuantity(v.amount))}` : '';
      return `- ${sku}: ${price}${amount}`;
    });
    if (variants.length > MAX_TOOLTIP_VARIANTS) rows.push(`- … and ${variants.length - MAX_TOOLTIP_VARIANTS} more`);
    lines.push(`Variants (SKU: price):\n\n${rows.join('\n')}`);
  }
  return lines.join('\n\n');
}
