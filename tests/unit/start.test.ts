// `npm start` where the Electron binary is missing: browser mode on the default data folder, its
// address printed (and the system browser opened, which tests turn off), never a dead end.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/data-dir';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('npm start without the Electron binary', () => {
  it.skipIf(electronBinary() !== undefined)('starts browser mode on the default data folder and prints its address', { timeout: 60_000 }, async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'dd-home-'));
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: '', DELEGATION_DESK_DATA_DIR: '', DELEGATION_DESK_NO_BROWSER: '1', LANG: 'en_GB.UTF-8' };
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address:\n${out}\n${err}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /^(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(err).toContain('Electron binary is not installed');
      expect(out).toContain(path.join(home, '.config', 'Delegation Desk'));
      const token = /#token=(\S+)/.exec(url)![1];
      const answer = await fetch(new URL('api/app:status', url), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '' });
      expect(await answer.json()).toMatchObject({ ok: true, value: { dataDir: path.join(home, '.config', 'Delegation Desk') } });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('the default data folder', () => {
  it('is where Electron keeps userData on each system', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Delegation Desk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe('/cfg/Delegation Desk');
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/Delegation Desk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain('Delegation Desk');
  });
});
