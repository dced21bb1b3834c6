// The data folder has one writer at a time: the app, the web server or the CLI. proper-lockfile's
// lock directory is the lock itself; the owner file beside it only says who holds it, so that a
// refusal can name the holder and a lock left by a crashed process on this machine is taken over
// at once instead of after the stale threshold.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors';

export const LOCK_FILE = 'delegation-desk.lock';
export const LOCK_OWNER_FILE = 'delegation-desk.lock-owner.json';

export type LockOwnerKind = 'app' | 'web' | 'cli';

export interface LockOwner {
  kind: LockOwnerKind;
  pid: number;
  hostname: string;
  /** ISO timestamp. */
  since: string;
}

export interface HeldLock {
  /** Releases the lock (and removes the owner file if it is still ours). Never throws if the lock was already lost. */
  release(): Promise<void>;
  /** True once proper-lockfile reported the lock compromised (lock dir removed or its mtime changed by someone else, or update failed). */
  readonly compromised: boolean;
  /** Called once per compromise (again if a reacquired lock is lost again). Listener errors are swallowed. */
  onCompromised(listener: () => void): void;
  /** Checks on disk that the lock is still ours (its folder there, the owner file naming us); if not, it counts as compromised. */
  verify(): Promise<boolean>;
  /** Tries to take the lock again after a compromise. True if held again; false if another live process holds it now (or it was released). */
  reacquire(): Promise<boolean>;
}

/** For tests only. proper-lockfile clamps these: stale to at least 2000 ms, update to 1000..stale/2 ms. */
export interface LockTimings {
  updateMs?: number;
  staleMs?: number;
}

const KINDS: readonly string[] = ['app', 'web', 'cli'] satisfies LockOwnerKind[];

function ownerPath(dataDir: string): string {
  return path.join(dataDir, LOCK_OWNER_FILE);
}

export async function readLockOwner(dataDir: string): Promise<LockOwner | null> {
  try {
    const raw: unknown = JSON.parse(await fs.readFile(ownerPath(dataDir), 'utf8'));
    if (typeof raw !== 'object' || raw === null) return null;
    const { kind, pid, hostname, since } = raw as Record<string, unknown>;
    if (typeof kind !== 'string' || !KINDS.includes(kind)) return null;
    // pid 0 or negative would make process.kill signal a whole process group.
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    if (typeof hostname !== 'string' || typeof since !== 'string') return null;
    return { kind: kind as LockOwnerKind, pid, hostname, since };
  } catch {
    return null;
  }
}

async function writeLockOwner(dataDir: string, owner: LockOwner): Promise<void> {
  // Written aside then renamed, so a reader never sees half a file.
  const temp = `${ownerPath(dataDir)}.${process.pid}.tmp`;
  await fs.writeFile(temp, JSON.stringify(owner));
  await fs.rename(temp, ownerPath(dataDir));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function isOurs(owner: LockOwner | null): boolean {
  return owner !== null && owner.pid === process.pid && owner.hostname === os.hostname();
}

type Release = () => Promise<void>;

/** '2026-11-23T22:05:32.123Z' → '2026-11-23 22:05 UTC': read by a person in a message, in any language. */
export function readableTime(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

/** Takes proper-lockfile's lock, taking over at once a lock whose owner died on this machine. */
async function takeLock(dataDir: string, timings: LockTimings, onCompromised: () => void, takeOverOwn = false): Promise<Release> {
  const options = {
    lockfilePath: path.join(dataDir, LOCK_FILE),
    realpath: false,
    stale: timings.staleMs ?? 15_000,
    update: timings.updateMs ?? 5_000,
    // Losing the lock (a suspended laptop, a clock jump) must not crash the app mid-edit.
    onCompromised,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(dataDir, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const owner = await readLockOwner(dataDir);
      if (!owner) throw new AppError('store.lockedUnknown');
      // Taking back our own lock after a compromise (its folder was touched, not taken) is safe too.
      const deadHere = owner.hostname === os.hostname() && (!isAlive(owner.pid) || (takeOverOwn && isOurs(owner)));
      if (!deadHere || attempt > 0) {
        throw new AppError('store.locked', { owner: owner.kind, since: readableTime(owner.since), pid: owner.pid });
      }
      await fs.rm(options.lockfilePath, { recursive: true, force: true });
      await fs.rm(ownerPath(dataDir), { force: true });
    }
  }
}

export async function acquireLock(
  dataDir: string,
  kind: LockOwnerKind,
  now: () => Date = () => new Date(),
  timings: LockTimings = {},
): Promise<HeldLock> {
  const listeners: Array<() => void> = [];
  let compromised = false;
  let released = false;
  let reacquiring: Promise<boolean> | null = null;

  const markCompromised = (): void => {
    compromised = true;
    for (const listener of listeners) {
      try {
        // An async listener's rejection must not become an unhandled rejection either.
        Promise.resolve(listener() as unknown).catch(() => undefined);
      } catch {
        // A listener must not take the process down with it.
      }
    }
  };

  const lockAndClaim = async (takeOverOwn = false): Promise<Release> => {
    const release = await takeLock(dataDir, timings, markCompromised, takeOverOwn);
    try {
      await writeLockOwner(dataDir, { kind, pid: process.pid, hostname: os.hostname(), since: now().toISOString() });
    } catch (error) {
      await release().catch(() => undefined);
      throw error;
    }
    return release;
  };

  let release = await lockAndClaim();

  return {
    get compromised() {
      return compromised;
    },
    onCompromised(listener) {
      listeners.push(listener);
    },
    async release() {
      if (released) return;
      released = true;
      await reacquiring?.catch(() => undefined);
      // ERELEASED / ENOTACQUIRED when the lock was compromised: there is nothing left to release.
      await release().catch(() => undefined);
      if (isOurs(await readLockOwner(dataDir))) await fs.rm(ownerPath(dataDir), { force: true }).catch(() => undefined);
    },
    async verify() {
      if (released || compromised) return false;
      const folder = await fs.stat(path.join(dataDir, LOCK_FILE)).then((s) => s.isDirectory(), () => false);
      if (folder && isOurs(await readLockOwner(dataDir))) return true;
      compromised = true;
      return false;
    },
    reacquire() {
      if (released) return Promise.resolve(false);
      if (!compromised) return Promise.resolve(true);
      // Two callers at once must not refuse each other.
      reacquiring ??= (async () => {
        try {
          release = await lockAndClaim(true);
          compromised = false;
          return true;
        } catch (error) {
          if (error instanceof AppError && error.code === 'store.locked') return false;
          throw error;
        } finally {
          reacquiring = null;
        }
      })();
      return reacquiring;
    },
  };
}
