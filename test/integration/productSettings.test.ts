// Product settings in the real VS Code: their own small document, opened from the product, on the
// same save contract as every kind (one PATCH of what changed, a colleague's change kept, nothing
// sent while the text has errors), plus what is particular to them: the first open says kelviq's
// GET creates settings, currencies complete from ISO 4217, and a new currency is asked about
// before it is saved (while that question is open, a colleague's save is kept too).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownMessage } from '../../src/userMessages';
import { answeringWarnings, closeEditorsDiscarding, extensionApi, otherKey, replaceText, sandbox, setKey, waitFor } from './support';

interface Page<T> { results: T[] }
const tabDirty = (doc: vscode.TextDocument) =>
  vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString() && t.isDirty));
interface Product { id: string; identifier: string; name: string }
interface Settings { vpn: boolean; tor: boolean; proxy: boolean; currency: string; productUrl: string | null }

const settingsWrites = async (id: string) => (await sandbox.journal()).filter((e) => e.path.endsWith(`/products/${id}/settings/`) && e.method !== 'GET');
const serverSettings = async (id: string) => (await sandbox.api<Settings>('GET', `/catalog/products/${id}/settings/`)).json;
const save = (doc: vscode.TextDocument) => doc.save();

describe('Product settings', function () {
  let product: Product;
  let shown: ShownMessage[];
  let sub: vscode.Disposable | undefined;
  let url: string | null;
  let next = 0;

  before(async () => {
    await sandbox.reset();
    await setKey();
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    const products = (await sandbox.api<Page<Product>>('GET', '/catalog/products/?page_size=100')).json.results;
    product = products[next++ % products.length]!; // a product of its own per test (the first-open note is per product)
    // Known settings to start from (the PATCH creates them, as the GET would).
    assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/settings/`, { vpn: true, tor: true, proxy: true, currency: 'USD' })).status, 200);
    url = (await serverSettings(product.id)).productUrl; // the API cannot clear it
    await sandbox.clearJournal();
    shown = [];
    sub = (await extensionApi()).onDidShowMessage((m) => shown.push(m));
  });

  afterEach(async () => {
    sub?.dispose();
    await closeEditorsDiscarding();
  });

  async function open(): Promise<vscode.TextDocument> {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('kelviq.openProductSettings', { id: product.id, environment: 'custom' });
    assert.ok(editor, 'the settings document opened');
    return editor.document;
  }

  it('opens from the product as its own document, saying once that the GET creates settings', async () => {
    const doc = await open();
    assert.match(doc.uri.path, new RegExp(`^/custom/products/${product.id}/settings/${product.identifier}-settings\\.json$`));
    assert.deepEqual(JSON.parse(doc.getText()), { vpn: true, tor: true, proxy: true, currency: 'USD', productUrl: url });
    const notes = () => shown.filter((m) => m.message.includes('creates a product\'s settings'));
    await waitFor('the first-open note', () => (notes().length === 1 ? true : undefined));
    assert.ok(notes()[0]!.message.includes(product.name.slice(0, 20)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open();
    assert.equal(notes().length, 1, 'said the first time only');
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).map((d) => d.message), []);
  });

  it('completes currencies from ISO 4217 with their names', async () => {
    const doc = await open();
    const at = doc.positionAt(doc.getText().indexOf('"USD"') + 1);
    const items = await waitFor('currency completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
      return list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '"EUR"') ? list.items : undefined;
    });
    const eur = items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '"EUR"')!;
    assert.match(String(typeof eur.documentation === 'string' ? eur.documentation : (eur.documentation?.value ?? eur.detail)), /Euro/);
  });

  it('a bad value is a specific problem on it, and the save sends nothing', async () => {
    const doc = await open();
    await replaceText(doc, '"USD"', '"usd"');
    const problem = await waitFor('the currency problem', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.message.includes('ISO 4217')));
    assert.equal(problem.message, '"usd" is not an ISO 4217 currency code. Did you mean `USD`?');
    assert.equal(doc.getText(problem.range), '"usd"');
    assert.equal(await save(doc), false);
    assert.deepEqual(await settingsWrites(product.id), []);
    assert.ok(doc.isDirty, 'the text is kept');
  });

  it('sends one PATCH of what changed, and keeps a colleague’s change to another setting', async () => {
    const doc = await open();
    await replaceText(doc, '"vpn": true', '"vpn": false');
    assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/settings/`, { tor: false }, otherKey)).status, 200);
    await sandbox.clearJournal();
    assert.equal(await save(doc), true);
    const patches = await settingsWrites(product.id);
    assert.deepEqual(patches.map((p) => p.body), [{ vpn: false }]);
    assert.deepEqual(await serverSettings(product.id), { vpn: false, tor: false, proxy: true, currency: 'USD', productUrl: url });
    await waitFor('the document shows the colleague’s tor', () => (!doc.isDirty && JSON.parse(doc.getText()).tor === false ? true : undefined));
  });

  it('keeps what was typed during a slow save unsaved, and the next save sends only that', async () => {
    const doc = await open();
    await replaceText(doc, '"vpn": true', '"vpn": false');
    await sandbox.fault({ method: 'PATCH', path: `/products/${product.id}/settings/`, delayMs: 3000, passThrough: true, times: 1 });
    await sandbox.clearJournal();
    const first = Promise.resolve(save(doc));
    // The save has read the settings (its last read before the PATCH): its text is taken. Type meanwhile.
    await waitFor('the save to read the settings', async () => (await sandbox.journal()).some((e) => e.method === 'GET' && e.path.endsWith(`/products/${product.id}/settings/`)));
    await replaceText(doc, '"tor": true', '"tor": false');
    await first; // VS Code answers false here: the document is dirty again
    assert.equal(tabDirty(doc), true, `what was typed during the save is still unsaved (document dirty: ${doc.isDirty})`);
    assert.ok(doc.getText().includes('"tor": false') && doc.getText().includes('"vpn": false'));
    assert.equal((await serverSettings(product.id)).tor, true);
    await sandbox.clearJournal();
    assert.equal(await save(doc), true);
    assert.deepEqual((await settingsWrites(product.id)).map((p) => p.body), [{ tor: false }]);
  });

  it('Save All with the product’s document and its settings document: each sends its own change, nothing is lost', async () => {
    const settings = await open();
    const productDoc = (await (await extensionApi()).documents.open('custom', product.id, product.identifier)).document;
    await replaceText(settings, '"proxy": true', '"proxy": false');
    const description = `Saved with its settings ${Date.now()}`;
    const text = JSON.parse(productDoc.getText()) as { description?: string | null };
    await replaceText(productDoc, `"description": ${JSON.stringify(text.description ?? null)}`, `"description": ${JSON.stringify(description)}`);
    await sandbox.clearJournal();
    assert.equal(await vscode.workspace.saveAll(false), true);
    await waitFor('both documents to be clean', () => (!settings.isDirty && !productDoc.isDirty ? true : undefined));
    assert.deepEqual((await settingsWrites(product.id)).map((p) => p.body), [{ proxy: false }]);
    const productWrites = (await sandbox.journal()).filter((e) => e.method === 'PATCH' && e.path.endsWith(`/products/${product.id}/`));
    assert.deepEqual(productWrites.map((p) => p.body), [{ description }]);
    assert.equal((await serverSettings(product.id)).proxy, false);
  });

  it('asks before a new currency: Cancel sends nothing and keeps the text; yes sends it and keeps a colleague’s save made meanwhile', async () => {
    const doc = await open();
    await replaceText(doc, '"USD"', '"EUR"');
    const cancelled = await answeringWarnings(() => undefined, () => save(doc));
    assert.equal(cancelled.result, false);
    assert.deepEqual(cancelled.shown.map((s) => [s.message, s.items]), [
      [`Change the currency of ${product.identifier} from USD (US Dollar) to EUR (Euro)?`, ['Change Currency and Save']],
    ]);
    assert.match(cancelled.shown[0]!.detail ?? '', /re-enables the prices in EUR/);
    assert.deepEqual(await settingsWrites(product.id), []);
    assert.ok(doc.isDirty && doc.getText().includes('"EUR"'), 'the text is kept');

    // While the question is open, a colleague saves another setting.
    const confirmed = await answeringWarnings(
      async (question) => {
        assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/settings/`, { proxy: false }, otherKey)).status, 200);
        return question.items[0];
      },
      () => save(doc),
    );
    assert.equal(confirmed.result, true);
    assert.equal(confirmed.shown.length, 1, 'asked once');
    // The colleague's PATCH, then ours: only the currency (their proxy is not sent back).
    assert.deepEqual((await settingsWrites(product.id)).map((p) => p.body), [{ proxy: false }, { currency: 'EUR' }]);
    assert.deepEqual(await serverSettings(product.id), { vpn: true, tor: true, proxy: false, currency: 'EUR', productUrl: url });
  });
});
