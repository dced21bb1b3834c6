// Electron entry: one instance, one store, one secure window.
import { app, BrowserWindow, dialog, Menu, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import type { Context } from './api/handlers/context';
import { resolveDataDir } from './data-dir';
import { AppError } from './errors';
import { createTranslator, supportedLanguage } from './i18n';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { installSecurityGuards, isAppPage, openExternal } from './security';
import { Store } from './store/store';
import { version } from './version';
import { createMainWindow } from './window';

const paths = {
  preload: path.join(__dirname, '../preload/index.cjs'),
  rendererIndex: path.join(__dirname, '../renderer/index.html'),
};

let mainWindow: BrowserWindow | undefined;
let store: Store | undefined;

function language() {
  return supportedLanguage(store?.data.settings.language ?? app.getLocale());
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    mainWindow !== undefined &&
    event.sender === mainWindow.webContents &&
    frame !== null &&
    frame === event.sender.mainFrame &&
    isAppPage(frame.url, paths.rendererIndex)
  );
}

function applyMenu(dataDir: string): void {
  Menu.setApplicationMenu(buildMenu(createTranslator(language()), { window: () => mainWindow, dataDir, version }));
}

function openWindow(): void {
  mainWindow = createMainWindow(paths, createTranslator(language())('app.name'));
  mainWindow.on('closed', () => (mainWindow = undefined));
}

async function start(): Promise<void> {
  installSecurityGuards(paths.rendererIndex);
  const dataDir = resolveDataDir(undefined, app.getPath('userData'))!;
  try {
    store = await Store.open(dataDir);
  } catch (error) {
    const t = createTranslator(language());
    const detail = error instanceof AppError ? t(error.code, error.params) : t('errors.unexpected');
    dialog.showErrorBox(t('electron.startFailed'), detail);
    app.exit(1);
    return;
  }
  store.startPeriodicBackups(30 * 60_000);
  const context: Context = { store, host: { version, shell: 'electron', openExternal }, now: () => new Date() };
  registerIpc(context, isTrustedSender, (channel) => {
    if (channel === 'settings:update') applyMenu(dataDir);
  });
  applyMenu(dataDir);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (!mainWindow && store) openWindow();
  });

  // Quit only once every pending write is on disk and the data folder is unlocked.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !store) return;
    event.preventDefault();
    void store.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  void app.whenReady().then(start);
}
