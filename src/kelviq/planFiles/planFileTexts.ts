// The words and rules of plan files: their rows in the Products tree, which files Add File… takes
// (any type, at most 100 MB: kelviq's upload policy allows 5 GB, but the upload is held in memory,
// and a file a customer downloads with a plan is rarely larger), the dialogs and messages of
// Add File… and Download File, and the name a download is saved under. Pure. File and plan names
// are catalog data: oneLine for tree labels and descriptions, plainText or quoted everywhere else.
import type { PlanFile } from '../../api';
import type { PlanState } from '../../domain/kelviq/plan/planState';
import { oneLine, plainText, quoted } from '../../domain/untrustedText';
import { IMAGE_TYPES } from '../images/imageUploadRules';
import { formatBytes, UPLOADS_EXPIRE_NOTE } from '../uploads/uploadTexts';

export const MAX_PLAN_FILE_BYTES = 100 * 1024 * 1024;

export const PLAN_FILE_LIMIT_TEXT = 'any type, up to 100 MB each';

/** Why a file cannot be added to a plan, or undefined. */
export function planFileProblem(fileName: string, size: number): string | undefined {
  if (size > MAX_PLAN_FILE_BYTES) return `${quoted(fileName, 60)} is ${formatBytes(size)}; a plan file can be at most 100 MB.`;
  if (size === 0) return `${quoted(fileName, 60)} is empty.`;
  return undefined;
}

const FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  tar: 'application/x-tar',
  json: 'application/json',
  xml: 'application/xml',
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ...IMAGE_TYPES,
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  dmg: 'application/x-apple-diskimage',
  exe: 'application/vnd.microsoft.portable-executable',
  msi: 'application/x-msi',
  deb: 'application/vnd.debian.binary-package',
  apk: 'application/vnd.android.package-archive',
};

/** The MIME type a file is uploaded with: by its extension, else application/octet-stream. */
export function planFileTypeOf(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext !== undefined && Object.hasOwn(FILE_TYPES, ext) ? FILE_TYPES[ext]! : 'application/octet-stream';
}

/**
 * The name a download is saved under by default: the file's name without path separators,
 * control characters or characters Windows refuses, never `.`/`..` or a leading dot run that hides
 * it, at most 200 characters; "file" when nothing is left.
 */
export function safeFileName(name: string | null | undefined): string {
  const cleaned = String(name ?? '')
    .replace(/[/\\]/g, '_')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  const short = Array.from(cleaned).slice(0, 200).join('');
  return short === '' ? 'file' : short;
}

export function planFileRowTexts(file: PlanFile): { label: string; description: string; tooltip: string } {
  const label = oneLine(file.name ?? '', 80) || '(unnamed file)';
  const marks = [file.enabled === false ? 'disabled' : undefined, typeof file.ordering === 'number' ? `#${file.ordering}` : undefined];
  const tooltip = [
    plainText(file.name ?? '(unnamed file)', 200),
    file.enabled === false ? 'Disabled (enabled: false).' : 'Enabled.',
    typeof file.ordering === 'number' ? `Ordering ${file.ordering}.` : undefined,
    'Download File saves a copy.',
  ]
    .filter(Boolean)
    .join('\n');
  return { label, description: marks.filter(Boolean).join(' · '), tooltip };
}

const filesWord = (count: number): string => (count === 1 ? 'a file' : `${count} files`);

/** Where the files go: a plan never published is changed itself; a published one gets (or has) a draft. */
function planPlace(planName: string, state: PlanState): string {
  return state === 'draft' ? `plan ${quoted(planName, 40)}` : `the draft of plan ${quoted(planName, 40)}`;
}

/** What the production confirmation names: the files, the plan, and the draft a published plan gets. */
export function addFilesAction(names: readonly string[], planName: string, state: PlanState): string {
  const what = names.length === 1 ? `the file ${quoted(names[0]!, 60)}` : `${names.length} files`;
  if (state === 'published') return `Add ${what} to plan ${quoted(planName, 40)}: this creates a draft of plan ${quoted(planName, 40)}, as every plan edit does`;
  return `Add ${what} to ${planPlace(planName, state)}`;
}

export function addFilesDialogTitle(planName: string): string {
  return `Add File to plan ${plainText(planName, 60)} (${PLAN_FILE_LIMIT_TEXT})`;
}

/** `state`: the plan's state before the files were added. */
export function filesAddedText(count: number, planName: string, state: PlanState): string {
  const added = `Added ${filesWord(count)} to ${planPlace(planName, state === 'published' ? 'publishedWithDraft' : state)}.`;
  return state === 'published' ? `${added} The plan was published: this created its draft, as every plan edit does; Publish Plan… makes it live.` : added;
}

export const NO_FILE_ADDED_TEXT = 'No file was added.';

export const FILES_CANCELLED_TEXT = `Cancelled: no file was added. ${UPLOADS_EXPIRE_NOTE}`;

export function dirtyPlanText(planName: string): string {
  return `Kelviq: ${quoted(planName)} has unsaved changes in its editor. Save them (or revert them) first, then Add File… again. No file was added.`;
}

export function downloadDialogTitle(fileName: string): string {
  return `Download ${plainText(fileName, 80)}`;
}

export function downloadedText(fileName: string, savedAs: string): string {
  return `Downloaded ${quoted(fileName)} to ${plainText(savedAs, 300)}.`;
}

export const DOWNLOAD_CANCELLED_TEXT = 'Cancelled: nothing was saved.';
