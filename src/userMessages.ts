// Notifications and dialogs. Every one the extension shows goes through
// showMessage, which passes the message and each line of the detail through plainText (no link,
// icon, control character or runaway length reaches VS Code, whatever the caller built it from),
// and announces what it showed on onDidShowMessage: VS Code offers no way to read a notification
// back, and the extension-host tests must check the text actually shown.
import * as vscode from 'vscode';
import { plainText } from './domain/untrustedText';

export type MessageSeverity = 'info' | 'warning' | 'error';

export interface ShownMessage {
  severity: MessageSeverity;
  message: string;
  detail?: string;
  modal: boolean;
  items: readonly string[];
}

const shown = new vscode.EventEmitter<ShownMessage>();
/** Fires with each message as it is handed to VS Code. */
export const onDidShowMessage = shown.event;
/** For context.subscriptions. */
export const userMessageEvents: vscode.Disposable = shown;

export interface MessageOptions {
  modal?: boolean;
  /** Shown in modal dialogs only; line breaks are kept, each line is plain text. */
  detail?: string;
}

export function showMessage(severity: MessageSeverity, text: string, options: MessageOptions = {}, ...items: string[]): Thenable<string | undefined> {
  const message = plainText(text);
  const detail = options.detail === undefined ? undefined : options.detail.split('\n').map((line) => plainText(line)).join('\n');
  const vsOptions: vscode.MessageOptions = { modal: options.modal === true, ...(detail !== undefined ? { detail } : {}) };
  shown.fire({ severity, message, ...(detail !== undefined ? { detail } : {}), modal: vsOptions.modal === true, items });
  switch (severity) {
    case 'info':
      return vscode.window.showInformationMessage(message, vsOptions, ...items);
    case 'warning':
      return vscode.window.showWarningMessage(message, vsOptions, ...items);
    case 'error':
      return vscode.window.showErrorMessage(message, vsOptions, ...items);
  }
}
