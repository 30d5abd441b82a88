// What a person is told about an error, and what the log keeps. An error's message may quote a
// server (ApiError) or a setting, so what users see is plain text (src/domain/untrustedText); the
// log keeps the raw message. Pure (no vscode): unit-tested; logging.ts shows them.
import { isApiError } from './apiErrors';
import { plainText } from './domain/untrustedText';

/** The error's own message, unchanged: for the log only. */
export function rawMessage(err: unknown): string {
  if (isApiError(err)) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The short, actionable text for a notification, a view message or a quick pick: plain text. */
export function userMessage(err: unknown): string {
  return plainText(rawMessage(err));
}

/** The text of showError's notification: `summary: <short message>`. */
export function errorNotificationText(summary: string, err: unknown): string {
  return plainText(`${summary}: ${rawMessage(err)}`);
}
