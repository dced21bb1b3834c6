// A hand-written stand-in for the parts of Electron the glue uses, so that the real main/electron
// code runs in unit tests where the Electron binary is absent. It records what the code registers
// (IPC handlers, app and contents events, session handlers, the protocol handler) and lets a test
// fire them.
import { EventEmitter } from 'node:events';

type Handler = (...args: any[]) => any;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  mainFrame = { url: 'app://bundle/index.html' };
  sent: [string, unknown][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
}

export class FakeBrowserWindow {
  webContents = new FakeWebContents();
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
}

class FakeApp extends EventEmitter {
  quits = 0;
  quit() {
    this.quits++;
  }
}

export function createElectronMock() {
  const ipcHandlers = new Map<string, Handler>();
  const session = {
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    devicePermission: undefined as Handler | undefined,
    beforeRequest: undefined as { filter: { urls: string[] }; handler: Handler } | undefined,
    setPermissionRequestHandler(h: Handler) {
      this.permissionRequest = h;
    },
    setPermissionCheckHandler(h: Handler) {
      this.permissionCheck = h;
    },
    setDevicePermissionHandler(h: Handler) {
      this.devicePermission = h;
    },
    webRequest: {
      onBeforeRequest(filter: { urls: string[] }, handler: Handler) {
        session.beforeRequest = { filter, handler };
      },
    },
  };
  const opened: string[] = [];
  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
  const fetched: string[] = [];
  return {
    app: new FakeApp(),
    ipcMain: {
      handle(channel: string, handler: Handler) {
        ipcHandlers.set(channel, handler);
      },
    },
    session: { defaultSession: session },
    shell: {
      async openExternal(url: string) {
        opened.push(url);
      },
    },
    protocol: {
      handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
        protocolHandlers.set(scheme, handler);
      },
      registerSchemesAsPrivileged() {},
    },
    net: {
      // The bundle's files, read the way Electron's net.fetch reads file:// URLs.
      async fetch(url: string) {
        fetched.push(url);
        const { readFile } = await import('node:fs/promises');
        const { fileURLToPath } = await import('node:url');
        try {
          return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'Content-Type': 'text/html' } });
        } catch {
          return new Response(null, { status: 404 });
        }
      },
    },
    // What tests read back.
    recorded: { ipcHandlers, session, opened, protocolHandlers, fetched },
  };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;
