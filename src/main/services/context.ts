import { join, resolve } from 'node:path';
import type { EventName } from '../../shared/api/channels';
import type { AppInfo, EventMap, WorkbenchSettings } from '../../shared/api/contract';
import { todayIn } from '../../shared/engine/today';
import { dataFolders, type DataFolders } from '../data-dir';
import type { WorkbenchBackends } from './backends';
import { EventHub } from './event-hub';
export { newId } from './ids';
import { PlanStore, RunStore } from './run-state';
import { SandboxManager } from './sandbox-manager';
import { PathGrants } from '../security/path-policy';
import { EndpointSecrets } from './endpoint-secrets';
import { SecretRedactor, type SecretStore } from './secret-store';
import { TaskRegistry } from './tasks';
import { fileSettingsStore, settingsWithDefaults, type SettingsStore } from './settings';
import { clearWorkbenchData, DAY_MS } from '../security/data-protection';

export interface DialogHost {
  openMapping(): Promise<string | null>;
  saveMapping(suggestedName?: string): Promise<string | null>;
  pickCsv(): Promise<string | null>;
}

export interface RecentProjects {
  list(): Promise<string[]>;
  add(path: string): Promise<void>;
}

export interface WorkbenchServiceOptions {
  /** The workbench's own folder: saved projects, uploads, the sandbox state. */
  dataDir: string;
  secrets: SecretStore;
  mode: AppInfo['mode'];
  /** Folder holding `demo/` (hr-export.csv + demo.plekmap.json); the repository's `resources` by default. */
  resourcesDir?: string;
  /** Native dialogs (Electron only). */
  dialogs?: DialogHost;
  recent?: RecentProjects;
  backends?: WorkbenchBackends;
  /** The clock: today's date for the engine comes from here, never from inside the engine. */
  now?: () => Date;
  env?: Record<string, string | undefined>;
  version?: string;
  locale?: string;
  /**
   * Days HR data (uploads, run journals, sandbox state) is kept when the consultant has not set it (settings:set);
   * older is removed at start and after each run. Default 30.
   */
  retentionDays?: number;
  /** Where settings:set persists (electron-store in the app); `settings.json` in the data folder by default. */
  settings?: SettingsStore;
  /** Milliseconds for the time budget of one request (default performance.now); tests pass a fake. */
  budgetClock?: () => number;
  /** Unexpected errors (bugs), for a log; never receives request bodies or secrets. */
  onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * What every handler module shares: the options, the clock, the event hub, the secret redactor, running
 * tasks, plans and runs, and the embedded sandbox. Handlers get this object and nothing global.
 */
export interface ServiceContext {
  options: WorkbenchServiceOptions;
  now(): Date;
  /** The clock of request time budgets (security/budget.ts), monotonic milliseconds. */
  budgetClock(): number;
  /** Today's date (yyyy-mm-dd) in the mapping's time zone (default Europe/Amsterdam), from the service's clock. */
  today(timeZone?: string): string;
  env: Record<string, string | undefined>;
  folders: DataFolders;
  resourcesDir: string;
  hub: EventHub;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  redactor: SecretRedactor;
  recent: RecentProjects;
  tasks: TaskRegistry;
  plans: PlanStore;
  runs: RunStore;
  sandbox: SandboxManager;
  /**
   * Stored secrets, each bound to the endpoint it was entered for (never the environment: that is the CLI's);
   * values read are remembered by the redactor so they never leave in text.
   */
  secrets: EndpointSecrets;
  /** Absolute paths the consultant picked (dialogs, drops, uploads) and the workbench's own data folder. */
  grants: PathGrants;
  /** The workbench's settings as stored, with defaults for what is not (or not validly) stored. */
  settings(): Promise<WorkbenchSettings>;
  saveSettings(settings: WorkbenchSettings): Promise<void>;
  /** Removes HR data older than the retention period; returns how many files and folders went. Never throws. */
  applyRetention(): Promise<number>;
}

function memoryRecent(): RecentProjects {
  const paths: string[] = [];
  return {
    list: async () => [...paths],
    add: async (p) => {
      const i = paths.indexOf(p);
      if (i >= 0) paths.splice(i, 1);
      paths.unshift(p);
      paths.splice(10);
    },
  };
}

export function createServiceContext(options: WorkbenchServiceOptions): ServiceContext {
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  const hub = new EventHub();
  const redactor = new SecretRedactor();
  const resourcesDir = options.resourcesDir ?? resolve(process.cwd(), 'resources');
  const folders = dataFolders(options.dataDir);
  const emit: ServiceContext['emit'] = (event, payload) => hub.emit(event, payload);
  const settingsStore = options.settings ?? fileSettingsStore(options.dataDir);
  const fallback = options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {};
  const settings = async () => settingsWithDefaults(await settingsStore.read(), fallback);
  return {
    options,
    now,
    budgetClock: options.budgetClock ?? (() => performance.now()),
    today: (timeZone) => todayIn(timeZone, now()),
    env,
    folders,
    resourcesDir,
    hub,
    emit,
    redactor,
    recent: options.recent ?? memoryRecent(),
    tasks: new TaskRegistry(),
    plans: new PlanStore(),
    runs: new RunStore(),
    sandbox: new SandboxManager({ dataDir: folders.sandbox, resourcesDir, redactor, emit }),
    secrets: new EndpointSecrets(options.secrets, redactor),
    grants: (() => {
      const grants = new PathGrants(join(options.dataDir, 'picked-files.json'));
      grants.grantFolder(options.dataDir);
      return grants;
    })(),
    settings,
    saveSettings: (next) => settingsStore.write(next),
    applyRetention: async () => {
      try {
        const { retentionDays } = await settings();
        return await clearWorkbenchData(folders, {
          now: now().getTime(),
          olderThanMs: retentionDays * DAY_MS,
        });
      } catch {
        return 0;
      }
    },
  };
}
