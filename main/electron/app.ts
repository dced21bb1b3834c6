// The desktop app: one instance, one store, one secure window, change notices pushed to it, and a
// quit that waits for the data to be on disk. index.ts runs it; the unit tests run it on a mock.
import { app, dialog, Menu, powerMonitor, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { Context } from '../api/channel';
import { resolveDataDir } from '../data-dir';
import { letterFiles } from '../letters/letter-files';
import { sheetFiles } from '../people-io/sheet-files';
import { documentFiles } from '../documents/document-files';
import { AppError } from '../errors';
import { createTranslator, supportedLanguage } from '../i18n';
import { Store } from '../store/store';
import { version } from '../version';
import { registerAppScheme, serveBundle } from './app-protocol';
import { isFromWindow, registerIpc } from './ipc';
import { flushOnQuit, forwardChanges } from './lifecycle';
import { buildMenu } from './menu';
import { installSecurityGuards, openExternal, openPath } from './security';
import { startReminders } from './reminders';
import { saveFileWithDialog } from './save-file';
import { createMainWindow } from './window';

export interface DesktopPaths {
  /** The bundled preload (dist/preload/index.cjs). */
  preload: string;
  /** The built renderer folder served on app://bundle. */
  renderer: string;
  /** The command line: `--data-dir DIR` (or `--data-dir=DIR`) chooses the data folder. */
  argv?: readonly string[];
}

/** The value of --data-dir on Electron's command line (which also carries Chromium's switches). */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') return argv[i + 1];
    if (argv[i].startsWith('--data-dir=')) return argv[i].slice('--data-dir='.length);
  }
  return undefined;
}

/** Sets the app up; resolves once its window is open (or it is leaving: a second instance, a failed start). */
export function runDesktopApp(paths: DesktopPaths): Promise<void> {
  let mainWindow: BrowserWindow | undefined;
  let store: Store | undefined;

  const language = () => supportedLanguage(store?.data.settings.language ?? app.getLocale());

  function applyMenu(dataDir: string): void {
    Menu.setApplicationMenu(buildMenu(createTranslator(language()), { window: () => mainWindow, dataDir, version }));
  }

  function openWindow(current: Store): void {
    const window = createMainWindow(paths.preload, createTranslator(language())('app.name'));
    mainWindow = window;
    forwardChanges(current, window);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    // Windows ends the session without before-quit: write what is pending while we still can.
    window.on('session-end', () => void current.flush());
  }

  async function start(): Promise<void> {
    installSecurityGuards();
    serveBundle(paths.renderer);
    // The portable Windows build keeps its data beside the .exe, so it travels with it.
    const portable = process.env.PORTABLE_EXECUTABLE_DIR;
    const fallback = portable ? path.join(portable, 'Delegation Desk data') : app.getPath('userData');
    const dataDir = resolveDataDir(dataDirArgument(paths.argv ?? []), fallback)!;
    let opened: Store;
    try {
      opened = await Store.open(dataDir, { kind: 'app' });
    } catch (error) {
      const t = createTranslator(language());
      const detail = error instanceof AppError ? t(error.code, error.params) : t('errors.unexpected');
      dialog.showErrorBox(t('electron.startFailed'), detail);
      app.exit(1);
      return;
    }
    store = opened;
    opened.startPeriodicBackups();
    const context: Context = { store: opened, host: { version, shell: 'electron', openExternal, openPath, saveFile: saveFileWithDialog(() => mainWindow) }, now: () => new Date(), letters: letterFiles, sheets: sheetFiles, documents: documentFiles };
    registerIpc(context, (event) => isFromWindow(event, mainWindow), (channel) => {
      if (channel === 'settings:update') applyMenu(dataDir);
    });
    applyMenu(dataDir);
    powerMonitor.on('shutdown', () => void opened.flush());
    openWindow(opened);
    startReminders(() => store?.view(), () => createTranslator(language()));
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
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
    if (!mainWindow && store) openWindow(store);
  });
  // Quit only once every pending write is on disk and the data folder is unlocked.
  flushOnQuit(app, () => store);
  return app.whenReady().then(start);
}
