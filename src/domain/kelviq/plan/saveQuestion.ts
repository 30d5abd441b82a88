// What a plan save asks before it is sent (DocumentModel.askBeforeWrite): removing a file's entry
// removes that file from the plan, so a save that removes files names each one and the plan, says
// what happens where a version is published (the draft is without them; the published version
// keeps them until the draft is published; planState.ts tells the states apart), and goes ahead only on "Remove File and Save" ("Remove 2
// Files and Save"). No question when nothing is removed. Names are untrusted: quoted, plain text.
import type { SaveQuestion, SaveRequest } from '../../document/documentModel';
import { diffJson } from '../../document/jsonDiff';
import { quoted } from '../../untrustedText';
import { PLAN_MERGE_RULES } from './editableView';
import { fileLabel } from './planFiles';
import { planNameOf } from './planName';
import { planStateOf } from './planState';
import { records } from './planPaths';
import type { PlanObject } from './planObject';

/** Files named one per line in the detail; more are counted. */
const MAX_LISTED = 20;

/** The stored files (`file`) of the files `from` has and `to` does not, in `from`'s order; none when `to` leaves `files` out. */
export function removedFiles(from: Record<string, unknown>, to: Record<string, unknown>): string[] {
  if (!Object.hasOwn(to, 'files')) return [];
  const kept = new Set(records(to.files).map((f) => f.file));
  return records(from.files)
    .map((f) => f.file)
    .filter((file): file is string => typeof file === 'string' && !kept.has(file));
}

/** The question before a save that removes files; undefined when it removes none. */
export function planSaveQuestion(request: Pick<SaveRequest<PlanObject>, 'theirs' | 'from' | 'to'>): SaveQuestion | undefined {
  const files = removedFiles(request.from, request.to);
  if (files.length === 0) return undefined;
  const served = records(request.theirs.files);
  const name = (file: string): string => quoted(fileLabel(served.find((f) => f.file === file), file));
  const plan = quoted(planNameOf(request.theirs));
  const one = files.length === 1;
  const lines = files.slice(0, MAX_LISTED).map((file) => `• ${name(file)}`);
  if (files.length > MAX_LISTED) lines.push(`… and ${files.length - MAX_LISTED} more`);
  const rest = { ...request.from, files: records(request.from.files).filter((f) => !files.includes(f.file as string)) };
  const others = diffJson(rest, request.to, PLAN_MERGE_RULES).length > 0;
  const what = one ? 'this file' : 'these files';
  const it = one ? 'it' : 'them';
  const effect = {
    published: `Saving makes a new draft of ${plan} without ${what}; the published version keeps ${it} until the draft is published:`,
    publishedWithDraft: `Saving removes ${what} from the draft of ${plan}; the published version keeps ${it} until the draft is published:`,
    draft: `Saving removes ${what} from ${plan} in kelviq; to have ${it} back, upload ${it} again with Add File…:`,
  }[planStateOf({ version: request.theirs.version, isLatest: request.theirs.isLatest })];
  return {
    message: one ? `Remove the file ${name(files[0]!)} from ${plan}?` : `Remove ${files.length} files from ${plan}?`,
    detail: [effect, ...lines, ...(others ? [`The document's other changes are saved with ${one ? 'it' : 'them'}.`] : [])].join('\n'),
    confirm: one ? 'Remove File and Save' : `Remove ${files.length} Files and Save`,
  };
}
