// Electron entry: one instance, one store, one secure window.
import { app, BrowserWindow, dialog, Menu, powerMonitor, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import type { Context } from '../api/channel';
import { resolveDataDir } from '../data-dir';
import { AppError } from '../errors';
import { createTranslator, supportedLanguage } from '../i18n';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { isAppPage } from '../app-page';
import { registerAppScheme, serveBundle } from './app-protocol';
import { installSecurityGuards, openExternal } from './security';
import { Store } from '../store/store';
import { version } from '../version';
import { createMainWindow } from './window';
import { flushOnQuit, forwardChanges } from './lifecycle';

const paths = {
  preload: path.join(__dirname, '../preload/index.cjs'),
  renderer: path.join(__dirname, '../renderer'),
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
    isAppPage(frame.url)
  );
}

function applyMenu(dataDir: string): void {
  Menu.setApplicationMenu(buildMenu(createTranslator(language()), { window: () => mainWindow, dataDir, version }));
}

function openWindow(): void {
  mainWindow = createMainWindow(paths.preload, createTranslator(language())('app.name'));
  mainWindow.on('closed', () => (mainWindow = undefined));
  // Windows ends the session without before-quit: write what is pending while we still can.
  mainWindow.on('session-end', () => void store?.flush());
}

async function start(): Promise<void> {
  installSecurityGuards();
  serveBundle(paths.renderer);
  // The portable Windows build keeps its data beside the .exe, so it travels with it.
  const portable = process.env.PORTABLE_EXECUTABLE_DIR;
  const dataDir = resolveDataDir(undefined, portable ? path.join(portable, 'Delegation Desk data') : app.getPath('userData'))!;
  try {
    store = await Store.open(dataDir, { kind: 'app' });
  } catch (error) {
    const t = createTranslator(language());
    const detail = error instanceof AppError ? t(error.code, error.params) : t('errors.unexpected');
    dialog.showErrorBox(t('electron.startFailed'), detail);
    app.exit(1);
    return;
  }
  store.startPeriodicBackups();
  const context: Context = { store, host: { version, shell: 'electron', openExternal }, now: () => new Date() };
  registerIpc(context, isTrustedSender, (channel) => {
    if (channel === 'settings:update') applyMenu(dataDir);
  });
  applyMenu(dataDir);
  forwardChanges(store, () => mainWindow);
  powerMonitor.on('shutdown', () => void store?.flush());
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && store) openWindow();
  });

  // Quit only once every pending write is on disk and the data folder is unlocked.
  flushOnQuit(app, () => store);

  void app.whenReady().then(start);
}
