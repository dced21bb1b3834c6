// A hand-written stand-in for the parts of Electron that main/electron uses, so that the real glue
// runs in unit tests where the Electron binary is absent (vi.mock('electron', ...)).
//
// It behaves, where our code depends on it, the way Electron does: app, windows and contents are
// event emitters the tests fire; a window's page is in its main frame once loadURL ran; a new
// window's contents are announced with 'web-contents-created'; app.quit() emits a preventable
// 'before-quit'; a second ipcMain.handle on one channel throws; send() on destroyed contents throws;
// net.fetch rejects for a missing file; app.getPath throws for a name no test set. It records what
// the code registers (IPC handlers, session handlers, the protocol handler, menus, dialogs, opened
// links) so that tests can call those handlers as Electron would. reset() gives a clean slate.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Handler = (...args: any[]) => any;

/** A frame: the main frame of some contents, or an iframe inside it. */
export class FakeWebFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  mainFrame = new FakeWebFrame('about:blank');
  windowOpenHandler?: (details: { url: string }) => { action: string };
  sent: [string, unknown][] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

/** What a preventable Electron event looks like to a listener. */
export function preventableEvent<T extends object>(fields: T = {} as T) {
  let prevented = false;
  return {
    ...fields,
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export function createElectronMock() {
  const recorded = {
    ipcHandlers: new Map<string, Handler>(),
    session: {
      permissionRequest: undefined as Handler | undefined,
      permissionCheck: undefined as Handler | undefined,
      devicePermission: undefined as Handler | undefined,
      beforeRequest: undefined as { filter: { urls: string[] }; handler: Handler } | undefined,
    },
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    privilegedSchemes: [] as unknown[],
    fetched: [] as string[],
    opened: [] as string[],
    openedPaths: [] as string[],
    windows: [] as FakeBrowserWindow[],
    menus: [] as { template: any[] }[],
    errorBoxes: [] as [string, string][],
    /** The options of each save dialog shown, and what the next one answers (a path, or null: cancelled). */
    saveDialogs: [] as { parent: unknown; options: { defaultPath?: string; filters?: unknown[] } }[],
    saveAnswer: null as string | null,
    notifications: [] as { title: string; body: string }[],
  };

  class FakeApp extends EventEmitter {
    paths = new Map<string, string>();
    locale = 'en-GB';
    isPackaged = false;
    /** What requestSingleInstanceLock answers: false plays a second instance. */
    primaryInstance = true;
    sandboxed = false;
    /** Every app.quit() call, and whether the app did quit (no before-quit listener prevented it). */
    quitCalls = 0;
    quitted = false;
    exitCodes: number[] = [];
    getPath(name: string): string {
      const found = this.paths.get(name);
      if (!found) throw new Error(`unexpected app.getPath(${name}): set it in the test`);
      return found;
    }
    getLocale() {
      return this.locale;
    }
    requestSingleInstanceLock() {
      return this.primaryInstance;
    }
    enableSandbox() {
      this.sandboxed = true;
    }
    whenReady() {
      return Promise.resolve();
    }
    quit() {
      this.quitCalls++;
      const event = preventableEvent();
      this.emit('before-quit', event);
      if (!event.defaultPrevented) this.quitted = true;
    }
    exit(code = 0) {
      this.exitCodes.push(code);
    }
  }
  const app = new FakeApp();

  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    focused = false;
    shown = false;
    loadedUrls: string[] = [];
    constructor(public options: Record<string, any> = {}) {
      super();
      recorded.windows.push(this);
      app.emit('web-contents-created', preventableEvent(), this.webContents);
    }
    async loadURL(url: string) {
      this.loadedUrls.push(url);
      this.webContents.mainFrame = new FakeWebFrame(url);
      this.emit('ready-to-show');
    }
    show() {
      this.shown = true;
    }
    focus() {
      this.focused = true;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** Electron's order: 'closed' is emitted, then the window and its contents are gone. */
    close() {
      if (this.destroyed) return;
      this.emit('closed');
      this.destroyed = true;
      this.webContents.destroyed = true;
    }
  }

  const session = {
    setPermissionRequestHandler(h: Handler) {
      recorded.session.permissionRequest = h;
    },
    setPermissionCheckHandler(h: Handler) {
      recorded.session.permissionCheck = h;
    },
    setDevicePermissionHandler(h: Handler) {
      recorded.session.devicePermission = h;
    },
    webRequest: {
      onBeforeRequest(filter: { urls: string[] }, handler: Handler) {
        recorded.session.beforeRequest = { filter, handler };
      },
    },
  };

  function reset() {
    app.removeAllListeners();
    Object.assign(app, { locale: 'en-GB', isPackaged: false, primaryInstance: true, sandboxed: false, quitCalls: 0, quitted: false });
    app.paths.clear();
    app.exitCodes.splice(0);
    recorded.ipcHandlers.clear();
    recorded.session = { permissionRequest: undefined, permissionCheck: undefined, devicePermission: undefined, beforeRequest: undefined };
    recorded.protocolHandlers.clear();
    for (const list of [recorded.privilegedSchemes, recorded.fetched, recorded.opened, recorded.openedPaths, recorded.windows, recorded.menus, recorded.errorBoxes, recorded.saveDialogs, recorded.notifications]) {
      list.splice(0);
    }
    recorded.saveAnswer = null;
    powerMonitor.removeAllListeners();
  }

  const powerMonitor = new EventEmitter();

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle(channel: string, handler: Handler) {
        if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        recorded.ipcHandlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        recorded.ipcHandlers.delete(channel);
      },
    },
    session: { defaultSession: session },
    shell: {
      async openExternal(url: string) {
        recorded.opened.push(url);
      },
      async openPath(folder: string) {
        recorded.openedPaths.push(folder);
        return '';
      },
    },
    protocol: {
      handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
        recorded.protocolHandlers.set(scheme, handler);
      },
      registerSchemesAsPrivileged(schemes: unknown[]) {
        recorded.privilegedSchemes.push(...schemes);
      },
    },
    net: {
      // file:// URLs read as Electron's net.fetch reads them: a missing file rejects.
      async fetch(url: string) {
        recorded.fetched.push(url);
        const body = await readFile(fileURLToPath(url)).catch(() => {
          throw new TypeError('net::ERR_FILE_NOT_FOUND');
        });
        return new Response(body, { status: 200, headers: { 'Content-Type': url.endsWith('.html') ? 'text/html' : 'application/octet-stream' } });
      },
    },
    Menu: {
      buildFromTemplate(template: any[]) {
        return { template };
      },
      setApplicationMenu(menu: { template: any[] }) {
        recorded.menus.push(menu);
      },
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        recorded.errorBoxes.push([title, content]);
      },
      async showMessageBox() {
        return { response: 0 };
      },
      async showSaveDialog(...args: unknown[]) {
        const [parent, options] = args.length > 1 ? args : [undefined, args[0]];
        recorded.saveDialogs.push({ parent, options: options as { defaultPath?: string } });
        return recorded.saveAnswer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: recorded.saveAnswer };
      },
    },
    powerMonitor,
    Notification: class {
      static isSupported() {
        return true;
      }
      constructor(private readonly options: { title: string; body: string }) {}
      show() {
        recorded.notifications.push(this.options);
      }
    },
    // What tests read back, and the clean slate between them.
    recorded,
    reset,
  };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;
export type FakeBrowserWindow = InstanceType<ElectronMock['BrowserWindow']>;
