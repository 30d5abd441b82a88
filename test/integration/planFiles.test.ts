// Plan files in the Products tree, in the real VS Code against the sandbox (which plays kelviq and
// its storage): Add File… uploads each file straight to storage (never with the API key) and
// attaches them with one PATCH of the plan's `fileKeys`; the plan row then expands into the file's
// row. On a published plan that PATCH makes the draft, which holds the file while the published
// version does not. A file that did not upload, or an upload cancelled, attaches nothing; a file over the limit is refused
// before any request; Add File… is refused while the plan's document has unsaved text. Download
// File writes exactly the stored bytes where the person chose, fetched without the key, and leaves
// no partial file, also when the download link expired (which it says).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { KelviqExtensionApi } from '../../src/extension';
import type { PlanFileNode } from '../../src/kelviq/planFiles/planFileTreeItems';
import type { ProductsTreeNode } from '../../src/kelviq/products/productTreeItems';
import type { ShownMessage } from '../../src/userMessages';
import { PromptAnswers, type Answer } from './promptAnswers';
import { closeEditorsDiscarding, extensionApi, replaceText, sandbox, setKey, waitFor } from './support';

interface PlanFile { id: string; name: string; file: string; ordering: number; enabled: boolean }
interface Plan { identifier: string; name: string; version: number; isLatest: boolean; files: PlanFile[] }
interface Product { id: string; identifier: string }
interface Outcome { added: string[]; failed: string[]; cancelled: boolean; refused?: string }

const folder = mkdtempSync(path.join(tmpdir(), 'kelviq-plan-files-'));
function localFile(name: string, text: string): vscode.Uri {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

const isFileRow = (n: vscode.TreeItem): n is PlanFileNode => n.contextValue === 'kelviq.planFile';
const label = (n: vscode.TreeItem) => String(typeof n.label === 'object' ? n.label?.label : n.label);
const planOf = async (identifier: string, version?: number) => (await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/${version ? `?version=${version}` : ''}`)).json;
const writesOf = async (identifier: string) => (await sandbox.journal()).filter((e) => e.method !== 'GET' && e.path.includes(`/plans/${identifier}/`));

describe('Plan files', function () {
  let api: KelviqExtensionApi;
  let pulseboard: Product;
  let shown: ShownMessage[];
  let sub: vscode.Disposable | undefined;

  function answer(...answers: Answer[]): PromptAnswers {
    const person = new PromptAnswers(answers);
    api.prompts!.answerWith(person);
    return person;
  }

  async function addFiles(identifier: string, ...files: vscode.Uri[]): Promise<Outcome | undefined> {
    answer({ files });
    return vscode.commands.executeCommand<Outcome | undefined>('kelviq.addPlanFile', { environment: 'custom', identifier });
  }

  /** A plan of Pulseboard of its own (USD 9 a month), published when asked. */
  async function newPlan(name: string, publish: boolean): Promise<string> {
    const identifier = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${Date.now()}`;
    const price = { priceType: 'PAID', currency: 'USD', chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: 9 } }] }] };
    assert.equal((await sandbox.api('POST', '/catalog/plans/', { name, identifier, product: pulseboard.id })).status, 201);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/prices/bulk/`, { prices: [price] })).status, 200);
    if (publish) assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/publish/`, {})).status, 200);
    await sandbox.clearJournal();
    return identifier;
  }

  /** The file rows of the plan's row under Pulseboard, once the row shows `count` of them. */
  async function fileRows(identifier: string, count: number): Promise<PlanFileNode[]> {
    return waitFor(`the ${identifier} row with ${count} file row(s)`, async () => {
      const product = (await api.products.getChildren()).find((n) => n.contextValue === 'kelviq.product' && (n as { product?: Product }).product?.id === pulseboard.id);
      if (!product) return undefined;
      const row = (await api.products.getChildren(product)).find((n) => (n as { plan?: Plan }).plan?.identifier === identifier);
      if (!row) return undefined;
      const rows = (await api.products.getChildren(row as ProductsTreeNode)).filter(isFileRow);
      return rows.length === count && row.collapsibleState !== vscode.TreeItemCollapsibleState.None ? rows : undefined;
    });
  }

  before(async () => {
    api = await extensionApi();
    assert.ok(api.prompts, 'the extension offers its prompts to tests');
    await sandbox.reset();
    await setKey();
    const found = (await sandbox.api<{ results: Product[] }>('GET', '/catalog/products/?search=pulseboard')).json.results.find((p) => p.identifier === 'pulseboard');
    assert.ok(found, 'the demo catalog has Pulseboard');
    pulseboard = found;
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    await sandbox.switches({ uploadPolicyTtlSeconds: 3600, downloadUrlTtlSeconds: 300 });
    await sandbox.clearJournal();
    shown = [];
    sub = api.onDidShowMessage((m) => shown.push(m));
    api.products.refresh();
  });

  afterEach(async () => {
    sub?.dispose();
    api.prompts?.answerWith(undefined);
    await sandbox.switches({ uploadPolicyTtlSeconds: 3600, downloadUrlTtlSeconds: 300 }); // as the suites after this one expect
    await closeEditorsDiscarding();
  });

  it('adds a file to a draft plan: straight to storage without the API key, then one PATCH with its key; the plan row lists it', async () => {
    const identifier = await newPlan('Files Draft', false);
    const outcome = await addFiles(identifier, localFile('terms.txt', 'the terms'));
    assert.deepEqual([outcome?.added, outcome?.failed, outcome?.cancelled], [['terms.txt'], [], false]);
    const journal = await sandbox.journal();
    const upload = journal.filter((e) => e.method === 'POST' && e.path.startsWith('/__storage/'));
    assert.equal(upload.length, 1);
    assert.ok(!Object.hasOwn(upload[0]!.headers, 'authorization'), 'the storage never sees the key');
    const patches = (await writesOf(identifier)).filter((e) => e.method === 'PATCH');
    assert.equal(patches.length, 1);
    assert.deepEqual(Object.keys(patches[0]!.body as object), ['fileKeys']);
    const plan = await planOf(identifier);
    assert.deepEqual([plan.version, plan.files.map((f) => f.name)], [1, ['terms.txt']]);
    const rows = await fileRows(identifier, 1);
    assert.equal(label(rows[0]!), 'terms.txt');
    assert.ok(shown.some((m) => m.severity === 'info' && m.message === `Added a file to plan “Files Draft”.`), JSON.stringify(shown));
  });

  it('adds a file to a published plan: the PATCH makes the draft, which holds it; the published version does not', async () => {
    const identifier = await newPlan('Files Published', true);
    const outcome = await addFiles(identifier, localFile('sla.txt', 'the sla'));
    assert.deepEqual(outcome?.added, ['sla.txt']);
    const draft = await planOf(identifier);
    assert.deepEqual([draft.version, draft.isLatest, draft.files.map((f) => f.name)], [2, false, ['sla.txt']]);
    assert.deepEqual((await planOf(identifier, 1)).files, []);
    assert.ok(shown.some((m) => /created its draft, as every plan edit does/.test(m.message)), JSON.stringify(shown));
    await fileRows(identifier, 1);
  });

  it('a file whose upload permission expired is explained, and no PATCH is sent', async () => {
    const identifier = await newPlan('Files Expired', false);
    await sandbox.switches({ uploadPolicyTtlSeconds: 0 });
    const outcome = await addFiles(identifier, localFile('late.txt', 'late'));
    assert.deepEqual(outcome?.added, []);
    assert.match(outcome?.failed[0] ?? '', /“late\.txt” was not uploaded: kelviq's upload permission expired/);
    assert.deepEqual(await writesOf(identifier), []);
    assert.deepEqual((await planOf(identifier)).files, []);
  });

  it('Cancel while uploading attaches nothing, and says so', async () => {
    const identifier = await newPlan('Files Cancelled', false);
    answer({ files: [localFile('cancelled.txt', 'cancelled')] });
    // The notification's Cancel cannot be pressed from here: VS Code's own progress runs, with a
    // token this test cancels (besides the notification's) as soon as the upload shows its progress.
    const window = vscode.window as { withProgress: typeof vscode.window.withProgress };
    const original = window.withProgress;
    window.withProgress = (options, task) =>
      original(options, (progress, token) => {
        const cancel = new vscode.CancellationTokenSource();
        token.onCancellationRequested(() => cancel.cancel());
        const report = (value: { message?: string; increment?: number }) => {
          progress.report(value);
          if (value.message?.startsWith('cancelled.txt:')) cancel.cancel();
        };
        return task({ report }, cancel.token);
      });
    let outcome: Outcome | undefined;
    try {
      outcome = await vscode.commands.executeCommand<Outcome | undefined>('kelviq.addPlanFile', { environment: 'custom', identifier });
    } finally {
      window.withProgress = original;
    }
    assert.equal(outcome?.cancelled, true, JSON.stringify(outcome));
    assert.deepEqual(outcome?.added, []);
    assert.deepEqual(await writesOf(identifier), [], 'no PATCH after Cancel');
    assert.deepEqual((await planOf(identifier)).files, []);
    assert.ok(shown.some((m) => m.message.startsWith('Cancelled: no file was added.')), shown.map((m) => m.message).join(' | '));
  });

  it('a folder is refused before any request', async () => {
    const identifier = await newPlan('Files Folder', false);
    const outcome = await addFiles(identifier, vscode.Uri.file(folder));
    assert.match(outcome?.failed[0] ?? '', /is a folder\./);
    assert.deepEqual((await sandbox.journal()).filter((e) => e.method !== 'GET'), []);
  });

  it('a file over 100 MB is refused before any request', async () => {
    const identifier = await newPlan('Files Large', false);
    const big = path.join(folder, 'huge.bin');
    writeFileSync(big, '');
    truncateSync(big, 100 * 1024 * 1024 + 1); // sparse: its size, without writing the bytes
    const outcome = await addFiles(identifier, vscode.Uri.file(big));
    assert.match(outcome?.failed[0] ?? '', /“huge\.bin” is 100\.0 MB; a plan file can be at most 100 MB\./);
    assert.deepEqual((await sandbox.journal()).filter((e) => e.method !== 'GET'), []);
  });

  it('is refused while the plan’s document has unsaved text (no dialog, nothing sent)', async () => {
    const identifier = await newPlan('Files Dirty', false);
    const doc = (await api.documents.openPlan('custom', identifier)).document;
    await replaceText(doc, '"name": "Files Dirty"', '"name": "Files Dirty (typed)"');
    const person = answer();
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>('kelviq.addPlanFile', { environment: 'custom', identifier });
    assert.match(outcome?.refused ?? '', /unsaved/);
    person.allUsed();
    assert.deepEqual(await writesOf(identifier), []);
    assert.ok(doc.isDirty && doc.getText().includes('Files Dirty (typed)'), 'the text is kept');
  });

  it('Download File saves exactly the stored bytes where asked, fetched without the key, and leaves no partial file', async () => {
    const identifier = await newPlan('Files Download', false);
    const text = `terms ${Date.now()}\n`.repeat(2000);
    await addFiles(identifier, localFile('terms.txt', text));
    const [row] = await fileRows(identifier, 1);
    const target = path.join(folder, `downloaded-${Date.now()}.txt`);
    const person = answer({ saveTo: vscode.Uri.file(target) });
    await sandbox.clearJournal();
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('kelviq.downloadPlanFile', row);
    assert.equal(written?.fsPath, vscode.Uri.file(target).fsPath);
    assert.equal(readFileSync(target, 'utf8'), text);
    assert.equal(existsSync(`${target}.part`), false);
    assert.equal(person.saveDialogs[0]?.defaultUri?.path.split('/').pop(), 'terms.txt');
    const storage = (await sandbox.journal()).filter((e) => e.method === 'GET' && e.path.startsWith('/__storage/'));
    assert.ok(storage.length === 1 && !Object.hasOwn(storage[0]!.headers, 'authorization'), 'fetched from storage without the key');
  });

  it('a download whose link expired says so, and leaves neither the target nor a partial file', async () => {
    const identifier = await newPlan('Files Expired Link', false);
    await addFiles(identifier, localFile('late.txt', 'late'));
    const [row] = await fileRows(identifier, 1);
    await sandbox.switches({ downloadUrlTtlSeconds: 0 });
    const target = path.join(folder, `never-${Date.now()}.txt`);
    answer({ saveTo: vscode.Uri.file(target) });
    // The command ends when its error notification is closed: it is closed below, once seen.
    const download = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('kelviq.downloadPlanFile', row));
    await waitFor('the error notification', () => shown.find((m) => m.severity === 'error' && /download link has expired/.test(m.message)));
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.equal(await download, undefined);
    assert.equal(existsSync(target), false);
    assert.equal(existsSync(`${target}.part`), false);
  });
});
