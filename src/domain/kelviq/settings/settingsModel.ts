// A kelviq product's settings as a document kind's pure half (DocumentModel). The settings have
// no version field and no modification time: a version is told apart by its content (the
// mechanism reloads a clean document whenever the server's text differs, and every save reads
// the server and merges first), and stat().mtime is a stamp of that content, so it changes
// exactly when the settings do. A new currency is asked about before the save (askBeforeWrite).
import type { DocumentModel } from '../../document/documentModel';
import { WHOLE_ARRAYS } from '../../document/jsonPath';
import type { JsonObject } from '../../document/jsonShapes';
import { revertProblemFields } from '../../document/revertField';
import { currencyName } from '../../isoCodes';
import { plainText } from '../../untrustedText';
import { SERVER_FIELD_NOTE, SETTINGS_FIELDS, isSettingsField } from './settingsFields';
import { serializeSettings, SETTINGS_PRODUCT_KEY, type SettingsObject, type SettingsProduct } from './serializeSettings';
import { validateSettingsDocument } from './validateSettings';

/** A content stamp in ms-sized integers: FNV-1a of the text, folded to 40 bits (never 0). */
export function contentStamp(text: string): number {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return Number(hash % 0xffffffffffn) + 1;
}

function productOf(object: JsonObject): SettingsProduct | undefined {
  const product = Object.hasOwn(object, SETTINGS_PRODUCT_KEY) ? object[SETTINGS_PRODUCT_KEY] : undefined;
  return product && typeof product === 'object' && !Array.isArray(product) && typeof (product as SettingsProduct).label === 'string' ? (product as SettingsProduct) : undefined;
}

function currencyLabel(code: unknown): string {
  const text = plainText(String(code), 12);
  const name = typeof code === 'string' ? currencyName(code) : undefined;
  return name ? `${text} (${name})` : text;
}

export const settingsModel: DocumentModel<SettingsObject> = {
  noun: 'product settings',
  mergeRules: WHOLE_ARRAYS,
  versionFields: [],
  serialize: serializeSettings,
  validate: validateSettingsDocument,
  revert: (text, problem) => (problem.code === 'read-only' ? revertProblemFields(text, problem, SETTINGS_FIELDS) : text),
  modifiedAt: (settings) => contentStamp(serializeSettings(settings)),
  nameOf: (object) => (productOf(object) ? `the settings of ${productOf(object)!.label}` : 'product settings'),
  editableView(object: JsonObject): JsonObject {
    const view: JsonObject = {};
    for (const field of SETTINGS_FIELDS) if (Object.hasOwn(object, field) && object[field] !== undefined) view[field] = object[field];
    return view;
  },
  readOnlyNote: (keyPath) => (keyPath[0] === undefined || isSettingsField(keyPath[0]) || keyPath[0] === SETTINGS_PRODUCT_KEY ? undefined : SERVER_FIELD_NOTE),
  askBeforeWrite({ theirs, from, to }) {
    if (to.currency === undefined || to.currency === from.currency) return undefined;
    const product = plainText(productOf(theirs)?.label ?? 'this product', 60);
    return {
      message: `Change the currency of ${product} from ${currencyLabel(from.currency)} to ${currencyLabel(to.currency)}?`,
      detail:
        `kelviq then re-enables the prices in ${plainText(String(to.currency), 12)} that were disabled on the latest version of each of this product's plans, ` +
        'so customers may see those prices again. Prices in other currencies are left as they are.',
      confirm: 'Change Currency and Save',
    };
  },
};
