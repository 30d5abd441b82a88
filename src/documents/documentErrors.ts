// The errors a document read or save ends in, as VS Code file-system errors: short, specific
// messages for the user (untrusted server text neutralised), details in the log. A failed save
// always throws, so VS Code keeps the document dirty with everything the user typed.
import * as vscode from 'vscode';
import { isApiError } from '../apiErrors';
import { isPartialSaveError, MAX_JSON_DEPTH } from '../domain/document';
import { plainText } from '../domain/untrustedText';
import { userMessage, type Log } from '../logging';
import type { DocumentTarget } from './documentKind';

/** The settings now point at another server than the one this document came from. */
export class OriginChangedError extends Error {
  constructor(server: string, target: DocumentTarget) {
    super(
      `This document came from ${server}, but ${target.label} now points at ${target.server}. ` +
        `Nothing is read from or sent to the other server: point the setting back at ${server} to save it, or close it and open the object again.`,
    );
    this.name = 'OriginChangedError';
  }
}

/** A server answer nested deeper than any catalog object (it would overflow the stack when shown). */
export class TooDeepError extends Error {
  constructor(noun: string) {
    super(`The server's ${noun} nests more than ${MAX_JSON_DEPTH} levels deep, so it cannot be shown as a document. Nothing was changed.`);
    this.name = 'TooDeepError';
  }
}

/** The user chose Cancel or Compare, or declined a production write. */
export class SaveAbandoned extends Error {
  constructor(readonly reason: 'compare' | 'cancel') {
    super(reason === 'compare' ? 'Not saved: resolve the conflict (the server version is open beside yours), then save again.' : 'Not saved: cancelled.');
    this.name = 'SaveAbandoned';
  }
}

/** The read of `uri` failed: log it and say why. */
export function fetchFailure(log: Log, uri: vscode.Uri, err: unknown): Error {
  if (err instanceof vscode.FileSystemError) return err;
  const message = plainText(userMessage(err), 400);
  log.error(`Reading ${uri.path} failed: ${userMessage(err)}`);
  if (isApiError(err) && err.kind === 'notFound') return vscode.FileSystemError.FileNotFound(message);
  return vscode.FileSystemError.Unavailable(message);
}

/** Where a save was when it failed: a failure while writing may have landed. */
export type SavePhase = 'checking' | 'writing';

export function saveFailure(log: Log, uri: vscode.Uri, err: unknown, phase: SavePhase): Error {
  if (err instanceof vscode.FileSystemError) return err;
  if (err instanceof SaveAbandoned) return vscode.FileSystemError.Unavailable(err.message);
  if (isPartialSaveError(err)) {
    log.error(`Saving ${uri.path}: partly saved. ${err.message}`, err.cause);
    return vscode.FileSystemError.Unavailable(plainText(err.message, 600));
  }
  const cancelled = (isApiError(err) && err.kind === 'cancelled') || err instanceof vscode.CancellationError;
  if (cancelled) {
    log.warn(`Saving ${uri.path}: cancelled while ${phase}.`);
    return vscode.FileSystemError.Unavailable(
      phase === 'writing'
        ? 'Cancelled while the change was being sent: it may have been applied on the server. Your text is kept; save again and it is compared with the server first.'
        : 'Not saved: cancelled. Nothing was sent.',
    );
  }
  log.error(`Saving ${uri.path} failed: ${userMessage(err)}`, isApiError(err) ? JSON.stringify(err) : err);
  // A write that got no complete answer may have landed; the next save finds out by merging.
  const ambiguous = phase === 'writing' && isApiError(err) && (err.kind === 'network' || err.kind === 'timeout' || err.kind === 'badResponse');
  const suffix = ambiguous ? ' The change may have been applied; your text is kept, and saving again compares with the server first.' : '';
  return vscode.FileSystemError.Unavailable(`Not saved: ${plainText(userMessage(err), 400)}${suffix}`);
}
