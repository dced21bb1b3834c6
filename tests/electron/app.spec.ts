// Smoke tests of the desktop app itself: the window opens, the guards hold, data reaches the disk.
// They drive the built app (dist/, from `node scripts/build.mjs`) with Playwright's _electron and
// skip where the Electron binary is absent; browser-mode e2e (tests/e2e) covers the app there.
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppPage } from '../../main/app-page';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA_FILE = 'delegation-desk.json';

const electronPath = electronBinary();

const SKIP_REASON =
  'Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); the desktop window is tested where it exists — browser-mode e2e covers the app here';
test.skip(!electronPath, SKIP_REASON);
// The list reporter shows skipped tests without their reason: say it once, when the runner collects.
if (!electronPath && process.env.TEST_WORKER_INDEX === undefined) console.log(`tests/electron: ${SKIP_REASON}`);

// One app for the whole file, in order: the last test closes it.
test.describe.configure({ mode: 'serial' });

type Strings = Record<string, unknown>;
const en: Strings = JSON.parse(readFileSync(path.join(ROOT, 'locales/en/app.json'), 'utf8'));
function text(key: string): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], en);
  if (typeof found !== 'string') throw new Error(`no string ${key}`);
  return found;
}

interface ApiResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

let tempDir: string;
let dataDir: string;
let app: ElectronApplication | undefined;
let page: Page;

function dataFileText(): string {
  const file = path.join(dataDir, DATA_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

test.beforeAll(async () => {
  if (!electronPath) return;
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'dd-electron-'));
  dataDir = path.join(tempDir, 'data');
  app = await _electron.launch({
    executablePath: electronPath,
    cwd: ROOT,
    // Chromium's profile (and the single-instance lock) in the temp folder too, never the user's.
    args: ['.', `--user-data-dir=${path.join(tempDir, 'profile')}`, '--lang=en-GB'],
    env: { ...process.env, DELEGATION_DESK_DATA_DIR: dataDir, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close().catch(() => undefined);
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

test('the window opens on the app', async () => {
  await expect(page.locator('nav')).toContainText(text('nav.dashboard'));
  expect(isAppPage(page.url())).toBe(true);
  expect(app!.windows()).toHaveLength(1);
});

test('the renderer has no Node, and window.api is one frozen door', async () => {
  const seen = await page.evaluate(() => {
    const api = (globalThis as unknown as { api: object }).api;
    return {
      require: typeof require,
      process: typeof process,
      module: typeof module,
      frozen: Object.isFrozen(api),
      keys: Object.keys(api).sort(),
      kinds: Object.values(api).map((member) => typeof member),
    };
  });
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    frozen: true,
    keys: ['invoke', 'on'],
    kinds: ['function', 'function'],
  });
});

test('the window runs with secure web preferences', async () => {
  const preferences = await app!.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences() exists on WebContents but is missing from electron.d.ts.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown>;
    };
    const p = contents.getLastWebPreferences();
    return {
      contextIsolation: p.contextIsolation,
      sandbox: p.sandbox,
      nodeIntegration: p.nodeIntegration,
      nodeIntegrationInWorker: p.nodeIntegrationInWorker,
      webviewTag: p.webviewTag,
      webSecurity: p.webSecurity,
    };
  });
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
  });
});

test('the page cannot navigate away from the app', async () => {
  const before = page.url();
  for (const target of ['https://example.com/', 'file:///etc/hosts']) {
    await page.evaluate((url) => {
      (globalThis as unknown as { location: { href: string } }).location.href = url;
    }, target);
    // A refused navigation leaves no trace to wait for: give it time to happen if it were allowed.
    await page.waitForTimeout(750);
    expect(page.url()).toBe(before);
    expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL())).toBe(before);
  }
  await expect(page.locator('nav')).toContainText(text('nav.dashboard'));
});

test('window.open opens no window', async () => {
  // Not an http(s) address: an allowed one would be handed to the system browser.
  const opened = await page.evaluate(() =>
    ['about:blank', 'file:///etc/hosts'].map(
      (url) => (globalThis as unknown as { open(url: string): unknown }).open(url) === null,
    ),
  );
  expect(opened).toEqual([true, true]);
  await page.waitForTimeout(500);
  expect(app!.windows()).toHaveLength(1);
  expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('an IPC call with invalid input comes back as a validation error', async () => {
  const [invalid, unknown] = await page.evaluate(async () => {
    const api = (globalThis as unknown as { api: { invoke(channel: string, input?: unknown): Promise<unknown> } }).api;
    return [await api.invoke('events:create', { name: '', startDate: 'soon' }), await api.invoke('fs:readFile', '/etc/passwd')];
  });
  expect((invalid as ApiResult).ok).toBe(false);
  expect((invalid as ApiResult).error?.code).toBe('errors.validation');
  expect(JSON.stringify(invalid)).not.toContain('    at ');
  expect((unknown as ApiResult).ok).toBe(false);
  expect((unknown as ApiResult).error?.code).toBe('errors.unknownChannel');
});

test('data goes to DELEGATION_DESK_DATA_DIR, and closing the app flushes it', async () => {
  const typed = 'World Telecommunication Development Conference';
  await page.getByRole('link', { name: text('nav.events'), exact: true }).click();
  await page.getByRole('link', { name: text('events.new') }).click();
  const form = page.locator('main form').last();
  await form.locator('[name="name"]').fill(typed);
  await form.locator('[name="kind"]').selectOption('conference');
  await form.locator('[name="startDate"]').fill('2025-11-17');
  await form.locator('[name="endDate"]').fill('2025-11-28');
  await form.getByRole('button', { name: text('common.save') }).click();
  await expect(page.locator('#event-title')).toContainText(typed);
  await expect.poll(dataFileText).toContain(typed);

  // Created through the api and closed at once: the quit must wait for the write.
  const lastMinute = 'World Radiocommunication Conference';
  const created = (await page.evaluate(
    (name) =>
      (globalThis as unknown as { api: { invoke(channel: string, input?: unknown): Promise<unknown> } }).api.invoke(
        'events:create',
        { name, kind: 'conference', startDate: '2027-10-04', endDate: '2027-10-29' },
      ),
    lastMinute,
  )) as ApiResult;
  expect(created.ok).toBe(true);
  await app!.close();
  app = undefined;

  const saved = JSON.parse(dataFileText()) as { events: { name: string }[] };
  expect(saved.events.map((event) => event.name).sort()).toEqual([lastMinute, typed].sort());
});
