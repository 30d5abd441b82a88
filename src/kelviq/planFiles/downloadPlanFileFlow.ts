// Download File (a plan's file row): asks where to save it (the file's name, made safe, offered),
// then `GET …/file/<id>/download/` on the client's own base URL for the short-lived signed storage
// URL, and that URL without the API key (the URL is a credential: never logged). The bytes go to
// `<target>.part`, renamed onto the target only once complete: a cancelled or failed download
// leaves no partial target (and no .part). Progress shows the bytes; Cancel stops the transfer.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { isStorageError } from '../../apiErrors';
import { plainText } from '../../domain/untrustedText';
import { isCancellation, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from '../connection/connection';
import type { Prompts } from '../connection/prompts';
import { formatBytes } from '../uploads/uploadTexts';
import { DOWNLOAD_CANCELLED_TEXT, downloadDialogTitle, downloadedText, safeFileName } from './planFileTexts';
import type { PlanFileNode } from './planFileTreeItems';

/** Held in memory at most (a file added here is at most 100 MB; kelviq's own limit is higher). */
const MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;

export interface DownloadDeps {
  connection: Connection;
  prompts: Prompts;
  log: Log;
}

function defaultTarget(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.joinPath(vscode.Uri.file(homedir()), name);
}

async function removeQuietly(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  } catch {
    // not there: nothing to remove
  }
}

/** The URI written, or undefined when nothing was (no choice, or cancelled). */
export async function downloadPlanFile(deps: DownloadDeps, node: PlanFileNode): Promise<vscode.Uri | undefined> {
  const { file } = node;
  const { environment, plan } = node.parentNode;
  const name = safeFileName(file.name);
  const target = await deps.prompts.saveFile({ title: downloadDialogTitle(file.name ?? name), saveLabel: 'Download', defaultUri: defaultTarget(name) });
  if (!target) return undefined;
  const { client } = await deps.connection.client(environment);
  const part = target.with({ path: `${target.path}.part` });

  const size = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Downloading ${plainText(name, 60)}`, cancellable: true },
    async (progress, token): Promise<number | 'cancelled'> => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        const url = await client.planFileDownloadUrl(plan.identifier, file.id, { signal: abort.signal });
        const download = await client.downloadFromStorage(url, {
          signal: abort.signal,
          maxBytes: MAX_DOWNLOAD_BYTES,
          onProgress: (received, total) => {
            const increment = total ? ((received - reported) / total) * 100 : undefined;
            progress.report({ message: total ? `${formatBytes(received)} of ${formatBytes(total)}` : formatBytes(received), ...(increment !== undefined ? { increment } : {}) });
            reported = received;
          },
        });
        if (token.isCancellationRequested) return 'cancelled';
        await vscode.workspace.fs.writeFile(part, download.bytes ?? new Uint8Array());
        if (token.isCancellationRequested) {
          await removeQuietly(part);
          return 'cancelled';
        }
        await vscode.workspace.fs.rename(part, target, { overwrite: true });
        return download.size;
      } catch (err) {
        await removeQuietly(part);
        if (abort.signal.aborted || isCancellation(err) || (isStorageError(err) && err.kind === 'cancelled')) return 'cancelled';
        throw err;
      } finally {
        sub.dispose();
      }
    },
  );
  if (size === 'cancelled') {
    deps.log.info(`Download of file ${file.id} of plan ${plan.identifier}: cancelled; nothing saved.`);
    void showMessage('info', DOWNLOAD_CANCELLED_TEXT);
    return undefined;
  }
  deps.log.info(`Downloaded file ${file.id} of plan ${plan.identifier} (${size} bytes).`);
  void showMessage('info', downloadedText(file.name ?? name, target.scheme === 'file' ? target.fsPath : target.toString(true)));
  return target;
}
