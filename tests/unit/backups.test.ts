// Backups are ordered by the data's seq and kept by generations: neither a clock that was once ahead
// nor many opens may rotate away the last good state.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RETENTION,
  backupDir,
  backupsToKeep,
  copyToBackup,
  listBackups,
  pruneBackups,
  writeBackup,
  type BackupReason,
} from '../../main/store/backups';

const HOUR = 3_600_000;
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delegation-desk-backups-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** The name writeBackup gives, spelled out here so the tests can lay out many backups quickly. */
const nameFor = (seq: number, at: Date, reason: BackupReason) =>
  `delegation-desk-s${String(seq).padStart(12, '0')}-${at.toISOString().replace(/[-:.]/g, '')}-${reason}.json`;

const seqs = async (dir: string) => (await listBackups(dir)).map((b) => b.seq);
const exists = (file: string) => fs.access(file).then(() => true, () => false);

describe('backups', () => {
  it('made after the clock was ahead are not deleted; the highest seq comes first', async () => {
    const dir = await tempDir();
    await writeBackup(dir, '{"seq":5}', 5, 'hourly', new Date('2030-01-01T00:00:00Z'));
    for (let seq = 6; seq <= 35; seq++) {
      await writeBackup(dir, `{"seq":${seq}}`, seq, 'open', new Date(Date.UTC(2026, 0, 1, 0, seq)));
    }

    const backups = await listBackups(dir);

    expect(backups[0]).toMatchObject({ seq: 35, reason: 'open', createdAt: '2026-01-01T00:35:00.000Z' });
    expect(await fs.readFile(backups[0].file, 'utf8')).toBe('{"seq":35}');
    // The ten highest seq, then the clock-ahead one, which alone is the newest of its (2030) hour.
    expect(backups.map((b) => b.seq)).toEqual([35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 5]);
  });

  it('made after many backups with a clock far ahead survive their own pruning', async () => {
    const dir = await tempDir();
    for (let seq = 1; seq <= 25; seq++) await writeBackup(dir, `{"seq":${seq}}`, seq, 'open', new Date(Date.UTC(2030, 0, 1, 0, 0, seq)));
    for (let seq = 26; seq <= 55; seq++) {
      const made = await writeBackup(dir, `{"seq":${seq}}`, seq, 'open', new Date(Date.UTC(2026, 0, 1, 0, 0, seq)));
      expect(await exists(made.file)).toBe(true);
      expect((await listBackups(dir))[0].name).toBe(made.name);
    }
    expect((await seqs(dir)).slice(0, RETENTION.recent)).toEqual([55, 54, 53, 52, 51, 50, 49, 48, 47, 46]);
  });

  it('made many times in one hour keep exactly the ten highest seq', async () => {
    const dir = await tempDir();
    for (let seq = 1; seq <= 40; seq++) {
      await writeBackup(dir, `{"seq":${seq}}`, seq, 'open', new Date(Date.UTC(2026, 5, 1, 9, 0, seq)));
    }
    // One hour, day and month: each bucket's keeper (seq 40) is already among the ten.
    expect(await seqs(dir)).toEqual([40, 39, 38, 37, 36, 35, 34, 33, 32, 31]);
    expect(await fs.readdir(backupDir(dir))).toHaveLength(10);
  });

  it('over three years keep the newest of each hour, day and month (ranked by seq) and every pre-migration copy', async () => {
    const dir = await tempDir();
    const folder = backupDir(dir);
    await fs.mkdir(folder);
    const migration = nameFor(0, new Date('2022-06-15T12:00:00Z'), 'migration');
    const clockAhead = nameFor(1, new Date('2040-01-01T00:00:00Z'), 'hourly');
    // One every 6 hours from 2023-01-01T06:00Z to 2025-12-31T00:00Z, the data changing each time.
    const start = Date.UTC(2023, 0, 1);
    const regular = Array.from({ length: 3 * 365 * 4 }, (_, i) => {
      const at = new Date(start + (i + 1) * 6 * HOUR);
      return { name: nameFor(i + 2, at, 'hourly'), iso: at.toISOString() };
    });
    const others = ['notes.txt', `.${nameFor(9999, new Date(), 'open')}.0f0e.tmp`, 'delegation-desk-s1-x-open.json'];
    const all = [migration, clockAhead, ...regular.map((r) => r.name), ...others];
    for (let i = 0; i < all.length; i += 200) {
      await Promise.all(all.slice(i, i + 200).map((name) => fs.writeFile(path.join(folder, name), name)));
    }

    await pruneBackups(dir);
    const kept = await listBackups(dir);

    // By hand: the last 24 (six days: Dec 25 06:00 … Dec 31 00:00), the last of Dec 18–24, the last
    // of Jan–Nov 2025 (Dec's is the newest one), and the pre-migration copy: 24 + 7 + 11 + 1.
    const expected = new Set([migration, ...regular.slice(-24).map((r) => r.name)]);
    for (let day = 18; day <= 24; day++) expected.add(regular.find((r) => r.iso === `2025-12-${day}T18:00:00.000Z`)!.name);
    for (let month = 1; month <= 11; month++) {
      const last = new Date(Date.UTC(2025, month, 0, 18)); // the last day of that month, 18:00
      expected.add(regular.find((r) => r.iso === last.toISOString())!.name);
    }
    expect(expected.size).toBe(43);
    expect(new Set(kept.map((b) => b.name))).toEqual(expected);
    expect(backupsToKeep(kept)).toEqual(expected);
    expect(kept.filter((b) => b.reason !== 'migration').length).toBeLessThanOrEqual(
      RETENTION.recent + RETENTION.hourly + RETENTION.daily + RETENTION.monthly,
    );

    expect(kept[0]).toMatchObject({ name: regular.at(-1)!.name, seq: regular.length + 1, createdAt: '2025-12-31T00:00:00.000Z' });
    // The oldest kept month is 2025-01 (the 2040 one ranks by its seq 1, last), kept by its newest.
    const oldestMonth = kept.filter((b) => b.reason !== 'migration').at(-1)!;
    expect(oldestMonth.createdAt).toBe('2025-01-31T18:00:00.000Z');
    expect(kept.some((b) => b.name === clockAhead)).toBe(false);
    expect(kept.at(-1)).toMatchObject({ name: migration, seq: 0, reason: 'migration' });
    // Files that are not backups are never touched.
    for (const name of others) expect(await fs.readFile(path.join(folder, name), 'utf8')).toBe(name);
  });

  it('of the first version (named by time only) are listed with seq 0 after the others, newest first', async () => {
    const dir = await tempDir();
    const folder = backupDir(dir);
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'delegation-desk-20250302T090000000Z-start.json'), '{}');
    await fs.writeFile(path.join(folder, 'delegation-desk-20250401T090000000Z-quit.json'), '{}');
    await fs.writeFile(path.join(folder, 'notes.txt'), 'not a backup');
    await fs.mkdir(path.join(folder, 'delegation-desk-20250501T090000000Z-dir.json'));
    // Made with a clock older than the legacy names: the seq still puts it first.
    await writeBackup(dir, '{}', 3, 'open', new Date('2024-01-01T00:00:00Z'));

    const backups = await listBackups(dir);

    expect(backups.map((b) => [b.seq, b.reason, b.createdAt])).toEqual([
      [3, 'open', '2024-01-01T00:00:00.000Z'],
      [0, 'legacy', '2025-04-01T09:00:00.000Z'],
      [0, 'legacy', '2025-03-02T09:00:00.000Z'],
    ]);
    expect(backups[1].file).toBe(path.join(folder, 'delegation-desk-20250401T090000000Z-quit.json'));
    expect(await fs.readFile(path.join(folder, 'notes.txt'), 'utf8')).toBe('not a backup');
  });

  it('are written whole, named by seq, readable by the user only, never over another, with no temp file left', async () => {
    const dir = await tempDir();
    const now = new Date('2026-11-23T04:36:36.123Z');
    const made = await writeBackup(dir, '{"events":[],"ünï":"نص"}', 1, 'first', now);

    expect(made).toEqual({
      file: path.join(backupDir(dir), 'delegation-desk-s000000000001-20261123T043636123Z-first.json'),
      name: 'delegation-desk-s000000000001-20261123T043636123Z-first.json',
      seq: 1,
      createdAt: '2026-11-23T04:36:36.123Z',
      reason: 'first',
    });
    expect(path.isAbsolute(made.file)).toBe(true);
    expect(await fs.readFile(made.file, 'utf8')).toBe('{"events":[],"ünï":"نص"}');
    if (process.platform !== 'win32') expect((await fs.stat(made.file)).mode & 0o777).toBe(0o600);

    // The same seq, reason and time again: a second file, the first untouched.
    const again = await writeBackup(dir, '{"second":true}', 1, 'first', now);
    expect(again.name).toBe('delegation-desk-s000000000001-20261123T043636123Z-first-2.json');
    expect(await fs.readFile(made.file, 'utf8')).toBe('{"events":[],"ünï":"نص"}');
    expect(await fs.readFile(again.file, 'utf8')).toBe('{"second":true}');
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([again.name, made.name]);

    expect((await fs.readdir(backupDir(dir))).sort()).toEqual([made.name, again.name].sort());
  });

  it('copied from a file keep its exact bytes; a missing file gives null', async () => {
    const dir = await tempDir();
    const source = path.join(dir, 'original.json');
    // A BOM, CRLF, UTF-8 and a Latin-1 byte that is not UTF-8: a text round trip would change them.
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"schemaVersion":1,\r\n "name": "نص ü", "x": "', 'utf8'),
      Buffer.from([0xe9, 0xff, 0x00]),
      Buffer.from('"}', 'utf8'),
    ]);
    await fs.writeFile(source, bytes);

    const copy = await copyToBackup(dir, source, 0, 'migration', new Date('2026-02-01T00:00:00Z'));

    expect(copy).toMatchObject({ seq: 0, reason: 'migration', createdAt: '2026-02-01T00:00:00.000Z' });
    expect((await fs.readFile(copy!.file)).equals(bytes)).toBe(true);
    if (process.platform !== 'win32') expect((await fs.stat(copy!.file)).mode & 0o777).toBe(0o600);

    const utf8 = path.join(dir, 'utf8.json');
    await fs.writeFile(utf8, '\ufeff{"a": "ü"}\r\n');
    const copy2 = await copyToBackup(dir, utf8, 7, 'open', new Date('2026-02-01T00:00:00Z'));
    expect((await fs.readFile(copy2!.file)).equals(await fs.readFile(utf8))).toBe(true);

    expect(await copyToBackup(dir, path.join(dir, 'missing.json'), 8, 'migration', new Date())).toBeNull();
    expect((await listBackups(dir)).map((b) => b.seq)).toEqual([7, 0]);
    expect((await fs.readdir(backupDir(dir))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
