import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Product } from '../../src/api';
import { extensionApi, otherKey, sandbox, setKey, waitFor, replaceText } from './support';

type Page = { count: number; results: Product[] };

function kelviqDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kelviq');
}

async function patches(id: string) {
  return (await sandbox.journal()).filter((e) => e.method === 'PATCH' && e.path.includes(id));
}

describe('Product documents', function () {
  let product: Product;
  let doc: vscode.TextDocument;

  before(async () => {
    await sandbox.reset();
    await setKey();
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    const page = await sandbox.api<Page>('GET', '/catalog/products/?page_size=5');
    const first = page.json.results[0];
    assert.ok(first, 'the demo catalog has products');
    product = (await sandbox.api<Product>('GET', `/catalog/products/${first.id}/`)).json;
    const api = await extensionApi();
    const editor = await api.documents.open('custom', product.id, product.identifier);
    doc = editor.document;
    await sandbox.clearJournal();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens as pretty JSON of the server product, named after its identifier', () => {
    assert.equal(doc.languageId, 'json');
    assert.ok(doc.uri.path.endsWith(`/${product.identifier}.json`));
    const shown = JSON.parse(doc.getText()) as Product;
    assert.equal(shown.id, product.id);
    assert.equal(shown.name, product.name);
    assert.equal(shown.modifiedOn, product.modifiedOn);
    assert.deepEqual(Object.keys(shown).slice(0, 5), ['id', 'identifier', 'name', 'description', 'taxCode']);
    assert.equal(doc.isDirty, false);
  });

  it('puts an invalid taxCode diagnostic on the value and blocks the save, keeping the edit', async () => {
    await replaceText(doc, `"taxCode": "${product.taxCode}"`, '"taxCode": "saasy"');
    const diags = await waitFor('a taxCode diagnostic', () => {
      const d = kelviqDiagnostics(doc.uri);
      return d.length > 0 ? d : undefined;
    });
    assert.equal(diags.length, 1, 'one problem, one diagnostic');
    assert.equal(doc.getText(diags[0]?.range), '"saasy"');
    assert.match(diags[0]?.message ?? '', /taxCode/);
    assert.equal(await doc.save(), false);
    assert.equal(doc.isDirty, true);
    assert.match(doc.getText(), /"saasy"/);
    assert.deepEqual(await patches(product.id), [], 'nothing was sent');
  });

  it('offers the ten tax codes as completion inside taxCode', async () => {
    const text = doc.getText();
    const at = text.indexOf(`"${product.taxCode}"`) + 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(at));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    for (const code of ['saas', 'saas_business', 'software', 'videocontent', 'informationservice', 'ebook', 'digitalgraphic', 'videogame', 'eservice', 'training']) {
      assert.ok(labels.includes(code), `completion offers ${code} (got ${labels.join(', ')})`);
    }
  });

  it('flags an edited read-only field and offers a quick fix that reverts it', async () => {
    await replaceText(doc, `"identifier": "${product.identifier}"`, '"identifier": "renamed"');
    const diag = await waitFor('a read-only diagnostic', () => kelviqDiagnostics(doc.uri)[0]);
    assert.match(diag.message, /`identifier` is read-only/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const revert = actions.find((a) => a.title.startsWith('Revert'));
    assert.ok(revert?.edit, 'a revert quick fix');
    assert.ok(await vscode.workspace.applyEdit(revert.edit));
    await waitFor('the diagnostic to clear', () => kelviqDiagnostics(doc.uri).length === 0);
    assert.match(doc.getText(), new RegExp(`"identifier": "${product.identifier}"`));
  });

  it('saves an edit as a PATCH holding only the changed field, then shows the server version', async () => {
    await replaceText(doc, `"name": "${product.name}"`, '"name": "Renamed Product"');
    assert.equal(await doc.save(), true);
    const sent = await patches(product.id);
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0]?.body, { name: 'Renamed Product' });
    // The save is one conflict check (GET) right before one PATCH. (An editor that becomes active
    // may also be checked for server changes, with a GET of its own: not part of the save.)
    const requests = (await sandbox.journal()).filter((e) => e.path.includes(product.id)).map((e) => e.method);
    assert.deepEqual(requests.slice(-2), ['GET', 'PATCH'], `sent: ${requests.join(', ')}`);
    assert.ok(requests.filter((m) => m === 'GET').length <= 2, `sent: ${requests.join(', ')}`);
    const server = (await sandbox.api<Product>('GET', `/catalog/products/${product.id}/`)).json;
    await waitFor('the document to show the new modifiedOn', () => JSON.parse(doc.getText()).modifiedOn === server.modifiedOn);
    assert.equal(doc.isDirty, false);
    const tree = await (await extensionApi()).products.getChildren();
    assert.ok(tree.some((n) => n.label === 'Renamed Product'), 'the tree shows the new name');
  });

  it('does not send anything when nothing changed', async () => {
    await replaceText(doc, `"name": "${product.name}"`, `"name":   "${product.name}"`);
    assert.equal(await doc.save(), true);
    assert.deepEqual((await sandbox.journal()).filter((e) => e.path.includes(product.id)), []);
  });

  it('merges a concurrent change to another field', async () => {
    const other = await sandbox.api('PATCH', `/catalog/products/${product.id}/`, { description: 'Changed by someone else' }, otherKey);
    assert.equal(other.status, 200);
    await sandbox.clearJournal();
    await replaceText(doc, `"name": "${product.name}"`, '"name": "Merged Name"');
    assert.equal(await doc.save(), true);
    assert.deepEqual((await patches(product.id))[0]?.body, { name: 'Merged Name' });
    await waitFor('both changes in the document', () => {
      const shown = JSON.parse(doc.getText()) as Product;
      return shown.name === 'Merged Name' && shown.description === 'Changed by someone else';
    });
  });

  it('keeps the edit, dirty, when the server answers 500, and saves on retry', async () => {
    await sandbox.fault({ method: 'PATCH', path: product.id, status: 500, bodyShape: 'detail', times: 1 });
    await replaceText(doc, `"name": "${product.name}"`, '"name": "After The Outage"');
    assert.equal(await doc.save(), false);
    assert.equal(doc.isDirty, true);
    assert.match(doc.getText(), /After The Outage/);
    assert.equal((await patches(product.id)).length, 1, 'the PATCH was not repeated by itself');
    assert.equal(await doc.save(), true);
    assert.equal(doc.isDirty, false);
    assert.equal((await sandbox.api<Product>('GET', `/catalog/products/${product.id}/`)).json.name, 'After The Outage');
  });

  it('waits out a 429 (Retry-After) and then saves, sending the PATCH again only after the wait', async () => {
    await sandbox.fault({ method: 'PATCH', path: product.id, status: 429, retryAfter: '1', bodyShape: 'detail', times: 1 });
    await replaceText(doc, `"name": "${product.name}"`, '"name": "Rate Limited Once"');
    const started = Date.now();
    assert.equal(await doc.save(), true);
    assert.ok(Date.now() - started >= 900, 'the save waited for Retry-After');
    assert.equal((await patches(product.id)).length, 2, 'the 429 and the successful retry');
    assert.equal((await sandbox.api<Product>('GET', `/catalog/products/${product.id}/`)).json.name, 'Rate Limited Once');
  });

  it('keeps the edit when the connection is reset during the save', async () => {
    await sandbox.fault({ method: 'PATCH', path: product.id, reset: true, times: 1 });
    await replaceText(doc, `"name": "${product.name}"`, '"name": "Survives A Reset"');
    assert.equal(await doc.save(), false);
    assert.equal(doc.isDirty, true);
    assert.match(doc.getText(), /Survives A Reset/);
    assert.notEqual((await sandbox.api<Product>('GET', `/catalog/products/${product.id}/`)).json.name, 'Survives A Reset');
  });

  it('turns the server field errors of a 400 into diagnostics on those fields', async () => {
    await sandbox.fault({ method: 'PATCH', path: product.id, status: 400, body: { name: ['This name is reserved.'] }, times: 1 });
    await replaceText(doc, `"name": "${product.name}"`, '"name": "Reserved"');
    assert.equal(await doc.save(), false);
    const diag = await waitFor('the server diagnostic', () => kelviqDiagnostics(doc.uri).find((d) => /reserved/.test(d.message)));
    assert.equal(doc.getText(diag.range), '"Reserved"');
    assert.equal(doc.isDirty, true);
  });

  it('says the product was archived when a save meets a 404, and keeps the edit', async () => {
    // A product of its own: archiving cannot be undone, and the other tests share theirs.
    const created = await sandbox.api<Product>('POST', '/catalog/products/', { name: 'Soon Archived', taxCode: 'saas' });
    assert.equal(created.status, 201);
    const editor = await (await extensionApi()).documents.open('custom', created.json.id, created.json.identifier);
    assert.equal((await sandbox.api('DELETE', `/catalog/products/${created.json.id}/`)).status, 204);
    await replaceText(editor.document, '"name": "Soon Archived"', '"name": "Too Late"');
    assert.equal(await editor.document.save(), false);
    assert.equal(editor.document.isDirty, true);
    assert.match(editor.document.getText(), /Too Late/);
  });

  it('keeps the edit when the key is rejected (401) and sends nothing more', async () => {
    await sandbox.fault({ method: 'GET', path: product.id, status: 401, bodyShape: 'detail', times: 1 });
    await replaceText(doc, `"name": "${product.name}"`, '"name": "Needs A Key"');
    assert.equal(await doc.save(), false);
    assert.equal(doc.isDirty, true);
    assert.deepEqual(await patches(product.id), [], 'no PATCH after the conflict check was refused');
  });

  it('explains fields on hover, read-only ones included', async () => {
    const at = (needle: string) => doc.positionAt(doc.getText().indexOf(needle) + 2);
    const hoverText = async (needle: string) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(needle));
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    };
    assert.match(await hoverText('"taxCode"'), /tax/i);
    assert.match(await hoverText('"modifiedOn"'), /Read-only/);
  });

  it('marks a document nested deeper than any product and refuses to save it', async () => {
    await replaceText(doc, '"description": ', `"description": ${'['.repeat(100)}${']'.repeat(100)}, "x": `);
    const diag = await waitFor('a depth diagnostic', () => kelviqDiagnostics(doc.uri).find((d) => d.code === 'too-deep'));
    assert.match(diag.message, /nests more than 64 levels/);
    assert.equal(await doc.save(), false);
    assert.deepEqual(await patches(product.id), [], 'nothing was sent');
  });

  it('refuses to show a server answer nested deeper than any product, with a clear message', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = { deeper: deep };
    // Another product than the one open (whose last read may be reused), so the answer is fetched.
    const other = (await sandbox.api<Page>('GET', '/catalog/products/?page_size=5')).json.results[1];
    assert.ok(other);
    await sandbox.fault({ method: 'GET', path: other.id, status: 200, body: { ...other, extra: deep }, times: 1 });
    const uri = (await extensionApi()).documents.uriFor('custom', other.id, 'deep');
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), /nests more than 64 levels deep/);
  });

  it('validates ids in URIs before any request', async () => {
    await sandbox.clearJournal();
    const bad = vscode.Uri.parse('kelviq:/custom/products/not-a-uuid/x.json');
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(bad)));
    // (Other open documents may be checked for server changes meanwhile: only this one matters.)
    assert.deepEqual((await sandbox.journal()).filter((e) => e.path.includes('not-a-uuid')), []);
  });
});
