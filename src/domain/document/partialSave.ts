// A save made of several calls (a plan: its fields, its prices, its entitlements) can stop half
// way: some calls landed, one failed. The kind's send then throws PartialSaveError, saying what
// is on the server now; the mechanism measures the next save from there, so the text stays dirty
// with only the unsaved part, and a retry sends only the rest.
import type { JsonObject } from './jsonShapes';

export class PartialSaveError extends Error {
  /**
   * @param landed the editable view now on the server (what was there, plus the calls that landed)
   * @param message for people: exactly what was saved and what was not, and what to do
   * @param serverVersion the server's object after the calls that landed, when the kind read it
   */
  constructor(
    readonly landed: JsonObject,
    message: string,
    readonly serverVersion?: JsonObject,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PartialSaveError';
  }
}

/** By shape, not instanceof: the error may come from the other bundle (dist/core.js). */
export function isPartialSaveError(err: unknown): err is PartialSaveError {
  return err instanceof Error && err.name === 'PartialSaveError' && typeof (err as { landed?: unknown }).landed === 'object' && (err as { landed?: unknown }).landed !== null;
}
