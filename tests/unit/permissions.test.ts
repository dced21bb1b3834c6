// A folder the user cannot write to, and a data file they cannot read. Permissions do not stop root,
// so when the tests run as root (CI containers) the store is opened by a child process that has
// dropped to an unprivileged user; otherwise in this process with the modes taken away.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../main/store/store';
import { contextFor, dataFile, ok, tempDir, wtdc25 } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const restore: string[] = [];

afterEach(async () => {
  for (const dir of restore.splice(0)) await fs.chmod(dir, 0o755).catch(() => undefined);
});

interface Opened {
  error?: string;
  access?: { writable: boolean; code?: string };
  notices?: string[];
  events?: number;
  change?: string;
}

const OPEN = `
import { Store } from ${JSON.stringify(path.join(ROOT, 'main/store/store.ts'))};
const [dir, uid] = process.argv.slice(-2);
if (Number(uid) >= 0) process.setuid(Number(uid));
try {
  const store = await Store.open(dir, { kind: 'cli' });
  const change = await store.change((tx) => tx.settings.update({ youthMaxAge: 33 })).then(() => 'saved', (e) => e.code);
  console.log(JSON.stringify({ access: store.access, notices: store.notices.map((n) => n.code), events: store.view().events.list().length, change }));
  await store.close();
} catch (error) {
  console.log(JSON.stringify({ error: error.code }));
}`;

/** Opens the folder as a user without the rights the test took away, and reports what the store said. */
async function openUnprivileged(dir: string): Promise<Opened> {
  if (!asRoot) {
    try {
      const store = await Store.open(dir, { kind: 'cli' });
      const change = await store.change((tx) => tx.settings.update({ youthMaxAge: 33 })).then(() => 'saved', (e) => e.code);
      const opened = { access: store.access, notices: store.notices.map((n) => n.code), events: store.view().events.list().length, change };
      await store.close();
      return opened;
    } catch (error) {
      return { error: (error as { code: string }).code };
    }
  }
  const script = path.join(dir, '..', `open-${path.basename(dir)}.mts`);
  await fs.writeFile(script, OPEN);
  await fs.chmod(script, 0o644);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(NOBODY)], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => {
      void fs.rm(script, { force: true });
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? ''));
      } catch {
        reject(new Error(`the unprivileged child failed: ${err}`));
      }
    });
  });
}

/** A data folder holding one event, readable by everyone. */
async function seeded(): Promise<string> {
  const parent = await tempDir();
  await fs.chmod(parent, 0o755);
  const dir = path.join(parent, 'data');
  const store = await Store.open(dir);
  await ok(contextFor(store), 'events:create', wtdc25);
  await store.close();
  for (const name of await fs.readdir(dir)) await fs.chmod(path.join(dir, name), 0o644).catch(() => undefined);
  await fs.chmod(path.join(dir, 'backups'), 0o755);
  return dir;
}

describe('a data folder that cannot be written to', () => {
  it('opens read-only: the data can be browsed, a change is refused with the reason, nothing is written', async () => {
    const dir = await seeded();
    await fs.chmod(dir, 0o555);
    restore.push(dir);
    const before = await fs.readFile(dataFile(dir));

    const opened = await openUnprivileged(dir);

    expect(opened).toEqual({
      access: { writable: false, code: 'store.folderReadOnly', canReopen: true },
      notices: ['store.folderReadOnly'],
      events: 1,
      change: 'store.folderReadOnly',
    });
    expect(await fs.readFile(dataFile(dir))).toEqual(before);
  });
});

describe('a data file that cannot be read', () => {
  it('is refused with store.unreadable and left as it is', async () => {
    const dir = await seeded();
    await fs.chmod(dataFile(dir), 0o600);
    if (!asRoot) restore.push(dataFile(dir));
    await fs.chmod(dataFile(dir), asRoot ? 0o600 : 0o000);

    expect(await openUnprivileged(dir)).toEqual({ error: 'store.unreadable' });
    await fs.chmod(dataFile(dir), 0o644);
    expect((await Store.open(dir, { readOnly: true })).view().events.list()).toHaveLength(1);
  });
});
