// The data folder's single-writer lock, on real temp folders and real processes: a second writer
// is refused and named, a dead writer's lock is taken over at once, a lost lock is noticed.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LOCK_FILE,
  LOCK_OWNER_FILE,
  acquireLock,
  readLockOwner,
  readableTime,
  type HeldLock,
  type LockOwner,
} from '../../main/store/lock';
import { appErrorFrom } from './helpers';

const dirs: string[] = [];
const locks: HeldLock[] = [];
const children: ChildProcess[] = [];

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delegation-desk-lock-'));
  dirs.push(dir);
  return dir;
}

async function acquire(...args: Parameters<typeof acquireLock>): Promise<HeldLock> {
  const lock = await acquireLock(...args);
  locks.push(lock);
  return lock;
}

afterEach(async () => {
  for (const lock of locks.splice(0)) await lock.release();
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

// proper-lockfile's floor: it notices a lost lock within about a second.
const FAST = { updateMs: 1_000, staleMs: 2_000 };

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Makes the lock look held by `owner`: a fresh lock directory and its owner file, as another process leaves them. */
async function holdByHand(dataDir: string, owner: LockOwner): Promise<void> {
  await fs.mkdir(path.join(dataDir, LOCK_FILE));
  await fs.writeFile(path.join(dataDir, LOCK_OWNER_FILE), JSON.stringify(owner));
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'process.exit(0)']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  children.push(child);
  return child.pid!;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('data folder lock', () => {
  it('refuses a second holder in the same process, naming the first, until it is released', async () => {
    const dir = await tempDir();
    const since = new Date('2025-11-17T08:00:00.000Z');
    const first = await acquire(dir, 'app', () => since);
    expect(await readLockOwner(dir)).toEqual({ kind: 'app', pid: process.pid, hostname: os.hostname(), since: since.toISOString() });

    const refused = await appErrorFrom(acquireLock(dir, 'cli'));
    expect(refused.code).toBe('store.locked');
    expect(refused.params).toEqual({ owner: 'app', since: '2025-11-17 08:00 UTC', pid: process.pid });

    await first.release();
    expect(await exists(path.join(dir, LOCK_OWNER_FILE))).toBe(false);
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(false);
    const second = await acquire(dir, 'cli');
    expect((await readLockOwner(dir))?.kind).toBe('cli');
    await second.release();
    expect(await exists(path.join(dir, LOCK_OWNER_FILE))).toBe(false);
  });

  it('takes over at once a lock left by a dead process on this machine', async () => {
    const dir = await tempDir();
    const pid = await deadPid();
    await holdByHand(dir, { kind: 'web', pid, hostname: os.hostname(), since: new Date().toISOString() });

    const started = Date.now();
    await acquire(dir, 'app');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await readLockOwner(dir)).toMatchObject({ kind: 'app', pid: process.pid });
  });

  it('refuses and names a live holder on this machine', async () => {
    const dir = await tempDir();
    const since = '2025-11-17T09:30:00.000Z';
    await holdByHand(dir, { kind: 'cli', pid: process.pid, hostname: os.hostname(), since });

    const refused = await appErrorFrom(acquireLock(dir, 'app'));
    expect(refused.code).toBe('store.locked');
    expect(refused.params).toEqual({ owner: 'cli', since: '2025-11-17 09:30 UTC', pid: process.pid });
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(true);
  });

  it('does not take over a fresh lock held from another machine, whatever its pid', async () => {
    const dir = await tempDir();
    const pid = await deadPid();
    const owner: LockOwner = { kind: 'web', pid, hostname: `not-${os.hostname()}`, since: new Date().toISOString() };
    await holdByHand(dir, owner);

    const refused = await appErrorFrom(acquireLock(dir, 'app'));
    expect(refused.params).toEqual({ owner: 'web', since: readableTime(owner.since), pid });
    expect(await readLockOwner(dir)).toEqual(owner);
  });

  it('refuses without a name when a fresh lock has no readable owner file', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, LOCK_FILE));
    await fs.writeFile(path.join(dir, LOCK_OWNER_FILE), '{"kind":"app","pid":');

    const refused = await appErrorFrom(acquireLock(dir, 'app'));
    expect(refused.code).toBe('store.lockedUnknown');
  });

  it('passes other errors through unchanged', async () => {
    const dir = path.join(await tempDir(), 'missing');
    await expect(acquireLock(dir, 'app')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('notices a lost lock, tells its listeners, and takes it again when nobody else has', async () => {
    const dir = await tempDir();
    const lock = await acquire(dir, 'app', undefined, FAST);
    let calls = 0;
    lock.onCompromised(() => calls++);
    lock.onCompromised(() => {
      throw new Error('a careless listener');
    });
    expect(lock.compromised).toBe(false);

    await fs.rm(path.join(dir, LOCK_FILE), { recursive: true });
    await until(() => lock.compromised);
    expect(calls).toBe(1);

    expect(await lock.reacquire()).toBe(true);
    expect(lock.compromised).toBe(false);
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(true);
    expect(await readLockOwner(dir)).toMatchObject({ kind: 'app', pid: process.pid });
    await expect(appErrorFrom(acquireLock(dir, 'cli'))).resolves.toMatchObject({ code: 'store.locked' });
  });

  it('does not take a lost lock back from another live holder', async () => {
    const dir = await tempDir();
    const lock = await acquire(dir, 'app', undefined, FAST);
    await fs.rm(path.join(dir, LOCK_FILE), { recursive: true });
    await until(() => lock.compromised);

    const other: LockOwner = { kind: 'cli', pid: livePid(), hostname: os.hostname(), since: new Date().toISOString() };
    await holdByHand(dir, other);
    expect(await lock.reacquire()).toBe(false);
    expect(lock.compromised).toBe(true);

    // Releasing the lost lock must neither throw nor remove the other holder's files.
    await lock.release();
    expect(await readLockOwner(dir)).toEqual(other);
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(true);
  });
});
