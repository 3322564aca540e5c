/** Bounds of the retention setting, in days (the default is 30). */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

/** The workbench's own settings, kept per user beside its data (not in a mapping file). */
export interface WorkbenchSettings {
  /**
   * Days HR data stays in the workbench's folders (uploaded exports, run journals and reports, sandbox state);
   * older files go when the workbench starts and after each run.
   */
  retentionDays: number;
}
