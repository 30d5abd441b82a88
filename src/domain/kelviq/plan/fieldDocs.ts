// Hover text of every field of a plan document, keyed by dotted path (a price's fields under
// `prices.`, an entitlement's under `entitlements.`). These become the JSON Schema's title /
// description / markdownDescription (planJsonSchema.ts); built as every kind's
// (domain/document/fieldDocs).
import { fieldDocAt, fieldDocMakers, type FieldDoc } from '../../document/fieldDocs';
import { PRICE_DEFAULTS } from './priceDefaults';

export type { FieldDoc };

export const READ_ONLY_NOTE = 'Read-only: set by kelviq.';

const { editable, readOnly } = fieldDocMakers(READ_ONLY_NOTE);

const fallback = (field: string): string => `Left out: \`${JSON.stringify(PRICE_DEFAULTS[field])}\`.`;
const DRAFT_NOTE = 'Saving a change to a published plan creates a new draft version; publish it to make it live.';

export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  identifier: readOnly('Identifier', 'The plan\'s slug: how the API and your code name the plan. The same for every version.'),
  product: readOnly('Product', 'The UUID of the product this plan belongs to.'),
  name: editable('Name', `The plan's display name. Required; cannot be empty. ${DRAFT_NOTE}`),
  description: editable('Description', 'Free-text description of the plan. `""` for none.'),
  isVisible: editable('Visible', '`true`: the plan is shown to customers (e.g. in pricing tables); `false`: hidden.'),
  license: editable('License', 'How license keys are issued for this plan.'),
  'license.enabled': editable('License keys', '`true`: a license key is issued for each subscription.'),
  'license.activationLimitEnabled': editable('Limit activations', '`true`: `activationLimit` applies.'),
  'license.activationLimit': editable('Activation limit', 'How many instances may use one key at the same time. At least 1.'),
  'license.hasExpiry': editable('Keys expire', '`true`: keys expire after `durationValue` `durationUnit`.'),
  'license.durationValue': editable('Duration', 'How long a key is valid, in `durationUnit`. At least 1.'),
  'license.durationUnit': editable('Duration unit', 'The unit of `durationValue`.'),
  links: editable('Links', 'Links shown with the plan, each `{ "name", "url" }`.'),
  'links.name': editable('Link text', 'The text of the link.'),
  'links.url': editable('Link URL', 'The link\'s address (a URL).'),
  metadata: editable('Metadata', 'Your own key–value data about the plan.'),
  prices: editable(
    'Prices',
    `The plan's prices, at most one PAID price per currency. Saving sends the whole list at once (it replaces the plan's prices). Prices are matched by \`currency\`, so a colleague's change to another currency's price is kept. ${DRAFT_NOTE}`,
  ),
  'prices.id': readOnly('Price ID', 'The UUID kelviq gave this price; a new price has none. The whole list is replaced on save, so ids may change.'),
  'prices.priceType': editable('Price type', 'FREE, PAID or CUSTOM. Required.'),
  'prices.currency': editable('Currency', 'ISO 4217 code in capitals, e.g. `USD`, `EUR`. Amounts are in major units of this currency.'),
  'prices.freeTrial': editable('Free trial', `\`true\`: new customers get a free trial of \`trialPeriod\` days. ${fallback('freeTrial')}`),
  'prices.trialPeriod': editable('Trial length (days)', `The free trial's length in days; needs \`freeTrial: true\`. A whole number. ${fallback('trialPeriod')}`),
  'prices.enabled': editable('Enabled', `\`false\`: the price is kept but not offered. ${fallback('enabled')}`),
  'prices.taxBehavior': editable('Tax behaviour', `Whether the amounts include tax. ${fallback('taxBehavior')}`),
  'prices.chargeCatalogPrice': editable('Charges', 'What is charged: one entry for the plan itself (`feature: null`) and one per priced feature.'),
  'prices.chargeCatalogPrice.feature': editable('Feature', 'The UUID of the feature this pricing is for, or `null` for the plan itself. Needed for every model but FLAT.'),
  'prices.chargeCatalogPrice.priceModel': editable('Price model', 'How the amount is computed.'),
  'prices.chargeCatalogPrice.paymentType': editable('Payment type', 'When the customer pays.'),
  'prices.chargeCatalogPrice.reset': editable('Usage reset', 'When the counted usage starts again from zero.'),
  'prices.chargeCatalogPrice.resetTime': editable('Reset time', 'When in the period usage resets, e.g. `"BEGINNING_OF_PERIOD"`; `null` for none.'),
  'prices.chargeCatalogPrice.hasUnlimitedUsage': editable('Unlimited usage', '`true`: no usage limit applies.'),
  'prices.chargeCatalogPrice.rollover': editable('Rollover', 'Unused quantity carried over: `{ "enabled", "percentage", "limit" }`.'),
  'prices.chargeCatalogPrice.usageAlerts': editable('Usage alerts', 'Alerts sent as usage reaches `thresholds`.'),
  'prices.chargeCatalogPrice.usageAlerts.enabled': editable('Alerts on', '`true`: alerts are sent.'),
  'prices.chargeCatalogPrice.usageAlerts.thresholds': editable('Thresholds', 'The usage levels that send an alert, e.g. `[75, 90]`.'),
  'prices.chargeCatalogPrice.usageAlerts.thresholdType': editable('Threshold type', 'What the thresholds count.'),
  'prices.chargeCatalogPrice.charges': editable('Charge list', 'The individual charges, each with its period.'),
  'prices.chargeCatalogPrice.charges.chargePeriod': editable('Charge period', 'How often this charge is made.'),
  'prices.chargeCatalogPrice.charges.priceData': editable(
    'Price data',
    'FLAT and PACKAGE: `{ "amount": 29 }` (and `block_size` for PACKAGE), amounts in major units. TIERED, VOLUME, STAIRSTEP: `{ "currency": "USD" }`, amounts in `tiers`.',
  ),
  'prices.chargeCatalogPrice.charges.tiers': editable(
    'Tiers',
    'Tiers in ascending order: each covers the quantities above the previous tier\'s `upTo`, up to its own. The last one has `"upTo": "inf"`.',
  ),
  'prices.chargeCatalogPrice.charges.tiers.upTo': editable('Up to', 'The tier\'s upper bound (a whole number), or `"inf"` for the last tier.'),
  'prices.chargeCatalogPrice.charges.tiers.unitAmount': editable('Unit amount', 'The amount per unit in this tier, in major units.'),
  'prices.chargeCatalogPrice.charges.tiers.flatAmount': editable('Flat amount', 'A fixed amount for this tier, in major units.'),
  'prices.chargeCatalogPrice.charges.advanced': editable('Advanced', 'FLAT with a feature only: `{ "min_quantity", "max_quantity" }`.'),
  entitlements: editable(
    'Entitlements',
    `What the plan grants, one entry per feature. Adding, changing or removing one is one call each; other entries are not touched. ${DRAFT_NOTE}`,
  ),
  'entitlements.feature': editable('Feature', 'The identifier (slug) of a feature of this environment, e.g. `"api-calls"`. Entitlements are matched by it.'),
  'entitlements.featureName': readOnly('Feature name', 'The feature\'s name, for reading.'),
  'entitlements.details': editable('Details', 'The entitlement: `value` and, for limits, how usage is counted. Sent whole when it changes.'),
  'entitlements.details.value': editable('Value', 'BOOLEAN features: `true` or `false`. CUSTOMIZABLE and METER features: the limit, a number.'),
  'entitlements.details.hasUnlimitedUsage': editable('Unlimited', '`true`: no limit.'),
  'entitlements.details.hardLimit': editable('Hard limit', '`true`: usage above `value` is refused, not only counted.'),
  'entitlements.details.reset': editable('Usage reset', 'When the counted usage starts again from zero.'),
  'entitlements.details.resetTime': editable('Reset time', 'When in the period usage resets; `null` for none.'),
  'entitlements.details.rollover': editable('Rollover', 'Unused quantity carried over to the next period.'),
  'entitlements.details.usageAlerts': editable('Usage alerts', 'Alerts sent as usage reaches `thresholds`.'),
  'entitlements.details.usageAlerts.enabled': editable('Alerts on', '`true`: alerts are sent.'),
  'entitlements.details.usageAlerts.thresholds': editable('Thresholds', 'The usage levels that send an alert.'),
  'entitlements.details.usageAlerts.thresholdType': editable('Threshold type', 'What the thresholds count.'),
  'entitlements.details.isInherited': editable('Inherited', 'Whether the entitlement comes from a base plan.'),
  'entitlements.details.isValueOverridden': editable('Value overridden', 'Whether an inherited entitlement\'s value is changed on this plan.'),
  version: readOnly('Version', 'The version number of this plan version. Editing a published plan creates a new draft version.'),
  isLatest: readOnly('Published', '`true` only for the published version. The document shows the most recent version, which may be a draft.'),
  createdOn: readOnly('Created', 'When this version was created (ISO 8601).'),
  modifiedOn: readOnly('Last modified', 'When this version last changed (ISO 8601).'),
  ordering: readOnly('Ordering', 'The plan\'s position among the product\'s plans (set when the plan is created).'),
  isImported: readOnly('Imported', 'Whether the plan was imported from a billing provider.'),
  countries: readOnly('Countries', 'Country codes kelviq lists for the plan, e.g. `US`, `IN`.'),
  details: readOnly('Provider details', 'Identifiers at the billing provider, e.g. `stripeProductId`.'),
  files: editable(
    'Files',
    `Files attached to the plan, for customers to download. Change a file's \`name\`, \`ordering\` or \`enabled\` (one call per changed file); remove an entry to remove the file (the save asks first). Add files with Add File… on the plan. ${DRAFT_NOTE}`,
  ),
  'files.id': readOnly('File id', 'The file\'s UUID. A new draft gives its copy of each file a new id.'),
  'files.name': editable('File name', 'The name customers see and download the file as.'),
  'files.ordering': editable('Ordering', 'The file\'s position among the plan\'s files, a whole number (lowest first).'),
  'files.enabled': editable('Enabled', '`true`: customers can download the file; `false`: kept, not offered.'),
  'files.file': readOnly('Stored file', 'Where the file\'s bytes are stored. The bytes cannot be replaced: upload a new file with Add File…'),
  'files.downloadUrl': readOnly('Download link', 'The API route that redirects to a short-lived download of the file (Download File in the tree uses it).'),
};

export function fieldDoc(path: string): FieldDoc | undefined {
  return fieldDocAt(FIELD_DOCS, path);
}
