// `npm start` where the Electron binary is missing: browser mode on the desktop app's default data
// folder, its address printed and the system browser opened at it (DELEGATION_DESK_NO_BROWSER=1
// skips that; no opener is no failure), never a dead end.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/data-dir';
import { browserCommand } from '../../main/web/open-browser';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const en = JSON.parse(readFileSync(path.join(ROOT, 'locales/en/app.json'), 'utf8'));
const noElectron = electronBinary() === undefined;
// The fake opener is a shell script named xdg-open: Linux and the like only.
const withXdgOpen = noElectron && process.platform !== 'win32' && process.platform !== 'darwin';

/** A folder holding a fake xdg-open that writes the address it was given to `opened`. */
function fakeOpener(dir: string): { bin: string; opened: string } {
  const bin = mkdtempSync(path.join(dir, 'bin-'));
  const opened = path.join(dir, 'opened.txt');
  writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  return { bin, opened };
}

/** Runs `npm start`'s script until it prints an address; the caller checks, then stops it. */
async function start(env: NodeJS.ProcessEnv, args: string[] = []) {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { out: '', err: '' };
  child.stdout.on('data', (d) => (output.out += d));
  child.stderr.on('data', (d) => (output.err += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address:\n${output.out}\n${output.err}`)), 45_000);
      child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output.out}\n${output.err}`)));
      child.stdout.on('data', () => {
        const match = /^(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(output.out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    return { url, output, stop, exited };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The app's status through the printed address: proves the address (with its token) reaches the app. */
async function statusAt(url: string) {
  const token = /#token=(\S+)/.exec(url)![1];
  const answer = await fetch(new URL('api/app:status', url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: '',
  });
  return (await answer.json()) as { ok: boolean; value: { dataDir: string } };
}

function baseEnv(home: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DELEGATION_DESK_DATA_DIR', 'DELEGATION_DESK_NO_BROWSER', 'XDG_CONFIG_HOME', 'APPDATA', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return { ...env, HOME: home, LANG: 'en_GB.UTF-8', ...extra };
}

describe('npm start without the Electron binary', () => {
  it.skipIf(!withXdgOpen)(
    'starts browser mode on the default data folder, prints its address, and with DELEGATION_DESK_NO_BROWSER=1 opens no browser',
    { timeout: 60_000 },
    async () => {
      const home = mkdtempSync(path.join(os.tmpdir(), 'dd-home-'));
      const { bin, opened } = fakeOpener(home);
      const env = baseEnv(home, { DELEGATION_DESK_NO_BROWSER: '1', PATH: `${bin}${path.delimiter}${process.env.PATH}` });
      const { url, output, stop } = await start(env);
      try {
        const folder = path.join(home, '.config', 'Delegation Desk');
        expect(folder).toBe(defaultDataDir('linux', {}, home));
        expect(output.err).toContain(en.electron.missingBinary);
        expect(output.out).toContain(folder);
        expect(await statusAt(url)).toMatchObject({ ok: true, value: { dataDir: folder } });
        expect(existsSync(path.join(folder, 'delegation-desk.lock'))).toBe(true);
        // Time enough for an opener to have run, were it called.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(existsSync(opened)).toBe(false);
      } finally {
        await stop();
      }
    },
  );

  it.skipIf(!withXdgOpen)('opens the system browser at the printed address; DELEGATION_DESK_DATA_DIR still chooses the folder', { timeout: 60_000 }, async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'dd-home-'));
    const { bin, opened } = fakeOpener(home);
    const chosen = path.join(home, 'chosen');
    const env = baseEnv(home, { DELEGATION_DESK_DATA_DIR: chosen, PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    const { url, output, stop } = await start(env);
    try {
      await expect.poll(() => existsSync(opened) && readFileSync(opened, 'utf8'), { timeout: 10_000 }).toBe(url);
      expect(await statusAt(url)).toMatchObject({ ok: true, value: { dataDir: chosen } });
      expect(existsSync(path.join(home, '.config'))).toBe(false);
      expect(output.err).not.toContain(en.web.openYourself);
    } finally {
      await stop();
    }
  });

  // No opener on the PATH (start.mjs runs Node by its full path), or one that fails (no desktop).
  const openers = {
    'there is no opener': (dir: string) => mkdtempSync(path.join(dir, 'empty-')),
    'the opener fails': (dir: string) => {
      const bin = mkdtempSync(path.join(dir, 'bin-'));
      writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n');
      chmodSync(path.join(bin, 'xdg-open'), 0o755);
      return bin;
    },
  };
  it.skipIf(!withXdgOpen).each(Object.keys(openers) as (keyof typeof openers)[])(
    'keeps running where %s, and says to open the address; --data-dir chooses the folder',
    { timeout: 60_000 },
    async (name) => {
      const home = mkdtempSync(path.join(os.tmpdir(), 'dd-home-'));
      const chosen = path.join(home, 'from-flag');
      const env = baseEnv(home, { PATH: openers[name](home), DELEGATION_DESK_DATA_DIR: path.join(home, 'not-this-one') });
      const { url, output, stop } = await start(env, ['--data-dir', chosen]);
      try {
        await expect.poll(() => output.err, { timeout: 10_000 }).toContain(en.web.openYourself);
        expect(await statusAt(url)).toMatchObject({ ok: true, value: { dataDir: chosen } });
      } finally {
        await stop();
      }
    },
  );
});

describe('the system browser opener', () => {
  it('is xdg-open on Linux, open on macOS, start on Windows, each given the whole address', () => {
    const url = 'http://127.0.0.1:4400/#token=a-b_c';
    expect(browserCommand(url, 'linux')).toMatchObject({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'freebsd')).toMatchObject({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin')).toMatchObject({ command: 'open', args: [url] });
    const windows = browserCommand(url, 'win32');
    expect(windows.command).toBe('cmd');
    expect(windows.args.at(-1)).toBe(`start "" "${url}"`);
    expect(windows.options.windowsVerbatimArguments).toBe(true);
  });
});

describe('the default data folder', () => {
  it('is where Electron keeps userData on each system', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Delegation Desk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe('/cfg/Delegation Desk');
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/Delegation Desk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      path.join('C:\\Users\\a\\AppData\\Roaming', 'Delegation Desk'),
    );
  });
});
