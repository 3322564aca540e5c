import type { BrowserWindowConstructorOptions } from 'electron';
import { isAllowedExternalUrl, isSafeAbsolutePath, parseOrigin } from '../../shared/api/validators';

/** Sites the workbench may hand to the system browser (help pages); compared as exact origins. */
export const EXTERNAL_ORIGINS: readonly string[] = [
  'https://plek.co',
  'https://www.plek.co',
  'https://help.plek.co',
];

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1366, height: 768 };

/**
 * The main window's options, as a pure function so a unit test can check the security settings without
 * Electron. Every security-relevant flag is written out, even where it equals Electron's default, so a reader
 * (and the test) sees it.
 */
export function windowOptions(
  preloadPath: string,
  state: WindowState = DEFAULT_WINDOW_STATE,
): BrowserWindowConstructorOptions {
  return {
    width: Math.max(1024, state.width),
    height: Math.max(640, state.height),
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Plek Provisioning Workbench',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** What to do with a `window.open` / `target=_blank` link: never a new window; allowed help links go to the OS browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: isAllowedExternalUrl(url, EXTERNAL_ORIGINS) ? url : null };
}

/**
 * Whether a frame URL is the app's own page: for the built app exactly the `file://…/index.html` (fragment and
 * query ignored), for the development server the same origin (exact comparison after parsing).
 */
export function isAppFrameUrl(frameUrl: unknown, appUrl: string): boolean {
  if (typeof frameUrl !== 'string') return false;
  if (appUrl.startsWith('file:')) return frameUrl.split(/[?#]/)[0] === appUrl.split(/[?#]/)[0];
  const frame = parseOrigin(frameUrl);
  const app = parseOrigin(appUrl);
  return frame !== null && app !== null && frame.origin === app.origin;
}

/**
 * Whether the renderer may navigate to `url`: only (re)loads of the app page itself. The app is a single page,
 * so any other navigation (a link, a dropped file, a redirect) is refused.
 */
export function isNavigationAllowed(url: string, appUrl: string): boolean {
  return isAppFrameUrl(url, appUrl);
}

/** A file dropped on the window or handed over on the command line: a CSV to read or a mapping to open. */
export function classifyDroppedPath(path: unknown): { kind: 'csv' | 'mapping'; path: string } | null {
  if (!isSafeAbsolutePath(path)) return null;
  const lower = path.toLowerCase();
  if (lower.endsWith('.plekmap.json')) return { kind: 'mapping', path };
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return { kind: 'csv', path };
  return null;
}

/**
 * The page the window loads. electron-vite's dev server (`ELECTRON_RENDERER_URL`) only in an unpackaged
 * development run: in an installed app that variable could make the window — and with it the preload's API,
 * secrets included — load a page from anywhere, so it is ignored and only the bundled file is used.
 */
export function rendererUrl(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
  builtFileUrl: string,
): { url: string; dev: boolean } {
  const dev = isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  if (dev) {
    const origin = parseOrigin(dev);
    // Even in development: only a dev server on this machine.
    if (origin && origin.scheme === 'http' && ['127.0.0.1', 'localhost', '[::1]'].includes(origin.host))
      return { url: dev, dev: true };
  }
  return { url: builtFileUrl, dev: false };
}
