import type {
  ApiReadProgress,
  AppInfo,
  CertificateInfo,
  ConnectionTestResult,
  PlanAction,
  PlanView,
  PreviewResult,
  ProjectDocument,
  RequestInput,
  RunLogLine,
  RunProgress,
  RunReport,
  SecretEndpointInput,
  SecretName,
  SourceSample,
  ValidationResult,
  WorkbenchApi,
  WorkbenchSettings,
} from '../../../../shared/api/contract';
import type { MappingFileInput } from '../../../../shared/mapping/schema';
import type { Lang, MessageKey } from '../i18n';

export const STEPS = ['start', 'source', 'mapping', 'validate', 'rules', 'plan', 'run'] as const;
export type Step = (typeof STEPS)[number];
export type Theme = 'light' | 'dark';

/** A long task the main process runs for us (sampling, planning): progress comes as `task:progress` events. */
export interface RunningTask {
  id: string;
  label: MessageKey;
  done: number;
  total: number | null;
  startedAt: number;
  /** Reading an HR application's API: records, pages, records/s, ETA. */
  api?: ApiReadProgress;
}

export interface UiSlice {
  lang: Lang;
  /** null = follow the system (`prefers-color-scheme`). */
  theme: Theme | null;
  step: Step;
  error: string | null;
  notice: MessageKey | null;
  task: RunningTask | null;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  goTo(step: Step): void;
  showError(message: string): void;
  dismissMessages(): void;
  cancelTask(): Promise<void>;
}

export interface ProjectSlice {
  appInfo: AppInfo | null;
  recent: string[];
  project: ProjectDocument | null;
  mapping: MappingFileInput | null;
  /** Bumped on every mapping edit; a plan or validation remembers the revision it was made from. */
  revision: number;
  savedRevision: number;
  today: string;
  opening: boolean;
  init(): Promise<void>;
  openDemo(): Promise<void>;
  openProject(path: string): Promise<void>;
  newProject(name: string, source: RequestInput<'project:new'>['source']): Promise<void>;
  /** Browser mode: sends a picked CSV to the workbench and starts a project on it. */
  uploadCsvAndCreate(fileName: string, contentBase64: string): Promise<void>;
  pickCsvAndCreate(): Promise<void>;
  pickMappingAndOpen(): Promise<void>;
  /** Saves to the project's file; `as` (or a project never saved) asks where first. */
  saveProject(as?: boolean): Promise<void>;
  updateMapping(edit: (mapping: MappingFileInput) => MappingFileInput): void;
  adoptProject(doc: ProjectDocument): void;
}

export interface SourceSlice {
  sample: SourceSample | null;
  sampleRevision: number;
  certificate: CertificateInfo | null;
  connectionTest: ConnectionTestResult | null;
  secretsPresent: Partial<Record<SecretName, boolean>>;
  takeSample(): Promise<void>;
  /** Shows the directory's certificate (and returns it); null when the server could not be reached. */
  inspectCertificate(url: string): Promise<CertificateInfo | null>;
  pinCertificate(): void;
  testConnection(): Promise<void>;
  storeSecret(name: SecretName, value: string, scope?: string | SecretEndpointInput): Promise<void>;
  checkSecret(name: SecretName, scope?: string | SecretEndpointInput): Promise<void>;
}

export interface ValidationSlice {
  validation: ValidationResult | null;
  validationRevision: number;
  validating: boolean;
  /** The running check of every row: its task id and how far reading the source got (from task:progress). */
  validationProgress: { taskId: string; done: number; total: number | null } | null;
  preview: PreviewResult | null;
  previewRevision: number;
  previewing: boolean;
  selectedRow: number | null;
  validate(): Promise<void>;
  /** Stops waiting for a validation; its late answer is dropped. */
  cancelValidation(): void;
  refreshPreview(): Promise<void>;
  selectRow(row: number | null): void;
}

export interface PlanFilter {
  action: PlanAction | 'all' | 'warning';
  text: string;
}

export interface PlanSlice {
  plan: PlanView | null;
  planRevision: number;
  allowOverride: boolean;
  planFilter: PlanFilter;
  computePlan(): Promise<void>;
  setAllowOverride(allow: boolean): void;
  setPlanFilter(filter: Partial<PlanFilter>): void;
}

export type RunStatus = RunReport['status'];

export interface RunSlice {
  runId: string | null;
  runStatus: RunStatus | null;
  runStartedAt: number | null;
  progress: RunProgress | null;
  /** When the last progress event arrived (ms), to measure the rate when the service sends none. */
  progressAt: number | null;
  log: RunLogLine[];
  report: RunReport | null;
  /**
   * Paused: the run was stopped on request and can go on. The service journals every operation per plan, so
   * resuming applies the same plan again and skips what is done.
   */
  paused: boolean;
  pausing: boolean;
  apply(): Promise<void>;
  cancelRun(): Promise<void>;
  pauseRun(): Promise<void>;
  resumeRun(): Promise<void>;
}

/** The workbench's own HR data on this computer (Start page, "Workbench data"). */
export interface WorkbenchDataSlice {
  /** null until loaded. */
  settings: WorkbenchSettings | null;
  loadSettings(): Promise<void>;
  /** Saves the retention period; returns how many old files and folders went at once, null on failure. */
  saveRetentionDays(days: number): Promise<number | null>;
  /** Removes uploads, run journals and reports, sandbox state (and saved projects when asked); null on failure. */
  clearWorkbenchData(includeProjects: boolean): Promise<number | null>;
}

export type AppState = UiSlice &
  ProjectSlice &
  SourceSlice &
  ValidationSlice &
  PlanSlice &
  RunSlice &
  WorkbenchDataSlice;

/** What the store needs from its surroundings; tests pass fakes. */
export interface StoreDeps {
  api: WorkbenchApi;
  now(): Date;
  /** Where UI preferences persist (localStorage in the app). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  systemLanguage?: string;
  newTaskId(): string;
}

export type SetState = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;
