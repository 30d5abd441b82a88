// The feature document's pure half: its text, its read-only notes (every field: the API has no
// feature update) and its checks (any change from the opened version is a read-only error).
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { readOnlyRanges, type DocumentProblem } from '../../../../src/domain/document';
import { FEATURE_READ_ONLY_REASON, kelviqFeatureModel as model } from '../../../../src/domain/kelviq/feature';
import { booleanFeature, meterFeature, replaceOnce } from './fixtures';

const base = meterFeature();
const text = model.serialize(base);
const sliced = (t: string, p: DocumentProblem) => t.slice(p.offset, p.offset + p.length);

describe('kelviqFeatureModel: the text of a feature document', () => {
  it('is pretty JSON of the feature, known fields first in the spec order, a trailing newline', () => {
    assert.deepEqual(JSON.parse(text), base);
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(Object.keys(JSON.parse(text)), ['id', 'identifier', 'name', 'description', 'featureType', 'featureDetails', 'meter', 'details', 'metadata', 'isArchived', 'modifiedOn']);
    assert.match(text, /^\{\n {2}"id": "3a3e92ab/);
  });

  it('reads the same whatever order the server sent, nested meter details included', () => {
    const shuffled = {
      modifiedOn: base.modifiedOn,
      zeta: 1,
      featureDetails: { units: { plural: 'calls', singular: 'call' }, featureSubType: 'PRE_AGGREGATED_USAGE' },
      name: base.name,
      alpha: true,
      meter: { filters: [], aggregation: { field: null, function: 'COUNT' } },
      id: base.id,
      identifier: base.identifier,
      featureType: 'METER',
    };
    const out = model.serialize(shuffled as never);
    assert.deepEqual(Object.keys(JSON.parse(out)), ['id', 'identifier', 'name', 'featureType', 'featureDetails', 'meter', 'modifiedOn', 'alpha', 'zeta']);
    assert.ok(out.indexOf('"featureSubType"') < out.indexOf('"units"'));
    assert.ok(out.indexOf('"singular"') < out.indexOf('"plural"'));
    assert.ok(out.indexOf('"aggregation"') < out.indexOf('"filters"'));
    assert.ok(out.indexOf('"function"') < out.indexOf('"field"'));
    assert.equal(model.serialize(shuffled as never), out, 'same feature in, same text out');
  });

  it('has its version in modifiedOn, a name for messages, and nothing editable', () => {
    assert.deepEqual(model.versionFields, ['modifiedOn']);
    assert.equal(model.modifiedAt(base), Date.parse(base.modifiedOn ?? ''));
    assert.equal(model.modifiedAt(meterFeature({ modifiedOn: undefined })), 0);
    assert.equal(model.noun, 'feature');
    assert.equal(model.nameOf(base), 'API calls');
    assert.equal(model.nameOf({ identifier: 'sso', name: '' }), 'sso');
    assert.equal(model.nameOf({}), 'feature');
    assert.deepEqual(model.editableView(base), {});
    assert.deepEqual(model.editableView({ ...base, name: 'Renamed' }), {}, 'a rename is no edit: nothing would be sent');
  });
});

describe('kelviqFeatureModel: read-only notes', () => {
  it('every field of the document has one, saying why and what to do instead', () => {
    for (const key of [...Object.keys(base), 'somethingNew']) {
      const note = model.readOnlyNote([key]);
      assert.ok(note, `${key} has a note`);
      assert.match(note, /^Read-only: /);
      assert.ok(note.endsWith(FEATURE_READ_ONLY_REASON), `${key}: ${note}`);
    }
    assert.match(FEATURE_READ_ONLY_REASON, /cannot be changed through the kelviq API/);
    assert.match(FEATURE_READ_ONLY_REASON, /archive it and create a new one/);
  });

  it('nested paths carry their field’s note; the root has none', () => {
    assert.equal(model.readOnlyNote(['featureDetails', 'units']), model.readOnlyNote(['featureDetails']));
    assert.equal(model.readOnlyNote([]), undefined);
  });

  it('explains what the field is, e.g. the types in words', () => {
    assert.match(model.readOnlyNote(['featureType']) ?? '', /BOOLEAN: on or off; CUSTOMIZABLE: a numeric limit/);
    assert.match(model.readOnlyNote(['id']) ?? '', /never changes/);
  });

  it('the editor subdues every top-level field of a real document (one range per field)', () => {
    const ranges = readOnlyRanges(parseTree(text), model);
    assert.equal(ranges.length, Object.keys(base).length);
    assert.deepEqual(
      ranges.map((r) => JSON.parse(text.slice(r.keyOffset, r.keyOffset + r.keyLength))),
      Object.keys(JSON.parse(text)),
    );
  });
});

describe('kelviqFeatureModel: validate', () => {
  it('the text as opened has no problems (BOOLEAN and METER, with and without a base)', () => {
    assert.deepEqual(model.validate(text, base), []);
    const b = booleanFeature();
    assert.deepEqual(model.validate(model.serialize(b), b), []);
    assert.deepEqual(model.validate(text, undefined), []);
  });

  it('a value written differently but equal is no change', () => {
    const compact = JSON.stringify(base);
    assert.deepEqual(model.validate(compact, base), []);
  });

  it('a changed name is a read-only error on the value, saying why', () => {
    const edited = replaceOnce(text, '"name": "API calls"', '"name": "Calls"');
    const problems = model.validate(edited, base);
    assert.equal(problems.length, 1);
    const [p] = problems as [DocumentProblem];
    assert.equal(p.code, 'read-only');
    assert.equal(p.severity, 'error');
    assert.equal(p.field, 'name');
    assert.equal(sliced(edited, p), '"Calls"');
    assert.ok(p.message.endsWith(FEATURE_READ_ONLY_REASON), p.message);
    assert.equal(p.data?.original, 'API calls');
  });

  it('a changed nested meter value is an error on the whole field', () => {
    const edited = replaceOnce(text, '"plural": "calls"', '"plural": "requests"');
    const [p, ...rest] = model.validate(edited, base);
    assert.deepEqual(rest, []);
    assert.equal(p?.field, 'featureDetails');
    assert.match(sliced(edited, p!), /^\{\n {4}"featureSubType"/);
  });

  it('an added field and a removed field are errors too', () => {
    const added = replaceOnce(text, '"id": ', '"extra": 1,\n  "id": ');
    const [a] = model.validate(added, base);
    assert.equal(a?.field, 'extra');
    assert.match(a?.message ?? '', /`extra` is not a field of this feature; it will not be saved/);
    const removed = replaceOnce(text, '  "metadata": {\n    "category": "core"\n  },\n', '');
    const [r] = model.validate(removed, base);
    assert.equal(r?.code, 'read-only');
    assert.equal(r?.field, 'metadata');
    assert.match(r?.message ?? '', /`metadata` is read-only; removing it will not be saved/);
  });

  it('the revert quick fix puts a changed or removed field back', () => {
    const edited = replaceOnce(text, '"name": "API calls"', '"name": "Calls"');
    const [p] = model.validate(edited, base);
    assert.equal(model.revert(edited, p!), text);
    const removed = replaceOnce(text, '  "metadata": {\n    "category": "core"\n  },\n', '');
    const [r] = model.validate(removed, base);
    assert.deepEqual(JSON.parse(model.revert(removed, r!)), base);
  });

  it('JSON syntax errors and a non-object are reported on their range', () => {
    const broken = replaceOnce(text, '"name": "API calls",', '"name": "API calls",,');
    const [e] = model.validate(broken, base);
    assert.equal(e?.code, 'invalid-json');
    assert.equal(model.validate('', base)[0]?.code, 'invalid-json');
    const [n] = model.validate('[1, 2]', base);
    assert.equal(n?.code, 'not-an-object');
    assert.match(n?.message ?? '', /not an array/);
  });
});
