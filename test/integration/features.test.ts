// The Features view against the sandbox over loopback: listing, the read-only feature document,
// Create Feature… through its prompts (a person stand-in answers them in VS Code's own input
// boxes, promptAnswers.ts), and Archive Feature with its modal answered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CatalogFeature } from '../../src/api';
import type { KelviqExtensionApi } from '../../src/extension';
import type { FeatureNode } from '../../src/kelviq/features/featureTreeItems';
import { PromptAnswers, validation, type Answer } from './promptAnswers';
import { answeringWarnings, extensionApi, sandbox, setKey, waitFor } from './support';

type Page = { count: number; results: CatalogFeature[] };

const WORDS: Record<string, string> = { BOOLEAN: 'boolean', CUSTOMIZABLE: 'customizable limit', METER: 'meter' };

async function rows(api: KelviqExtensionApi): Promise<FeatureNode[]> {
  return api.features.getChildren();
}

async function labels(api: KelviqExtensionApi): Promise<string[]> {
  return (await rows(api)).map((n) => String(typeof n.label === 'object' ? n.label.label : n.label));
}

async function serverFeatures(): Promise<CatalogFeature[]> {
  const { status, json } = await sandbox.api<Page>('GET', '/catalog/features/?page_size=100');
  assert.equal(status, 200);
  return json.results;
}

function openEditorOf(id: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.uri.path.includes(`/features/${id}/`) ? editor : undefined;
}

describe('Features view', function () {
  let api: KelviqExtensionApi;

  function answer(...answers: Answer[]): PromptAnswers {
    const person = new PromptAnswers(answers);
    assert.ok(api.prompts, 'the extension offers its prompts to tests (ExtensionMode.Test)');
    api.prompts.answerWith(person);
    return person;
  }

  before(async () => {
    await sandbox.reset();
    api = await extensionApi();
    await setKey();
    api.features.refresh();
  });

  afterEach(async () => {
    api.prompts?.answerWith(undefined);
    await sandbox.clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the sandbox’s features: name, the type in words, a plain-text tooltip', async () => {
    const server = await serverFeatures();
    assert.ok(server.length >= 10, 'the demo catalog has its features');
    const nodes = await waitFor('the features', async () => {
      const r = await rows(api);
      return r.length > 0 ? r : undefined;
    });
    assert.deepEqual(nodes.map((n) => n.label), server.map((f) => f.name));
    assert.deepEqual(nodes.map((n) => n.description), server.map((f) => WORDS[f.featureType]));
    assert.deepEqual([...new Set(nodes.map((n) => n.description))].sort(), ['boolean', 'customizable limit', 'meter']);
    const meter = nodes.find((n) => n.feature.identifier === 'api-calls');
    assert.equal(typeof meter?.tooltip, 'string', 'a plain string, not Markdown');
    assert.match(String(meter?.tooltip), /^API calls\napi-calls · meter: pre-aggregated usage, calls\n/);
    assert.ok(nodes.every((n) => n.contextValue === 'kelviq.feature'));
    assert.equal(api.features.environment, 'custom');
    assert.equal(api.features.view?.message, undefined);
  });

  it('opens a feature as its JSON, read-only: VS Code refuses typing in it', async () => {
    const feature = (await rows(api)).find((n) => n.feature.identifier === 'geo-lookups');
    assert.ok(feature, 'the RAW_EVENTS meter is listed');
    await vscode.commands.executeCommand('kelviq.openFeature', feature);
    const editor = await waitFor('the feature document', () => openEditorOf(feature.feature.id));
    const doc = editor.document;
    const server = (await sandbox.api<CatalogFeature>('GET', `/catalog/features/${feature.feature.id}/`)).json;
    assert.deepEqual(JSON.parse(doc.getText()), server);
    assert.equal(doc.uri.toString(), `kelviq:/custom/features/${feature.feature.id}/geo-lookups.json`);
    assert.deepEqual(Object.keys(JSON.parse(doc.getText())).slice(0, 5), ['id', 'identifier', 'name', 'description', 'featureType']);

    // Read-only, as VS Code sees it (the lock, "Cannot edit in read-only editor").
    const stat = await vscode.workspace.fs.stat(doc.uri);
    assert.equal(stat.permissions, vscode.FilePermission.Readonly);
    // Typing is refused by VS Code: the same keystrokes change a writable document (a control,
    // so this cannot pass because nothing was typed at all) but not the feature's.
    const scratch = await vscode.workspace.openTextDocument({ language: 'json', content: '{}' });
    await vscode.window.showTextDocument(scratch);
    await vscode.commands.executeCommand('type', { text: 'typed' });
    await waitFor('the keystrokes in the writable document', () => scratch.getText().includes('typed'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.equal(doc.getText(), before, 'typing changed nothing');
    assert.equal(doc.isDirty, false);
  });

  it('never saves a feature: an edit that gets past the editor (another extension’s WorkspaceEdit) is not saved, a write is refused with the reason', async () => {
    const feature = (await rows(api)).find((n) => n.feature.identifier === 'geo-lookups');
    assert.ok(feature);
    await vscode.commands.executeCommand('kelviq.openFeature', feature);
    const doc = (await waitFor('the feature document', () => openEditorOf(feature.feature.id))).document;
    const before = doc.getText();
    await sandbox.clearJournal();
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(before.length)), before.replace('"Geo lookups"', '"Renamed"'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.getText().includes('"Renamed"'), 'the edit reached the text');
    // VS Code counts no edit of a read-only document as unsaved work: nothing to save, nothing saved.
    assert.equal(doc.isDirty, false);
    assert.equal(await doc.save(), false);
    // A write that gets this far anyway is refused by the file system, with the reason.
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, new TextEncoder().encode('{}\n'))),
      (err: Error) => /Features cannot be changed through the kelviq API\. To change a feature, archive it and create a new one/.test(err.message),
    );
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.getText(), before);
    const writes = (await sandbox.journal()).filter((e) => e.path.includes('/catalog/features/') && e.method !== 'GET');
    assert.deepEqual(writes, [], 'nothing was sent but reads');
    assert.equal((await sandbox.api<CatalogFeature>('GET', `/catalog/features/${feature.feature.id}/`)).json.name, feature.feature.name);
  });

  it('a feature linked from a plan document opens as that feature’s read-only document', async () => {
    const plan = (await api.documents.openPlan('custom', 'pro-monthly')).document;
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', plan.uri, 20);
    const link = links.find((l) => l.target?.path.startsWith('/custom/features/'));
    assert.ok(link?.target, `the plan links a feature: ${links.map((l) => l.target?.path).join(', ')}`);
    const doc = await vscode.workspace.openTextDocument(link.target);
    const id = link.target.path.split('/')[3] ?? '';
    const server = await sandbox.api<CatalogFeature>('GET', `/catalog/features/${id}/`);
    assert.equal(server.status, 200);
    assert.deepEqual(JSON.parse(doc.getText()), server.json);
    assert.equal((await vscode.workspace.fs.stat(doc.uri)).permissions, vscode.FilePermission.Readonly);
  });

  it('opening the same feature again shows the open document; Open Feature… ignores an argument that names no feature', async () => {
    const feature = (await rows(api))[0];
    assert.ok(feature);
    await vscode.commands.executeCommand('kelviq.openFeature', feature);
    const first = await waitFor('the feature document', () => openEditorOf(feature.feature.id));
    await vscode.commands.executeCommand('kelviq.openFeature', { id: feature.feature.id.toUpperCase(), environment: 'custom' });
    assert.equal(vscode.window.activeTextEditor?.document, first.document);
    assert.equal(vscode.workspace.textDocuments.filter((d) => !d.isClosed && d.uri.path.includes(feature.feature.id)).length, 1);
    for (const bad of ['not-a-uuid', { id: '../products/x' }, { id: feature.feature.id, environment: 'elsewhere' }, 42]) {
      assert.equal(await vscode.commands.executeCommand('kelviq.openFeature', bad), undefined, JSON.stringify(bad));
      assert.equal(vscode.window.activeTextEditor?.document, first.document, 'nothing else opened, no picker waits');
    }
  });

  it('creates a METER feature through the prompts, checked as typed; it is in the view, on the sandbox, and open', async () => {
    const person = answer(
      { type: 'Integration Tokens' },
      { pick: 'Meter' },
      { type: 'integration-tokens' },
      { type: 'Tokens used by the integration suite' },
      { pick: 'Pre-aggregated usage' },
      { type: 'token' },
      { type: 'tokens' },
    );
    const created = await vscode.commands.executeCommand<CatalogFeature | undefined>('kelviq.createFeature');
    person.allUsed();
    assert.ok(created?.id, 'the command answers the created feature');

    // Every step has its own title, naming the environment.
    assert.deepEqual(person.titles.map((t) => t.replace(/^Kelviq: Create Feature in Custom \([^)]+\): /, '')), ['Name', 'Type', 'Identifier', 'Description', 'Meter Kind', 'Unit', 'Unit, Plural']);
    // The type step explains each type in one line.
    assert.deepEqual(person.picks[0]?.map((i) => i.label), ['Boolean', 'Customizable limit', 'Meter']);
    assert.ok(person.picks[0]?.every((i) => i.detail && !i.detail.includes('\n')));
    // The boxes: prefilled from what came before, and checked as typed.
    const [nameBox, identifierBox, , singularBox, pluralBox] = person.inputs;
    assert.equal(await validation(nameBox, ''), 'A feature needs a name.');
    assert.equal(identifierBox?.value, 'integration-tokens', 'the identifier box starts with the slug of the name');
    assert.match((await validation(identifierBox, 'Integration Tokens')) ?? '', /^No spaces/);
    assert.match((await validation(identifierBox, 'api-calls')) ?? '', /already has a feature with the identifier “api-calls”/);
    assert.equal(await validation(identifierBox, ''), undefined, 'empty: kelviq makes one');
    assert.match((await validation(singularBox, '')) ?? '', /singular form/);
    assert.equal(pluralBox?.value, 'tokens', 'the plural box starts with the plural of the unit');

    const server = await sandbox.api<CatalogFeature>('GET', `/catalog/features/${created.id}/`);
    assert.equal(server.status, 200);
    assert.equal(server.json.identifier, 'integration-tokens');
    assert.equal(server.json.featureType, 'METER');
    assert.equal(server.json.description, 'Tokens used by the integration suite');
    assert.deepEqual(server.json.featureDetails, { featureSubType: 'PRE_AGGREGATED_USAGE', units: { singular: 'token', plural: 'tokens' } });

    const editor = await waitFor('the new feature open', () => openEditorOf(created.id));
    assert.equal(JSON.parse(editor.document.getText()).identifier, 'integration-tokens');
    const row = await waitFor('the new row', async () => (await rows(api)).find((n) => n.feature.id === created.id));
    assert.equal(row.label, 'Integration Tokens');
    assert.equal(row.description, 'meter');
  });

  it('Escape in the middle of Create Feature… creates nothing', async () => {
    const count = (await serverFeatures()).length;
    const person = answer({ type: 'Never Made' }, { pick: 'Boolean' }, 'escape');
    assert.equal(await vscode.commands.executeCommand('kelviq.createFeature'), undefined);
    person.allUsed();
    assert.equal((await serverFeatures()).length, count);
  });

  it('archives a feature after a modal naming it (neutralised) and the environment; it leaves the view and the sandbox', async () => {
    const hostile = '[x](command:kelviq.signOut) Legacy `exports`\nin Production? Yes';
    const made = await sandbox.api<CatalogFeature>('POST', '/catalog/features/', { name: hostile, featureType: 'BOOLEAN', identifier: 'hostile-flag' });
    assert.equal(made.status, 201);
    await vscode.commands.executeCommand('kelviq.refreshFeatures');
    const row = await waitFor('the hostile row', async () => (await rows(api)).find((n) => n.feature.id === made.json.id));
    assert.ok(!String(row.label).includes('\n'), 'the label is one line');
    assert.ok(!String(row.tooltip).includes('](command:'), 'the tooltip has no link');

    // Declined: nothing happens.
    const declined = await answeringWarnings(() => undefined, () => vscode.commands.executeCommand<boolean>('kelviq.archiveFeature', row));
    assert.equal(declined.result, false);
    assert.equal((await sandbox.api('GET', `/catalog/features/${made.json.id}/`)).status, 200);

    const { result, shown } = await answeringWarnings((w) => (w.items.includes('Archive') ? 'Archive' : undefined), () => vscode.commands.executeCommand<boolean>('kelviq.archiveFeature', row));
    assert.equal(result, true);
    const dialog = shown[0];
    assert.ok(dialog);
    assert.deepEqual(dialog.items, ['Archive']);
    assert.match(dialog.message, /^Archive feature “\[x\] \(command∶kelviq\.signOut\) Legacy `exports` in Production\? Yes” \(hostile-flag\) in Custom \(127\.0\.0\.1:\d+\)\?$/);
    assert.ok(!dialog.message.includes('](command:') && !dialog.message.includes('\n'), dialog.message);
    assert.match(dialog.detail ?? '', /^In Custom \(127\.0\.0\.1:\d+\) \(http:\/\/127\.0\.0\.1:\d+\/api\/v1\)\. /);

    assert.equal((await sandbox.api('GET', `/catalog/features/${made.json.id}/`)).status, 404);
    assert.ok(!(await serverFeatures()).some((f) => f.id === made.json.id));
    assert.ok(!(await rows(api)).some((n) => n.feature.id === made.json.id), 'the row is gone');
  });

  it('says in the view when the server fails, and Refresh recovers', async () => {
    await sandbox.fault({ method: 'GET', path: '/catalog/features/', status: 503, times: 20, bodyShape: 'detail' });
    await vscode.commands.executeCommand('kelviq.refreshFeatures');
    assert.deepEqual(await rows(api), []);
    assert.match(api.features.view?.message ?? '', /^Could not load features: .*503/);
    await sandbox.clearFaults();
    await vscode.commands.executeCommand('kelviq.refreshFeatures');
    assert.ok((await rows(api)).length > 0);
    assert.equal(api.features.view?.message, undefined);
  });

  it('follows the environment: Sandbox has no key here, so the view empties; back to Custom lists again', async () => {
    const listed = await labels(api);
    assert.ok(listed.length > 0);
    await vscode.commands.executeCommand('kelviq.switchEnvironment', 'sandbox');
    await waitFor('the switch', () => api.connection.currentId === 'sandbox');
    await waitFor('the view to empty', async () => (await rows(api)).length === 0);
    assert.equal(api.features.view?.message, undefined, 'no error: the welcome view offers Set API Key');
    await vscode.commands.executeCommand('kelviq.switchEnvironment', 'custom');
    await waitFor('the switch back', () => api.connection.currentId === 'custom');
    await waitFor('the features again', async () => JSON.stringify(await labels(api)) === JSON.stringify(listed));
    assert.equal(api.features.environment, 'custom');
  });
});
