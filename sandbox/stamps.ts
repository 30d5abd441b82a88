// modifiedOn stamps shared by every model of the sandbox: ISO 8601 with milliseconds and 'Z',
// strictly increasing even for writes in the same millisecond (clients compare them to detect
// concurrent edits), and never earlier than data already loaded.

export class StampClock {
  private last = 0;

  /** Never stamp a write earlier than this (e.g. a date from the state file). */
  observe(iso: string | null | undefined): void {
    if (iso) this.last = Math.max(this.last, Date.parse(iso) || 0);
  }

  next(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }
}
