// The plan document in the real VS Code: one document for a plan's fields, prices and
// entitlements, saved with the fewest calls, on the same save contract as every kind: an untouched
// text sends nothing, a colleague's change elsewhere is kept, a save that stops half way says what
// was saved and a retry sends only the rest, and an edit of a published plan makes a draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answeringWarnings, closeEditorsDiscarding, editJson as editText, extensionApi, otherKey, sandbox, setKey, waitFor } from './support';

interface Plan { identifier: string; name: string; description?: string; version: number; isLatest: boolean; modifiedOn: string }
interface Feature { id: string; identifier: string; name: string; featureType: string }
interface Page<T> { results: T[] }
type Json = Record<string, unknown>;

const flat = (currency: string, amount: number): Json => ({
  priceType: 'PAID', currency, chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount } }] }],
});
const shown = (doc: vscode.TextDocument) => JSON.parse(doc.getText()) as Json & { prices: Json[]; entitlements: Json[] };
const tabDirty = (doc: vscode.TextDocument) =>
  vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString() && t.isDirty));
const writes = async (identifier: string) => (await sandbox.journal()).filter((e) => e.path.includes(`/plans/${identifier}/`) && e.method !== 'GET');
const amountOf = (price: Json): unknown => ((price.chargeCatalogPrice as Json[])[0]!.charges as Json[])[0]!.priceData;

type PlanText = Json & { prices: Json[]; entitlements: Json[] };
const editJson = (doc: vscode.TextDocument, mutate: (object: PlanText) => void) => editText<PlanText>(doc, mutate);

describe('Plan documents', function () {
  let identifier: string;
  let features: Feature[];

  before(async () => {
    await sandbox.reset();
    await setKey();
    features = (await sandbox.api<Page<Feature>>('GET', '/catalog/features/?page_size=100')).json.results;
    assert.ok(features.filter((f) => f.featureType === 'CUSTOMIZABLE').length >= 2, 'the sandbox has customizable features');
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    // A published plan of its own per test: USD 29 and EUR 27 a month, one limit.
    const product = (await sandbox.api<Page<{ id: string }>>('GET', '/catalog/products/?page_size=1')).json.results[0]!;
    identifier = `plan-doc-${Date.now()}`;
    const limit = features.find((f) => f.featureType === 'CUSTOMIZABLE')!;
    assert.equal((await sandbox.api('POST', '/catalog/plans/', { product: product.id, name: 'Doc Plan', identifier, description: 'Original' })).status, 201);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/prices/bulk/`, { prices: [flat('USD', 29), flat('EUR', 27)] })).status, 200);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/features/`, { planEntitlements: [{ feature: limit.id, details: { limit: 10 } }] })).status, 201);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/publish/`, {})).status, 200);
    await sandbox.clearJournal();
  });

  afterEach(async () => {
    await sandbox.clearFaults();
    await closeEditorsDiscarding();
  });

  it('opens the plan with its prices and entitlements by feature identifier, and no problems', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    const plan = shown(doc);
    assert.equal(plan.identifier, identifier);
    assert.deepEqual(plan.prices.map((p) => p.currency).sort(), ['EUR', 'USD']);
    const limit = features.find((f) => f.featureType === 'CUSTOMIZABLE')!;
    assert.deepEqual(plan.entitlements.map((e) => e.feature), [limit.identifier]);
    assert.equal(Object.hasOwn(plan, '$features'), false, 'the environment’s feature list travels beside the text, not in it');
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });

  it('links the plan’s product and features, and the product’s plans, to their documents', async () => {
    const api = await extensionApi();
    const doc = (await api.documents.openPlan('custom', identifier)).document;
    const limit = features.find((f) => f.featureType === 'CUSTOMIZABLE')!;
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 20);
    const targets = links.map((l) => l.target?.path ?? '(unresolved)');
    const productId = String(shown(doc).product);
    assert.ok(targets.some((t) => t.startsWith(`/custom/features/${limit.id}/`)), `a link to the feature's document: ${targets.join(', ')}`);
    assert.ok(targets.some((t) => t.startsWith(`/custom/products/${productId}/`)), `a link to the product's document: ${targets.join(', ')}`);
    assert.ok(links.every((l) => l.target?.scheme === 'kelviq'), 'every target is one of this extension’s documents');

    // The product may have been open before the plan was published: its clean text reloads.
    const product = (await api.documents.open('custom', productId)).document;
    const linkToPlan = async () => {
      const planLinks = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', product.uri, 20);
      return planLinks.find((l) => l.target?.path.startsWith(`/custom/plans/${identifier}/`));
    };
    const toPlan = await waitFor('the product’s plans to link to the plan’s document', linkToPlan);
    assert.ok(toPlan.target);
    assert.equal(product.getText(toPlan.range), identifier);
    const opened = await vscode.workspace.openTextDocument(toPlan.target);
    assert.equal(shown(opened).identifier, identifier);
  });

  it('reloads a clean product document when only its plans changed (publishing a plan moves no version field of the product)', async () => {
    const api = await extensionApi();
    const productId = (await sandbox.api<Plan & { product: string }>('GET', `/catalog/plans/${identifier}/`)).json.product;
    const product = (await api.documents.open('custom', productId)).document;
    // It may be the document an earlier test opened, before this test's plan was published.
    await waitFor('the product document to list this test’s plan', async () => {
      await api.documents.checkForRemoteChanges({ force: true });
      return (JSON.parse(product.getText()) as { plans: string[] }).plans.includes(identifier);
    });
    const before = (await sandbox.api<{ modifiedOn: string }>('GET', `/catalog/products/${productId}/`)).json.modifiedOn;
    const later = `${identifier}-later`;
    assert.equal((await sandbox.api('POST', '/catalog/plans/', { product: productId, name: 'Later', identifier: later })).status, 201);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${later}/prices/bulk/`, { prices: [flat('USD', 5)] })).status, 200);
    assert.equal((await sandbox.api('POST', `/catalog/plans/${later}/publish/`, {})).status, 200);
    assert.equal((await sandbox.api<{ modifiedOn: string }>('GET', `/catalog/products/${productId}/`)).json.modifiedOn, before, 'the product’s version fields did not move');
    await api.documents.checkForRemoteChanges({ force: true });
    await waitFor('the clean document to show the new plan', () => (JSON.parse(product.getText()) as { plans: string[] }).plans.includes(later));
    assert.equal(product.isDirty, false);
  });

  it('offers this environment’s features in an entitlement’s feature, named', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    const limit = features.find((f) => f.featureType === 'CUSTOMIZABLE')!;
    const at = doc.getText().indexOf(`"feature": "${limit.identifier}"`) + '"feature": "'.length;
    assert.ok(at > 20, 'the entitlement is in the text');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(at));
    const offered = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Value).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const feature of features) assert.ok(offered.includes(feature.identifier), `${feature.identifier} is offered (offered: ${offered.join(', ')})`);
  });

  it('sends nothing for a price written without the server’s defaults', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    await editJson(doc, (plan) => {
      for (const price of plan.prices) {
        delete price.freeTrial;
        delete price.trialPeriod;
        delete price.enabled;
      }
    });
    assert.equal(await doc.save(), true);
    assert.deepEqual(await writes(identifier), [], 'an untouched price never counts as changed');
  });

  it('saves the name and one price with one PATCH and one bulk POST, in parallel stages, and the plan becomes a draft', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    await editJson(doc, (plan) => {
      plan.name = 'Doc Plan Renamed';
      ((plan.prices.find((p) => p.currency === 'USD')!.chargeCatalogPrice as Json[])[0]!.charges as Json[])[0]!.priceData = { amount: 31 };
    });
    assert.equal(await doc.save(), true);
    const sent = await writes(identifier);
    assert.deepEqual(sent.map((e) => `${e.method} ${e.path.replace(/^.*\/catalog/, '')}`).sort(), [`PATCH /plans/${identifier}/`, `POST /plans/${identifier}/prices/bulk/`]);
    assert.deepEqual(sent.find((e) => e.method === 'PATCH')!.body, { name: 'Doc Plan Renamed' });
    const newest = (await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/`)).json;
    assert.equal(newest.isLatest, false, 'the edit of a published plan is a draft');
    assert.equal(newest.name, 'Doc Plan Renamed');
    await waitFor('the document to show the draft', () => !tabDirty(doc) && shown(doc).version === newest.version && shown(doc).isLatest === false);
    assert.deepEqual(shown(doc).prices.map((p) => [p.currency, amountOf(p)]).sort(), [['EUR', { amount: 27 }], ['USD', { amount: 31 }]]);
  });

  it('keeps a colleague’s change to another part of the plan', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    await editJson(doc, (plan) => {
      plan.description = 'Mine';
    });
    assert.equal((await sandbox.api('PATCH', `/catalog/plans/${identifier}/`, { name: 'Their Name' }, otherKey)).status, 200);
    await sandbox.clearJournal();
    assert.equal(await doc.save(), true);
    const patches = (await writes(identifier)).filter((e) => e.method === 'PATCH');
    assert.deepEqual(patches.map((e) => e.body), [{ description: 'Mine' }], 'only my field is sent');
    const newest = (await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/`)).json;
    assert.equal(newest.name, 'Their Name');
    assert.equal(newest.description, 'Mine');
  });

  it('keeps what was typed during a slow save unsaved, and the next save sends only that', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    await editJson(doc, (plan) => {
      plan.name = 'First Save';
    });
    await sandbox.fault({ method: 'PATCH', path: `/plans/${identifier}/`, delayMs: 3000, passThrough: true, times: 1 });
    await sandbox.clearJournal();
    const first = Promise.resolve(doc.save());
    // The save has read the plan's prices (its last read before the PATCH): its text is taken. Type meanwhile.
    await waitFor('the save to read the plan', async () => (await sandbox.journal()).some((e) => e.method === 'GET' && e.path.includes(`/plans/${identifier}/prices/`)));
    await editJson(doc, (plan) => {
      plan.description = 'Typed During The Save';
    });
    await first;
    assert.equal(tabDirty(doc), true, 'what was typed during the save is still unsaved');
    assert.equal(shown(doc).description, 'Typed During The Save');
    assert.equal((await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/`)).json.name, 'First Save');
    await sandbox.clearJournal();
    assert.equal(await doc.save(), true);
    assert.deepEqual((await writes(identifier)).map((e) => e.body), [{ description: 'Typed During The Save' }]);
  });

  it('saves two plans with Save All: each sends its own change, nothing is lost', async () => {
    const api = await extensionApi();
    const second = `${identifier}-b`;
    assert.equal((await sandbox.api('POST', '/catalog/plans/', { product: (await sandbox.api<Plan & { product: string }>('GET', `/catalog/plans/${identifier}/`)).json.product, name: 'Second', identifier: second })).status, 201);
    const a = (await api.documents.openPlan('custom', identifier)).document;
    const b = (await api.documents.openPlan('custom', second)).document;
    await editJson(a, (plan) => {
      plan.description = 'Saved All A';
    });
    await editJson(b, (plan) => {
      plan.isVisible = false;
      plan.prices.push(flat('GBP', 25));
    });
    await sandbox.clearJournal();
    assert.equal(await vscode.workspace.saveAll(false), true);
    await waitFor('both documents to be clean', () => !tabDirty(a) && !tabDirty(b));
    const planA = (await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/`)).json;
    const planB = (await sandbox.api<Plan & { isVisible: boolean }>('GET', `/catalog/plans/${second}/`)).json;
    assert.equal(planA.description, 'Saved All A');
    assert.equal(planB.isVisible, false);
    const pricesB = (await sandbox.api<Page<Json>>('GET', `/catalog/plans/${second}/prices/`)).json.results;
    assert.deepEqual(pricesB.map((p) => p.currency), ['GBP']);
    assert.deepEqual((await writes(identifier)).map((e) => e.body), [{ description: 'Saved All A' }], 'A sent only its own change');
  });

  it('asks when a colleague changed the same price: Cancel sends nothing, Overwrite sends mine and keeps their other prices', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    const usd = (plan: { prices: Json[] }) => ((plan.prices.find((p) => p.currency === 'USD')!.chargeCatalogPrice as Json[])[0]!.charges as Json[])[0]!;
    await editJson(doc, (plan) => {
      usd(plan).priceData = { amount: 35 };
    });
    // The colleague changes the USD price too, and adds a GBP one.
    assert.equal((await sandbox.api('POST', `/catalog/plans/${identifier}/prices/bulk/`, { prices: [flat('USD', 33), flat('EUR', 27), flat('GBP', 24)] }, otherKey)).status, 200);
    await sandbox.clearJournal();
    const cancelled = await answeringWarnings(() => undefined, () => doc.save());
    assert.equal(cancelled.result, false);
    assert.match(cancelled.shown[0]?.message ?? '', /Save conflict/);
    assert.match(cancelled.shown[0]?.detail ?? '', /USD/);
    assert.deepEqual(await writes(identifier), [], 'Cancel sends nothing');

    const overwritten = await answeringWarnings((w) => (w.items.includes('Overwrite') ? 'Overwrite' : undefined), () => doc.save());
    assert.equal(overwritten.result, true);
    const prices = (await sandbox.api<Page<Json>>('GET', `/catalog/plans/${identifier}/prices/`)).json.results;
    assert.deepEqual(prices.map((p) => [p.currency, amountOf(p)]).sort(), [['EUR', { amount: 27 }], ['GBP', { amount: 24 }], ['USD', { amount: 35 }]]);
  });

  it('says exactly what was saved when one call fails, stays dirty with the rest, and a retry sends only the rest', async () => {
    const doc = (await (await extensionApi()).documents.openPlan('custom', identifier)).document;
    const other = features.filter((f) => f.featureType === 'CUSTOMIZABLE')[1]!;
    await editJson(doc, (plan) => {
      plan.description = 'Saved Part';
      plan.entitlements.push({ feature: other.identifier, details: { limit: 5 } });
    });
    // A colleague renames the plan meanwhile: merged into this save, and never sent back by the retry.
    assert.equal((await sandbox.api('PATCH', `/catalog/plans/${identifier}/`, { name: 'Their Name' }, otherKey)).status, 200);
    // The plan PATCH goes first alone (it makes the draft); then the entitlement POST fails.
    await sandbox.fault({ method: 'POST', path: `/plans/${identifier}/features/`, status: 500, times: 1 });
    const failed = await doc.save();
    assert.equal(failed, false, 'the save reports failure');
    assert.equal(tabDirty(doc), true, 'the unsaved part stays unsaved');
    const notice = await waitFor('the partly-saved notice', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'partly-saved'));
    assert.match(notice.message, /Saved the plan's description\. Not saved: the new entitlement for /);
    assert.ok(notice.message.includes(other.identifier), notice.message);
    const server = (await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/`)).json;
    assert.equal(server.description, 'Saved Part', 'the part that was sent is on the server');
    const entitlements = (await sandbox.api<Page<{ feature: Feature }>>('GET', `/catalog/plans/${identifier}/features/`)).json.results;
    assert.equal(entitlements.some((e) => e.feature.identifier === other.identifier), false);

    await sandbox.clearJournal();
    assert.equal(await doc.save(), true, 'the retry goes through');
    const sent = await writes(identifier);
    assert.deepEqual(sent.map((e) => `${e.method} ${e.path.replace(/^.*\/catalog/, '')}`), [`POST /plans/${identifier}/features/`], 'only what was not saved is sent again');
    assert.equal((await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/`)).json.name, 'Their Name', 'the colleague’s name is kept');
    await waitFor('the document to be clean', () => !tabDirty(doc));
    assert.equal(vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'partly-saved'), false, 'the notice goes with the save');
  });
});
