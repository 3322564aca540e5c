import { app, BrowserWindow, Menu, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MenuCommand, ProjectDocument } from '../../shared/api/contract';
import { MemorySecretStore } from '../services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../services/workbench-service';
import { ownerOnlyFiles } from '../security/data-protection';
import { prestartCsvWorker } from '../sources/csv/read-csv';
import { appSettings, encryptedValues, openAppStore, recentProjects, type AppStore } from './app-store';
import { createDialogHost } from './dialogs';
import { onDroppedFile, registerWorkbenchIpc, sendEvent } from './ipc';
import { menuTemplate } from './menu';
import { isSecureStorageAvailable, SafeStorageSecretStore } from './safe-storage-secrets';
import {
  classifyDroppedPath,
  decideWindowOpen,
  isAppFrameUrl,
  isNavigationAllowed,
  rendererUrl,
  windowOptions,
} from './security';

const here = fileURLToPath(new URL('.', import.meta.url));
/** electron-vite's dev server URL in an unpackaged development run; the built file otherwise (always when packaged). */
const RENDERER = rendererUrl(
  app.isPackaged,
  process.env,
  pathToFileURL(join(here, '../renderer/index.html')).href,
);
const APP_URL = RENDERER.url;

/** Denies everything every web contents might ask for: new windows, navigation, webviews, permissions. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternal) void shell.openExternal(decision.openExternal);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, APP_URL)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url, APP_URL)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Starts the desktop workbench: one window, the service behind IPC, menus, dialogs, drops, stored state. */
export async function startDesktop(): Promise<void> {
  ownerOnlyFiles();
  // The CSV reader's thread, started while the window opens: the first large export read takes it, and a packaged
  // build whose thread cannot start reads in this process from then on instead of failing.
  void prestartCsvWorker();
  const store: AppStore = openAppStore();
  let window: BrowserWindow | null = null;
  const lang = app.getLocale().toLowerCase().startsWith('nl') ? 'nl' : 'en';

  const send = <E extends Parameters<typeof sendEvent>[1]>(
    event: E,
    payload: Parameters<typeof sendEvent<E>>[2],
  ) => {
    if (window) sendEvent(window.webContents, event, payload);
  };

  const service: WorkbenchService = createWorkbenchService({
    dataDir: join(app.getPath('userData'), 'workbench'),
    // Without OS encryption secrets live for the session only (app:info says so), never in plain text on disk.
    secrets: isSecureStorageAvailable(safeStorage)
      ? new SafeStorageSecretStore(safeStorage, encryptedValues(store))
      : new MemorySecretStore(),
    mode: 'electron',
    resourcesDir: app.isPackaged
      ? join(process.resourcesPath, 'resources')
      : join(app.getAppPath(), 'resources'),
    dialogs: createDialogHost(() => window),
    recent: recentProjects(store, () => buildMenu()),
    settings: appSettings(store),
    version: app.getVersion(),
    locale: app.getLocale(),
  });
  service.subscribe((event, payload) => {
    if (window) sendEvent(window.webContents, event, payload as never);
  });

  // Every path that reaches here was chosen by the consultant (menu, drop, file association).
  const openProject = async (path: string) => {
    service.grantPath(path);
    const r = await service.dispatch('project:open', { path });
    if (r.ok) send('project:opened', r.value as ProjectDocument);
  };
  const command = (c: MenuCommand, path?: string) =>
    send('menu:command', path ? { command: c, path } : { command: c });

  function buildMenu(): void {
    const template = menuTemplate(
      {
        // The renderer owns the project flow: it asks for the CSV itself (dialog:pickCsv) on new-csv.
        command: (c) => command(c),
        openMapping: () =>
          void service.dispatch('dialog:openMapping', {}).then((r) => {
            const p = r.ok ? (r.value as { path: string | null }).path : null;
            if (p) void openProject(p);
          }),
        openRecent: (p) => void openProject(p),
        openHelp: () => void shell.openExternal('https://help.plek.co/'),
      },
      {
        recent: store.get('recentProjects'),
        lang,
        isMac: process.platform === 'darwin',
        dev: RENDERER.dev,
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  registerWorkbenchIpc(service.dispatch, {
    isTrustedSender: (event) => isAppFrameUrl(event.senderFrame?.url, APP_URL),
  });
  onDroppedFile((event, path) => {
    if (!isAppFrameUrl(event.senderFrame?.url, APP_URL)) return;
    const dropped = classifyDroppedPath(path);
    if (dropped?.kind === 'mapping') void openProject(dropped.path);
    else if (dropped?.kind === 'csv') {
      service.grantPath(dropped.path);
      command('open-csv', dropped.path);
    }
  });

  hardenSessions();
  buildMenu();

  const state = store.get('windowState');
  window = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs'), state));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (!window) return;
    const b = window.getNormalBounds();
    store.set('windowState', {
      width: b.width,
      height: b.height,
      x: b.x,
      y: b.y,
      maximized: window.isMaximized(),
    });
  });
  window.on('closed', () => {
    window = null;
  });
  await window.loadURL(APP_URL);
  // Started by double-clicking a .plekmap.json (file association): open it once the page is there.
  const initial = classifyDroppedPath(process.argv.at(-1));
  if (initial?.kind === 'mapping') await openProject(initial.path);

  app.on('second-instance', (_e, argv) => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
    const dropped = classifyDroppedPath(argv.at(-1));
    if (dropped?.kind === 'mapping') void openProject(dropped.path);
  });
  app.on('window-all-closed', () => {
    void service.close().finally(() => app.quit());
  });
}
