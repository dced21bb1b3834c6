import { app, BrowserWindow } from 'electron';
import { APP_PAGE } from '../app-page';

/** The one window: every secure default is set here, explicitly. */
export function createMainWindow(preload: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_PAGE).catch((error: unknown) => console.error('the page did not load', error));
  return window;
}
