// The upload steps shared by Add Image… and Add File…: the checks before anything is sent
// (checkFiles, with the kind's rules: type, size), then for each file: read it, `POST /media/`, then the bytes straight to the storage URL that
// answer names (never with the API key). Progress names the file and the bytes; Cancel aborts the
// transfer in flight and stops the loop; a file that failed is explained and its key not kept.
// The caller attaches the keys (one PATCH) and says what happened.
import * as vscode from 'vscode';
import type { KelviqClient } from '../../api';
import { isStorageError } from '../../apiErrors';
import { isCancellation, type Log } from '../../logging';
import { quoted } from '../../domain/untrustedText';
import { baseName, progressText, uploadFailureText } from './uploadTexts';

export interface UploadFile {
  uri: vscode.Uri;
  /** The name it is uploaded under (a base name). */
  name: string;
  /** Its MIME type (the storage policy enforces it). */
  type: string;
  size: number;
}

/** How one kind of upload takes a file: why not (its size, its type by name), and its MIME type. */
export interface UploadRules {
  problem(name: string, size: number): string | undefined;
  typeOf(name: string): string;
}

/**
 * The files that may be uploaded, checked before anything is sent (each can be read, is not a
 * folder, and passes the kind's rules), and why each other one may not, in words.
 */
export async function checkFiles(uris: readonly vscode.Uri[], rules: UploadRules): Promise<{ accepted: UploadFile[]; refused: string[] }> {
  const accepted: UploadFile[] = [];
  const refused: string[] = [];
  for (const uri of uris) {
    const name = baseName(uri.path);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      refused.push(`${quoted(name, 60)} cannot be read.`);
      continue;
    }
    if (stat.type & vscode.FileType.Directory) {
      refused.push(`${quoted(name, 60)} is a folder.`);
      continue;
    }
    const problem = rules.problem(name, stat.size);
    if (problem) refused.push(problem);
    else accepted.push({ uri, name, type: rules.typeOf(name), size: stat.size });
  }
  return { accepted, refused };
}

export interface UploadOutcome {
  /** The storage keys of the files that uploaded, in order: send these in `imageKeys` / `fileKeys`. */
  keys: string[];
  /** The names of those files. */
  added: string[];
  /** Why each other file did not upload, in words. */
  failed: string[];
  /** Cancel was pressed: nothing may be attached. */
  cancelled: boolean;
}

export interface UploadOptions {
  progress: vscode.Progress<{ message?: string; increment?: number }>;
  token: vscode.CancellationToken;
  log: Log;
  /** What the files are for, for the log: "for product <id>". */
  what: string;
}

export async function uploadEach(client: KelviqClient, files: readonly UploadFile[], options: UploadOptions): Promise<UploadOutcome> {
  const { progress, token, log } = options;
  const outcome: UploadOutcome = { keys: [], added: [], failed: [], cancelled: false };
  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  const total = files.reduce((sum, f) => sum + f.size, 0);
  try {
    for (const [index, file] of files.entries()) {
      if (token.isCancellationRequested) {
        outcome.cancelled = true;
        return outcome;
      }
      progress.report({ message: progressText(file.name, 0, file.size, index, files.length) });
      try {
        const bytes = await vscode.workspace.fs.readFile(file.uri);
        const presign = await client.createUpload(file.name, file.type, { signal: abort.signal });
        let reported = 0;
        await client.uploadToStorage(presign, { name: file.name, type: file.type, bytes }, {
          signal: abort.signal,
          onProgress: (sent, size) => {
            progress.report({ message: progressText(file.name, sent, size, index, files.length), increment: total > 0 ? ((sent - reported) / total) * 100 : 0 });
            reported = sent;
          },
        });
        outcome.keys.push(presign.fileKey);
        outcome.added.push(file.name);
      } catch (err) {
        if (abort.signal.aborted || isCancellation(err) || (isStorageError(err) && err.kind === 'cancelled')) {
          outcome.cancelled = true;
          return outcome;
        }
        const message = err instanceof Error ? err.message : String(err);
        log.warn(`Uploading ${file.name} ${options.what} failed: ${message}`);
        outcome.failed.push(uploadFailureText(file.name, isStorageError(err) ? err.kind : undefined, message));
      }
    }
    return outcome;
  } finally {
    sub.dispose();
  }
}
