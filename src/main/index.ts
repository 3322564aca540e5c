import { app } from 'electron';
import { startDesktop } from './electron/main-window';

// One workbench at a time: a second start focuses the first window (and opens a mapping passed to it).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  void app.whenReady().then(startDesktop);
}
