// A plan's files as the editable view holds them, and the rules every part of the save reads them
// by. A file is matched by its stored file (`file`, the URL of the bytes), not by its id: kelviq
// gives the copy of a file in a new draft a new id, and a draft is made by the first edit of a
// published plan, ours or a colleague's. **Assumed** (the spec does not say): the draft's copy
// keeps the `file` of the published one (the sandbox does so). A save that finds no such copy
// stops and says so (planSync.ts). Each entry of the view is `file` and the fields the file PATCH
// takes; `id`, `downloadUrl` and any field the server adds are read-only, left out.
import type { AttachmentList } from '../attachmentRules';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { PLAN_FILE_FIELDS } from './planFields';
import { records } from './planPaths';

export const ADD_FILE_HINT = 'add files with Add File… on the plan; a file cannot be created by typing it';

/** The rules of the `files` list (domain/kelviq/attachmentRules.ts). */
export const PLAN_FILES: AttachmentList = {
  field: 'files',
  fileField: 'file',
  editable: PLAN_FILE_FIELDS,
  noun: 'file',
  aNoun: 'a file',
  owner: 'plan',
  addHint: ADD_FILE_HINT,
  replaceHint: 'upload a new file with Add File… instead',
};

/** One file's editable view: its `file`, then the PATCH's fields it has. Anything else: as it is (validation refuses it). */
export function fileView(entry: unknown): unknown {
  if (!isPlainObject(entry)) return entry;
  const view: JsonObject = {};
  for (const key of ['file', ...PLAN_FILE_FIELDS]) if (Object.hasOwn(entry, key) && entry[key] !== undefined) view[key] = entry[key];
  return view;
}

/** A file's name for messages: its name, else the last path segment of its `file`, else `fallback`. Untrusted text. */
export function fileLabel(entry: JsonObject | undefined, fallback: string): string {
  if (entry && typeof entry.name === 'string' && entry.name.trim()) return entry.name;
  if (entry && typeof entry.file === 'string') {
    const last = entry.file.split(/[?#]/)[0]!.split('/').filter(Boolean).pop();
    if (last) return decodeURIComponentSafe(last);
  }
  return fallback;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The id the server's files give the file stored at `file` (undefined: none, or more than one). */
export function fileIdOf(files: unknown, file: string): string | undefined {
  const matches = records(files).filter((f) => f.file === file && typeof f.id === 'string');
  return matches.length === 1 ? (matches[0]!.id as string) : undefined;
}
