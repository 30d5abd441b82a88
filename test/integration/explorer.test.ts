import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Product } from '../../src/api';
import type { ShownMessage } from '../../src/userMessages';
import { extensionApi, productLabels, sandbox, setKey, waitFor } from './support';

type Page = { count: number; results: Product[] };

describe('Products explorer', function () {
  before(async () => {
    await sandbox.reset();
    const api = await extensionApi();
    // A clean start: no key for the Custom (sandbox) environment.
    const env = api.connection.requireEnvironment();
    await api.connection.deleteKey(env);
  });

  it('shows no products and no error without a key (the welcome view explains)', async () => {
    const api = await extensionApi();
    api.products.refresh();
    assert.deepEqual(await api.products.getChildren(), []);
    assert.equal(api.products.view?.message, undefined);
  });

  it('rejects a wrong key without storing it', async () => {
    const api = await extensionApi();
    const ok = await vscode.commands.executeCommand<boolean>('kelviq.setApiKey', { apiKey: 'sk_wrong_key' });
    assert.equal(ok, false);
    assert.equal(await api.connection.hasKey(api.connection.requireEnvironment()), false);
  });

  it('lists the sandbox catalog, in the server order, once a key is set', async () => {
    const api = await extensionApi();
    await setKey();
    const server = await sandbox.api<Page>('GET', '/catalog/products/?page_size=100');
    const labels = await waitFor('the first page', async () => {
      const l = await productLabels(api);
      return l.length > 0 ? l : undefined;
    });
    assert.deepEqual(labels, server.json.results.map((p) => p.name));
    assert.ok(server.json.count > 20, 'the demo catalog has a few dozen products');
  });

  it('pages with Load more, without duplicates', async () => {
    const api = await extensionApi();
    // Grow the catalog past one page (100).
    const { json } = await sandbox.api<Page>('GET', '/catalog/products/?page_size=1');
    for (let i = json.count; i < 130; i++) {
      const r = await sandbox.api('POST', '/catalog/products/', { name: `Bulk Item ${String(i).padStart(3, '0')}`, taxCode: 'software' });
      assert.equal(r.status, 201);
    }
    await vscode.commands.executeCommand('kelviq.refreshProducts');
    const first = await api.products.getChildren();
    assert.equal(first.length, 101, '100 products and a Load more row');
    assert.equal(first.at(-1)?.contextValue, 'kelviq.loadMore');
    await vscode.commands.executeCommand('kelviq.loadMoreProducts');
    const all = await api.products.getChildren();
    assert.equal(all.length, 130);
    assert.ok(all.every((n) => n.contextValue === 'kelviq.product'));
    assert.equal(new Set(all.map((n) => n.id)).size, 130);
  });

  it('loads all pages at once with Load All Products', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('kelviq.refreshProducts');
    assert.equal((await api.products.getChildren()).length, 101);
    await vscode.commands.executeCommand('kelviq.loadAllProducts');
    const all = await api.products.getChildren();
    assert.equal(all.length, 130);
    assert.ok(all.every((n) => n.contextValue === 'kelviq.product'), 'no Load more row once everything is loaded');
  });

  it('Load all whose count moves between pages still lists every product', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('kelviq.refreshProducts');
    await api.products.getChildren();
    const first = (await sandbox.api<Page>('GET', '/catalog/products/?page_size=1')).json.results[0];
    assert.ok(first);
    // Archived once page 1 is served: every later product moves up one place.
    await sandbox.fault({ method: 'GET', path: 'page=1&', mutate: { archive: [first.id] } });
    await vscode.commands.executeCommand('kelviq.loadAllProducts');
    const server = await sandbox.api<Page>('GET', '/catalog/products/?page_size=100');
    const rest = await sandbox.api<Page>('GET', '/catalog/products/?page=2&page_size=100');
    assert.deepEqual(await productLabels(api), [...server.json.results, ...rest.json.results].map((p) => p.name));
    assert.equal((await productLabels(api)).length, 129);
  });

  it('a server message with a command link reaches the error notification as plain text', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('kelviq.refreshProducts');
    await api.products.getChildren();
    const link = `[Set API Key](command:kelviq.setApiKey?${encodeURIComponent(JSON.stringify({ apiKey: 'sk_attacker_0123456789' }))})`;
    await sandbox.fault({ method: 'GET', path: 'page=2&', status: 500, body: { detail: `Maintenance. ${link}` } });
    const shown: ShownMessage[] = [];
    const sub = api.onDidShowMessage((m) => shown.push(m));
    try {
      const loading = vscode.commands.executeCommand('kelviq.loadAllProducts');
      const error = await waitFor('the error notification', () => shown.find((m) => m.severity === 'error'));
      assert.match(error.message, /^Could not load all products: .* 500 .*Kelviq said: "Maintenance\. \[Set API Key\] \(command∶kelviq\.setApiKey\?/);
      assert.ok(!error.message.includes('](command:'), error.message);
      await vscode.commands.executeCommand('notifications.clearAll');
      await loading;
    } finally {
      sub.dispose();
      await sandbox.clearFaults();
    }
  });

  it('showSaved: only in the environment the rows came from, and during a search only in place', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('kelviq.refreshProducts');
    const rows = await api.products.getChildren();
    const first = (rows[0] as { product?: Product }).product;
    assert.ok(first);
    assert.equal(api.products.environment, 'custom');
    // Saved in another environment (a document opened from Sandbox): this tree is not touched.
    assert.equal(api.products.showSaved('sandbox', { ...first, name: 'Saved In Sandbox' }), undefined);
    assert.ok(!(await productLabels(api)).includes('Saved In Sandbox'));
    // Saved here: the row shows the server's new version in place.
    assert.ok(api.products.showSaved('custom', { ...first, name: 'Saved Here' }));
    assert.equal((await productLabels(api))[0], 'Saved Here');
    // During a search: a listed row is replaced, a product the search did not list is not added.
    await vscode.commands.executeCommand('kelviq.searchProducts', 'bulk item 12');
    const found = await api.products.getChildren();
    const listed = (found[0] as { product?: Product }).product;
    assert.ok(listed);
    const before = await productLabels(api);
    assert.equal(api.products.showSaved('custom', { ...first, name: 'Not In This Search' }), undefined);
    assert.deepEqual(await productLabels(api), before);
    assert.ok(api.products.showSaved('custom', { ...listed, name: 'Bulk Item 12 Renamed' }));
    assert.deepEqual(await productLabels(api), ['Bulk Item 12 Renamed', ...before.slice(1)]);
    await vscode.commands.executeCommand('kelviq.clearSearch');
  });

  it('searches on the server and clears the search', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('kelviq.searchProducts', 'bulk item 12');
    const server = await sandbox.api<Page>('GET', '/catalog/products/?search=bulk%20item%2012');
    const labels = await productLabels(api);
    assert.deepEqual(labels, server.json.results.map((p) => p.name));
    assert.ok(labels.length >= 1 && labels.length < 20);
    assert.match(api.products.view?.message ?? '', /Search “bulk item 12”/);
    await vscode.commands.executeCommand('kelviq.clearSearch');
    assert.equal((await api.products.getChildren()).length, 101);
    assert.equal(api.products.view?.message, undefined);
  });

  it('creates a product, shows it in the tree and opens it', async () => {
    const api = await extensionApi();
    const created = await vscode.commands.executeCommand<Product>('kelviq.createProduct', {
      name: 'Integration Widget',
      taxCode: 'ebook',
      description: 'made by a test',
    });
    assert.ok(created?.id);
    const server = await sandbox.api<Product>('GET', `/catalog/products/${created.id}/`);
    assert.equal(server.status, 200);
    assert.equal(server.json.identifier, 'integration-widget');
    assert.ok((await productLabels(api)).includes('Integration Widget'));
    const editor = await waitFor('the new product open', () => vscode.window.activeTextEditor?.document.uri.path.includes(created.id) ? vscode.window.activeTextEditor : undefined);
    assert.equal(JSON.parse(editor.document.getText()).name, 'Integration Widget');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a clear message in the view when the server fails', async () => {
    const api = await extensionApi();
    await sandbox.fault({ method: 'GET', path: '/catalog/products/', status: 503, times: 10, bodyShape: 'detail' });
    try {
      api.products.refresh();
      assert.deepEqual(await api.products.getChildren(), []);
      assert.match(api.products.view?.message ?? '', /^Could not load products: .*503/);
    } finally {
      await sandbox.clearFaults();
    }
    api.products.refresh();
    assert.ok((await api.products.getChildren()).length > 0);
  });

  it('switches environment: Sandbox has no key here, so the tree empties; back to Custom restores it', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('kelviq.switchEnvironment', 'sandbox');
    await waitFor('the switch', () => api.connection.currentId === 'sandbox');
    assert.deepEqual(await api.products.getChildren(), []);
    await vscode.commands.executeCommand('kelviq.switchEnvironment', 'custom');
    await waitFor('the switch back', () => api.connection.currentId === 'custom');
    assert.ok((await api.products.getChildren()).length > 0);
  });

  it('signs out: the key is removed and the tree empties', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('kelviq.signOut');
    assert.equal(await api.connection.hasKey(api.connection.requireEnvironment()), false);
    assert.deepEqual(await api.products.getChildren(), []);
    await setKey(); // later suites need it
  });
});
