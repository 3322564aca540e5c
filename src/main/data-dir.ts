import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

/**
 * Where the workbench keeps its own files (saved projects, uploads, run journals and reports, the daily sync
 * state, the sandbox's accounts), per user. The app, browser mode, the sync and the CLI all ask here, so the
 * data folder has one definition. `PLEK_WORKBENCH_DATA` overrides it (tests, portable installs).
 */
export function defaultDataDir(env: Env = process.env): string {
  if (env.PLEK_WORKBENCH_DATA) return resolve(env.PLEK_WORKBENCH_DATA);
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Plek Provisioning Workbench');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Plek Provisioning Workbench');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'plek-workbench');
}

/** The folders inside one data folder, named once. */
export interface DataFolders {
  root: string;
  projects: string;
  uploads: string;
  runs: string;
  state: string;
  sandbox: string;
  demo: string;
}

export function dataFolders(root: string): DataFolders {
  return {
    root,
    projects: join(root, 'projects'),
    uploads: join(root, 'uploads'),
    runs: join(root, 'runs'),
    state: join(root, 'state'),
    sandbox: join(root, 'sandbox'),
    demo: join(root, 'demo'),
  };
}

/** The per-user folder of the embedded sandbox's state. */
export function defaultSandboxDir(env: Env = process.env): string {
  return dataFolders(defaultDataDir(env)).sandbox;
}
