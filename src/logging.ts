// One LogOutputChannel ("Kelviq") for the whole extension. Users see short messages with a
// "Show Log" action; the details (status, request id, field errors) go to the log. The API key
// never reaches this file: ApiError carries none, and nothing else here handles it.
import * as vscode from 'vscode';
import { isApiError } from './apiErrors';

export type Log = vscode.LogOutputChannel;

export function createLog(context: vscode.ExtensionContext): Log {
  const log = vscode.window.createOutputChannel('Kelviq', { log: true });
  context.subscriptions.push(log);
  return log;
}

/** The short, actionable text for a notification. */
export function userMessage(err: unknown): string {
  if (isApiError(err)) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
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
  log.error(`${summary}: ${userMessage(err)}`, isApiError(err) ? JSON.stringify(err) : err);
  const choice = await vscode.window.showErrorMessage(`${summary}: ${userMessage(err)}`, ...actions, 'Show Log');
  if (choice === 'Show Log') log.show(true);
  return choice === 'Show Log' ? undefined : choice;
}
