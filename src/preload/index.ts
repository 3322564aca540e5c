// Runs sandboxed (no Node): exposes named task functions, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { EVENT_IPC_CHANNEL, isEventName, type EventName } from '../shared/api/channels';
import { createApi } from '../shared/api/client';
import type { Result, WorkbenchApi } from '../shared/api/contract';

const DROP_IPC_CHANNEL = 'plek:dropped-file';
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT_IPC_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const l of listeners.get(name) ?? []) l(payload);
});

const api = createApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  (event, listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
) satisfies WorkbenchApi;

contextBridge.exposeInMainWorld('plek', api);

// A CSV or mapping dropped anywhere on the window: main validates the path and tells the renderer.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  const path = webUtils.getPathForFile(file);
  if (path) ipcRenderer.send(DROP_IPC_CHANNEL, path);
});
