// The Electron glue, run for real against a hand-written Electron mock: the IPC sender check, the
// navigation, window-open and permission guards, the app:// handler, change notices pushed to the
// page, and the flush on quit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, type ElectronMock } from './electron-mock';
import { contextFor, openStore, tempDir, wtdc25 } from './helpers';

// One mock for the file (the mocked module is created once); each test starts with its events cleared.
const electron: ElectronMock = vi.hoisted(() => ({}) as ElectronMock);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock')).createElectronMock()));

beforeEach(() => {
  if (!electron.app) return;
  electron.app.removeAllListeners();
  electron.app.quits = 0;
  electron.recorded.opened.splice(0);
});

describe('IPC', () => {
  it('answers our own page only: a call from another frame or page is refused without running', async () => {
    const { registerIpc } = await import('../../main/electron/ipc');
    const store = await openStore(await tempDir());
    const ours = new FakeWebContents();
    const trusted = (event: { sender: unknown; senderFrame: { url: string } | null }) =>
      event.sender === ours && event.senderFrame?.url === 'app://bundle/index.html';
    registerIpc(contextFor(store), trusted as never);
    const handler = electron.recorded.ipcHandlers.get('api:invoke')!;

    const fromUs = await handler({ sender: ours, senderFrame: { url: 'app://bundle/index.html' } }, 'events:create', wtdc25);
    expect(fromUs).toMatchObject({ ok: true, value: { acronym: 'WTDC-25' } });
    const fromElsewhere = await handler({ sender: ours, senderFrame: { url: 'https://evil.example/' } }, 'events:list', undefined);
    expect(fromElsewhere).toEqual({ ok: false, error: { code: 'errors.forbidden', message: 'errors.forbidden' } });
    const otherContents = await handler({ sender: new FakeWebContents(), senderFrame: { url: 'app://bundle/index.html' } }, 'events:list');
    expect(otherContents).toMatchObject({ ok: false, error: { code: 'errors.forbidden' } });
    expect(store.view().events.list()).toHaveLength(1);
    const unknown = await handler({ sender: ours, senderFrame: { url: 'app://bundle/index.html' } }, 'fs:readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'errors.unknownChannel' } });
  });
});

describe('guards', () => {
  async function guardedContents() {
    const { installSecurityGuards } = await import('../../main/electron/security');
    installSecurityGuards();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    return contents;
  }

  it('keep the window on our page: navigation elsewhere is prevented, inside the bundle allowed', async () => {
    const contents = await guardedContents();
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://bundle/index.html#/people')).toBe(false);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('open no window; a web link goes to the system browser after parsing, anything else nowhere', async () => {
    const contents = await guardedContents();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of ['https://www.itu.int/wtdc25/', 'javascript:alert(1)', 'file:///etc/passwd', 'app://bundle/index.html']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    await vi.waitFor(() => expect(electron.recorded.opened).toEqual(['https://www.itu.int/wtdc25/']));
  });

  it('refuse every permission, and every network request the page would make', async () => {
    await guardedContents();
    const { session } = electron.recorded;
    const answer = vi.fn();
    session.permissionRequest!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(session.permissionCheck!()).toBe(false);
    expect(session.devicePermission!()).toBe(false);
    const cancel = vi.fn();
    session.beforeRequest!.handler({ url: 'https://tracker.example/' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
    expect(session.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
  });
});

describe('app:// protocol', () => {
  it('serves the bundle with the CSP header, and nothing outside it', async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'dd-bundle-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bundle</title>');
    const { serveBundle } = await import('../../main/electron/app-protocol');
    serveBundle(rendererDir);
    const handle = electron.recorded.protocolHandlers.get('app')!;

    const page = await handle({ url: 'app://bundle/index.html' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>bundle</title>');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');

    for (const url of ['app://bundle/../../etc/passwd', 'app://bundle/%2e%2e/%2e%2e/etc/passwd', 'app://other/index.html', 'app://bundle/%E0%A4%A']) {
      expect((await handle({ url })).status, url).toBe(404);
    }
    expect(electron.recorded.fetched.every((url) => url.startsWith(`file://${rendererDir}`))).toBe(true);
  });
});

describe('lifecycle', () => {
  it('pushes each change notice to the window, and stops when the window is gone', async () => {
    const { forwardChanges } = await import('../../main/electron/lifecycle');
    const store = await openStore(await tempDir());
    let window: FakeBrowserWindow | undefined = new FakeBrowserWindow();
    forwardChanges(store, () => window as never);
    const context = contextFor(store);
    const { dispatch } = await import('../../main/api/dispatch');
    await dispatch('events:create', wtdc25, context);
    expect(window.webContents.sent).toEqual([['data:changed', { seq: store.seq, writes: [{ name: 'events', id: expect.any(String) }] }]]);
    const closed = window;
    closed.destroyed = true;
    await dispatch('events:create', { ...wtdc25, acronym: 'PP-26' }, context);
    window = undefined;
    await dispatch('events:create', { ...wtdc25, acronym: 'C27' }, context);
    expect(closed.webContents.sent).toHaveLength(1);
  });

  it('holds the quit until the store is closed, then quits once; a second quit does not close twice', async () => {
    const { flushOnQuit } = await import('../../main/electron/lifecycle');
    let release!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    flushOnQuit(electron.app as never, () => ({ close }));
    const quit = () => {
      const event = { preventDefault: vi.fn() };
      electron.app.emit('before-quit', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(quit()).toBe(true);
    expect(quit()).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);
    expect(electron.app.quits).toBe(0);
    release();
    await vi.waitFor(() => expect(electron.app.quits).toBe(1));
    // The real quit that follows is let through.
    expect(quit()).toBe(false);
  });
});
