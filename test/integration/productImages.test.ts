// Product images in the real VS Code against the sandbox (which plays kelviq and its storage):
// Add Image… uploads each file straight to storage (never with the API key) and attaches them with
// one PATCH; the tree and the product's document show them; in the document, a rename and a
// reorder send one PATCH per changed image and nothing else; a new thumbnail is not a conflict
// when the server clears the old one; removing an entry asks first and then deletes only that
// image; an expired upload permission is explained and attaches nothing; previews go through the
// extension's own address, and a bare storage key is said to be one; files dropped on a row go
// through the same flow.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { KelviqExtensionApi } from '../../src/extension';
import type { ImageNode } from '../../src/kelviq/images/imageTreeItems';
import { ProductFileDrops } from '../../src/kelviq/products/productFileDrops';
import type { ProductNode, ProductsTreeNode } from '../../src/kelviq/products/productTreeItems';
import type { ShownMessage } from '../../src/userMessages';
import { PromptAnswers } from './promptAnswers';
import { answeringWarnings, closeEditorsDiscarding, editJson as editText, extensionApi, type JournalEntry, sandbox, setKey, waitFor } from './support';

interface Image { id: string; name: string | null; image: string; ordering: number; thumbnail: boolean; enabled: boolean }
interface Product { id: string; identifier: string; name: string; images: Image[] }
interface Page<T> { results: T[] }

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const folder = mkdtempSync(path.join(tmpdir(), 'kelviq-images-'));
function pngFile(name: string): vscode.Uri {
  const file = path.join(folder, name);
  writeFileSync(file, PNG);
  return vscode.Uri.file(file);
}

// The extension's row classes are its own bundle's: rows are told apart by contextValue.
const isProductRow = (n: vscode.TreeItem, id: string): n is ProductNode => n.contextValue === 'kelviq.product' && (n as ProductNode).product.id === id;
const isImageRow = (n: vscode.TreeItem): n is ImageNode => n.contextValue === 'kelviq.productImage';
const label = (n: vscode.TreeItem) => String(typeof n.label === 'object' ? n.label?.label : n.label);
const productOf = async (id: string) => (await sandbox.api<Product>('GET', `/catalog/products/${id}/`)).json;
const writesOf = (journal: JournalEntry[], id: string) => journal.filter((e) => e.method !== 'GET' && e.path.includes(`/products/${id}/`));

describe('Product images', function () {
  let api: KelviqExtensionApi;
  let product: Product;
  let shown: ShownMessage[];
  let sub: vscode.Disposable | undefined;

  function answer(...files: vscode.Uri[][]): PromptAnswers {
    const person = new PromptAnswers(files.map((f) => ({ files: f })));
    api.prompts!.answerWith(person);
    return person;
  }

  async function addImages(...files: vscode.Uri[]) {
    answer(files);
    return vscode.commands.executeCommand<{ added: string[]; failed: string[]; cancelled: boolean } | undefined>('kelviq.addProductImage', { id: product.id, environment: 'custom' });
  }

  async function openProduct(): Promise<vscode.TextDocument> {
    return (await api.documents.open('custom', product.id, product.identifier)).document;
  }

  const editJson = (doc: vscode.TextDocument, mutate: (object: Product) => void) => editText<Product>(doc, mutate);

  async function imageRows(): Promise<vscode.TreeItem[]> {
    const rows = await api.products.getChildren();
    const row = rows.find((n) => isProductRow(n, product.id));
    assert.ok(row, 'the product is listed');
    const group = (await api.products.getChildren(row)).find((n) => n.contextValue === 'kelviq.productImages');
    assert.ok(group, 'the product row has an Images row');
    return api.products.getChildren(group);
  }

  before(async () => {
    await sandbox.reset();
    await setKey();
    api = await extensionApi();
    assert.ok(api.prompts, 'the extension offers its prompts to tests');
    // A product without images, so every image here is one this suite added.
    const products = (await sandbox.api<Page<Product>>('GET', '/catalog/products/?page_size=100')).json.results;
    product = products.find((p) => (p.images ?? []).length === 0)!;
    assert.ok(product, 'the demo has a product without images');
    api.products.refresh();
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    await sandbox.switches({ productImageUrls: 'absolute', uploadPolicyTtlSeconds: 3600 });
    await sandbox.clearJournal();
    shown = [];
    sub = api.onDidShowMessage((m) => shown.push(m));
  });

  afterEach(async () => {
    sub?.dispose();
    api.prompts?.answerWith(undefined);
    await closeEditorsDiscarding();
  });

  it('adds images from files: each goes straight to storage without the API key, then one PATCH attaches them; the tree and the open document show them', async () => {
    const doc = await openProduct();
    const outcome = await addImages(pngFile('hero.png'), pngFile('gallery.png'));
    assert.deepEqual(outcome?.added, ['hero.png', 'gallery.png']);
    const journal = await sandbox.journal();
    const presigns = journal.filter((e) => e.method === 'POST' && e.path.endsWith('/media/'));
    assert.deepEqual(presigns.map((e) => e.body), [{ fileName: 'hero.png', fileType: 'image/png' }, { fileName: 'gallery.png', fileType: 'image/png' }]);
    const uploads = journal.filter((e) => e.path.startsWith('/__storage/upload'));
    assert.equal(uploads.length, 2);
    for (const upload of uploads) {
      assert.equal(upload.status, 204);
      assert.equal(Object.hasOwn(upload.headers, 'authorization'), false, 'the API key never goes to storage');
    }
    const patches = writesOf(journal, product.id);
    assert.equal(patches.length, 1, 'one PATCH for both');
    assert.equal((patches[0]!.body as { imageKeys: string[] }).imageKeys.length, 2);
    const server = await productOf(product.id);
    assert.deepEqual(server.images.map((i) => i.name).sort(), ['gallery.png', 'hero.png']);
    await waitFor('the tree shows both images', async () => ((await imageRows()).map(label).sort().join() === 'gallery.png,hero.png' ? true : undefined));
    await waitFor('the document shows both images', () => ((JSON.parse(doc.getText()) as Product).images?.length === 2 && !doc.isDirty ? true : undefined));
    assert.ok(shown.some((m) => m.message === `Added 2 images to “${product.name}”.`), shown.map((m) => m.message).join(' | '));
  });

  it('a rename and a reorder of two images send one PATCH per changed image, nothing else', async () => {
    const [a, b] = (await productOf(product.id)).images.sort((x, y) => x.ordering - y.ordering);
    assert.ok(a && b);
    const doc = await openProduct();
    await editJson(doc, (p) => {
      const first = p.images.find((i) => i.id === a.id)!;
      const second = p.images.find((i) => i.id === b.id)!;
      first.name = 'Hero (renamed)';
      [first.ordering, second.ordering] = [second.ordering, first.ordering];
      p.images.reverse(); // moving entries in the array changes nothing by itself
    });
    await sandbox.clearJournal();
    assert.equal(await doc.save(), true);
    const writes = writesOf(await sandbox.journal(), product.id);
    assert.deepEqual(
      writes.map((w) => [w.method, w.path.replace(/^.*\/image\//, 'image/'), w.body]).sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
      [
        ['PATCH', `image/${a.id}/`, { name: 'Hero (renamed)', ordering: b.ordering }],
        ['PATCH', `image/${b.id}/`, { ordering: a.ordering }],
      ].sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    );
    const server = await productOf(product.id);
    assert.equal(server.images.find((i) => i.id === a.id)?.name, 'Hero (renamed)');
  });

  it('making another image the thumbnail sends one PATCH; the server clearing the old one is shown, not a conflict', async () => {
    const images = (await productOf(product.id)).images;
    const old = images.find((i) => i.thumbnail);
    const next = images.find((i) => !i.thumbnail)!;
    assert.ok(old && next, 'one image is the thumbnail (the first one added)');
    const doc = await openProduct();
    await editJson(doc, (p) => {
      p.images.find((i) => i.id === next.id)!.thumbnail = true;
    });
    await sandbox.clearJournal();
    const saved = await answeringWarnings(() => undefined, () => doc.save());
    assert.equal(saved.result, true);
    assert.deepEqual(saved.shown, [], 'no conflict dialog');
    assert.deepEqual(writesOf(await sandbox.journal(), product.id).map((w) => w.body), [{ thumbnail: true }]);
    await waitFor('the document shows the old thumbnail cleared', () => {
      const shownImages = (JSON.parse(doc.getText()) as Product).images;
      return !doc.isDirty && shownImages.find((i) => i.id === old.id)?.thumbnail === false && shownImages.find((i) => i.id === next.id)?.thumbnail === true ? true : undefined;
    }).catch(async (err: Error) => {
      const st = await vscode.workspace.fs.stat(doc.uri);
      const read = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
      throw new Error(`${err.message}; dirty ${doc.isDirty}, stat ${st.mtime}/${st.size}, len ${doc.getText().length}, read ${read.length} ${read.includes('"thumbnail": false')}`);
    });
  });

  it('removing an entry asks, naming the image: Cancel sends nothing; yes deletes only that image', async () => {
    const images = (await productOf(product.id)).images;
    const victim = images.find((i) => !i.thumbnail)!;
    const doc = await openProduct();
    await editJson(doc, (p) => {
      p.images = p.images.filter((i) => i.id !== victim.id);
    });
    await sandbox.clearJournal();
    const cancelled = await answeringWarnings(() => undefined, () => doc.save());
    assert.equal(cancelled.result, false);
    assert.equal(cancelled.shown.length, 1);
    assert.equal(cancelled.shown[0]!.message, `Delete the image “${victim.name}” of “${product.name}”?`);
    assert.deepEqual(cancelled.shown[0]!.items, ['Delete Image and Save']);
    assert.deepEqual(writesOf(await sandbox.journal(), product.id), []);
    assert.ok(doc.isDirty, 'the text is kept');
    const confirmed = await answeringWarnings((q) => q.items[0], () => doc.save());
    assert.equal(confirmed.result, true);
    assert.deepEqual(writesOf(await sandbox.journal(), product.id).map((w) => [w.method, w.path.endsWith(`/image/${victim.id}/`)]), [['DELETE', true]]);
    assert.deepEqual((await productOf(product.id)).images.map((i) => i.id), images.filter((i) => i.id !== victim.id).map((i) => i.id));
  });

  it('an upload permission that expired is explained, and nothing is attached', async () => {
    await sandbox.switches({ uploadPolicyTtlSeconds: 0 });
    const before = (await productOf(product.id)).images.length;
    const outcome = await addImages(pngFile('late.png'));
    assert.deepEqual(outcome?.added, []);
    assert.equal(outcome?.failed.length, 1);
    assert.match(outcome!.failed[0]!, /“late\.png” was not uploaded: kelviq's upload permission expired/);
    assert.deepEqual(writesOf(await sandbox.journal(), product.id), [], 'no PATCH for a file that did not upload');
    assert.equal((await productOf(product.id)).images.length, before);
    assert.ok(shown.some((m) => m.severity === 'error' && m.message.includes('upload permission expired')));
  });

  it('a file that is not an image is refused before anything is sent', async () => {
    const text = path.join(folder, 'terms.pdf');
    writeFileSync(text, 'not an image');
    const outcome = await addImages(vscode.Uri.file(text));
    assert.match(outcome?.failed[0] ?? '', /“terms\.pdf” is not an image/);
    assert.deepEqual((await sandbox.journal()).filter((e) => e.method !== 'GET'), []);
  });

  it('previews an image through the extension’s own address, with the bytes storage holds; a bare storage key is said to be one', async () => {
    const row = (await imageRows()).find(isImageRow)!;
    assert.ok(row);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('kelviq.openProductImage', row);
    assert.ok(uri && uri.scheme === 'kelviq-image', `previewed at ${uri?.toString()}`);
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(uri)), PNG);
    const storageReads = (await sandbox.journal()).filter((e) => e.method === 'GET' && e.path.startsWith('/__storage/'));
    assert.ok(storageReads.length > 0 && storageReads.every((e) => !Object.hasOwn(e.headers, 'authorization')), 'fetched from storage without the key');

    await sandbox.switches({ productImageUrls: 'key' });
    api.products.refresh();
    const keyRow = (await imageRows()).find(isImageRow)!;
    assert.equal(await vscode.commands.executeCommand('kelviq.openProductImage', keyRow), undefined);
    assert.ok(shown.some((m) => /cannot be previewed: kelviq gives only its storage key/.test(m.message)), shown.map((m) => m.message).join(' | '));
  });

  it('image files dropped on the product’s row are added the same way', async () => {
    const rows = await api.products.getChildren();
    const row: ProductsTreeNode | undefined = rows.find((n) => isProductRow(n, product.id));
    assert.ok(row);
    const before = (await productOf(product.id)).images.length;
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(pngFile('dropped.png').toString()));
    await new ProductFileDrops(api.products).handleDrop(row, data, new vscode.CancellationTokenSource().token);
    const after = await productOf(product.id);
    assert.equal(after.images.length, before + 1);
    assert.ok(after.images.some((i) => i.name === 'dropped.png'));
  });
});
