// The data folder is the user's only copy of their delegation's work: these tests check that it
// survives crashes, damage, foreign files, newer versions, migrations and a second writer, on real
// temp folders, with nothing of ours replaced.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../main/api/contract';
import { backupDir, listBackups, writeBackup } from '../../main/store/backups';
import { journalLine } from '../../main/store/data-files';
import { DurableTextFile, type FileOps } from '../../main/store/durable-file';
import { LOCK_FILE } from '../../main/store/lock';
import { SCHEMA_VERSION } from '../../main/store/schema';
import { Store } from '../../main/store/store';
import { appErrorFrom, call, contextFor, dataFile, folderBytes, journalFile, ok, onDisk, openStore, tempDir, wtdc25 } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/store');

/** An error like the one Node gives when a disk is full or pulled out mid-save. */
function diskError(code: string, at: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, '${at}'`), { code });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A data folder holding saved events, written by the real store. */
async function seedFolder(dir: string, ...names: string[]): Promise<void> {
  const store = await Store.open(dir);
  for (const [i, name] of (names.length ? names : [wtdc25.name]).entries()) {
    await ok(contextFor(store), 'events:create', { ...wtdc25, name, acronym: i === 0 ? wtdc25.acronym : `EV-${i}` });
  }
  await store.close();
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function filesStartingWith(dir: string, prefix: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.startsWith(prefix)).sort();
}

/** The folder's files as a process killed now would leave them (its lock aside). */
async function crashedCopy(dir: string): Promise<string> {
  const copy = await tempDir();
  for (const name of await fs.readdir(dir)) {
    if ((await fs.stat(path.join(dir, name))).isFile() && name !== 'delegation-desk.lock-owner.json') {
      await fs.copyFile(path.join(dir, name), path.join(copy, name));
    }
  }
  return copy;
}

const eventNames = (store: Store) => store.view().events.list().map((e) => e.name).sort();

describe('saving a change', () => {
  it('appends one journal line and leaves the snapshot alone (the cost does not grow with the file)', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const snapshot = await fs.readFile(dataFile(dir));
    const store = await openStore(dir);

    await ok(contextFor(store), 'events:create', { ...wtdc25, name: 'WSIS Forum 2026', acronym: 'WSIS-26' });

    expect(await fs.readFile(dataFile(dir))).toEqual(snapshot);
    const lines = (await fs.readFile(journalFile(dir), 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[0-9a-f]{8} \{"seq":\d+/);
    expect((await onDisk(dir)).events.map((e) => e.name).sort()).toEqual(['WSIS Forum 2026', wtdc25.name].sort());
  });

  it('folds the journal into the snapshot past its threshold and at close, and loads the same data', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { compactBytes: 4_000 });
    const context = contextFor(store);
    for (let i = 0; i < 30; i++) await ok(context, 'events:create', { ...wtdc25, kind: 'worldDay', acronym: `EV-${i}` });
    await store.flush();
    expect((await fs.stat(journalFile(dir))).size).toBeLessThan(8_000);
    await store.close();

    expect((await fs.stat(journalFile(dir))).size).toBe(0);
    const snapshot = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(snapshot.events).toHaveLength(30);
    expect(snapshot.seq).toBe(30);
    expect((await onDisk(dir)).events).toHaveLength(30);
  });

  it('lands every one of many concurrent changes', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const context = contextFor(store);

    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ok(context, 'events:create', { ...wtdc25, acronym: `EV-${i}` })),
    );

    expect((await onDisk(dir)).events.map((e) => e.id).sort()).toEqual(created.map((e) => e.id).sort());
    await store.close();
    expect((await openStore(dir)).view().events.list()).toHaveLength(40);
  });
});

describe('a change that cannot be saved', () => {
  it('is refused with store.writeFailed, undone in memory, and the next change still lands', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    let diskFull = false;
    const fileOps: FileOps = {
      rename: fs.rename,
      datasync: async (handle) => {
        if (diskFull) throw diskError('ENOSPC', 'journal');
        await handle.datasync();
      },
    };
    const store = await openStore(dir, { fileOps });
    const context = contextFor(store);

    diskFull = true;
    const failed = await call(context, 'events:create', { ...wtdc25, name: 'Not saved', acronym: 'NOPE' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'store.writeFailed' } });
    expect(eventNames(store)).toEqual([wtdc25.name]);

    diskFull = false;
    await ok(context, 'events:create', { ...wtdc25, name: 'Saved later', acronym: 'LATER' });
    expect((await onDisk(dir)).events.map((e) => e.name).sort()).toEqual(['Saved later', wtdc25.name].sort());
  });

  it('leaves the previous snapshot intact when the rename over it never happens (DurableTextFile)', async () => {
    const dir = await tempDir();
    const file = dataFile(dir);
    await new DurableTextFile(file).write('{"saved":"first"}');

    const crashing = new DurableTextFile(file, {
      rename: async (from) => {
        throw diskError('EIO', from);
      },
    });
    await expect(crashing.write('{"saved":"second"}')).rejects.toThrow('EIO');

    expect(await fs.readFile(file, 'utf8')).toBe('{"saved":"first"}');
    expect(await fs.readdir(dir)).toEqual([path.basename(file)]);
  });
});

describe('transactions', () => {
  it('roll back whole when the change throws half-way: nothing in memory, nothing on disk', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const store = await openStore(dir);
    const before = await folderBytes(dir);
    const [event] = store.view().events.list();

    await expect(
      store.change((tx) => {
        tx.events.update(event.id, { name: 'Half renamed' });
        tx.people.create({ title: '', givenName: 'Half', familyName: 'Made', gender: 'female', organisation: '', function: '', email: '', phone: '', biography: '', passportName: '', placeOfBirth: '', passportNumber: '' });
        throw new Error('the handler failed after two writes');
      }),
    ).rejects.toThrow('the handler failed');

    expect(store.view().events.get(event.id).name).toBe(wtdc25.name);
    expect(store.view().people.list()).toEqual([]);
    expect(await folderBytes(dir)).toEqual(before);
    await ok(contextFor(store), 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    expect((await onDisk(dir)).people.map((p) => p.familyName)).toEqual(['Aliyeva']);
    expect((await onDisk(dir)).events[0].name).toBe(wtdc25.name);
  });

  it('give handlers read-only views: records are frozen, lists are copies, no write method', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const store = await openStore(dir);
    const view = store.view();
    const [event] = view.events.list();

    expect(() => {
      (event as { name: string }).name = 'Changed outside a transaction';
    }).toThrow(TypeError);
    view.events.list().length = 0;
    expect((view.events as unknown as Record<string, unknown>).create).toBeUndefined();
    expect(() => {
      (view.settings as { youthMaxAge: number }).youthMaxAge = 40;
    }).toThrow(TypeError);
    expect(store.view().events.list().map((e) => e.name)).toEqual([wtdc25.name]);
    expect(store.view().settings.youthMaxAge).toBe(29);
  });
});

describe('updates are patches', () => {
  it('leave absent fields unchanged, clear with null or an empty value, refuse clearing a required field', async () => {
    const dir = await tempDir();
    const context = contextFor(await openStore(dir));
    const event = await ok(context, 'events:create', { ...wtdc25, notes: 'Bring the credentials', website: 'https://www.itu.int/wtdc25' });

    const renamed = await ok(context, 'events:update', { id: event.id, name: 'WTDC-25, Baku' });
    expect(renamed).toMatchObject({ name: 'WTDC-25, Baku', notes: 'Bring the credentials', website: 'https://www.itu.int/wtdc25', city: 'Baku', country: 'AZ' });

    const cleared = await ok(context, 'events:update', { id: event.id, country: null, notes: '' });
    expect(cleared.country).toBeUndefined();
    expect(cleared.notes).toBe('');
    expect(cleared.city).toBe('Baku');

    const refused = await call(context, 'events:update', { id: event.id, name: null } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'errors.validation' } });
    const tooEarly = await call(context, 'events:update', { id: event.id, endDate: '2025-11-01' });
    expect(tooEarly).toMatchObject({ ok: false, error: { issues: [{ path: 'endDate', code: 'errors.endBeforeStart' }] } });
  });

  it('settings and profile too', async () => {
    const context = contextFor(await openStore(await tempDir()));
    await ok(context, 'profile:update', { administration: 'Ministry of Digital Development', country: 'AZ' });
    const profile = await ok(context, 'profile:update', { signatoryName: 'R. Mammadov' });
    expect(profile).toMatchObject({ administration: 'Ministry of Digital Development', country: 'AZ', signatoryName: 'R. Mammadov' });
    expect(await ok(context, 'settings:update', { language: 'fr' })).toMatchObject({ language: 'fr', youthMaxAge: 29 });
  });
});

describe('repositories', () => {
  it('end a deleted person’s participations as tombstones, and hide them from every list', async () => {
    const dir = await tempDir();
    const context = contextFor(await openStore(dir));
    const event = await ok(context, 'events:create', wtdc25);
    const person = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    await ok(context, 'participations:create', { eventId: event.id, personId: person.id, role: 'head' });

    await ok(context, 'people:delete', { id: person.id });

    const disk = await onDisk(dir);
    expect(disk.people).toEqual([expect.objectContaining({ id: person.id, deletedAt: expect.any(String) })]);
    expect(disk.participations).toEqual([expect.objectContaining({ deletedAt: expect.any(String) })]);
    expect((await ok(context, 'delegation:get', { eventId: event.id })).members).toEqual([]);
    expect((await ok(context, 'events:list'))[0].delegationSize).toBe(0);
    expect(await call(context, 'people:get', { id: person.id })).toMatchObject({ ok: false, error: { code: 'errors.notFound' } });
  });

  it('warn, without refusing, about an event with the same acronym and first day, and a person with the same e-mail', async () => {
    const context = contextFor(await openStore(await tempDir()));
    await ok(context, 'events:create', wtdc25);
    const again = await call(context, 'events:create', { ...wtdc25, acronym: 'wtdc-25' });
    expect(again).toMatchObject({ ok: true, warnings: [{ code: 'warnings.duplicateEvent' }] });
    const otherYear = await call(context, 'events:create', { ...wtdc25, startDate: '2029-11-17', endDate: '2029-11-28' });
    expect(otherYear).not.toHaveProperty('warnings');

    await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva', email: 'a.aliyeva@example.az' });
    const same = await call(context, 'people:create', { givenName: 'A.', familyName: 'Aliyeva', email: 'A.Aliyeva@example.az' });
    expect(same).toMatchObject({ ok: true, warnings: [{ code: 'warnings.duplicateEmail' }] });
  });

  it('warn about a second head of delegation on one event, but not when the first one is cancelled', async () => {
    const context = contextFor(await openStore(await tempDir()));
    const event = await ok(context, 'events:create', wtdc25);
    const person = (givenName: string) => ok(context, 'people:create', { givenName, familyName: 'Aliyeva' });
    const first = await ok(context, 'participations:create', { eventId: event.id, personId: (await person('Amina')).id, role: 'head' });
    const second = await call(context, 'participations:create', { eventId: event.id, personId: (await person('Leyla')).id, role: 'head' });
    expect(second).toMatchObject({ ok: true, warnings: [{ code: 'warnings.secondHead' }] });
    const deputy = await call(context, 'participations:create', { eventId: event.id, personId: (await person('Nigar')).id, role: 'deputyHead' });
    expect(deputy).not.toHaveProperty('warnings');

    await ok(context, 'participations:update', { id: first.id, registrationStatus: 'cancelled' });
    if (!second.ok) throw new Error('second head refused');
    const renamed = await call(context, 'participations:update', { id: second.value.id, attendance: 'remote' });
    expect(renamed).not.toHaveProperty('warnings');
  });
});

describe('people:search', () => {
  it('finds people by any word of their name, organisation or e-mail, ignoring case and accents, in any script', async () => {
    const context = contextFor(await openStore(await tempDir()));
    const jean = await ok(context, 'people:create', { title: 'Mr', givenName: 'Jean', familyName: 'Dupont', organisation: 'ARCEP', birthDate: '1970-02-03' });
    await ok(context, 'people:create', { givenName: 'Jean', familyName: 'Dupont', organisation: 'Ministère du Numérique' });
    await ok(context, 'people:create', { givenName: 'Élodie', familyName: 'Jeanneret', email: 'e.j@example.org' });
    await ok(context, 'people:create', { givenName: 'Лейла', familyName: 'Гусейнова' });
    await ok(context, 'people:create', { givenName: 'أمينة', familyName: 'علييفا' });
    const names = async (query: string, extra: Partial<Input<'people:search'>> = {}) =>
      (await ok(context, 'people:search', { query, ...extra })).matches.map((m) => `${m.givenName} ${m.familyName}`);

    expect(await names('jean')).toEqual(['Jean Dupont', 'Jean Dupont', 'Élodie Jeanneret']);
    expect(await names('elodie')).toEqual(['Élodie Jeanneret']);
    expect(await names('numerique dupont')).toEqual(['Jean Dupont']);
    expect(await names('ЛЕЙЛА')).toEqual(['Лейла Гусейнова']);
    expect(await names('أمينة')).toEqual(['أمينة علييفا']);
    expect(await names('nobody')).toEqual([]);

    const first = (await ok(context, 'people:search', { query: 'jean dupont' })).matches[0];
    // Namesakes are told apart by organisation and year of birth.
    expect(first).toMatchObject({ id: jean.id, organisation: 'ARCEP', birthYear: 1970 });

    const event = await ok(context, 'events:create', wtdc25);
    await ok(context, 'participations:create', { eventId: event.id, personId: jean.id, role: 'head' });
    expect(await names('dupont', { excludeEventId: event.id })).toEqual(['Jean Dupont']);
    const limited = await ok(context, 'people:search', { query: '', limit: 2 });
    expect(limited).toMatchObject({ total: 5, matches: [{}, {}] });
  });
});

describe('the change feed', () => {
  it('lists what changed after a seq, in order, with the file’s id and this installation’s id', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const context = contextFor(store);
    const event = await ok(context, 'events:create', wtdc25);
    const mark = store.seq;
    const person = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    await ok(context, 'events:update', { id: event.id, city: 'Bakı' });

    const feed = await ok(context, 'app:changesSince', { seq: mark });
    expect(feed.changes.map((c) => [c.collection, c.record.id, c.record.seq])).toEqual([
      ['people', person.id, mark + 1],
      ['events', event.id, mark + 2],
    ]);
    expect(feed.seq).toBe(mark + 2);
    expect(store.data.fileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    await store.close();
    const reopened = await openStore(dir);
    expect(reopened.data.fileId).toBe(store.data.fileId);
    expect(reopened.deviceId).toBe(store.deviceId);
  });
});

describe('unknown fields and collections (written by a newer version of the same schema)', () => {
  it('survive load and save', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const snapshot = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    snapshot.events[0].visaNotes = { embassy: 'Baku', days: 10 };
    snapshot.letters = [{ id: 'l1', reference: 'CL-25/12' }];
    snapshot.settings.theme = 'dark';
    await fs.writeFile(dataFile(dir), JSON.stringify(snapshot));

    const store = await openStore(dir);
    const [event] = store.view().events.list();
    await ok(contextFor(store), 'events:update', { id: event.id, notes: 'Changed by this version' });
    await ok(contextFor(store), 'settings:update', { youthMaxAge: 30 });
    await store.close();

    const saved = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(saved.events[0]).toMatchObject({ notes: 'Changed by this version', visaNotes: { embassy: 'Baku', days: 10 } });
    expect(saved.letters).toEqual([{ id: 'l1', reference: 'CL-25/12' }]);
    expect(saved.settings).toMatchObject({ theme: 'dark', youthMaxAge: 30 });
  });
});

describe('the journal after a crash', () => {
  it('drops a torn last line (never acknowledged) and keeps everything before it', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await ok(contextFor(store), 'events:create', wtdc25);
    await ok(contextFor(store), 'events:create', { ...wtdc25, acronym: 'TWO' });
    await store.flush();
    // What a kill in the middle of an append leaves: half a line.
    const copy = await crashedCopy(dir);
    await fs.appendFile(journalFile(copy), '1234abcd {"seq":3,"at":"2026-');

    const reopened = await openStore(copy);

    expect(reopened.view().events.list().map((e) => e.acronym).sort()).toEqual(['TWO', 'WTDC-25']);
    expect(reopened.notices).toEqual([]);
    await ok(contextFor(reopened), 'events:create', { ...wtdc25, acronym: 'THREE' });
    expect((await onDisk(copy)).events).toHaveLength(3);
  });

  it('drops a last line whose newline never reached the disk, so the next change starts a line of its own', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await ok(contextFor(store), 'events:create', wtdc25);
    await ok(contextFor(store), 'events:create', { ...wtdc25, acronym: 'CUT' });
    await store.flush();
    const copy = await crashedCopy(dir);
    const journal = await fs.readFile(journalFile(copy), 'utf8');
    await fs.writeFile(journalFile(copy), journal.slice(0, -1));

    const reopened = await openStore(copy, { fileOps: { rename: async (from) => { throw diskError('ENOSPC', from); } } });
    expect(reopened.view().events.list().map((e) => e.acronym)).toEqual(['WTDC-25']);
    await ok(contextFor(reopened), 'events:create', { ...wtdc25, acronym: 'NEXT' });

    expect((await onDisk(copy)).events.map((e) => e.acronym).sort()).toEqual(['NEXT', 'WTDC-25']);
  });

  it('cuts a damaged journal back exactly after its last good line, lines already in the snapshot included', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const store = await openStore(dir);
    await ok(contextFor(store), 'events:create', { ...wtdc25, acronym: 'A' });
    await ok(contextFor(store), 'events:create', { ...wtdc25, acronym: 'B' });
    await store.flush();
    const copy = await crashedCopy(dir);
    const [lineA, lineB] = (await fs.readFile(journalFile(copy), 'utf8')).split('\n');
    const entryA = JSON.parse(lineA.slice(9));
    const entryB = JSON.parse(lineB.slice(9));
    // A line the snapshot already holds, then A, then B with a good checksum but a record that breaks the schema.
    entryB.w[0][1].kind = 'not-a-kind';
    await fs.writeFile(journalFile(copy), journalLine({ ...entryA, seq: 1 }) + journalLine(entryA) + journalLine(entryB));
    const noSpace: FileOps = {
      rename: async (from) => {
        throw diskError('ENOSPC', from);
      },
    };

    const reopened = await openStore(copy, { fileOps: noSpace });
    expect(reopened.view().events.list().map((e) => e.acronym).sort()).toEqual(['A', 'WTDC-25']);
    expect(reopened.notices.map((n) => n.code)).toEqual(['store.journalDamaged', 'store.startWriteFailed']);
    await ok(contextFor(reopened), 'events:create', { ...wtdc25, acronym: 'C' });

    expect((await onDisk(copy)).events.map((e) => e.acronym).sort()).toEqual(['A', 'C', 'WTDC-25']);
  });

  it('treats damage before the last line as corruption: the journal is kept aside and the user told', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const store = await openStore(dir);
    for (const acronym of ['A', 'B', 'C']) await ok(contextFor(store), 'events:create', { ...wtdc25, acronym });
    await store.flush();
    const journal = await fs.readFile(journalFile(dir), 'utf8');
    const lines = journal.split('\n');
    lines[1] = lines[1].replace('"B"', '"X"'); // the checksum no longer matches
    const damaged = lines.join('\n');
    const copy = await tempDir();
    await fs.copyFile(dataFile(dir), dataFile(copy));
    await fs.writeFile(journalFile(copy), damaged);

    const reopened = await openStore(copy, { now: () => new Date('2026-03-04T10:00:00.000Z') });

    expect(reopened.view().events.list().map((e) => e.acronym).sort()).toEqual(['A', 'WTDC-25']);
    const movedTo = 'delegation-desk.corrupt-20260304T100000000Z.journal';
    expect(reopened.notices).toEqual([
      { code: 'store.journalDamaged', params: { kept: 1, lost: 1, movedTo }, level: 'error' },
    ]);
    expect(await fs.readFile(path.join(copy, movedTo), 'utf8')).toBe(damaged);
  });
});

describe('a damaged data file', () => {
  const damaged = [
    ['invalid JSON', '{"schemaVersion":2,"events":[{"id":"evt-1","name":"WTDC'],
    ['an empty (0-byte) file', ''],
  ] as const;

  async function backupsOf(dir: string, ...names: string[]) {
    for (const [i, name] of names.entries()) {
      const source = await tempDir();
      await seedFolder(source, name);
      await writeBackup(dir, await fs.readFile(dataFile(source), 'utf8'), (i + 1) * 10, 'hourly', new Date(Date.UTC(2025, 2, 1 + i)));
    }
  }

  it.each(damaged)('with %s is kept aside unchanged and the newest good backup (by seq) is loaded', async (_what, bytes) => {
    const dir = await tempDir();
    await backupsOf(dir, 'From the oldest backup', 'From the newest good backup');
    // Made while the clock was ahead: its name sorts last by time, but its data is older.
    const ahead = await tempDir();
    await seedFolder(ahead, 'From a backup made with the clock ahead');
    await writeBackup(dir, await fs.readFile(dataFile(ahead), 'utf8'), 5, 'hourly', new Date('2031-01-01T00:00:00Z'));
    await fs.writeFile(path.join(backupDir(dir), 'delegation-desk-s000000000099-20250305T090000000Z-hourly.json'), '{"schemaVer');
    await fs.writeFile(dataFile(dir), bytes);

    const store = await openStore(dir, { now: () => new Date('2025-03-04T10:00:00.000Z') });

    const movedTo = 'delegation-desk.corrupt-20250304T100000000Z.json';
    expect(await fs.readFile(path.join(dir, movedTo), 'utf8')).toBe(bytes);
    expect(eventNames(store)).toEqual(['From the newest good backup']);
    expect(store.notices).toEqual([
      { code: 'store.corruptRecovered', params: { movedTo, backup: expect.stringMatching(/-s000000000020-/) }, level: 'error' },
    ]);
    expect((await onDisk(dir)).events.map((e) => e.name)).toEqual(['From the newest good backup']);
    // New changes carry a seq above every backup's.
    expect(store.seq).toBeGreaterThanOrEqual(99);
  });

  it.each(damaged)('with %s and no backup starts empty, says so, and keeps the damaged file', async (_what, bytes) => {
    const dir = await tempDir();
    await fs.writeFile(dataFile(dir), bytes);

    const store = await openStore(dir, { now: () => new Date('2025-03-04T10:00:00.000Z') });

    const movedTo = 'delegation-desk.corrupt-20250304T100000000Z.json';
    expect(store.notices).toEqual([{ code: 'store.corruptNoBackup', params: { movedTo }, level: 'error' }]);
    expect(store.view().events.list()).toEqual([]);
    expect(await fs.readFile(path.join(dir, movedTo), 'utf8')).toBe(bytes);
    expect(JSON.parse(await fs.readFile(dataFile(dir), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('that parses but breaks the schema is treated as damaged and kept aside', async () => {
    const dir = await tempDir();
    const bytes = JSON.stringify({
      schemaVersion: 2, fileId: 'f', seq: 0, profile: {}, settings: {},
      events: [{ id: 'evt-1', name: 'An event without dates', kind: 'conference', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }],
    });
    await fs.writeFile(dataFile(dir), bytes);

    const store = await openStore(dir);

    const moved = await filesStartingWith(dir, 'delegation-desk.corrupt-');
    expect(moved).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, moved[0]), 'utf8')).toBe(bytes);
    expect(store.notices.map((n) => n.code)).toEqual(['store.corruptNoBackup']);
  });

  it('opened read-only is refused with store.corrupt and left where it is', async () => {
    const dir = await tempDir();
    await fs.writeFile(dataFile(dir), '{"schemaVersion":2,"events":[');
    const before = await folderBytes(dir);

    const error = await appErrorFrom(Store.open(dir, { readOnly: true }));

    expect(error.code).toBe('store.corrupt');
    expect(await folderBytes(dir)).toEqual(before);
  });

  it('is recovered on the next start when a crash interrupted the recovery (never an empty app)', async () => {
    const dir = await tempDir();
    await seedFolder(dir, 'Kept in the backup');
    const store = await openStore(dir);
    await store.close();
    await fs.writeFile(dataFile(dir), '{"schemaVersion":2,"ev');
    const crashing: FileOps = {
      rename: async (from) => {
        throw diskError('EIO', from);
      },
    };

    await expect(Store.open(dir, { fileOps: crashing })).rejects.toThrow();
    // The lock of the "crashed" process is left behind; the next start takes it over (same host, dead holder is simulated by removing it).
    await fs.rm(path.join(dir, LOCK_FILE), { recursive: true, force: true });

    const next = await openStore(dir);
    expect(eventNames(next)).toEqual(['Kept in the backup']);
    expect(next.notices.map((n) => n.code)).toEqual(['store.corruptRecovered']);
  });
});

describe('a file that is not ours', () => {
  it.each([
    ['{}', '{}'],
    ['another program’s JSON', '{"name":"my-app","version":"1.0.0","dependencies":{}}'],
    ['a JSON array', '[1,2,3]'],
  ])('(%s) is moved aside like a damaged one, never opened as an empty database', async (_what, bytes) => {
    const dir = await tempDir();
    await fs.writeFile(dataFile(dir), bytes);

    const readOnly = await appErrorFrom(Store.open(dir, { readOnly: true }));
    expect(readOnly.code).toBe('store.foreign');

    const store = await openStore(dir, { now: () => new Date('2025-03-04T10:00:00.000Z') });
    const movedTo = 'delegation-desk.foreign-20250304T100000000Z.json';
    expect(store.notices).toEqual([{ code: 'store.foreignNoBackup', params: { movedTo }, level: 'error' }]);
    expect(await fs.readFile(path.join(dir, movedTo), 'utf8')).toBe(bytes);
  });
});

describe('a file written by a newer version', () => {
  it('is refused with store.newerVersion, left byte for byte as it was, and the folder is not left locked', async () => {
    const dir = await tempDir();
    await fs.writeFile(dataFile(dir), `${JSON.stringify({ schemaVersion: 99, events: [], letters: [{ id: 'l1' }] })}\n`);
    const before = await folderBytes(dir);

    const error = await appErrorFrom(Store.open(dir));

    expect(error.code).toBe('store.newerVersion');
    expect(error.params).toEqual({ found: 99, supported: SCHEMA_VERSION });
    expect(await folderBytes(dir)).toEqual(before);
    expect((await appErrorFrom(Store.open(dir))).code).toBe('store.newerVersion');
  });
});

describe('faults that refuse to open, with a message and nothing touched', () => {
  it('a data file too large to read', async () => {
    const dir = await tempDir();
    await fs.writeFile(dataFile(dir), '');
    await fs.truncate(dataFile(dir), 600 * 2 ** 20); // sparse: takes no space
    const error = await appErrorFrom(Store.open(dir));
    expect(error).toMatchObject({ code: 'store.tooLarge', params: { size: 600, max: 256 } });
    expect((await fs.stat(dataFile(dir))).size).toBe(600 * 2 ** 20);
  });

  it('a folder where the data file should be', async () => {
    const dir = await tempDir();
    await fs.mkdir(dataFile(dir));
    expect((await appErrorFrom(Store.open(dir))).code).toBe('store.notAFile');
    expect((await fs.stat(dataFile(dir))).isDirectory()).toBe(true);
  });
});

describe('a full disk at start', () => {
  it('opens with a warning, with the journal’s changes, and later changes are still saved', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const store = await openStore(dir);
    await ok(contextFor(store), 'events:create', { ...wtdc25, acronym: 'IN-JOURNAL' });
    await store.flush();
    const copy = await crashedCopy(dir);
    const noSpace: FileOps = {
      rename: async (from) => {
        throw diskError('ENOSPC', from);
      },
    };

    const full = await openStore(copy, { fileOps: noSpace });

    expect(full.notices.map((n) => n.code)).toEqual(['store.startWriteFailed']);
    expect(full.view().events.list().map((e) => e.acronym).sort()).toEqual(['IN-JOURNAL', 'WTDC-25']);
    await ok(contextFor(full), 'events:create', { ...wtdc25, acronym: 'AFTER' });
    expect((await onDisk(copy)).events.map((e) => e.acronym).sort()).toEqual(['AFTER', 'IN-JOURNAL', 'WTDC-25']);
  });
});

describe('a missing data file in a folder that has backups', () => {
  it('offers the newest backup instead of a silent first run, and restores it on request', async () => {
    const dir = await tempDir();
    await seedFolder(dir, 'Saved before the file went missing');
    await openStore(dir).then((s) => s.close());
    await fs.rm(dataFile(dir));
    await fs.rm(journalFile(dir), { force: true });

    const store = await openStore(dir);

    expect(store.notices.map((n) => n.code)).toEqual(['store.missingWithBackups']);
    expect(store.restoreOffer?.name).toMatch(/^delegation-desk-s/);
    expect(await exists(dataFile(dir))).toBe(false);
    const status = await ok(contextFor(store), 'app:status');
    expect(status.restoreOffer?.name).toBe(store.restoreOffer?.name);

    await ok(contextFor(store), 'app:restoreBackup', { name: store.restoreOffer!.name });

    expect(eventNames(store)).toEqual(['Saved before the file went missing']);
    expect(store.notices).toEqual([]);
    expect((await onDisk(dir)).events.map((e) => e.name)).toEqual(['Saved before the file went missing']);
  });
});

describe('backups', () => {
  it('are made at the first write of a new folder, not 30 minutes later', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    expect(await listBackups(dir)).toEqual([]);

    await ok(contextFor(store), 'events:create', wtdc25);
    await store.flush();

    const [first] = await listBackups(dir);
    expect(first).toMatchObject({ reason: 'first', seq: 1 });
    expect(JSON.parse(await fs.readFile(first.file, 'utf8')).events).toHaveLength(1);
  });

  it('are not rotated away by opens that change nothing (20 CLI runs keep the last good state)', async () => {
    const dir = await tempDir();
    await seedFolder(dir, 'One', 'Two');
    const before = await listBackups(dir);
    for (let i = 0; i < 25; i++) await (await Store.open(dir)).close();
    const after = await listBackups(dir);
    expect(after.map((b) => b.name)).toEqual(before.map((b) => b.name));
    expect(after[0].seq).toBe(2);
  });

  it('a start backup that fails (disk full) does not stop the app from opening', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    await fs.rm(backupDir(dir), { recursive: true });
    await fs.writeFile(backupDir(dir), 'a file where the backups folder should be');

    const store = await openStore(dir);
    await store.flush();

    expect(eventNames(store)).toEqual([wtdc25.name]);
    expect(store.notices.map((n) => n.code)).toEqual(['store.backupFailed']);
    await ok(contextFor(store), 'events:create', { ...wtdc25, acronym: 'STILL' });
  });
});

describe('migration of older files', () => {
  it('backs the original v0 file up, then writes the current schema keeping every value', async () => {
    const dir = await tempDir();
    const fixture = await fs.readFile(path.join(FIXTURES, 'v0-unversioned.json'));
    const original = JSON.parse(fixture.toString('utf8'));
    await fs.writeFile(dataFile(dir), fixture);
    const now = new Date('2025-06-01T12:00:00.000Z');

    const store = await openStore(dir, { now: () => now });
    await store.flush();

    const migrationBackups = (await listBackups(dir)).filter((b) => b.reason === 'migration');
    expect(migrationBackups).toHaveLength(1);
    expect(await fs.readFile(migrationBackups[0].file)).toEqual(fixture);

    const saved = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.fileId).toMatch(/^[0-9a-f-]{36}$/);
    for (const collection of ['events', 'people', 'participations'] as const) {
      expect(saved[collection]).toHaveLength(original[collection].length);
      original[collection].forEach((record: Record<string, unknown>, i: number) => {
        expect(saved[collection][i]).toMatchObject(record);
        expect(saved[collection][i].createdAt).toBe(record.createdAt ?? now.toISOString());
        expect(saved[collection][i].seq).toBe(0);
      });
    }
    expect(saved.settings.youthMaxAge).toBe(29);
    await store.close();
    await openStore(dir);
    expect((await listBackups(dir)).filter((b) => b.reason === 'migration')).toHaveLength(1);
  });
});

describe('one writer', () => {
  it('keeps a second writer out naming the first, lets readers in, and is released on close', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const writer = await openStore(dir, { kind: 'web' });

    const refused = await appErrorFrom(Store.open(dir, { kind: 'cli' }));
    expect(refused).toMatchObject({ code: 'store.locked', params: { owner: 'web', since: expect.any(String) } });

    const reader = await openStore(dir, { readOnly: true });
    expect(reader.view().events.list().map((e) => e.acronym)).toEqual(['WTDC-25']);
    expect((await appErrorFrom(reader.change(() => undefined))).code).toBe('store.readOnly');

    await writer.close();
    expect((await openStore(dir)).readOnly).toBe(false);
  });

  // The defect measured on the foundation: browser mode paused past the stale time, a CLI command took
  // the folder and saved, and the server's next save erased the CLI's change without a word.
  it('never overwrites what another program saved after the lock was lost: goes read-only, then reopens with it', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const server = await openStore(dir, { kind: 'web', lockTimings: { updateMs: 1000, staleMs: 2000 } });
    await ok(contextFor(server), 'events:create', { ...wtdc25, acronym: 'SERVER-1' });

    // The server is "suspended": its lock goes stale and the CLI takes the folder over.
    await fs.rm(path.join(dir, LOCK_FILE), { recursive: true, force: true });
    const cli = await Store.open(dir, { kind: 'cli' });
    await ok(contextFor(cli), 'events:create', { ...wtdc25, name: 'Added by the CLI', acronym: 'CLI' });
    await cli.close();

    // The server wakes up and saves before (or after) noticing its lock is gone.
    const result = await call(contextFor(server), 'events:create', { ...wtdc25, acronym: 'SERVER-2' });

    expect(result).toMatchObject({ ok: false, error: { code: 'store.changedElsewhere' } });
    expect((await onDisk(dir)).events.map((e) => e.acronym).sort()).toEqual(['CLI', 'SERVER-1', 'WTDC-25']);
    expect(server.access).toMatchObject({ writable: false, code: 'store.changedElsewhere', canReopen: true });
    expect((await ok(contextFor(server), 'app:status')).notices.map((n) => n.code)).toContain('store.changedElsewhere');

    await ok(contextFor(server), 'app:reopen');
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(true);
    expect(server.view().events.list().map((e) => e.acronym).sort()).toEqual(['CLI', 'SERVER-1', 'WTDC-25']);
    await ok(contextFor(server), 'events:create', { ...wtdc25, acronym: 'SERVER-3' });
    expect((await onDisk(dir)).events.map((e) => e.acronym).sort()).toEqual(['CLI', 'SERVER-1', 'SERVER-3', 'WTDC-25']);
  });

  it('takes its lock back after a compromise when nobody else wrote (a laptop that slept)', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { lockTimings: { updateMs: 1000, staleMs: 2000 } });
    await ok(contextFor(store), 'events:create', wtdc25);
    await fs.rm(path.join(dir, LOCK_FILE), { recursive: true, force: true });
    await sleep(2500);

    await ok(contextFor(store), 'events:create', { ...wtdc25, acronym: 'AFTER-SLEEP' });

    expect(store.access.writable).toBe(true);
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(true);
    expect((await onDisk(dir)).events).toHaveLength(2);
  });
});
