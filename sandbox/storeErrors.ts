// What the stores answer besides records: a business-rule rejection (a DRF-style 400) and the
// outcome of a soft delete.
import type { DrfErrors } from './drfErrors';

export type ArchiveResult = 'archived' | 'already-archived' | 'not-found';

/** A business-rule rejection the server turns into a DRF-style 400. */
export class FieldError extends Error {
  constructor(readonly fields: DrfErrors) {
    super(JSON.stringify(fields));
  }
}
