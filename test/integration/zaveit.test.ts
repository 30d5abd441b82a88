// The Zaveit backend inside a real VS Code, against the Zaveit sandbox: connect (base URL +
// token, also a rejected one), list, search (on the server, and locally when the server ignores
// paging), open, save one variant's price (one PATCH with only `products`, whole), a colleague's
// change merged, the unsupported update endpoint, create from the template, archive.
// Dialogs are answered by replacing vscode.window.showWarningMessage for the one call that shows
// them (the extension and this suite share the extension's API object).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Product } from '../../src/api/zaveit/schemas';
import { extensionApi, setZaveitToken, waitFor, zaveitOrigin, zaveitSandbox, zaveitTokens, replaceText, answeringWarnings } from './support';

type Api = Awaited<ReturnType<typeof extensionApi>>['zaveit'];

async function zaveit(): Promise<Api> {
  return (await extensionApi()).zaveit;
}

async function labels(): Promise<string[]> {
  const api = await zaveit();
  const nodes = await api.products.getChildren();
  return nodes.map((n) => String(typeof n.label === 'object' ? n.label.label : n.label));
}

/** Waits until the tree (re)loaded and shows rows that satisfy `ok`. */
async function treeShows(what: string, ok: (labels: string[]) => boolean): Promise<string[]> {
  return waitFor(what, async () => {
    const shown = await labels();
    return ok(shown) ? shown : undefined;
  });
}

async function serverProduct(name: string): Promise<Product> {
  const all = (await zaveitSandbox.api<Product[]>('GET', '/v2/product')).json;
  const found = all.find((p) => p.name === name);
  assert.ok(found, `the sandbox has "${name}"`);
  return found;
}

async function requests(method: string, pathPart = '/v2/product') {
  return (await zaveitSandbox.journal()).filter((e) => e.method === method && e.path.startsWith(pathPart));
}

function zaveitErrors(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zaveit' && d.severity === vscode.DiagnosticSeverity.Error);
}

describe('Zaveit', function () {
  before(async () => {
    await zaveitSandbox.reset();
    await zaveitSandbox.clearFaults();
  });

  afterEach(async () => {
    await zaveitSandbox.clearFaults();
    await zaveitSandbox.switches({ listShape: 'array', paging: 'honour', search: 'honour', patchStatus: 0 });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('connecting', () => {
    it('refuses an expired token (not stored); the base URL goes to the user settings', async () => {
      const api = await zaveit();
      assert.equal(await setZaveitToken(zaveitTokens.expiredToken), false);
      assert.equal(vscode.workspace.getConfiguration('zaveit').inspect<string>('baseUrl')?.globalValue, zaveitOrigin);
      const server = api.connection.requireServer();
      assert.equal(server.origin, zaveitOrigin);
      assert.equal(await api.connection.hasToken(server), false, 'a rejected token is not stored');
      assert.deepEqual(await labels(), [], 'no token, no rows (the welcome view shows)');
    });

    it('stores a token the server accepts, with its tenant and expiry, and lists products by name', async () => {
      const api = await zaveit();
      assert.equal(await setZaveitToken(), true);
      const info = (await zaveitSandbox.api<{ tenant: string; exp: number }>('GET', '/v1/auth/info', undefined, zaveitTokens.token)).json;
      const session = api.connection.session(api.connection.requireServer());
      assert.equal(session?.tenant, info.tenant);
      assert.equal(session?.exp, info.exp);
      const shown = await treeShows('the demo catalog', (l) => l.includes('Cloud Backup Pro'));
      assert.ok(!shown.includes('Old Hosting Plan'), 'the soft-deleted product is hidden');
      assert.ok(shown.includes('Legacy VPN Gateway'), 'the inactive product is listed');
    });

    it('shows variants, price range and state in the row, and SKUs, currency and billing in the tooltip', async () => {
      const api = await zaveit();
      await treeShows('the demo catalog', (l) => l.includes('Cloud Backup Pro'));
      const node = api.products.productNodes().find((n) => n.product.name === 'Cloud Backup Pro');
      assert.ok(node);
      assert.equal(node.description, '3 variants · NOK 99–433.44 / month');
      api.products.resolveTreeItem(node, node);
      const tooltip = node.tooltip as vscode.MarkdownString;
      assert.equal(tooltip.isTrusted, false);
      for (const part of ['`CBP-50`', '`NOK`', 'Norwegian', 'every month', '12 months']) assert.ok(tooltip.value.includes(part), `tooltip has ${part}:\n${tooltip.value}`);
      const inactive = api.products.productNodes().find((n) => n.product.name === 'Legacy VPN Gateway');
      assert.match(String(inactive?.description), /^inactive · /);
      assert.equal((inactive?.iconPath as vscode.ThemeIcon).id, 'circle-slash');

      await vscode.commands.executeCommand('zaveit.showDeletedProducts');
      const deleted = await waitFor('the deleted row', () => api.products.productNodes().find((n) => n.product.name === 'Old Hosting Plan'));
      assert.match(String(deleted.description), /^deleted · /);
      assert.equal(deleted.contextValue, 'zaveit.product.deleted');
      await vscode.commands.executeCommand('zaveit.hideDeletedProducts');
      assert.ok(!(await labels()).includes('Old Hosting Plan'));
    });

    it('warns when the token is in its last day, and the status bar says so', async () => {
      const api = await zaveit();
      const { result, shown } = await answeringWarnings(() => undefined, () => setZaveitToken(zaveitTokens.expiringToken));
      assert.equal(result, true, 'a token in its last day is still stored');
      assert.match(shown[0]?.message ?? '', /tenant .*; the token expires in [45] hours .*Sign in to Zaveit again soon/);
      const session = api.connection.session(api.connection.requireServer());
      assert.ok(session && session.exp - Date.now() < 24 * 3_600_000);
      assert.equal(await setZaveitToken(), true);
    });

    it('says when the server rejects the token later (401), and Set Token clears it', async () => {
      const api = await zaveit();
      await zaveitSandbox.fault({ method: 'GET', path: '/v2/product', status: 401, body: { message: 'Session expired', data: null, statusCode: 401 } });
      await vscode.commands.executeCommand('zaveit.refreshProducts');
      await treeShows('an empty tree', (l) => l.length === 0);
      assert.match(api.products.view?.message ?? '', /rejected \(401\).*expired/);
      assert.equal(api.status.tokenRejected, true);
      assert.equal(await setZaveitToken(), true);
      assert.equal(api.status.tokenRejected, false);
      await treeShows('the catalog again', (l) => l.includes('Cloud Backup Pro'));
    });
  });

  describe('searching', () => {
    afterEach(async () => {
      await vscode.commands.executeCommand('zaveit.clearSearch');
      await zaveitSandbox.reset(); // the seed again (without the fillers below)
    });

    it('asks the server with ~search', async () => {
      await zaveitSandbox.clearJournal();
      await vscode.commands.executeCommand('zaveit.searchProducts', 'backup');
      assert.deepEqual(await treeShows('the search result', (l) => l.length === 1), ['Cloud Backup Pro']);
      const lists = await requests('GET', '/v2/product');
      assert.ok(lists.some((e) => (e as unknown as { query: Record<string, string> }).query['~search'] === 'backup'), 'the search went to the server');
    });

    it('filters locally when the server ignores paging and search, and the view says so', async () => {
      const api = await zaveit();
      // More products than the tree asks for per page, so an answer with all of them shows that paging was ignored.
      const extra = Array.from({ length: api.products.model.perPage }, (_, i) => ({ name: `Filler ${i + 1}`, products: [{ sku: `F-${i + 1}`, price: 1, amount: { default: 1, min: 1 } }] }));
      for (const body of extra) assert.equal((await zaveitSandbox.api('POST', '/v2/product', body)).status, 200);
      await zaveitSandbox.switches({ paging: 'ignore', search: 'ignore', listShape: 'data' });
      await vscode.commands.executeCommand('zaveit.searchProducts', 'backup');
      assert.deepEqual(await treeShows('the local search result', (l) => l.length === 1), ['Cloud Backup Pro']);
      assert.equal(api.products.model.unpaged, true);
      assert.match(api.products.view?.message ?? '', /ignored paging.*search was done here/);
    });
  });

  describe('product documents', () => {
    let product: Product;
    let doc: vscode.TextDocument;

    beforeEach(async () => {
      await setZaveitToken();
      product = await serverProduct('Cloud Backup Pro');
      doc = (await (await zaveit()).documents.open(product.id, product.name)).document;
      await zaveitSandbox.clearJournal();
    });

    it('opens as JSON of the server product', () => {
      assert.equal(doc.uri.scheme, 'zaveit');
      assert.equal(doc.uri.path, `/products/${product.id}/cloud-backup-pro.json`);
      assert.equal(doc.languageId, 'json');
      const shown = JSON.parse(doc.getText()) as Product;
      assert.equal(shown.id, product.id);
      assert.equal(shown.updated, product.updated);
      assert.equal(doc.isDirty, false);
    });

    it("saves one variant's price as one PATCH holding only `products`, whole", async () => {
      await replaceText(doc, '"price": 99,', '"price": 109,');
      assert.equal(await doc.save(), true);
      const sent = await requests('PATCH');
      assert.equal(sent.length, 1);
      const body = sent[0]?.body as { products: Array<{ _id: string; price: number }> };
      assert.deepEqual(Object.keys(body), ['products']);
      assert.deepEqual(body.products.map((v) => v.price), [109, 249, 433.44]);
      assert.deepEqual(body.products.map((v) => v._id), product.products?.map((v) => v._id));
      const server = await serverProduct('Cloud Backup Pro');
      await waitFor('the document to show the new version', () => (JSON.parse(doc.getText()) as Product).__v === server.__v);
      assert.equal(doc.isDirty, false);
    });

    it("merges a colleague's change to another variant", async () => {
      const variants = structuredClone(product.products ?? []);
      variants[2]!.price = 499;
      const theirs = await zaveitSandbox.api('PATCH', `/v2/product/${product.id}`, { products: variants }, zaveitTokens.otherToken);
      assert.equal(theirs.status, 200);
      await zaveitSandbox.clearJournal();
      await replaceText(doc, `"price": ${product.products?.[0]?.price},`, '"price": 119,');
      assert.equal(await doc.save(), true);
      const server = await serverProduct('Cloud Backup Pro');
      assert.deepEqual(server.products?.map((v) => v.price), [119, product.products?.[1]?.price, 499], 'both changes are kept');
      const sent = await requests('PATCH');
      assert.equal(sent.length, 1);
      assert.deepEqual(Object.keys(sent[0]?.body as object), ['products']);
    });

    it("asks before overwriting a colleague's change to the same variant's price; Cancel keeps theirs, Overwrite sends mine", async () => {
      const first = product.products?.[0];
      assert.ok(first);
      // (The previous test's save may still be reloading this document.)
      await waitFor('the document to show the server version', () => (JSON.parse(doc.getText()) as Product).__v === product.__v || undefined);
      const price = first.price ?? 0;
      const mine = price + 7;
      const theirs = price + 400;
      const variants = structuredClone(product.products ?? []);
      variants[0]!.price = theirs;
      assert.equal((await zaveitSandbox.api('PATCH', `/v2/product/${product.id}`, { products: variants }, zaveitTokens.otherToken)).status, 200);
      await zaveitSandbox.clearJournal();
      await replaceText(doc, `"price": ${first.price},`, `"price": ${mine},`);

      const declined = await answeringWarnings(() => undefined, () => doc.save());
      assert.equal(declined.result, false);
      assert.equal(declined.shown.length, 1);
      assert.match(declined.shown[0]!.message, /Save conflict/);
      assert.ok(declined.shown[0]!.detail?.includes(`products[_id="${first._id}"].price: yours ${mine}, theirs ${theirs}`), declined.shown[0]!.detail);
      assert.deepEqual(await requests('PATCH'), [], 'nothing is sent when the conflict is not overwritten');
      assert.equal(doc.isDirty, true);
      assert.equal((await serverProduct('Cloud Backup Pro')).products?.[0]?.price, theirs);

      const overwritten = await answeringWarnings(() => 'Overwrite', () => doc.save());
      assert.equal(overwritten.result, true);
      assert.equal(overwritten.shown.length, 1);
      const server = await serverProduct('Cloud Backup Pro');
      assert.deepEqual(server.products?.map((v) => v.price), [mine, ...(product.products ?? []).slice(1).map((v) => v.price)]);
    });

    it('fails the save when the server takes no PATCH (405), naming the endpoint; the edit stays dirty', async () => {
      await zaveitSandbox.switches({ patchStatus: 405 });
      await replaceText(doc, `"description": "${product.description}"`, '"description": "Changed while PATCH is missing"');
      assert.equal(await doc.save(), false);
      assert.equal(doc.isDirty, true);
      assert.match(doc.getText(), /Changed while PATCH is missing/);
      // The same save through the file system API shows the message VS Code showed.
      await assert.rejects(
        Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, new TextEncoder().encode(doc.getText()))),
        (err: Error) => /does not accept updates at PATCH \/v2\/product\/:id \(405\).*do not document updates/.test(err.message),
      );
      assert.deepEqual(await requests('POST'), [], 'never falls back to POST');
      assert.ok((await requests('PATCH')).every((e) => e.status === 405));
      assert.equal((await serverProduct('Cloud Backup Pro')).description, product.description);
    });
  });

  describe('creating and archiving', () => {
    before(async () => {
      await setZaveitToken();
    });

    it('creates a product from the template with one POST; the editor then shows the created product', async () => {
      const api = await zaveit();
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('zaveit.createProduct', { currency: 'EUR', country: 'DE' });
      const draft = editor.document;
      assert.equal(draft.uri.path, '/products/new/new-product-EUR-DE.json');
      const template = JSON.parse(draft.getText()) as Product;
      assert.equal(template.currency?.code, 'EUR');
      assert.equal(template.country?.code, 'DE');
      assert.deepEqual(zaveitErrors(draft.uri), [], 'the template is valid');
      await replaceText(draft, '"name": "New product"', '"name": "Zaveit Test Widget"');
      await replaceText(draft, '"price": 0,', '"price": 12.5,');
      await zaveitSandbox.clearJournal();
      assert.equal(await draft.save(), true);
      const posts = await requests('POST');
      assert.equal(posts.length, 1, 'one POST');
      assert.equal((posts[0]?.body as { name: string }).name, 'Zaveit Test Widget');
      const created = await serverProduct('Zaveit Test Widget');
      const shown = await waitFor('the created product in the editor', () => {
        const active = vscode.window.activeTextEditor?.document;
        return active?.uri.path.startsWith(`/products/${created.id}/`) ? active : undefined;
      });
      assert.equal((JSON.parse(shown.getText()) as Product).id, created.id);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path === draft.uri.path && !d.isClosed && vscode.window.visibleTextEditors.some((e) => e.document === d)), 'the draft gave way');
      await treeShows('the created product in the tree', (l) => l.includes('Zaveit Test Widget'));
      assert.equal((await requests('POST')).length, 1, 'still one POST');
      void api;
    });

    it('after a create whose answer was lost, finds the product by name and offers to open it instead', async () => {
      // The first POST reached the server (as the colleague's call here), its answer was lost (the reset).
      const landed = await zaveitSandbox.api<Product>('POST', '/v2/product', { name: 'Flaky Widget', currency: { code: 'NOK' }, country: { code: 'NO' } }, zaveitTokens.token);
      assert.equal(landed.status, 200);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('zaveit.createProduct', { currency: 'NOK', country: 'NO' });
      await replaceText(editor.document, '"name": "New product"', '"name": "Flaky Widget"');
      await zaveitSandbox.clearJournal();
      await zaveitSandbox.fault({ method: 'POST', path: '/v2/product', reset: true });
      const { result, shown } = await answeringWarnings(() => 'Open Existing', () => editor.document.save());
      assert.equal(result, true);
      assert.equal(shown.length, 1);
      assert.match(shown[0]?.message ?? '', /Flaky Widget.*Open that one instead of creating it again\?/);
      assert.equal((await requests('POST')).length, 1, 'one POST, not repeated');
      await waitFor('the existing product in the editor', () => vscode.window.activeTextEditor?.document.uri.path.startsWith(`/products/${landed.json.id}/`));
    });

    it('archives a product behind a modal that names it and says the API documents no delete', async () => {
      const product = await serverProduct('Managed Firewall');
      await vscode.commands.executeCommand('zaveit.refreshProducts');
      await treeShows('the product in the tree', (l) => l.includes('Managed Firewall'));
      await zaveitSandbox.clearJournal();
      const { result, shown } = await answeringWarnings(() => 'Archive', () => vscode.commands.executeCommand<boolean>('zaveit.archiveProduct', product.id));
      assert.equal(result, true);
      assert.match(shown[0]?.message ?? '', /Archive “Managed Firewall”/);
      assert.match(shown[0]?.detail ?? '', /documents no delete.*status\.deleted = true/s);
      const sent = await requests('PATCH');
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0]?.body, { status: { active: true, deleted: true } });
      assert.equal((await serverProduct('Managed Firewall')).status?.deleted, true);
      await treeShows('the archived product hidden', (l) => !l.includes('Managed Firewall') && l.length > 0);
    });
  });
});
