// One LogOutputChannel ("Kelviq") for the whole extension. Users see short messages with a
// "Show Log" action; the details (status, request id, field errors) go to the log. The API key
// never reaches this file: ApiError carries none, and nothing else here handles it. What users
// see is plain text (errorTexts.ts): an error's message may quote a server; the log keeps the raw
// text.
import * as vscode from 'vscode';
import { isApiError } from './apiErrors';
import { errorNotificationText, rawMessage } from './errorTexts';
import { showMessage } from './userMessages';

export { errorNotificationText, rawMessage, userMessage } from './errorTexts';

export type Log = vscode.LogOutputChannel;

export function createLog(context: vscode.ExtensionContext): Log {
  const log = vscode.window.createOutputChannel('Kelviq', { log: true });
  context.subscriptions.push(log);
  return log;
}

export function isCancellation(err: unknown): boolean {
  return (isApiError(err) && err.kind === 'cancelled') || err instanceof vscode.CancellationError;
}

/** Logs the details of `err` and shows `summary: <short message>` with a "Show Log" button. */
export async function showError(log: Log, summary: string, err: unknown, ...actions: string[]): Promise<string | undefined> {
  if (isCancellation(err)) {
    log.info(`${summary}: cancelled`);
    return undefined;
  }
  log.error(`${summary}: ${rawMessage(err)}`, isApiError(err) ? JSON.stringify(err) : err);
  const choice = await showMessage('error', errorNotificationText(summary, err), {}, ...actions, 'Show Log');
  if (choice === 'Show Log') log.show(true);
  return choice === 'Show Log' ? undefined : choice;
}
