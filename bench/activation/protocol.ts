// What the activation suite (inside the extension host) reports to the runner (in this process).

/** Marks the suite's result line among the workbench's console output. */
export const RESULT_MARKER = '[kelviq-bench] ';
export const EXTENSION_ID = 'kelviq-catalog.kelviq-catalog';

export interface ActivationResult {
  /** ext.isActive before the suite called activate(); must be false for a valid measurement. */
  wasActive: boolean;
  /** Wall time of `await ext.activate()` (load the bundle, run activate()). */
  activateMs: number;
  /** The extension host's own perf marks (code/extHost/…/<id>), when present. */
  host?: { codeLoadingMs: number; activateCallMs: number; totalMs: number };
  /** How the heap was collected before each reading: 'global.gc', 'v8 flag', or 'none'. */
  gc: string;
  heapBeforeMB: number;
  heapAfterMB: number;
  /** Rows getChildren() returned after "Load All Products". */
  rows: number;
  loadAllMs: number;
}
