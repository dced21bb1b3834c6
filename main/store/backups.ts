// Backups of the whole data, in backups/. They are ordered by the data's seq (the journal sequence number
// of the last change they hold), never by the clock-made part of their name, and kept by generations:
// neither a clock that was once ahead (or behind) nor many opens can rotate away the last good state.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { DurableTextFile } from './durable-file';

export const BACKUP_DIR = 'backups';
export type BackupReason = 'open' | 'first' | 'hourly' | 'quit' | 'migration' | 'restore' | 'recovery' | 'merge';
export const RETENTION = { recent: 10, hourly: 24, daily: 14, monthly: 12 } as const;

export interface BackupInfo {
  /** Absolute path. */
  file: string;
  name: string;
  /** The data's seq: the journal sequence number of the last change the backup holds (0 for legacy ones). */
  seq: number;
  /** When it was made, as the clock said then (ISO, from the name): only a tie-breaker, never the order. */
  createdAt: string;
  reason: BackupReason | 'legacy';
}

const REASONS: readonly BackupReason[] = ['open', 'first', 'hourly', 'quit', 'migration', 'restore', 'recovery', 'merge'];
const REASON_SET: ReadonlySet<string> = new Set(REASONS);

/** `delegation-desk-s<seq, 12+ digits>-<YYYYMMDDTHHMMSSmmmZ>-<reason>[-<n>].json` */
const NAME = /^delegation-desk-s(\d{12,})-(\d{8}T\d{9}Z)-([a-z]+)(?:-(\d+))?\.json$/;
/** Backups of the first version: named by clock time only. */
const LEGACY = /^delegation-desk-(\d{8}T\d{9}Z)-[a-z]+\.json$/;
const STAMP = /^\d{8}T\d{9}Z$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** 2026-11-23T04:36:36.123Z → 20261123T043636123Z */
const compact = (date: Date) => date.toISOString().replace(/[-:.]/g, '');
/** 20261123T043636123Z → 2026-11-23T04:36:36.123Z */
const iso = (stamp: string) =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;

function parseName(dir: string, name: string): BackupInfo | null {
  const file = path.join(dir, name);
  const m = NAME.exec(name);
  if (m) {
    const seq = Number(m[1]);
    if (!Number.isSafeInteger(seq) || !REASON_SET.has(m[3])) return null;
    return { file, name, seq, createdAt: iso(m[2]), reason: m[3] as BackupReason };
  }
  const legacy = LEGACY.exec(name);
  if (legacy) return { file, name, seq: 0, createdAt: iso(legacy[1]), reason: 'legacy' };
  return null;
}

/** The `-<n>` a name got because the same name was already taken (0 when none). */
const counter = (name: string) => Number(NAME.exec(name)?.[4] ?? 0);

/** Newest first: by seq, then by the time they were made, then the later of two same-named ones. */
function newestFirst(a: BackupInfo, b: BackupInfo): number {
  if (a.seq !== b.seq) return b.seq - a.seq;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  const byCounter = counter(b.name) - counter(a.name);
  if (byCounter !== 0) return byCounter;
  return a.name === b.name ? 0 : a.name < b.name ? 1 : -1;
}

async function readBackups(dir: string): Promise<BackupInfo[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => parseName(dir, entry.name))
    .filter((b): b is BackupInfo => b !== null)
    .sort(newestFirst);
}

/** Backups newest first: by seq descending, then createdAt descending. Ignores files that are not backups (and temp files). */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  return readBackups(backupDir(dataDir));
}

// ---- Writing ----

/** Writes and prunes in one folder run one at a time, so two backups can never pick the same name. */
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(dir);
  const run = (queues.get(key) ?? Promise.resolve()).then(task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

function baseName(seq: number, reason: BackupReason, now: Date): string {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`Invalid backup seq: ${seq}`);
  if (!REASON_SET.has(reason)) throw new RangeError(`Invalid backup reason: ${String(reason)}`);
  const stamp = compact(now); // throws on an invalid date
  // Years before 0000 or after 9999 do not fit the name: such a file would be neither listed nor pruned.
  if (!STAMP.test(stamp)) throw new RangeError(`Backup time out of range: ${now.toISOString()}`);
  return `delegation-desk-s${String(seq).padStart(12, '0')}-${stamp}-${reason}`;
}

/** A name no file in the folder has: never overwrite a backup. */
async function freeName(dir: string, base: string): Promise<string> {
  const taken = new Set(await fs.readdir(dir));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.json` : `${base}-${n}.json`;
    if (!taken.has(name)) return name;
  }
}

async function makeBackup(dataDir: string, content: string | Uint8Array, seq: number, reason: BackupReason, now: Date): Promise<BackupInfo> {
  const base = baseName(seq, reason, now);
  const dir = backupDir(dataDir);
  return serialized(dir, async () => {
    await fs.mkdir(dir, { recursive: true });
    const name = await freeName(dir, base);
    const file = path.join(dir, name);
    await new DurableTextFile(file).write(content);
    await pruneNow(dir);
    return parseName(dir, name)!;
  });
}

/** Writes `text` as a new backup durably (temp file, fsync, rename, fsync folder; mode 0o600), then prunes. */
export async function writeBackup(dataDir: string, text: string, seq: number, reason: BackupReason, now: Date): Promise<BackupInfo> {
  return makeBackup(dataDir, text, seq, reason, now);
}

/**
 * Copies a file's exact bytes as a backup (the pre-migration copy of the original file), durably, then
 * prunes. Null when the source does not exist.
 */
export async function copyToBackup(dataDir: string, source: string, seq: number, reason: BackupReason, now: Date): Promise<BackupInfo | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(source);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return makeBackup(dataDir, bytes, seq, reason, now);
}

// ---- Retention ----

/** The bucket of a generation: the first characters of the ISO time ('YYYY-MM-DDTHH', 'YYYY-MM-DD', 'YYYY-MM'). */
const GENERATIONS: readonly (readonly [prefix: number, count: number])[] = [
  [13, RETENTION.hourly],
  [10, RETENTION.daily],
  [7, RETENTION.monthly],
];

/**
 * The names to keep: the RETENTION.recent highest-seq backups, every pre-migration copy, and the
 * highest-seq backup of each of the first 24 hour, 14 day and 12 month buckets, the buckets ranked by
 * the highest seq they hold, not by the clock.
 */
export function backupsToKeep(backups: readonly BackupInfo[]): Set<string> {
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set(sorted.slice(0, RETENTION.recent).map((b) => b.name));
  // The copy made before a format update or a merge is what undoes it: never rotated away.
  for (const b of sorted) if (b.reason === 'migration' || b.reason === 'merge') keep.add(b.name);
  for (const [prefix, count] of GENERATIONS) {
    // Walking newest first, a bucket is met first at its highest-seq backup: that is its rank and its keeper.
    const seen = new Set<string>();
    for (const b of sorted) {
      const bucket = b.createdAt.slice(0, prefix);
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(b.name);
    }
  }
  return keep;
}

async function pruneNow(dir: string): Promise<void> {
  const backups = await readBackups(dir);
  const keep = backupsToKeep(backups);
  // Only backup names are ever deleted (listed ones are); other files and temp files are left alone.
  for (const b of backups) if (!keep.has(b.name)) await fs.rm(b.file, { force: true });
}

export async function pruneBackups(dataDir: string): Promise<void> {
  const dir = backupDir(dataDir);
  await serialized(dir, () => pruneNow(dir));
}
