// Backups are ordered by the data's seq and kept by generations: neither a clock that was once ahead
// nor many opens may rotate away the last good state.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RETENTION, backupDir, backupsToKeep, copyToBackup, listBackups, writeBackup, type BackupInfo } from '../../main/store/backups';
import { tempDir } from './helpers';

const HOUR = 3_600_000;

function info(seq: number, createdAt: string, reason: BackupInfo['reason'] = 'hourly'): BackupInfo {
  const name = `b-${seq}-${createdAt}-${reason}`;
  return { file: name, name, seq, createdAt, reason };
}

describe('backups', () => {
  it('are listed by the data’s seq, whatever the clock said when they were made', async () => {
    const dir = await tempDir();
    await writeBackup(dir, '{"seq":5}', 5, 'hourly', new Date('2030-01-01T00:00:00Z'));
    for (let seq = 6; seq <= 35; seq++) await writeBackup(dir, `{"seq":${seq}}`, seq, 'open', new Date(Date.UTC(2026, 0, 1, 0, seq)));

    const backups = await listBackups(dir);

    expect(backups[0]).toMatchObject({ seq: 35, reason: 'open' });
    expect(await fs.readFile(backups[0].file, 'utf8')).toBe('{"seq":35}');
    expect(backups.map((b) => b.seq)).toEqual([...backups.map((b) => b.seq)].sort((a, b) => b - a));
    // The clock-ahead backup is old data: it does not crowd out the recent ones.
    expect(backups.slice(0, RETENTION.recent).map((b) => b.seq)).toEqual([35, 34, 33, 32, 31, 30, 29, 28, 27, 26]);
  });

  it('keep the most recent by seq, the newest of each hour, day and month, and every pre-migration copy', () => {
    const start = Date.UTC(2023, 0, 1);
    const list: BackupInfo[] = [info(0, new Date(start - 400 * 24 * HOUR).toISOString(), 'migration')];
    // One every 6 hours for three years, the data changing each time.
    for (let i = 1; i <= 3 * 365 * 4; i++) list.push(info(i, new Date(start + i * 6 * HOUR).toISOString()));

    const keep = backupsToKeep(list);

    const newest = list[list.length - 1];
    expect(keep.has(newest.name)).toBe(true);
    expect(keep.has(list[0].name)).toBe(true);
    expect(keep.size).toBeLessThanOrEqual(1 + RETENTION.recent + RETENTION.hourly + RETENTION.daily + RETENTION.monthly);
    const months = new Set([...keep].map((name) => list.find((b) => b.name === name)!.createdAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(RETENTION.monthly);
    // Within the newest month, its newest backup; not an older one.
    const oldestKeptMonth = [...months].sort()[1];
    const newestOfThatMonth = list.filter((b) => b.createdAt.startsWith(oldestKeptMonth)).at(-1)!;
    expect(keep.has(newestOfThatMonth.name)).toBe(true);
  });

  it('made many times in one hour keep exactly the most recent ones', async () => {
    const dir = await tempDir();
    for (let seq = 1; seq <= 40; seq++) await writeBackup(dir, `{"seq":${seq}}`, seq, 'open', new Date(Date.UTC(2026, 5, 1, 9, 0, seq)));
    expect((await listBackups(dir)).map((b) => b.seq)).toEqual([40, 39, 38, 37, 36, 35, 34, 33, 32, 31]);
  });

  it('of the first version (named by time only) are still listed, after the others', async () => {
    const dir = await tempDir();
    await fs.mkdir(backupDir(dir));
    await fs.writeFile(path.join(backupDir(dir), 'delegation-desk-20250302T090000000Z-start.json'), '{}');
    await fs.writeFile(path.join(backupDir(dir), 'notes.txt'), 'not a backup');
    await writeBackup(dir, '{}', 3, 'open', new Date('2024-01-01T00:00:00Z'));

    const backups = await listBackups(dir);

    expect(backups.map((b) => [b.seq, b.reason])).toEqual([[3, 'open'], [0, 'legacy']]);
    expect(await fs.readFile(path.join(backupDir(dir), 'notes.txt'), 'utf8')).toBe('not a backup');
  });

  it('are written whole, readable by the user only, with no temp file left; a copy keeps the exact bytes', async () => {
    const dir = await tempDir();
    const made = await writeBackup(dir, '{"events":[]}', 1, 'first', new Date());
    expect(await fs.readFile(made.file, 'utf8')).toBe('{"events":[]}');
    if (process.platform !== 'win32') expect((await fs.stat(made.file)).mode & 0o777).toBe(0o600);

    const source = path.join(dir, 'original.json');
    await fs.writeFile(source, '{"schemaVersion":1,\n "ünïcode": "نص"}');
    const copy = await copyToBackup(dir, source, 0, 'migration', new Date());
    expect(await fs.readFile(copy!.file)).toEqual(await fs.readFile(source));
    expect(await copyToBackup(dir, path.join(dir, 'missing.json'), 0, 'migration', new Date())).toBeNull();
    expect((await fs.readdir(backupDir(dir))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
