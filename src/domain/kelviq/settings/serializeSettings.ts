// serializeSettings: the text of a product-settings document (the five settings in the spec's
// order, then fields the server added, sorted). Same settings in, same text out.
import { writeOrderedJson } from '../../document/orderedJson';
import type { JsonObject } from '../../document/jsonShapes';
import { isSettingsField, SETTINGS_FIELDS } from './settingsFields';

/**
 * The product the settings belong to, as the document's object carries it (never written to the
 * text): its id and its identifier from the document's address, for messages.
 */
export const SETTINGS_PRODUCT_KEY = '$product';

export interface SettingsProduct {
  id: string;
  label: string;
}

export type SettingsObject = JsonObject & { [SETTINGS_PRODUCT_KEY]?: SettingsProduct };

const ORDER = { '': SETTINGS_FIELDS };

export function serializeSettings(settings: JsonObject): string {
  const { [SETTINGS_PRODUCT_KEY]: _product, ...shown } = settings;
  return `${writeOrderedJson(shown, { order: ORDER, sortRest: true }) ?? '{}'}\n`;
}

/** The text of one top-level field's value as serializeSettings writes it. */
export function writtenSettingsValue(field: string, value: unknown): string | undefined {
  return writeOrderedJson(value, { order: ORDER }, field, '  ');
}

/** Fields of `base` that are not one of the five settings: the server's, shown read-only. */
export function serverFieldsOf(base: JsonObject): string[] {
  return Object.keys(base).filter((key) => !isSettingsField(key) && key !== SETTINGS_PRODUCT_KEY && base[key] !== undefined);
}
