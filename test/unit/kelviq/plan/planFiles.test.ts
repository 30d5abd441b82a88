// A plan's files in its document: the editable view (matched by the stored `file`, so a draft's
// copies with new ids are the same files), the checks (id, file and downloadUrl read-only; an
// entry must be one of the plan's files), the save's calls (one PATCH per changed file with only
// its changed fields, removals last, the published plan's first call alone), the question before a
// removal, and the words of a partial save.
import assert from 'node:assert/strict';
import { diffJson, mergeJson, type JsonObject } from '../../../../src/domain/document';
import {
  afterPartialSave,
  allCalls,
  planEditableView,
  PLAN_MERGE_RULES,
  planModel,
  planSaveCalls,
  planSaveQuestion,
  planWithEditable,
  serializePlan,
  validatePlanDocument,
  type PlanCall,
  type PlanObject,
} from '../../../../src/domain/kelviq/plan';
import { basePlan, edit, expectOne, valueRange } from './fixtures';

const url = (name: string): string => `https://cdn.kelviq.com/media/organizations/8/plan/pro/${name.replace(/\W/g, '')}/${name}`;
const file = (id: string, name: string, ordering: number, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  file: url(name),
  ordering,
  enabled: true,
  downloadUrl: `https://api.kelviq.com/api/v1/catalog/plans/pro-monthly/file/${id}/download/`,
  ...extra,
});
const FILES = [
  file('bf9f0fe0-c9c0-436d-8811-e412d0365470', 'terms.pdf', 0),
  file('0c2d7f4e-8a61-4b0e-9d3c-5e7f1a2b3c4d', 'sla.pdf', 1),
  file('5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', 'guide.pdf', 2),
];
const withFiles = (isLatest: boolean, files: unknown[] = FILES): PlanObject => basePlan({ plan: { isLatest, files: structuredClone(files) } });
const DRAFT = withFiles(false);
const PUBLISHED = withFiles(true);

function changed(theirs: PlanObject, change: (files: JsonObject[]) => unknown[]): PlanObject {
  const copy = structuredClone(theirs);
  return { ...copy, files: change(copy.files as JsonObject[]) } as PlanObject;
}
function stages(theirs: PlanObject, mine: PlanObject): PlanCall[][] {
  return planSaveCalls({ theirs, from: planEditableView(theirs), to: planEditableView(mine) }).stages;
}
const ids = (list: PlanCall[][]) => list.map((stage) => stage.map((c) => c.id));

describe('domain/kelviq/plan: plan files in the document', () => {
  describe('the editable view', () => {
    it('each file is its stored file and the PATCH\'s fields; null is no files; no `files` is left as it is', () => {
      assert.deepEqual(planEditableView(DRAFT).files, FILES.map((f) => ({ file: f.file, name: f.name, ordering: f.ordering, enabled: true })));
      assert.deepEqual(planEditableView(basePlan({ plan: { files: null } })).files, []);
      const { files: _files, ...without } = DRAFT;
      assert.ok(!('files' in planEditableView(without as PlanObject)));
    });

    it('a draft\'s copies (new ids, same stored files) are the same files: no change, and a colleague\'s rename of another file merges', () => {
      const copies = changed(DRAFT, (files) => files.map((f, i) => ({ ...f, id: `00000000-0000-4000-8000-00000000000${i}` })));
      assert.deepEqual(diffJson(planEditableView(DRAFT), planEditableView(copies), PLAN_MERGE_RULES), []);
      const theirs = changed(copies, (files) => files.map((f) => (f.name === 'sla.pdf' ? { ...f, name: 'SLA.pdf' } : f)));
      const mine = changed(DRAFT, (files) => files.map((f) => (f.name === 'terms.pdf' ? { ...f, ordering: 5 } : f)));
      const merged = mergeJson(planEditableView(DRAFT), planEditableView(mine), planEditableView(theirs), PLAN_MERGE_RULES);
      assert.deepEqual(merged.conflicts, []);
      assert.deepEqual((merged.value as JsonObject).files, [
        { file: url('terms.pdf'), name: 'terms.pdf', ordering: 5, enabled: true },
        { file: url('sla.pdf'), name: 'SLA.pdf', ordering: 1, enabled: true },
        { file: url('guide.pdf'), name: 'guide.pdf', ordering: 2, enabled: true },
      ]);
    });

    it('after a partial save the base keeps each file\'s id and download link (matched by stored file)', () => {
      const view = planEditableView(changed(DRAFT, (files) => files.map((f) => ({ ...f, name: `${String(f.name)}!` }))));
      const base = planWithEditable(DRAFT, view);
      assert.deepEqual((base.files as JsonObject[]).map((f) => [f.id, f.name, f.downloadUrl]), FILES.map((f) => [f.id, `${f.name}!`, f.downloadUrl]));
    });
  });

  describe('the checks', () => {
    const TEXT = serializePlan(DRAFT);
    const validate = (text: string) => validatePlanDocument(text, DRAFT);

    it('files are shown after the entitlements, each with id, name, ordering, enabled, file, downloadUrl; untouched: nothing to say', () => {
      assert.ok(TEXT.indexOf('"files"') > TEXT.indexOf('"entitlements"'));
      const first = TEXT.slice(TEXT.indexOf('"files"'));
      const at = ['"id"', '"name"', '"ordering"', '"enabled"', '"file"', '"downloadUrl"'].map((k) => first.indexOf(k));
      assert.deepEqual([...at].sort((a, b) => a - b), at);
      assert.deepEqual(validate(TEXT), []);
    });

    it('renaming, reordering, disabling and removing are edits: no problem', () => {
      let text = edit(TEXT, ['files', 0, 'name'], 'Terms (v2).pdf');
      text = edit(text, ['files', 1, 'ordering'], 7);
      text = edit(text, ['files', 1, 'enabled'], false);
      text = edit(text, ['files', 2], undefined);
      assert.deepEqual(validate(text), []);
    });

    it('the stored file, the download link and the id are read-only, each with what a revert puts back', () => {
      const fileEdit = edit(TEXT, ['files', 0, 'file'], url('other.pdf'));
      const p = expectOne(validate(fileEdit), 'read-only', valueRange(fileEdit, ['files', 0, 'file']), /a file's file cannot be changed; upload a new file with Add File… instead/);
      assert.deepEqual(p.data, { original: FILES[0]!.file });
      const link = edit(TEXT, ['files', 1, 'downloadUrl'], 'https://evil.example/x');
      assert.deepEqual(expectOne(validate(link), 'read-only', valueRange(link, ['files', 1, 'downloadUrl']), /is read-only/).data, { original: FILES[1]!.downloadUrl });
      const id = edit(TEXT, ['files', 2, 'id'], '99999999-9999-4999-8999-999999999999');
      assert.deepEqual(expectOne(validate(id), 'read-only', valueRange(id, ['files', 2, 'id']), /a file's id is set by kelviq/).data, { original: FILES[2]!.id });
    });

    it('a typed file is refused (how to add one is said); so is an id listed twice, a null name and a fractional ordering', () => {
      const typed = edit(TEXT, ['files', 3], { name: 'new.pdf', ordering: 3, enabled: true });
      expectOne(validate(typed), 'required', { offset: valueRange(typed, ['files', 3]).offset, length: 1 }, /has no `id`, so it is not one of the plan's files\. Add files with Add File… on the plan/);
      const twice = edit(TEXT, ['files', 3], FILES[0]);
      expectOne(validate(twice), 'invalid-value', valueRange(twice, ['files', 3, 'id']), /is the id of `files\[0\]` too/);
      const nullName = edit(TEXT, ['files', 0, 'name'], null);
      expectOne(validate(nullName), 'type', valueRange(nullName, ['files', 0, 'name']), /a file's name can be changed, not removed/);
      const half = edit(TEXT, ['files', 0, 'ordering'], 1.5);
      assert.equal(validate(half)[0]?.offset, valueRange(half, ['files', 0, 'ordering']).offset);
    });

    it('removing the whole list is refused (a save can only change it); removing an editable field of a file too', () => {
      const gone = edit(TEXT, ['files'], undefined);
      expectOne(validate(gone), 'required', { offset: 0, length: 1 }, /`files` cannot be removed/);
      const noName = edit(TEXT, ['files', 0, 'name'], undefined);
      expectOne(validate(noName), 'required', { offset: valueRange(noName, ['files', 0]).offset, length: 1 }, /`files\[0\]\.name` cannot be removed/);
    });

    it('the read-only parts of a file are subdued with a reason; its editable fields are not', () => {
      assert.match(planModel.readOnlyNote!(['files', 'downloadUrl']) ?? '', /Read-only/);
      assert.match(planModel.readOnlyNote!(['files', 'file']) ?? '', /Read-only/);
      assert.equal(planModel.readOnlyNote!(['files', 'name']), undefined);
      assert.equal(planModel.readOnlyNote!(['files']), undefined);
    });
  });

  describe('the save\'s calls', () => {
    it('rename one and reorder two: one PATCH per changed file with only its changed fields, nothing else', () => {
      const mine = changed(DRAFT, (files) => files.map((f) => (f.name === 'terms.pdf' ? { ...f, name: 'Terms.pdf' } : f.name === 'sla.pdf' ? { ...f, ordering: 2 } : { ...f, ordering: 1 })));
      const list = stages(DRAFT, mine);
      assert.deepEqual(ids(list), [[`file:${url('terms.pdf')}:update`, `file:${url('sla.pdf')}:update`, `file:${url('guide.pdf')}:update`]]);
      assert.deepEqual(
        list[0]!.map((c) => [c.method, c.path, c.kind === 'updateFile' ? c.body : undefined]),
        [
          ['PATCH', `/catalog/plans/pro-monthly/file/${FILES[0]!.id}/`, { name: 'Terms.pdf' }],
          ['PATCH', `/catalog/plans/pro-monthly/file/${FILES[1]!.id}/`, { ordering: 2 }],
          ['PATCH', `/catalog/plans/pro-monthly/file/${FILES[2]!.id}/`, { ordering: 1 }],
        ],
      );
    });

    it('a removal is one DELETE, after every other call (it cannot be undone)', () => {
      const mine = { ...changed(DRAFT, (files) => files.filter((f) => f.name !== 'sla.pdf')), name: 'Pro' } as PlanObject;
      const list = stages(DRAFT, mine);
      assert.deepEqual(ids(list), [['plan'], [`file:${url('sla.pdf')}:remove`]]);
      assert.deepEqual([list[1]![0]!.method, list[1]![0]!.path], ['DELETE', `/catalog/plans/pro-monthly/file/${FILES[1]!.id}/`]);
    });

    it('a published plan: the first call goes alone (it makes the draft), the file calls after it, removals last', () => {
      const mine = changed(PUBLISHED, (files) => files.filter((f) => f.name !== 'guide.pdf').map((f) => (f.name === 'terms.pdf' ? { ...f, enabled: false } : f)));
      const list = stages(PUBLISHED, { ...mine, description: 'New' } as PlanObject);
      assert.deepEqual(ids(list), [['plan'], [`file:${url('terms.pdf')}:update`], [`file:${url('guide.pdf')}:remove`]]);
      const onlyFiles = stages(PUBLISHED, mine);
      assert.deepEqual(ids(onlyFiles), [[`file:${url('terms.pdf')}:update`], [`file:${url('guide.pdf')}:remove`]]);
    });

    it('the id sent is the one the server has now for that stored file (a colleague\'s draft renumbered them)', () => {
      const theirs = changed(DRAFT, (files) => files.map((f, i) => ({ ...f, id: `00000000-0000-4000-8000-00000000000${i}` })));
      const mine = changed(DRAFT, (files) => files.map((f) => (f.name === 'guide.pdf' ? { ...f, name: 'Guide.pdf' } : f)));
      const to = mergeJson(planEditableView(DRAFT), planEditableView(mine), planEditableView(theirs), PLAN_MERGE_RULES).value as JsonObject;
      const [call] = allCalls(planSaveCalls({ theirs, from: planEditableView(theirs), to }));
      assert.equal(call?.path, '/catalog/plans/pro-monthly/file/00000000-0000-4000-8000-000000000002/');
    });

    it('a file the server does not have, or a wrong type, stops the save with a clear message', () => {
      const typed = { ...planEditableView(DRAFT), files: [...(planEditableView(DRAFT).files as unknown[]), { file: url('x.pdf'), name: 'x' }] };
      assert.throws(() => planSaveCalls({ theirs: DRAFT, from: planEditableView(DRAFT), to: typed }), /this plan has no file stored at .*Add File…/);
      const bad = changed(DRAFT, (files) => files.map((f, i) => (i === 0 ? { ...f, ordering: '1' } : f)));
      assert.throws(() => stages(DRAFT, bad), /The file “terms\.pdf” cannot be saved: its ordering must be a whole number\./);
    });
  });

  describe('the question before a removal, and a partial save\'s words', () => {
    it('names each removed file and the plan; where a version is published it keeps them until the draft is published; none when nothing is removed', () => {
      const request = (theirs: PlanObject, mine: PlanObject) => ({ theirs, from: planEditableView(theirs), to: planEditableView(mine) });
      const neverPublished = basePlan({ plan: { isLatest: false, version: 1, files: structuredClone(FILES) } });
      const one = planSaveQuestion(request(neverPublished, changed(neverPublished, (files) => files.slice(1))))!;
      assert.equal(one.message, 'Remove the file “terms.pdf” from “Pro Monthly”?');
      assert.match(one.detail, /^Saving removes this file from “Pro Monthly” in kelviq; to have it back, upload it again with Add File…:\n• “terms\.pdf”$/);
      assert.equal(one.confirm, 'Remove File and Save');
      const two = planSaveQuestion(request(PUBLISHED, { ...changed(PUBLISHED, (files) => files.slice(2)), name: 'Pro' } as PlanObject))!;
      assert.equal(two.confirm, 'Remove 2 Files and Save');
      assert.match(two.detail, /^Saving makes a new draft of “Pro Monthly” without these files; the published version keeps them until the draft is published:\n• “terms\.pdf”\n• “sla\.pdf”\nThe document's other changes are saved with them\.$/);
      const overPublished = basePlan({ plan: { isLatest: false, version: 4, files: structuredClone(FILES) } });
      assert.match(planSaveQuestion(request(overPublished, changed(overPublished, (files) => files.slice(1))))!.detail, /^Saving removes this file from the draft of “Pro Monthly”; the published version keeps it until the draft is published:/);
      assert.equal(planSaveQuestion(request(DRAFT, changed(DRAFT, (files) => files.map((f) => ({ ...f, enabled: false }))))), undefined);
      assert.equal(planModel.askBeforeWrite, planSaveQuestion);
    });

    it('a partial save names the files saved and not saved', () => {
      const mine = changed(DRAFT, (files) => files.filter((f) => f.name !== 'guide.pdf').map((f) => (f.name === 'terms.pdf' ? { ...f, name: 'T.pdf', enabled: false } : f)));
      const input = { theirs: DRAFT, from: planEditableView(DRAFT), to: planEditableView(mine) };
      const plan = planSaveCalls(input);
      const partial = afterPartialSave(input, plan, [`file:${url('terms.pdf')}:update`]);
      assert.equal(partial.message, 'Saved the name and enabled of the file “terms.pdf”. Not saved: the removal of the file “guide.pdf”. Saving again sends only what was not saved.');
      assert.deepEqual(ids(partial.retry.stages), [[`file:${url('guide.pdf')}:remove`]]);
    });
  });
});
