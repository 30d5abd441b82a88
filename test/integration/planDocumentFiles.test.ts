// A plan's files in its document, in the real VS Code against the sandbox: the files are listed
// with their read-only id, stored file and download link; a rename and a reorder send one PATCH
// per changed file and nothing else, and on a published plan the first call makes the draft and
// the next one goes to the draft's copy (a new id); removing an entry asks first, naming the file,
// and then removes it from the draft only; a colleague's draft that renumbered the files meanwhile
// is merged, not a conflict; what is typed during a slow save stays unsaved; an edit of a
// read-only part is flagged on it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answeringWarnings, closeEditorsDiscarding, editJson as editText, extensionApi, otherKey, sandbox, setKey, waitFor } from './support';

interface PlanFile { id: string; name: string; file: string; ordering: number; enabled: boolean; downloadUrl: string }
interface Plan { identifier: string; name: string; version: number; isLatest: boolean; files: PlanFile[] }
interface Presign { url: string; fields: Record<string, string>; fileKey: string }
interface Page<T> { results: T[] }
const tabDirty = (doc: vscode.TextDocument) =>
  vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString() && t.isDirty));

const shown = (doc: vscode.TextDocument) => JSON.parse(doc.getText()) as Plan & Record<string, unknown>;
const planOf = async (identifier: string, version?: number) => (await sandbox.api<Plan>('GET', `/catalog/plans/${identifier}/${version ? `?version=${version}` : ''}`)).json;
const fileWrites = async (identifier: string) =>
  (await sandbox.journal()).filter((e) => e.path.includes(`/plans/${identifier}/`) && e.method !== 'GET').map((e) => [e.method, e.path.replace(/^.*\/plans\/[^/]+\//, ''), e.body] as const);

/** Uploads `text` as `name` the way the vendor documents it (POST /media/, the form to storage), and answers its key. */
async function upload(name: string, text: string): Promise<string> {
  const presign = await sandbox.api<Presign>('POST', '/media/', { fileName: name, fileType: 'text/plain' });
  assert.equal(presign.status, 200, JSON.stringify(presign.json));
  const form = new FormData();
  for (const [key, value] of Object.entries(presign.json.fields)) form.append(key, value);
  form.append('file', new Blob([text], { type: 'text/plain' }), name);
  const res = await fetch(presign.json.url, { method: 'POST', body: form });
  assert.equal(res.status, 204, await res.text());
  return presign.json.fileKey;
}

const editJson = (doc: vscode.TextDocument, mutate: (plan: Plan) => void) => editText<Plan>(doc, mutate);

describe('Plan files in the plan document', function () {
  let identifier: string;
  let published: PlanFile[];

  before(async () => {
    await sandbox.reset();
    await setKey();
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    // A published plan of its own per test, with three files.
    const product = (await sandbox.api<Page<{ id: string }>>('GET', '/catalog/products/?page_size=1')).json.results[0]!;
    identifier = `plan-files-${Date.now()}`;
    assert.equal((await sandbox.api('POST', '/catalog/plans/', { product: product.id, name: 'Files Plan', identifier })).status, 201);
    const keys = [await upload('terms.txt', 'terms'), await upload('sla.txt', 'sla'), await upload('guide.txt', 'guide')];
    const price = { priceType: 'PAID', currency: 'USD', chargeCatalogPrice: [{ priceModel: 'FLAT', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: 9 } }] }] };
    const ok = async (status: number, call: Promise<{ status: number; json: unknown }>) => {
      const res = await call;
      assert.equal(res.status, status, JSON.stringify(res.json));
    };
    await ok(200, sandbox.api('POST', `/catalog/plans/${identifier}/prices/bulk/`, { prices: [price] }));
    await ok(200, sandbox.api('PATCH', `/catalog/plans/${identifier}/`, { fileKeys: keys }));
    await ok(200, sandbox.api('POST', `/catalog/plans/${identifier}/publish/`, {}));
    published = (await planOf(identifier)).files.sort((a, b) => a.ordering - b.ordering);
    assert.deepEqual(published.map((f) => f.name), ['terms.txt', 'sla.txt', 'guide.txt']);
    await sandbox.clearJournal();
  });

  afterEach(async () => {
    await closeEditorsDiscarding();
  });

  const open = async () => (await (await extensionApi()).documents.openPlan('custom', identifier)).document;

  it('a rename and a reorder of two files: the first PATCH makes the draft, the second goes to the draft’s copy; nothing else is sent', async () => {
    const doc = await open();
    assert.deepEqual(shown(doc).files.map((f) => [f.id, f.name]), published.map((f) => [f.id, f.name]));
    const [terms, sla] = published;
    await editJson(doc, (plan) => {
      const a = plan.files.find((f) => f.id === terms!.id)!;
      const b = plan.files.find((f) => f.id === sla!.id)!;
      a.name = 'Terms (v2).txt';
      [a.ordering, b.ordering] = [b.ordering, a.ordering];
    });
    assert.equal(await doc.save(), true);
    const writes = await fileWrites(identifier);
    assert.equal(writes.length, 2, JSON.stringify(writes));
    assert.deepEqual(writes[0], ['PATCH', `file/${terms!.id}/`, { name: 'Terms (v2).txt', ordering: sla!.ordering }]);
    const draft = await planOf(identifier);
    assert.deepEqual([draft.version, draft.isLatest], [2, false]);
    const copy = draft.files.find((f) => f.file === sla!.file)!;
    assert.notEqual(copy.id, sla!.id, 'the draft’s copy has an id of its own');
    assert.deepEqual(writes[1], ['PATCH', `file/${copy.id}/`, { ordering: terms!.ordering }]);
    assert.deepEqual(draft.files.sort((a, b) => a.ordering - b.ordering).map((f) => f.name), ['sla.txt', 'Terms (v2).txt', 'guide.txt']);
    await waitFor('the document shows the draft', () => (!doc.isDirty && shown(doc).version === 2 && shown(doc).files.some((f) => f.id === copy.id) ? true : undefined));
    assert.deepEqual((await planOf(identifier, 1)).files.map((f) => f.name).sort(), ['guide.txt', 'sla.txt', 'terms.txt'], 'the published version is unchanged');
  });

  it('removing an entry asks, naming the file: Cancel sends nothing; yes removes it from the new draft only', async () => {
    const victim = published[2]!;
    const doc = await open();
    await editJson(doc, (plan) => {
      plan.files = plan.files.filter((f) => f.id !== victim.id);
    });
    const cancelled = await answeringWarnings(() => undefined, () => doc.save());
    assert.equal(cancelled.result, false);
    assert.equal(cancelled.shown.length, 1);
    assert.equal(cancelled.shown[0]!.message, 'Remove the file “guide.txt” from “Files Plan”?');
    assert.match(cancelled.shown[0]!.detail ?? '', /new draft of “Files Plan” without this file; the published version keeps it/);
    assert.deepEqual(cancelled.shown[0]!.items, ['Remove File and Save']);
    assert.deepEqual(await fileWrites(identifier), []);
    assert.ok(doc.isDirty, 'the text is kept');
    const confirmed = await answeringWarnings((q) => q.items[0], () => doc.save());
    assert.equal(confirmed.result, true);
    assert.deepEqual((await fileWrites(identifier)).map(([method, path]) => [method, path]), [['DELETE', `file/${victim.id}/`]]);
    assert.deepEqual((await planOf(identifier)).files.map((f) => f.name).sort(), ['sla.txt', 'terms.txt']);
    assert.equal((await planOf(identifier, 1)).files.length, 3, 'the published version keeps it');
  });

  it('a colleague’s change while the removal question is open is kept, asked again for the draft it made, and the removal goes to the draft’s copy', async () => {
    const [terms, , guide] = published;
    const doc = await open();
    await editJson(doc, (plan) => {
      plan.files = plan.files.filter((f) => f.id !== guide!.id);
    });
    let asked = 0;
    const confirmed = await answeringWarnings(
      async (question) => {
        if (asked++ === 0) {
          // While the first question is open, a colleague renames another file: that makes the draft (new file ids).
          const colleague = await sandbox.api('PATCH', `/catalog/plans/${identifier}/file/${terms!.id}/`, { name: 'Renamed meanwhile.txt' }, otherKey);
          assert.equal(colleague.status, 200, JSON.stringify(colleague.json));
        }
        return question.items[0];
      },
      () => doc.save(),
    );
    assert.equal(confirmed.result, true);
    // The plan is a draft now, so the question says what removing does there: it is asked again.
    assert.deepEqual(confirmed.shown.map((q) => /makes a new draft/.test(q.detail ?? '') ? 'published' : /from the draft of “Files Plan”/.test(q.detail ?? '') ? 'draft' : q.detail), ['published', 'draft']);
    const draft = await planOf(identifier);
    assert.deepEqual(draft.files.map((f) => f.name).sort(), ['Renamed meanwhile.txt', 'sla.txt'], 'their rename kept, my removal done');
    const deletes = (await fileWrites(identifier)).filter(([method]) => method === 'DELETE');
    assert.equal(deletes.length, 1);
    assert.notEqual(deletes[0]![1], `file/${guide!.id}/`, 'not the published id: the copy in the draft');
    assert.equal((await planOf(identifier, 1)).files.length, 3, 'the published version keeps it');
  });

  it('a colleague’s edit made the draft meanwhile (new file ids): my rename is merged and goes to the copy, no conflict', async () => {
    const doc = await open();
    const guide = published[2]!;
    assert.equal((await sandbox.api('PATCH', `/catalog/plans/${identifier}/`, { description: 'By a colleague' }, otherKey)).status, 200);
    const copy = (await planOf(identifier)).files.find((f) => f.file === guide.file)!;
    assert.notEqual(copy.id, guide.id);
    await sandbox.clearJournal();
    await editJson(doc, (plan) => {
      plan.files.find((f) => f.id === guide.id)!.enabled = false;
    });
    const saved = await answeringWarnings(() => undefined, () => doc.save());
    assert.deepEqual(saved.shown, [], 'no conflict dialog');
    assert.equal(saved.result, true);
    assert.deepEqual(await fileWrites(identifier), [['PATCH', `file/${copy.id}/`, { enabled: false }]]);
    const server = await planOf(identifier);
    assert.deepEqual([server.files.find((f) => f.id === copy.id)?.enabled, (server as unknown as { description: string }).description], [false, 'By a colleague']);
  });

  it('keeps what was typed during a slow file save unsaved, and the next save sends only that', async () => {
    const doc = await open();
    const [terms, sla] = published;
    await editJson(doc, (plan) => {
      plan.files.find((f) => f.id === terms!.id)!.name = 'First Save.txt';
    });
    await sandbox.fault({ method: 'PATCH', path: `/plans/${identifier}/file/`, delayMs: 3000, passThrough: true, times: 1 });
    await sandbox.clearJournal();
    const first = Promise.resolve(doc.save());
    // The save has read the plan's prices (its last read before the PATCH): its text is taken. Type meanwhile.
    await waitFor('the save to read the plan', async () => (await sandbox.journal()).some((e) => e.method === 'GET' && e.path.includes(`/plans/${identifier}/prices/`)));
    await editJson(doc, (plan) => {
      plan.files.find((f) => f.file === sla!.file)!.enabled = false;
    });
    await first; // VS Code answers false here: the document is dirty again
    assert.equal(tabDirty(doc), true, `what was typed during the save is still unsaved (document dirty: ${doc.isDirty})`);
    assert.equal(shown(doc).files.find((f) => f.file === sla!.file)?.enabled, false);
    const draft = await planOf(identifier);
    assert.deepEqual(draft.files.map((f) => [f.name, f.enabled]).sort(), [['First Save.txt', true], ['guide.txt', true], ['sla.txt', true]]);
    await sandbox.clearJournal();
    assert.equal(await doc.save(), true);
    const copy = draft.files.find((f) => f.file === sla!.file)!;
    assert.deepEqual(await fileWrites(identifier), [['PATCH', `file/${copy.id}/`, { enabled: false }]]);
  });

  it('an edit of a file’s stored file or download link is flagged there as read-only', async () => {
    const doc = await open();
    await editJson(doc, (plan) => {
      plan.files[0]!.downloadUrl = 'https://elsewhere.example/file';
    });
    const problem = await waitFor('a diagnostic on downloadUrl', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error && /files\[0\]\.downloadUrl` is read-only/.test(d.message)),
    );
    assert.equal(doc.getText(problem.range), '"https://elsewhere.example/file"');
  });
});
