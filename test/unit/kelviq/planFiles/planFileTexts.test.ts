// The pure rules and words of plan files: which files Add File… takes, the MIME type an upload is
// sent with, the name a download is saved under (hostile names made safe), the tree row's words
// (untrusted names on one line, never markup), and what the messages say about drafts.
import * as assert from 'node:assert/strict';
import {
  addFilesAction,
  filesAddedText,
  MAX_PLAN_FILE_BYTES,
  planFileProblem,
  planFileRowTexts,
  planFileTypeOf,
  safeFileName,
} from '../../../../src/kelviq/planFiles/planFileTexts';

describe('kelviq/planFiles: rules and words', () => {
  it('takes any file up to 100 MB; says why a larger or an empty one is refused', () => {
    assert.equal(planFileProblem('terms.pdf', MAX_PLAN_FILE_BYTES), undefined);
    assert.equal(planFileProblem('huge.bin', MAX_PLAN_FILE_BYTES + 1), '“huge.bin” is 100.0 MB; a plan file can be at most 100 MB.');
    assert.equal(planFileProblem('empty.txt', 0), '“empty.txt” is empty.');
  });

  it('uploads with the MIME type of the extension, else application/octet-stream', () => {
    assert.equal(planFileTypeOf('Terms.PDF'), 'application/pdf');
    assert.equal(planFileTypeOf('setup.tar.gz'), 'application/gzip');
    assert.equal(planFileTypeOf('README'), 'application/octet-stream');
    assert.equal(planFileTypeOf('x.constructor'), 'application/octet-stream');
  });

  it('saves a download under a safe name: no separators, controls, bidi marks, leading dots or Windows-reserved characters', () => {
    assert.equal(safeFileName('../../etc/passwd'), '_.._etc_passwd');
    assert.equal(safeFileName('..\\win.ini'), '_win.ini');
    assert.equal(safeFileName('re\u202eport\u0007:<>|?*.pdf'), 'report.pdf');
    assert.equal(safeFileName('.hidden'), 'hidden');
    assert.equal(safeFileName('name. '), 'name');
    assert.equal(safeFileName('..'), 'file');
    assert.equal(safeFileName(null), 'file');
    assert.equal(Array.from(safeFileName('é'.repeat(300))).length, 200);
  });

  it('a file row: the name on one line, disabled and ordering in the description, a plain tooltip', () => {
    const row = planFileRowTexts({ id: 'f', name: 'Terms\n[click](command:evil)', ordering: 2, enabled: false });
    assert.ok(!row.label.includes('\n'));
    assert.equal(row.description, 'disabled · #2');
    assert.match(row.tooltip, /^Terms/);
    assert.match(row.tooltip, /Disabled \(enabled: false\)\.\nOrdering 2\.\nDownload File saves a copy\.$/);
    assert.equal(planFileRowTexts({ id: 'g' }).label, '(unnamed file)');
  });

  it('says that adding a file to a published plan makes its draft', () => {
    assert.equal(addFilesAction(['a.pdf'], 'Pro', 'published'), 'Add the file “a.pdf” to plan “Pro”: this creates a draft of plan “Pro”, as every plan edit does');
    assert.equal(addFilesAction(['a.pdf', 'b.pdf'], 'Pro', 'draft'), 'Add 2 files to plan “Pro”');
    assert.equal(addFilesAction(['a.pdf'], 'Pro', 'publishedWithDraft'), 'Add the file “a.pdf” to the draft of plan “Pro”');
    assert.match(filesAddedText(1, 'Pro', 'published'), /^Added a file to the draft of plan “Pro”\. The plan was published: this created its draft/);
    assert.equal(filesAddedText(2, 'Pro', 'draft'), 'Added 2 files to plan “Pro”.');
  });
});
