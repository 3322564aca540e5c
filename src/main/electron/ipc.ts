// The only module that touches ipcMain (eslint.config.js bans it elsewhere).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, EVENT_IPC_CHANNEL, type Channel, type EventName } from '../../shared/api/channels';
import { fail, type EventMap, type Result } from '../../shared/api/contract';
import { refusal } from '../../shared/api/refusals';
import type { Dispatch } from '../services/dispatch';

/** The IPC channel for a file dropped on the window (preload → main, fire-and-forget). */
export const DROP_IPC_CHANNEL = 'plek:dropped-file';

export interface IpcOptions {
  /** True when the request comes from our own page (the frame URL is the app's), not an injected frame. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
}

/**
 * Registers one typed handler. The payload is `unknown` until `dispatch` has validated it against the
 * contract; the answer is always a `Result` (Electron drops custom error fields, so nothing is thrown across).
 */
export function handle(channel: Channel, dispatch: Dispatch, options: IpcOptions): void {
  ipcMain.handle(channel, async (event, body: unknown): Promise<Result<unknown>> => {
    if (!options.isTrustedSender(event))
      return fail(
        'forbidden',
        'request from an untrusted frame',
        undefined,
        refusal('refusal.untrustedFrame'),
      );
    return dispatch(channel, body);
  });
}

/** Registers every channel of the contract; returns a function that removes them again. */
export function registerWorkbenchIpc(dispatch: Dispatch, options: IpcOptions): () => void {
  for (const channel of CHANNELS) handle(channel, dispatch, options);
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Listens for files dropped on the window; the path is validated by the caller. */
export function onDroppedFile(listener: (event: Electron.IpcMainEvent, path: unknown) => void): void {
  ipcMain.on(DROP_IPC_CHANNEL, (event, path: unknown) => listener(event, path));
}

/** Sends one event to a window's renderer (the preload re-dispatches it to `api.on` listeners). */
export function sendEvent<E extends EventName>(contents: WebContents, event: E, payload: EventMap[E]): void {
  if (!contents.isDestroyed()) contents.send(EVENT_IPC_CHANNEL, event, payload);
}
