import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectDocument } from '../../shared/api/contract';
import { defaultDataDir } from '../data-dir';
import { format, formatRef, langFromEnv, type Lang } from '../../shared/i18n';
import { said } from '../../shared/i18n/message';
import { UserError } from '../user-error';
import { MemorySecretStore } from '../services/secret-store';
import { createWorkbenchService } from '../services/workbench-service';
import { ensureRendererBuilt } from './renderer-build';
import { ownerOnlyFiles } from '../security/data-protection';
import { startBridge } from './server';
import { appRoot } from '../app-root';

/** The repository (or unpacked app) root, wherever this module was bundled to. */
export const APP_ROOT = appRoot();

export interface ServeOptions {
  port?: number;
  /** Open the default browser (default true). */
  open?: boolean;
  /** Open the bundled demo project as soon as the page connects. */
  demo?: boolean;
  dataDir?: string;
  root?: string;
  /** Prints the one line with the URL; default: `Plek Provisioning Workbench: <url>`. */
  announce?: (url: string) => void;
  /** Progress notes (building the UI); default stderr. */
  note?: (message: string) => void;
  env?: Record<string, string | undefined>;
  /** The language of the notes printed in the terminal; default from the environment (LANG=nl_NL… → Dutch). */
  lang?: Lang;
}

/** Hands a URL to the operating system's browser; failures are ignored (the URL is printed anyway). */
export function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? // rundll32 takes the URL as one argument; `cmd /c start` would need shell quoting of the fragment.
        ['rundll32', ['url.dll,FileProtocolHandler', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this machine: the printed URL is the way in.
  }
}

/**
 * Browser mode: builds the renderer if needed, starts the workbench service and the loopback bridge, prints
 * one line with the URL (token included) and opens it. Resolves once listening; `stop()` shuts it down.
 */
export async function serve(options: ServeOptions = {}): Promise<{ url: string; stop(): Promise<void> }> {
  ownerOnlyFiles();
  const root = options.root ?? APP_ROOT;
  const note = options.note ?? ((m: string) => process.stderr.write(`${m}\n`));
  const env = options.env ?? process.env;
  const lang = options.lang ?? langFromEnv(env);
  const staticDir = await ensureRendererBuilt({ root, onBuild: () => note(format(lang, 'serve.building')) });
  const dataDir = options.dataDir ?? defaultDataDir(env);
  await mkdir(dataDir, { recursive: true });
  const service = createWorkbenchService({
    dataDir,
    secrets: new MemorySecretStore(),
    mode: 'browser',
    resourcesDir: join(root, 'resources'),
    env,
    onInternalError: (channel, error) =>
      note(
        format(lang, 'serve.internalError', {
          channel,
          detail: error instanceof Error ? error.message : String(error),
        }),
      ),
  });
  let demoPending = options.demo === true;
  const bridge = await startBridge({
    service: {
      dispatch: service.dispatch,
      subscribe: (listener) => {
        const off = service.subscribe(listener);
        if (demoPending) {
          demoPending = false;
          // The first page that listens gets the demo project opened for it.
          void service.dispatch('project:demo', {}).then((r) => {
            if (r.ok) service.emit('project:opened', r.value as ProjectDocument);
            else
              note(
                format(lang, 'serve.demoFailed', {
                  detail: (r.error.detail && formatRef(lang, r.error.detail)) || r.error.message,
                }),
              );
          });
        }
        return off;
      },
    },
    staticDir,
    ...(options.port !== undefined ? { port: options.port } : {}),
  }).catch(async (e: unknown) => {
    await service.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UserError(said('cli.error.portInUse', { port: String(options.port) }), 2, {
        technical: 'EADDRINUSE',
      });
    throw e;
  });
  (options.announce ?? ((url: string) => process.stdout.write(`Plek Provisioning Workbench: ${url}\n`)))(
    bridge.url,
  );
  if (options.open !== false) openInBrowser(bridge.url);
  return {
    url: bridge.url,
    stop: async () => {
      await bridge.stop();
      await service.close();
    },
  };
}

/** Keeps the process alive until Ctrl+C / SIGTERM, then stops cleanly. */
export function stopOnSignal(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolveDone) => {
    const handler = () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      void stop().finally(() => resolveDone());
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
