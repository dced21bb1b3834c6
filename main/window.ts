import { app, BrowserWindow } from 'electron';

export interface WindowPaths {
  preload: string;
  rendererIndex: string;
}

/** The one window: every secure default is set here, explicitly. */
export function createMainWindow({ preload, rendererIndex }: WindowPaths, title: string): BrowserWindow {
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
  window.loadFile(rendererIndex).catch((error: unknown) => console.error('the page did not load', error));
  return window;
}
