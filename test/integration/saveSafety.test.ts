// The save promise under ordinary use, in the real VS Code: typing during a save, one product open
// under two URIs with Save All, a colleague's change noticed while the document is open, and a
// Custom server that changes under an open document. Each case lost or overwrote data before the
// document mechanism kept one version per document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Product } from '../../src/api';
import { answeringWarnings, baseUrl, closeEditorsDiscarding, extensionApi, otherKey, replaceText, sandbox, setKey, waitFor } from './support';


const server = async (id: string) => (await sandbox.api<Product>('GET', `/catalog/products/${id}/`)).json;
const shown = (doc: vscode.TextDocument) => JSON.parse(doc.getText()) as Product;
/** The editor's own dirty state (TextDocument.isDirty says false after a save that was typed through). */
const tabDirty = (doc: vscode.TextDocument) =>
  vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString() && t.isDirty));
const requestsFor = async (id: string) => (await sandbox.journal()).filter((e) => e.path.includes(id));

describe('Saves under real use', function () {
  let product: Product;

  before(async () => {
    await sandbox.reset();
    await setKey();
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    // A product of its own per test: the cases change names and descriptions.
    const created = await sandbox.api<Product>('POST', '/catalog/products/', { name: `Safety ${Date.now()}`, description: 'Original', taxCode: 'saas' });
    assert.equal(created.status, 201);
    product = created.json;
    await sandbox.clearJournal();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('kelviq').update('customBaseUrl', baseUrl, vscode.ConfigurationTarget.Global);
    await closeEditorsDiscarding();
  });

  it('keeps saving after typing during a save, and never sends a colleague’s field back', async () => {
    const doc = (await (await extensionApi()).documents.open('custom', product.id, product.identifier)).document;
    await sandbox.fault({ method: 'PATCH', path: product.id, delayMs: 3000, times: 1 });
    await replaceText(doc, `"name": "${product.name}"`, '"name": "First Save"');
    await sandbox.clearJournal();
    const firstSave = Promise.resolve(doc.save());
    // The conflict check has answered: the PATCH is on its way and held for 3 s. Type meanwhile.
    await waitFor('the save to reach the PATCH', async () => (await requestsFor(product.id)).some((e) => e.method === 'GET'));
    await replaceText(doc, '"description": "Original"', '"description": "Typed During The Save"');
    await firstSave; // VS Code answers false here: the document is still dirty with what was typed
    assert.match(doc.getText(), /Typed During The Save/, 'what was typed during the save is kept');
    assert.equal(tabDirty(doc), true, `what was typed during the save is still unsaved:\n${doc.getText()}`);
    assert.equal((await server(product.id)).name, 'First Save');

    // A colleague changes the tax code, which this document never touched.
    assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/`, { taxCode: 'software' }, otherKey)).status, 200);
    await sandbox.clearJournal();
    assert.equal(await doc.save(), true, 'the second save goes through (no "file is newer", no read-only error)');
    const patches = (await requestsFor(product.id)).filter((e) => e.method === 'PATCH');
    assert.deepEqual(patches.map((e) => e.body), [{ description: 'Typed During The Save' }], 'only what was typed is sent');
    const after = await server(product.id);
    assert.equal(after.taxCode, 'software', 'the colleague’s change is kept');
    assert.equal(after.name, 'First Save');
    await waitFor('the document to show the server version', () => !tabDirty(doc) && shown(doc).taxCode === 'software' && shown(doc).modifiedOn === after.modifiedOn);
  });

  it('shows the open document again when the same product is opened under another URI', async () => {
    const api = await extensionApi();
    const first = await api.documents.open('custom', product.id, product.identifier);
    const second = await api.documents.open('custom', product.id); // Open Product by UUID names it differently
    assert.equal(second.document, first.document);
  });

  it('saves one product open under two URIs with Save All: both changes land, nothing is lost', async () => {
    const a = await vscode.workspace.openTextDocument((await extensionApi()).documents.uriFor('custom', product.id, product.identifier));
    const b = await vscode.workspace.openTextDocument((await extensionApi()).documents.uriFor('custom', product.id, product.id));
    assert.notEqual(a.uri.toString(), b.uri.toString());
    await vscode.window.showTextDocument(a, { preview: false });
    await vscode.window.showTextDocument(b, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    await replaceText(a, `"name": "${product.name}"`, '"name": "Named In A"');
    await replaceText(b, '"description": "Original"', '"description": "Described In B"');
    assert.ok(await vscode.workspace.saveAll(false));
    const after = await server(product.id);
    assert.equal(after.name, 'Named In A');
    assert.equal(after.description, 'Described In B', 'the second save merged onto the first instead of overwriting it');
    for (const doc of [a, b]) {
      await waitFor(`${doc.uri.path} to show both changes`, () => !doc.isDirty && shown(doc).name === 'Named In A' && shown(doc).description === 'Described In B');
    }
  });

  it('reloads a clean document when the server changed, and keeps unsaved text while saying the server moved on', async () => {
    const api = await extensionApi();
    const doc = (await api.documents.open('custom', product.id, product.identifier)).document;
    assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/`, { description: 'Changed By A Colleague' }, otherKey)).status, 200);
    await api.documents.checkForRemoteChanges({ force: true });
    await waitFor('the clean document to reload', () => shown(doc).description === 'Changed By A Colleague' && !doc.isDirty);

    await replaceText(doc, `"name": "${product.name}"`, '"name": "Mine While They Work"');
    assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/`, { taxCode: 'ebook' }, otherKey)).status, 200);
    await api.documents.checkForRemoteChanges({ force: true });
    const notice = await waitFor('a note that the server has a newer version', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'newer-on-server'),
    );
    assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
    assert.match(doc.getText(), /Mine While They Work/, 'the unsaved text is kept');
    assert.equal(await doc.save(), true);
    const after = await server(product.id);
    assert.equal(after.name, 'Mine While They Work');
    assert.equal(after.taxCode, 'ebook', 'the save merged with the newer version');
    await waitFor('the note to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'newer-on-server'));
  });

  it('reads the server again after the conflict dialog: a colleague’s save while it is open is kept', async () => {
    const doc = (await (await extensionApi()).documents.open('custom', product.id, product.identifier)).document;
    await replaceText(doc, `"name": "${product.name}"`, '"name": "My Name"');
    assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/`, { name: 'Their Name' }, otherKey)).status, 200);
    const { result: saved, shown: dialogs } = await answeringWarnings(
      async (dialog) => {
        // While the dialog is open, the colleague saves again, another field.
        assert.equal((await sandbox.api('PATCH', `/catalog/products/${product.id}/`, { description: 'Changed While Asked' }, otherKey)).status, 200);
        return dialog.items.includes('Overwrite') ? 'Overwrite' : undefined;
      },
      () => doc.save(),
    );
    assert.equal(saved, true);
    assert.equal(dialogs.length, 1, 'asked once: the same conflict is not asked about again after the re-read');
    assert.match(dialogs[0]?.message ?? '', /Save conflict/);
    assert.match(dialogs[0]?.detail ?? '', /name: yours "My Name", theirs "Their Name"/);
    const after = await server(product.id);
    assert.equal(after.name, 'My Name');
    assert.equal(after.description, 'Changed While Asked', 'the change made while the dialog was open is not overwritten');
    await waitFor('the document to show both', () => !tabDirty(doc) && shown(doc).name === 'My Name' && shown(doc).description === 'Changed While Asked');
  });

  it('refuses to save a document to another server than the one it came from', async () => {
    const doc = (await (await extensionApi()).documents.open('custom', product.id, product.identifier)).document;
    await replaceText(doc, `"name": "${product.name}"`, '"name": "Wrong Server"');
    const elsewhere = baseUrl.replace('127.0.0.1', 'localhost');
    await vscode.workspace.getConfiguration('kelviq').update('customBaseUrl', elsewhere, vscode.ConfigurationTarget.Global);
    await sandbox.clearJournal();
    assert.equal(await doc.save(), false);
    assert.equal(doc.isDirty, true);
    assert.deepEqual(await requestsFor(product.id), [], 'nothing was read from or sent to either server');
    assert.notEqual((await server(product.id)).name, 'Wrong Server');
  });
});
