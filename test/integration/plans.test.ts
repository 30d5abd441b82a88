// Plans in the Products tree and the plan commands, in the real VS Code against the sandbox: a
// product expands into its published plans and drafts; Create Plan… through its prompts; Publish
// Plan… with the comparison, the difference in words and the existing-customer flags (checked in
// the sandbox's journal); a publish refused with 428 (billing provider switched off) and with 400
// (no price), each explained; Discard Plan Draft… back to the published version.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CatalogPlan, PlanPrice, Product, ProductDetail } from '../../src/api';
import { priceSummary } from '../../src/domain/kelviq/plan/priceSummary';
import { markdownText } from '../../src/domain/untrustedText';
import type { KelviqExtensionApi } from '../../src/extension';
import type { ProductsTreeNode } from '../../src/kelviq/products/productTreeItems';
import type { ShownMessage } from '../../src/userMessages';
import { PromptAnswers, validation, type Answer } from './promptAnswers';
import { answeringWarnings, closeEditorsDiscarding, extensionApi, replaceText, sandbox, setKey, type ShownWarning, waitFor } from './support';

const label = (n: vscode.TreeItem) => String(typeof n.label === 'object' ? n.label?.label : n.label);
const planOf = (n: ProductsTreeNode) => (n as { plan?: CatalogPlan }).plan;
type Json = Record<string, unknown>;
const parsed = (doc: vscode.TextDocument) => JSON.parse(doc.getText()) as Json & { prices: PlanPrice[]; version: number; isLatest: boolean };
const markdownOf = (item: vscode.TreeItem) => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''));


describe('Plans', function () {
  let api: KelviqExtensionApi;
  let pulseboard: Product;
  const shown: ShownMessage[] = [];
  let sub: vscode.Disposable | undefined;

  function answer(...answers: Answer[]): PromptAnswers {
    const person = new PromptAnswers(answers);
    assert.ok(api.prompts, 'the extension offers its prompts to tests (ExtensionMode.Test)');
    api.prompts.answerWith(person);
    return person;
  }

  /** The product's row in the tree (the tree lists the first 100 products: the demo has 36). */
  async function productRow(identifier = 'pulseboard'): Promise<ProductsTreeNode> {
    return waitFor(`the ${identifier} row`, async () => (await api.products.getChildren()).find((n) => (n as { product?: Product }).product?.identifier === identifier));
  }

  async function planRows(identifier = 'pulseboard'): Promise<ProductsTreeNode[]> {
    return api.products.getChildren(await productRow(identifier));
  }

  async function planRow(identifier: string, product = 'pulseboard'): Promise<ProductsTreeNode> {
    const row = (await planRows(product)).find((n) => planOf(n)?.identifier === identifier);
    assert.ok(row, `a row for plan ${identifier}`);
    return row;
  }

  const server = async (identifier: string, version?: number) =>
    (await sandbox.api<CatalogPlan>('GET', `/catalog/plans/${identifier}/${version === undefined ? '' : `?version=${version}`}`)).json;
  const publishRequests = async (identifier: string) => (await sandbox.journal()).filter((e) => e.method === 'POST' && e.path.endsWith(`/catalog/plans/${identifier}/publish/`));

  /** A plan of Pulseboard of its own: published at USD 10 a month, with a draft at USD 12 (version 2). */
  async function publishedWithDraft(name: string): Promise<string> {
    const identifier = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${Date.now()}`;
    const flat = (amount: number) => ({ priceType: 'PAID', currency: 'USD', chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount } }] }] });
    assert.equal((await sandbox.api('POST', '/catalog/plans/', { name, identifier, product: pulseboard.id })).status, 201);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/prices/bulk/`, { prices: [flat(10)] })).status, 200);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/publish/`, {})).status, 200);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/prices/bulk/`, { prices: [flat(12)] })).status, 200);
    assert.equal((await server(identifier)).version, 2);
    await sandbox.clearJournal();
    return identifier;
  }

  before(async () => {
    api = await extensionApi();
    await sandbox.reset();
    await setKey();
    const page = await sandbox.api<{ results: Product[] }>('GET', '/catalog/products/?search=pulseboard');
    const found = page.json.results.find((p) => p.identifier === 'pulseboard');
    assert.ok(found, 'the demo catalog has Pulseboard');
    pulseboard = found;
    sub = api.onDidShowMessage((m) => shown.push(m));
  });

  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.clearFaults();
    await sandbox.clearJournal();
    shown.length = 0;
    api.products.refresh();
  });

  afterEach(async () => {
    api.prompts?.answerWith(undefined);
    await sandbox.switches({ billingProvider: 'connected' });
    await closeEditorsDiscarding();
  });

  after(() => sub?.dispose());

  it('a product expands into its published plans (in its order) and its drafts, with state, visibility and prices', async () => {
    const detail = (await sandbox.api<ProductDetail>('GET', `/catalog/products/${pulseboard.id}/`)).json;
    const rows = await planRows();
    const identifiers = rows.filter((n) => n.contextValue !== 'kelviq.productImages').map((n) => planOf(n)?.identifier); // the Images row follows the plans
    assert.deepEqual(identifiers, [...(detail.plans ?? []), 'pulseboard-team-monthly'], 'the published plans as the product lists them, then the draft');
    assert.deepEqual(detail.plans, ['pulseboard-free', 'pro-monthly', 'pro-annual']);

    const byId = new Map(rows.map((n) => [planOf(n)?.identifier, n]));
    assert.equal(byId.get('pulseboard-free')?.description, 'published · visible');
    assert.equal(byId.get('pro-monthly')?.description, 'published, draft pending · visible');
    assert.equal(byId.get('pulseboard-team-monthly')?.description, 'draft · visible');
    assert.equal(label(byId.get('pro-monthly') as vscode.TreeItem), 'Pulseboard Pro (monthly)');
    assert.equal(byId.get('pro-monthly')?.contextValue, 'kelviq.plan.publishedWithDraft');
    assert.equal(byId.get('pulseboard-free')?.contextValue, 'kelviq.plan.published');

    // The tooltip is built on hover, with the prices of the version the row shows (the draft).
    const row = byId.get('pro-monthly') as ProductsTreeNode;
    assert.equal(row.tooltip, undefined, 'no prices read before the tooltip is asked for');
    const resolved = await api.products.resolveTreeItem(row, row, new vscode.CancellationTokenSource().token);
    const draftPrices = (await sandbox.api<{ results: PlanPrice[] }>('GET', '/catalog/plans/pro-monthly/prices/?version=2')).json.results;
    assert.equal(priceSummary(draftPrices), 'USD 32 / month, EUR 30 / month, GBP 26 / month', 'the demo draft’s prices');
    assert.ok(markdownOf(resolved).includes(`| Prices | ${markdownText(priceSummary(draftPrices))} |`), markdownOf(resolved));
    assert.ok(markdownOf(resolved).includes('| Version | 2 \\(draft\\) |'), markdownOf(resolved));
    assert.equal(row.command?.command, 'kelviq.openPlan');
  });

  it('Create Plan… asks name, identifier (suggested, checked as typed) and visibility, creates a draft, opens it and lists it', async () => {
    const product = await productRow();
    const person = answer({ type: 'Pulseboard Growth' }, { type: 'pulseboard-growth' }, { pick: 'Hidden' });
    const created = await vscode.commands.executeCommand<CatalogPlan | undefined>('kelviq.createPlan', product);
    person.allUsed();
    assert.ok(created, 'the command answers the created plan');

    const [nameBox, identifierBox] = person.inputs;
    assert.match((await validation(nameBox, '  ')) ?? '', /needs a name/);
    assert.equal(identifierBox?.value, 'pulseboard-growth', 'the identifier is suggested from the name');
    assert.match((await validation(identifierBox, 'Pro Monthly')) ?? '', /No spaces/);
    assert.match((await validation(identifierBox, 'pro--x')) ?? '', /one hyphen or underscore/);
    assert.match((await validation(identifierBox, 'pro-monthly')) ?? '', /The plan “Pulseboard Pro \(monthly\)” already has the identifier pro-monthly/);

    const stored = await server('pulseboard-growth');
    assert.equal(stored.name, 'Pulseboard Growth');
    assert.equal(stored.product, pulseboard.id);
    assert.equal(stored.isVisible, false);
    assert.equal(stored.version, 1);
    assert.equal(stored.isLatest, false, 'a draft');
    const posts = (await sandbox.journal()).filter((e) => e.method === 'POST' && e.path.endsWith('/catalog/plans/'));
    assert.deepEqual(posts.map((e) => e.body), [{ name: 'Pulseboard Growth', product: pulseboard.id, isVisible: false, identifier: 'pulseboard-growth' }]);

    const editor = await waitFor('the plan document', () => vscode.window.activeTextEditor?.document.uri.path.includes('/plans/pulseboard-growth/') ? vscode.window.activeTextEditor : undefined);
    assert.equal(editor.document.uri.scheme, 'kelviq');
    assert.equal(editor.document.isDirty, false);
    const row = await planRow('pulseboard-growth');
    assert.equal(row.description, 'draft · hidden');
  });

  it('Publish Plan… shows the comparison and the difference, asks about existing customers, sends both flags as chosen, and the open document shows the published version', async () => {
    const doc = (await api.documents.openPlan('custom', 'pro-monthly')).document;
    assert.deepEqual([parsed(doc).version, parsed(doc).isLatest], [2, false], 'the document shows the draft');
    const person = answer({ pickMany: ['new features', 'new pricing'] });
    let comparison: { left: Json; right: Json; documentVisible: boolean } | undefined;
    const { result, shown: dialogs } = await answeringWarnings(
      async (w) => {
        if (!w.items.includes('Publish')) return undefined;
        // The comparison is open while the confirmation asks: the published version and the draft, read-only.
        const diff = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.input).find((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff);
        assert.ok(diff, 'a comparison editor is open');
        assert.equal(diff.original.scheme, 'kelviq-plan-version');
        comparison = {
          left: JSON.parse((await vscode.workspace.openTextDocument(diff.original)).getText()) as Json,
          right: JSON.parse((await vscode.workspace.openTextDocument(diff.modified)).getText()) as Json,
          documentVisible: vscode.window.visibleTextEditors.some((e) => e.document === doc),
        };
        return 'Publish';
      },
      () => vscode.commands.executeCommand<boolean>('kelviq.publishPlan', { environment: 'custom', identifier: 'pro-monthly' }),
    );
    person.allUsed();
    assert.equal(result, true, 'published');

    // The question: two choices, both off unless chosen, one line each on what it does.
    const flags = person.picks[0] ?? [];
    assert.deepEqual(flags.map((i) => i.label), ['Move existing customers to the new features', 'Move existing customers to the new pricing']);
    assert.ok(flags.every((i) => i.picked === false && typeof i.detail === 'string' && i.detail.length > 20));

    // The confirmation, with the difference in words.
    const confirmation = dialogs.find((d) => d.items.includes('Publish')) as ShownWarning;
    assert.match(confirmation.message, /^Publish “Pulseboard Pro \(monthly\)” in Custom \(127\.0\.0\.1:\d+\)\?$/);
    const detail = confirmation.detail ?? '';
    assert.match(detail, /Version 2 \(the draft\) replaces version 1 as the live plan\./);
    assert.match(detail, /• USD price: USD 29 \/ month → USD 32 \/ month/);
    assert.match(detail, /• “Dashboards”: 25 → 30/);
    assert.match(detail, /• “Priority support”: off → on/);
    assert.match(detail, /Existing customers move to the new features\.\nExisting customers move to the new pricing\./);

    // The comparison showed the two versions as plan documents, beside the open document.
    assert.ok(comparison);
    assert.deepEqual([comparison.left.version, comparison.left.isLatest, comparison.right.version, comparison.right.isLatest], [1, true, 2, false]);
    assert.equal(priceSummary(comparison.right.prices), 'USD 32 / month, EUR 30 / month, GBP 26 / month');
    assert.equal(priceSummary(comparison.left.prices), 'USD 29 / month, EUR 27 / month, GBP 24 / month');
    assert.equal(comparison.documentVisible, true, 'the plan document stays visible beside the comparison');

    // What the sandbox received, and what it now serves.
    assert.deepEqual((await publishRequests('pro-monthly')).map((e) => e.body), [{ updateFeatures: true, updatePricing: true }]);
    const live = await server('pro-monthly');
    assert.deepEqual([live.version, live.isLatest], [2, true]);
    assert.equal((await planRow('pro-monthly')).description, 'published · visible', 'the tree shows the published state');
    await waitFor('the open document to show the published version', () => parsed(doc).isLatest === true);
    assert.equal(doc.isDirty, false);
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputTextDiff)), 'the comparison, now stale, is closed');
    assert.ok(shown.some((m) => /^Kelviq: published “Pulseboard Pro \(monthly\)” \(version 2\) in Custom \(127\.0\.0\.1:\d+\)\.$/.test(m.message)), JSON.stringify(shown));
  });

  it('Publish Plan… is refused while the plan’s document has unsaved changes', async () => {
    const identifier = await publishedWithDraft('Unsaved Publish');
    const doc = (await api.documents.openPlan('custom', identifier)).document;
    assert.equal(parsed(doc).version, 2);
    await replaceText(doc, '"name": "Unsaved Publish"', '"name": "Typed"');
    const person = answer();
    const result = await vscode.commands.executeCommand('kelviq.publishPlan', doc.uri);
    assert.equal(result, false);
    assert.deepEqual(person.picks, [], 'nothing was asked');
    const warning = await waitFor('the warning', () => shown.find((m) => m.severity === 'warning'));
    assert.match(warning.message, /“Unsaved Publish” has unsaved changes in its editor\. Save them \(or revert them\) first/);
    assert.deepEqual(await publishRequests(identifier), []);
    assert.equal(doc.isDirty, true);
    assert.match(doc.getText(), /"name": "Typed"/);
  });

  it('a saved plan document shows in its row: an edit of a published plan makes it “published, draft pending”', async () => {
    assert.equal((await planRow('pulseboard-free')).description, 'published · visible');
    const doc = (await api.documents.openPlan('custom', 'pulseboard-free')).document;
    await replaceText(doc, '"name": "Pulseboard Free"', '"name": "Pulseboard Starter"');
    assert.equal(await doc.save(), true);
    const row = await waitFor('the row to show the saved draft', async () => {
      const r = await planRow('pulseboard-free');
      return label(r) === 'Pulseboard Starter' ? r : undefined;
    });
    assert.equal(row.description, 'published, draft pending · visible');
  });

  it('Publish Plan… with no flag chosen sends both off; Escape at the question or the confirmation publishes nothing', async () => {
    answer('escape');
    assert.equal(await vscode.commands.executeCommand('kelviq.publishPlan', { environment: 'custom', identifier: 'pro-monthly' }), false);
    answer({ pickMany: [] });
    const declined = await answeringWarnings(() => undefined, () => vscode.commands.executeCommand('kelviq.publishPlan', { environment: 'custom', identifier: 'pro-monthly' }));
    assert.equal(declined.result, false);
    assert.deepEqual(await publishRequests('pro-monthly'), [], 'nothing sent');

    answer({ pickMany: [] });
    const { result } = await answeringWarnings((w) => (w.items.includes('Publish') ? 'Publish' : undefined), () =>
      vscode.commands.executeCommand('kelviq.publishPlan', { environment: 'custom', identifier: 'pro-monthly' }),
    );
    assert.equal(result, true);
    assert.deepEqual((await publishRequests('pro-monthly')).map((e) => e.body), [{ updateFeatures: false, updatePricing: false }]);
  });

  it('a publish refused with 428 (billing provider not connected) is explained, and the draft stays a draft', async () => {
    await sandbox.switches({ billingProvider: 'disconnected' });
    const { result } = await answeringWarnings((w) => (w.items.includes('Publish') ? 'Publish' : undefined), () =>
      vscode.commands.executeCommand('kelviq.publishPlan', { environment: 'custom', identifier: 'pulseboard-team-monthly' }),
    );
    assert.equal(result, false);
    assert.deepEqual((await publishRequests('pulseboard-team-monthly')).map((e) => e.status), [428]);
    const error = await waitFor('the explanation', () => shown.find((m) => m.severity === 'error'));
    assert.match(error.message, /could not publish “Pulseboard Team \(monthly\)”: no billing provider \(such as Stripe\) is connected to your Custom \(127\.0\.0\.1:\d+\) account/);
    assert.match(error.message, /Connect your billing provider in the kelviq dashboard \(Custom \(127\.0\.0\.1:\d+\)\), then run Publish Plan… again\./);
    assert.equal((await server('pulseboard-team-monthly')).isLatest, false);
    assert.equal((await planRow('pulseboard-team-monthly')).description, 'draft · visible');
  });

  it('a publish refused with 400 (no price) says to add a price', async () => {
    const created = await sandbox.api<CatalogPlan>('POST', '/catalog/plans/', { name: 'Priceless', identifier: 'priceless', product: pulseboard.id });
    assert.equal(created.status, 201);
    const { result, shown: dialogs } = await answeringWarnings((w) => (w.items.includes('Publish') ? 'Publish' : undefined), () =>
      vscode.commands.executeCommand('kelviq.publishPlan', { environment: 'custom', identifier: 'priceless' }),
    );
    assert.equal(result, false);
    assert.match(dialogs.find((d) => d.items.includes('Publish'))?.detail ?? '', /Not published before: publishing makes this plan live\.\n• Prices: no price/);
    assert.deepEqual((await publishRequests('priceless')).map((e) => [e.status, e.body]), [[400, { updateFeatures: false, updatePricing: false }]]);
    const error = await waitFor('the explanation', () => shown.find((m) => m.severity === 'error'));
    assert.match(error.message, /could not publish “Priceless”: the draft has no price, and a plan cannot go live without one\..*add at least one price under "prices"/);
    assert.ok(error.items.includes('Open Plan'));
  });

  it('Discard Plan Draft… names the plan, deletes the draft; the tree and the open document show the published version again', async () => {
    const identifier = await publishedWithDraft('Discard Me');
    const doc = (await api.documents.openPlan('custom', identifier)).document;
    assert.deepEqual([parsed(doc).version, priceSummary(parsed(doc).prices)], [2, 'USD 12 / month']);
    const row = await planRow(identifier);
    assert.equal(row.description, 'published, draft pending · visible');
    const { result, shown: dialogs } = await answeringWarnings((w) => (w.items.includes('Discard Draft') ? 'Discard Draft' : undefined), () =>
      vscode.commands.executeCommand('kelviq.discardPlanDraft', row),
    );
    assert.equal(result, true);
    const confirmation = dialogs.find((d) => d.items.includes('Discard Draft'));
    assert.match(confirmation?.message ?? '', /^Discard the draft of “Discard Me” in Custom \(127\.0\.0\.1:\d+\)\?$/);
    assert.match(confirmation?.detail ?? '', /The draft \(version 2\) is deleted\. The published version 1 stays live, unchanged\./);
    const live = await server(identifier);
    assert.deepEqual([live.version, live.isLatest], [1, true]);
    assert.equal((await sandbox.api('GET', `/catalog/plans/${identifier}/?version=2`)).status, 404);
    assert.deepEqual((await sandbox.journal()).filter((e) => e.method === 'DELETE').map((e) => [e.path, e.status]), [[`/api/v1/catalog/plans/${identifier}/discard/`, 204]]);
    assert.equal((await planRow(identifier)).description, 'published · visible');
    await waitFor('the open document to show version 1', () => parsed(doc).version === 1 && parsed(doc).isLatest === true);
    assert.equal(priceSummary(parsed(doc).prices), 'USD 10 / month');
    assert.equal(doc.isDirty, false);
  });

  it('Discard Plan Draft… never overwrites unsaved text: it stays, dirty, and the dialog says so', async () => {
    const identifier = await publishedWithDraft('Still Typing');
    const doc = (await api.documents.openPlan('custom', identifier)).document;
    assert.equal(parsed(doc).version, 2);
    await replaceText(doc, '"name": "Still Typing"', '"name": "Typed Meanwhile"');
    const { result, shown: dialogs } = await answeringWarnings((w) => (w.items.includes('Discard Draft') ? 'Discard Draft' : undefined), () =>
      vscode.commands.executeCommand('kelviq.discardPlanDraft', doc.uri),
    );
    assert.equal(result, true);
    assert.match(dialogs.find((d) => d.items.includes('Discard Draft'))?.detail ?? '', /unsaved changes: they stay in the editor/);
    assert.equal((await server(identifier)).version, 1);
    await api.documents.checkForRemoteChanges({ force: true });
    assert.equal(doc.isDirty, true);
    assert.match(doc.getText(), /"name": "Typed Meanwhile"/);
    assert.equal(parsed(doc).version, 2, 'the text is the one typed, on the version it came from');
  });

  it('Discard Plan Draft… declined sends nothing', async () => {
    const { result } = await answeringWarnings(() => undefined, () => vscode.commands.executeCommand('kelviq.discardPlanDraft', { environment: 'custom', identifier: 'pro-monthly' }));
    assert.equal(result, false);
    assert.deepEqual((await sandbox.journal()).filter((e) => e.method === 'DELETE'), []);
    assert.equal((await server('pro-monthly')).version, 2);
  });
});
