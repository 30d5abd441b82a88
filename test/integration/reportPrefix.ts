/** Marks the reporter's lines so a runner can tell them from the workbench's own console noise. */
export const REPORT_PREFIX = '[kelviq-test] ';
