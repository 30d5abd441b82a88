// What the activation suite (inside the extension host) reports to the runner (in this process).

/** Marks the suite's result line among the workbench's console output. */
export const RESULT_MARKER = '[kelviq-bench] ';
export const EXTENSION_ID = 'kelviq-catalog.kelviq-catalog';

export interface ActivationResult {
  /** ext.isActive before the suite called activate(); must be false for a valid measurement. */
  wasActive: boolean;
  /** Wall time of `await ext.activate()` (load the bundle, run activate()). */
  activateMs: number;
  /**
   * The extension host's own perf marks (code/extHost/…/<id>), when present: require() of the
   * bundle; then the wait for the extension context (VS Code loads globalState/workspaceState over
   * RPC, in parallel with the require); then the activate() call; total = load start → activated.
   */
  host?: { codeLoadingMs: number; contextWaitMs: number; activateCallMs: number; totalMs: number };
  /** How the heap was collected before each reading: 'global.gc', 'v8 flag', or 'none'. */
  gc: string;
  heapBeforeMB: number;
  heapAfterMB: number;
  /** Rows getChildren() returned after "Load All Products". */
  rows: number;
  /** executeCommand('kelviq.loadAllProducts'). */
  loadAllMs: number;
  /** The getChildren() after it (10,000 tree nodes). */
  getChildrenMs: number;
}
