// Backups of the whole data, in backups/, ordered by the data's seq (never by a clock-made name) and
// kept by generations, so that neither a clock that was once ahead nor many opens can rotate away the
// last good state.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DurableTextFile } from './durable-file';

export const BACKUP_DIR = 'backups';
export type BackupReason = 'open' | 'first' | 'hourly' | 'quit' | 'migration' | 'restore' | 'recovery';
export const RETENTION = { recent: 10, hourly: 24, daily: 14, monthly: 12 } as const;

export interface BackupInfo {
  file: string;
  name: string;
  seq: number;
  /** When it was made, as the clock said then (ISO). */
  createdAt: string;
  reason: BackupReason | 'legacy';
}

const NAME = /^delegation-desk-s(\d{12})-(\d{8}T\d{9}Z)-([a-z]+)(?:-\d+)?\.json$/;
/** Backups of the first version: named by clock time only. */
const LEGACY = /^delegation-desk-(\d{8}T\d{9}Z)-[a-z]+\.json$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

const compact = (date: Date) => date.toISOString().replace(/[-:.]/g, '');
const iso = (stamp: string) =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;

function parseName(dataDir: string, name: string): BackupInfo | null {
  const file = path.join(backupDir(dataDir), name);
  const m = NAME.exec(name);
  if (m) return { file, name, seq: Number(m[1]), createdAt: iso(m[2]), reason: m[3] as BackupReason };
  const legacy = LEGACY.exec(name);
  if (legacy) return { file, name, seq: 0, createdAt: iso(legacy[1]), reason: 'legacy' };
  return null;
}

const newestFirst = (a: BackupInfo, b: BackupInfo) => b.seq - a.seq || b.createdAt.localeCompare(a.createdAt);

/** Backups newest first: by seq, then by the time they were made. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const names = await fs.readdir(backupDir(dataDir)).catch(() => [] as string[]);
  return names
    .map((name) => parseName(dataDir, name))
    .filter((b): b is BackupInfo => b !== null)
    .sort(newestFirst);
}

async function freeName(dataDir: string, seq: number, reason: BackupReason, now: Date): Promise<string> {
  const base = `delegation-desk-s${String(seq).padStart(12, '0')}-${compact(now)}-${reason}`;
  const taken = new Set(await fs.readdir(backupDir(dataDir)));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.json` : `${base}-${n}.json`;
    if (!taken.has(name)) return name;
  }
}

/** Writes the data's text as a new backup (temp file, fsync, rename, fsync folder), then prunes. */
export async function writeBackup(dataDir: string, text: string, seq: number, reason: BackupReason, now: Date): Promise<BackupInfo> {
  await fs.mkdir(backupDir(dataDir), { recursive: true });
  const name = await freeName(dataDir, seq, reason, now);
  await new DurableTextFile(path.join(backupDir(dataDir), name)).write(text);
  await pruneBackups(dataDir);
  return parseName(dataDir, name)!;
}

/** Copies a file's exact bytes as a backup, durably, then prunes; null when there is no such file. */
export async function copyToBackup(dataDir: string, source: string, seq: number, reason: BackupReason, now: Date): Promise<BackupInfo | null> {
  let text: string;
  try {
    text = await fs.readFile(source, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return writeBackup(dataDir, text, seq, reason, now);
}

/**
 * The backups to keep: the most recent by seq, every pre-migration copy, and the newest of each of the
 * latest hours, days and months. Buckets are ranked by the seq they hold, not by the clock.
 */
export function backupsToKeep(backups: readonly BackupInfo[]): Set<string> {
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set(sorted.slice(0, RETENTION.recent).map((b) => b.name));
  for (const b of sorted) if (b.reason === 'migration') keep.add(b.name);
  const generations: [number, number][] = [
    [13, RETENTION.hourly], // 'YYYY-MM-DDTHH'
    [10, RETENTION.daily], // 'YYYY-MM-DD'
    [7, RETENTION.monthly], // 'YYYY-MM'
  ];
  for (const [length, count] of generations) {
    const seen = new Set<string>();
    for (const b of sorted) {
      const bucket = b.createdAt.slice(0, length);
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(b.name);
    }
  }
  return keep;
}

export async function pruneBackups(dataDir: string): Promise<void> {
  const backups = await listBackups(dataDir);
  const keep = backupsToKeep(backups);
  await Promise.all(backups.filter((b) => !keep.has(b.name)).map((b) => fs.rm(b.file, { force: true })));
}
