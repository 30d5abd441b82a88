// The product-settings document: its text, its checks (exact ranges, specific messages), its
// editable view, the content stamp that stands in for a modification time, the currency question,
// and the address.
import * as assert from 'node:assert/strict';
import { contentStamp, serializeSettings, settingsDocumentJsonSchema, settingsModel, validateSettingsDocument, type SettingsObject } from '../../../../src/domain/kelviq/settings';
import { parseSettingsPath, settingsPath } from '../../../../src/domain/kelviq/settingsUri';
import { parseProductPath } from '../../../../src/domain/kelviq/productUri';

const ID = '0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de';
const base: SettingsObject = { vpn: true, tor: false, proxy: true, currency: 'USD', productUrl: null, $product: { id: ID, label: 'acme-cloud' } };

function problems(edit: (text: string) => string, against: SettingsObject | undefined = base) {
  const text = edit(serializeSettings(base));
  return validateSettingsDocument(text, against).map((p) => ({ code: p.code, message: p.message, at: text.slice(p.offset, p.offset + p.length), severity: p.severity }));
}

describe('kelviq/settings: the product-settings document', () => {
  it('shows the five settings in the spec order, never the product it carries', () => {
    const text = serializeSettings({ ...base, zeta: 1, alpha: 'x' });
    assert.deepEqual(Object.keys(JSON.parse(text)), ['vpn', 'tor', 'proxy', 'currency', 'productUrl', 'alpha', 'zeta']);
    assert.ok(!text.includes('$product'));
    assert.ok(text.endsWith('}\n'));
  });

  it('an untouched text has no problems; nor does a valid change', () => {
    assert.deepEqual(problems((t) => t), []);
    assert.deepEqual(problems((t) => t.replace('"USD"', '"EUR"').replace('"vpn": true', '"vpn": false').replace('"productUrl": null', '"productUrl": "https://app.example.com"')), []);
  });

  it('wrong types and values are reported on the value, with what to write instead', () => {
    assert.deepEqual(problems((t) => t.replace('"vpn": true', '"vpn": "yes"')), [
      { code: 'type', message: '`vpn` must be true or false, not a string.', at: '"yes"', severity: 'error' },
    ]);
    assert.deepEqual(problems((t) => t.replace('"USD"', '"eur"')), [
      { code: 'invalid-value', message: '"eur" is not an ISO 4217 currency code. Did you mean `EUR`?', at: '"eur"', severity: 'error' },
    ]);
    assert.deepEqual(problems((t) => t.replace('"USD"', '"EUX"')).map((p) => p.code), ['invalid-value']);
    assert.deepEqual(problems((t) => t.replace('"USD"', '12')).map((p) => p.message), ['`currency` must be a string (an ISO 4217 code such as "EUR"), not a number.']);
    assert.deepEqual(problems((t) => t.replace('null', '"app.example.com"')).map((p) => p.message), ['`productUrl` must be an absolute URL such as "https://app.example.com".']);
    assert.deepEqual(problems((t) => t.replace('null', '"ftp://example.com"')).map((p) => p.message), ['`productUrl` must be an http or https URL, not ftp.']);
  });

  it('productUrl can be set but not cleared (the update takes a URL only)', () => {
    const withUrl = { ...base, productUrl: 'https://old.example.com' };
    const text = serializeSettings(withUrl).replace('"https://old.example.com"', 'null');
    const found = validateSettingsDocument(text, withUrl);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /cannot clear `productUrl`/);
  });

  it('an unknown field suggests the setting meant; a removed setting is an error', () => {
    assert.deepEqual(problems((t) => t.replace('"proxy"', '"proxi"')).map((p) => [p.code, p.at]), [
      ['required', '{'],
      ['unknown-field', '"proxi"'],
    ]);
    assert.match(problems((t) => t.replace('"proxy"', '"proxi"'))[1]!.message, /Did you mean `proxy`\?/);
    assert.match(problems((t) => t.replace('  "tor": false,\n', ''))[0]!.message, /`tor` is missing: a setting cannot be removed/);
  });

  it('a value equal to the base is never reported (a currency this runtime does not know)', () => {
    const odd = { ...base, currency: 'XYZ' };
    assert.deepEqual(validateSettingsDocument(serializeSettings(odd), odd), []);
  });

  it('a field the server added is read-only, compared with the base', () => {
    const extra = { ...base, theme: 'dark' };
    const found = validateSettingsDocument(serializeSettings(extra).replace('"dark"', '"light"'), extra);
    assert.deepEqual(found.map((p) => p.code), ['read-only']);
    assert.equal(settingsModel.readOnlyNote(['theme'])?.startsWith('Read-only'), true);
    assert.equal(settingsModel.readOnlyNote(['currency']), undefined);
  });

  it('the editable view holds the five settings only', () => {
    assert.deepEqual(settingsModel.editableView({ ...base, theme: 'dark' }), { vpn: true, tor: false, proxy: true, currency: 'USD', productUrl: null });
  });

  it('the content stamp changes exactly when the settings do', () => {
    assert.equal(settingsModel.modifiedAt(base), settingsModel.modifiedAt({ ...base }));
    assert.notEqual(settingsModel.modifiedAt(base), settingsModel.modifiedAt({ ...base, vpn: false }));
    assert.equal(settingsModel.modifiedAt(base), settingsModel.modifiedAt({ ...base, $product: { id: ID, label: 'other' } }));
    assert.ok(contentStamp('') > 0 && Number.isSafeInteger(contentStamp('x'.repeat(1000))));
  });

  it('asks before a new currency, naming both currencies, and about nothing else', () => {
    const view = settingsModel.editableView(base);
    const ask = (to: object) => settingsModel.askBeforeWrite!({ theirs: base, from: view, to: { ...view, ...to }, changes: [] });
    assert.equal(ask({ vpn: false }), undefined);
    const question = ask({ currency: 'EUR' });
    assert.ok(question);
    assert.equal(question.message, 'Change the currency of acme-cloud from USD (US Dollar) to EUR (Euro)?');
    assert.match(question.detail, /re-enables the prices in EUR/);
    assert.equal(question.confirm, 'Change Currency and Save');
  });

  it('the question keeps untrusted text plain', () => {
    const hostile = { ...base, $product: { id: ID, label: 'x\n[click](command:evil)' } };
    const view = settingsModel.editableView(hostile);
    const question = settingsModel.askBeforeWrite!({ theirs: hostile, from: view, to: { ...view, currency: 'EUR\n<b>' }, changes: [] })!;
    assert.ok(!question.message.includes('\n'));
  });

  it('completion offers the ISO 4217 currencies with their names', () => {
    const schema = JSON.stringify(settingsDocumentJsonSchema());
    assert.ok(schema.includes('"EUR"') && schema.includes('Euro'));
  });
});

describe('kelviq/settings: the address', () => {
  it('round-trips and never reads as a product document', () => {
    const path = settingsPath({ environment: 'sandbox', productId: ID.toUpperCase() }, 'Acme Cloud');
    assert.equal(path, `/sandbox/products/${ID}/settings/acme-cloud-settings.json`);
    assert.deepEqual(parseSettingsPath(path), { environment: 'sandbox', productId: ID, label: 'acme-cloud' });
    assert.equal(parseProductPath(path), undefined);
    assert.equal(parseSettingsPath(`/sandbox/products/not-a-uuid/settings/x.json`), undefined);
    assert.equal(parseSettingsPath(`/nowhere/products/${ID}/settings/x.json`), undefined);
  });
});
