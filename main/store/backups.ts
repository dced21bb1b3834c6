import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DATA_FILE } from './schema';

export const BACKUP_DIR = 'backups';
export const BACKUPS_KEPT = 20;
export type BackupReason = 'start' | 'periodic' | 'migration' | 'restore';

const BACKUP_NAME = /^delegation-desk-(\d{8}T\d{6}\d{3}Z)-[a-z]+\.json$/;

/** A name that sorts by time: 20261123T043636123Z. */
export function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** Backups of the data file, newest first. */
export async function listBackups(dataDir: string): Promise<string[]> {
  const names = await fs.readdir(backupDir(dataDir)).catch(() => [] as string[]);
  return names
    .filter((n) => BACKUP_NAME.test(n))
    .sort()
    .reverse()
    .map((n) => path.join(backupDir(dataDir), n));
}

/** Copies the current data file into backups/ and keeps the newest BACKUPS_KEPT. */
export async function createBackup(dataDir: string, reason: BackupReason, now = new Date()): Promise<string | null> {
  const source = path.join(dataDir, DATA_FILE);
  const target = path.join(backupDir(dataDir), `delegation-desk-${timestamp(now)}-${reason}.json`);
  await fs.mkdir(backupDir(dataDir), { recursive: true });
  try {
    await fs.copyFile(source, target, fs.constants.COPYFILE_EXCL);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code !== 'EEXIST') throw error;
  }
  const old = (await listBackups(dataDir)).slice(BACKUPS_KEPT);
  await Promise.all(old.map((file) => fs.rm(file, { force: true })));
  return target;
}
