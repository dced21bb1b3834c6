// The Electron glue (main/electron), run for real against a hand-written Electron mock: the IPC
// sender check, the navigation, window-open and permission guards, the app:// handler, change
// notices pushed to the page, the flush on quit, and the whole desktop app wired by runDesktopApp.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../../main/api/ipc-channel';
import { APP_PAGE } from '../../main/app-page';
import { LOCK_FILE } from '../../main/store/lock';
import { Store } from '../../main/store/store';
import { FakeWebContents, FakeWebFrame, preventableEvent, type ElectronMock, type FakeBrowserWindow } from './electron-mock';
import { contextFor, dataFile, openStore, tempDir, wtdc25 } from './helpers';

// One mock for the file (the mocked module is created once); each test starts from a clean slate.
const electron: ElectronMock = vi.hoisted(() => ({}) as ElectronMock);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock')).createElectronMock()));

beforeEach(async () => {
  await import('electron');
  electron.reset();
  vi.stubEnv('DELEGATION_DESK_DATA_DIR', '');
  vi.stubEnv('PORTABLE_EXECUTABLE_DIR', '');
  return () => vi.unstubAllEnvs();
});

const FORBIDDEN = { ok: false, error: { code: 'errors.forbidden', message: 'errors.forbidden' } };

/** A window showing our page, as the app's window factory leaves it. */
async function windowOnOurPage(): Promise<FakeBrowserWindow> {
  const window = new electron.BrowserWindow();
  await window.loadURL(APP_PAGE);
  return window;
}

/** The one IPC handler, called the way Electron calls it for a message from `sender`'s `frame`. */
function invoke(sender: FakeWebContents, frame: FakeWebFrame | null, channel: string, input?: unknown) {
  return electron.recorded.ipcHandlers.get(API_CHANNEL)!({ sender, senderFrame: frame }, channel, input);
}

describe('IPC sender check', () => {
  it("runs a call from our window's top frame on our page, refuses any other without running it", async () => {
    const { isFromWindow, registerIpc } = await import('../../main/electron/ipc');
    const store = await openStore(await tempDir());
    let window: FakeBrowserWindow | undefined = await windowOnOurPage();
    registerIpc(contextFor(store), (event) => isFromWindow(event, window as never));
    const ours = window.webContents;

    expect(await invoke(ours, ours.mainFrame, 'events:create', wtdc25)).toMatchObject({ ok: true, value: { acronym: 'WTDC-25' } });
    // An iframe inside our page, even one claiming our page's address.
    expect(await invoke(ours, new FakeWebFrame(APP_PAGE), 'events:create', { ...wtdc25, acronym: 'IFRAME' })).toEqual(FORBIDDEN);
    expect(await invoke(ours, null, 'events:create', { ...wtdc25, acronym: 'NOFRAME' })).toEqual(FORBIDDEN);
    // Other contents (a second window, devtools, a webview) showing our page.
    const other = await windowOnOurPage();
    expect(await invoke(other.webContents, other.webContents.mainFrame, 'events:create', { ...wtdc25, acronym: 'OTHER' })).toEqual(FORBIDDEN);
    // Our window, once its top frame shows something else.
    ours.mainFrame.url = 'https://evil.example/index.html';
    expect(await invoke(ours, ours.mainFrame, 'events:create', { ...wtdc25, acronym: 'EVIL' })).toEqual(FORBIDDEN);
    ours.mainFrame.url = `${APP_PAGE}#/people`;
    expect(await invoke(ours, ours.mainFrame, 'events:list')).toMatchObject({ ok: true });
    // No window (closed), or one that is gone.
    window.close();
    expect(await invoke(ours, ours.mainFrame, 'events:list')).toEqual(FORBIDDEN);
    window = undefined;
    expect(await invoke(ours, ours.mainFrame, 'events:list')).toEqual(FORBIDDEN);

    expect(store.view().events.list().map((e) => e.acronym)).toEqual(['WTDC-25']);
  });

  it('answers an unknown channel from our page with an error, never by running anything', async () => {
    const { isFromWindow, registerIpc } = await import('../../main/electron/ipc');
    const store = await openStore(await tempDir());
    const window = await windowOnOurPage();
    const after = vi.fn();
    registerIpc(contextFor(store), (event) => isFromWindow(event, window as never), after);
    const ours = window.webContents;
    expect(await invoke(ours, ours.mainFrame, 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'errors.unknownChannel' } });
    expect(after).not.toHaveBeenCalled();
    await invoke(ours, ours.mainFrame, 'events:create', wtdc25);
    expect(after).toHaveBeenCalledWith('events:create');
  });
});

describe('guards', () => {
  async function guardedContents() {
    const { installSecurityGuards } = await import('../../main/electron/security');
    installSecurityGuards();
    return (await windowOnOurPage()).webContents;
  }

  it('keep the window on our page: navigation elsewhere is prevented, inside the bundle allowed', async () => {
    const contents = await guardedContents();
    const prevented = (name: string, url: string) => {
      const event = preventableEvent({ url });
      contents.emit(name, event);
      return event.defaultPrevented;
    };
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(prevented(name, 'https://evil.example/'), name).toBe(true);
      expect(prevented(name, 'file:///etc/passwd'), name).toBe(true);
      expect(prevented(name, 'app://bundle.evil.example/index.html'), name).toBe(true);
      expect(prevented(name, 'app://bundle/index.html#/people'), name).toBe(false);
    }
    const webview = preventableEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('open no window; a web link goes to the system browser after parsing, anything else nowhere', async () => {
    const contents = await guardedContents();
    const links = [
      'https://www.itu.int/wtdc25/',
      'HTTP://www.itu.int/a b',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://bundle/index.html',
      'mailto:someone@itu.int',
      'https://',
      'not a url',
    ];
    for (const url of links) expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.recorded.opened).toHaveLength(2));
    expect(electron.recorded.opened).toEqual(['https://www.itu.int/wtdc25/', 'http://www.itu.int/a%20b']);
  });

  it('refuse every permission, and every network request the page would make', async () => {
    await guardedContents();
    const { session } = electron.recorded;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const answer = vi.fn();
      session.permissionRequest!({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheck!({}, 'media')).toBe(false);
    expect(session.devicePermission!({ deviceType: 'usb' })).toBe(false);
    const cancel = vi.fn();
    session.beforeRequest!.handler({ url: 'https://tracker.example/' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
    expect(session.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
  });
});

describe('app:// protocol', () => {
  it('serves the bundle with the CSP header, and nothing outside it or missing from it', async () => {
    const rendererDir = await tempDir();
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bundle</title>');
    mkdirSync(path.join(rendererDir, 'assets'));
    writeFileSync(path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`), 'secret');
    const { serveBundle, registerAppScheme } = await import('../../main/electron/app-protocol');
    registerAppScheme();
    expect(electron.recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    serveBundle(rendererDir);
    const handle = electron.recorded.protocolHandlers.get('app')!;

    const page = await handle({ url: APP_PAGE });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>bundle</title>');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');

    const refused = [
      'app://bundle/../../etc/passwd',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      `app://bundle/..%2f${path.basename(rendererDir)}-secret.txt`,
      'app://bundle/%E0%A4%A',
      'app://other/index.html',
      'app://bundle/missing.js',
      'app://bundle/assets',
      'app://bundle/',
    ];
    for (const url of refused) expect((await handle({ url })).status, url).toBe(404);
    // Only the page was ever read.
    expect(electron.recorded.fetched).toEqual([`file://${path.join(rendererDir, 'index.html')}`]);
  });
});

describe('change notices', () => {
  it("go to the window's page, not once it is destroyed, and no more once it has closed", async () => {
    const { forwardChanges } = await import('../../main/electron/lifecycle');
    const store = await openStore(await tempDir());
    const context = contextFor(store);
    const { dispatch } = await import('../../main/api/dispatch');
    const window = await windowOnOurPage();
    const bystander = await windowOnOurPage();
    forwardChanges(store, window as never);

    await dispatch('events:create', wtdc25, context);
    // The event, and the deadlines its rules give it at once.
    expect(window.webContents.sent).toEqual([['data:changed', { seq: store.seq, writes: [{ name: 'events', id: expect.any(String) }, ...Array.from({ length: 3 }, () => ({ name: 'deadlines', id: expect.any(String), refs: { eventId: expect.any(String) } }))] }]]);
    expect(bystander.webContents.sent).toEqual([]);

    // Destroyed without 'closed' (a crash): nothing is sent (send would throw).
    window.destroyed = window.webContents.destroyed = true;
    await expect(dispatch('events:create', { ...wtdc25, acronym: 'PP-26' }, context)).resolves.toMatchObject({ ok: true });
    // Closed (still answering isDestroyed() false): the store no longer calls it at all.
    window.destroyed = window.webContents.destroyed = false;
    window.emit('closed');
    await dispatch('events:create', { ...wtdc25, acronym: 'C27' }, context);
    expect(window.webContents.sent).toHaveLength(1);
  });
});

describe('flush on quit', () => {
  it('holds the quit until the store is closed, then quits once; a second quit does not close twice', async () => {
    const { flushOnQuit } = await import('../../main/electron/lifecycle');
    let release!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    flushOnQuit(electron.app as never, () => ({ close }));

    electron.app.quit();
    electron.app.quit();
    expect(close).toHaveBeenCalledTimes(1);
    expect(electron.app.quitted).toBe(false);
    release();
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(close).toHaveBeenCalledTimes(1);
    expect(electron.app.quitCalls).toBe(3);
  });

  it('quits at once when no store was opened', async () => {
    const { flushOnQuit } = await import('../../main/electron/lifecycle');
    flushOnQuit(electron.app as never, () => undefined);
    electron.app.quit();
    expect(electron.app.quitted).toBe(true);
  });
});

describe('the desktop app (runDesktopApp)', () => {
  async function run(options: { argv?: string[] } = {}) {
    const home = await tempDir();
    const userData = path.join(home, 'userData');
    electron.app.paths.set('userData', userData);
    const rendererDir = path.join(home, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const { runDesktopApp } = await import('../../main/electron/app');
    await runDesktopApp({ preload: '/app/dist/preload/index.cjs', renderer: rendererDir, argv: options.argv });
    return { userData, home };
  }

  /** What a user's quit does; resolves once the app has really quit. */
  async function quit() {
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
  }

  it('opens one secure window on our page, on the data in userData, guards installed', async () => {
    const { userData } = await run();
    expect(electron.app.sandboxed).toBe(true);
    expect(electron.recorded.windows).toHaveLength(1);
    const [window] = electron.recorded.windows;
    expect(window.loadedUrls).toEqual([APP_PAGE]);
    expect(window.shown).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
    // The guards hold on the app's own window.
    const navigation = preventableEvent({ url: 'https://evil.example/' });
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(electron.recorded.protocolHandlers.has('app')).toBe(true);
    // The menu's screens reach the page as app:navigate.
    const file = electron.recorded.menus.at(-1)!.template.find((item) => item.label === 'File');
    file.submenu.find((item: { label?: string }) => item.label === 'People').click();
    expect(window.webContents.sent).toContainEqual(['app:navigate', '/people']);

    expect(await invoke(window.webContents, window.webContents.mainFrame, 'app:status')).toMatchObject({ ok: true, value: { dataDir: userData } });
    await quit();
  });

  it("answers its window's page only, and pushes each change to that window alone", async () => {
    await run();
    const [window] = electron.recorded.windows;
    const ours = window.webContents;
    const created = await invoke(ours, ours.mainFrame, 'events:create', wtdc25);
    expect(created).toMatchObject({ ok: true });
    expect(ours.sent.filter(([message]) => message === 'data:changed')).toEqual([
      ['data:changed', { seq: expect.any(Number), writes: [{ name: 'events', id: created.value.id }, ...Array.from({ length: 3 }, () => ({ name: 'deadlines', id: expect.any(String), refs: { eventId: created.value.id } }))] }],
    ]);
    expect(await invoke(ours, new FakeWebFrame(APP_PAGE), 'events:list')).toEqual(FORBIDDEN);
    const stranger = new FakeWebContents();
    stranger.mainFrame = new FakeWebFrame(APP_PAGE);
    expect(await invoke(stranger, stranger.mainFrame, 'events:list')).toEqual(FORBIDDEN);

    // macOS: the window closes, the app stays; activating it opens a new window, which alone is answered and told.
    window.close();
    expect(await invoke(ours, ours.mainFrame, 'events:list')).toEqual(FORBIDDEN);
    electron.app.emit('activate');
    expect(electron.recorded.windows).toHaveLength(2);
    const next = electron.recorded.windows[1].webContents;
    expect(await invoke(next, next.mainFrame, 'events:create', { ...wtdc25, acronym: 'PP-26' })).toMatchObject({ ok: true });
    expect(next.sent.filter(([message]) => message === 'data:changed')).toHaveLength(1);
    expect(ours.sent.filter(([message]) => message === 'data:changed')).toHaveLength(1);
    expect(stranger.sent).toEqual([]);
    await quit();
  });

  it('quits only once the data is on disk and the folder unlocked', async () => {
    const { userData } = await run();
    const [window] = electron.recorded.windows;
    await invoke(window.webContents, window.webContents.mainFrame, 'events:create', wtdc25);
    // While the app runs, the folder is locked against another program.
    await expect(Store.open(userData, { kind: 'web' })).rejects.toMatchObject({ code: 'store.locked' });
    const snapshot = () => (existsSync(dataFile(userData)) ? readFileSync(dataFile(userData), 'utf8') : '');
    // The change is in the journal; the snapshot gets it when the store closes.
    expect(snapshot()).not.toContain('WTDC-25');

    let unlockedWhenQuit: boolean | undefined;
    electron.app.on('before-quit', (event: { defaultPrevented: boolean }) => {
      if (event.defaultPrevented || unlockedWhenQuit !== undefined) return;
      unlockedWhenQuit = snapshot().includes('WTDC-25') && !existsSync(path.join(userData, LOCK_FILE));
    });
    electron.app.quit();
    expect(electron.app.quitted).toBe(false);
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(unlockedWhenQuit).toBe(true);
    const reopened = await openStore(userData, { kind: 'web' });
    expect(reopened.view().events.list().map((e) => e.acronym)).toEqual(['WTDC-25']);
  });

  it('takes its data folder from --data-dir, then DELEGATION_DESK_DATA_DIR, before userData', async () => {
    const chosen = path.join(await tempDir(), 'chosen');
    await run({ argv: ['/usr/bin/electron', '.', '--lang=en-GB', '--data-dir', chosen] });
    const [window] = electron.recorded.windows;
    expect(await invoke(window.webContents, window.webContents.mainFrame, 'app:status')).toMatchObject({ value: { dataDir: chosen } });
    await quit();

    electron.reset();
    const fromEnv = path.join(await tempDir(), 'from-env');
    vi.stubEnv('DELEGATION_DESK_DATA_DIR', fromEnv);
    await run({ argv: ['/usr/bin/electron', '.'] });
    const [second] = electron.recorded.windows;
    expect(await invoke(second.webContents, second.webContents.mainFrame, 'app:status')).toMatchObject({ value: { dataDir: fromEnv } });
    await quit();
  });

  it('a second instance quits at once, opening nothing', async () => {
    electron.app.primaryInstance = false;
    const { userData } = await run();
    expect(electron.app.quitted).toBe(true);
    expect(electron.recorded.windows).toHaveLength(0);
    expect(electron.recorded.ipcHandlers.size).toBe(0);
    expect(existsSync(userData)).toBe(false);
  });

  it('a data folder that cannot be opened: says why in a dialog and exits, no window', async () => {
    const home = await tempDir();
    const blocked = path.join(home, 'a-file');
    writeFileSync(blocked, 'not a folder');
    await run({ argv: ['--data-dir', blocked] });
    expect(electron.recorded.errorBoxes).toHaveLength(1);
    expect(electron.recorded.errorBoxes[0][0]).toBe('Delegation Desk could not start');
    expect(electron.app.exitCodes).toEqual([1]);
    expect(electron.recorded.windows).toHaveLength(0);
  });
});

describe('saving a file the user asked for', () => {
  it('opens the save dialog on the Documents folder with the suggested name, writes what was chosen, and nothing when cancelled', async () => {
    const { saveFileWithDialog } = await import('../../main/electron/save-file');
    const dir = await tempDir();
    electron.app.paths.set('documents', dir);
    const window = await windowOnOurPage();
    const save = saveFileWithDialog(() => window as never);
    const chosen = path.join(dir, 'mine.xlsx');
    electron.recorded.saveAnswer = chosen;
    expect(await save('WTDC-25-delegation.xlsx', new Uint8Array([1, 2, 3]))).toBe('mine.xlsx');
    expect(electron.recorded.saveDialogs[0]).toMatchObject({ parent: window, options: { defaultPath: path.join(dir, 'WTDC-25-delegation.xlsx'), filters: [{ extensions: ['xlsx'] }] } });
    expect([...readFileSync(chosen)]).toEqual([1, 2, 3]);
    electron.recorded.saveAnswer = null;
    expect(await save('other.csv', new Uint8Array([4]))).toBeNull();
    expect(existsSync(path.join(dir, 'other.csv'))).toBe(false);
  });
});

describe('reminders', () => {
  it('notify at start of what is due within the lead time, once a day, in the app\'s language', async () => {
    const { startReminders } = await import('../../main/electron/reminders');
    const { createTranslator } = await import('../../main/i18n');
    const store = await openStore(await tempDir());
    const context = contextFor(store);
    const { dispatch } = await import('../../main/api/dispatch');
    await dispatch('events:create', wtdc25, context); // contributions due 2025-10-27, visa 2025-10-20, fellowship 2025-10-06
    let now = new Date('2025-09-20T09:00:00Z');
    const stop = startReminders(() => store.view(), () => createTranslator('en'), () => now);
    expect(electron.recorded.notifications).toEqual([]); // nothing within 7 days of 20 September
    stop();
    now = new Date('2025-10-01T09:00:00Z');
    const again = startReminders(() => store.view(), () => createTranslator('en'), () => now);
    expect(electron.recorded.notifications).toEqual([{ title: 'Deadlines coming', body: 'Due within 7 days: WTDC-25: Send fellowship requests' }]);
    again();
  });
});
