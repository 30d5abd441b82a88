// A kelviq product's settings document (GET/PATCH /catalog/products/{pk}/settings/): pure.
export { settingsModel, contentStamp } from './settingsModel';
export { serializeSettings, SETTINGS_PRODUCT_KEY, type SettingsObject, type SettingsProduct } from './serializeSettings';
export { validateSettingsDocument } from './validateSettings';
export { settingsDocumentJsonSchema } from './settingsJsonSchema';
export { SETTINGS_FIELDS, isSettingsField } from './settingsFields';
