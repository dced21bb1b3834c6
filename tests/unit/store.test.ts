// The data file is the user's only copy of their delegation's work: these tests check that it
// survives crashes, damage, newer versions, migrations and a second writer, on real temp folders.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DelegationEvent } from '../../main/domain/model';
import { AppError } from '../../main/errors';
import { BACKUPS_KEPT, backupDir, listBackups } from '../../main/store/backups';
import { DurableTextFile, type FileOps } from '../../main/store/durable-file';
import { SCHEMA_VERSION } from '../../main/store/schema';
import { Store } from '../../main/store/store';
import { call, contextFor, dataFile, ok, openStore, tempDir, wtdc25 } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/store');

/** Resolves to the AppError a promise rejects with (and fails the test if it does not reject so). */
async function appErrorFrom(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with an AppError');
}

/** An error like the one Node gives when a disk is full or pulled out mid-save. */
function diskError(code: string, at: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, rename '${at}'`), { code });
}

function eventRecord(name: string): DelegationEvent {
  const stamp = new Date().toISOString();
  return {
    id: randomUUID(),
    name,
    acronym: '',
    kind: 'forum',
    organiser: 'ITU',
    city: 'Geneva',
    startDate: '2026-07-06',
    endDate: '2026-07-10',
    modality: 'inPerson',
    website: '',
    status: 'invited',
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** A data folder holding one saved event, written by the real store; returns the file's bytes. */
async function seedFolder(dir: string, eventName = wtdc25.name): Promise<Buffer> {
  const store = await Store.open(dir);
  await ok(contextFor(store), 'events:create', { ...wtdc25, name: eventName });
  await store.close();
  return fs.readFile(dataFile(dir));
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function corruptFilesIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.startsWith('delegation-desk.corrupt-'));
}

describe('a crash during a save', () => {
  it('leaves the previous file intact when the rename over it never happens (DurableTextFile)', async () => {
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

  it('reports store.writeFailed from Store.change and keeps the file exactly as it was', async () => {
    const dir = await tempDir();
    const before = await seedFolder(dir);

    const store = await openStore(dir, {
      fileOps: {
        rename: async (from) => {
          throw diskError('ENOSPC', from);
        },
      },
    });
    const error = await appErrorFrom(store.change((data) => data.events.push(eventRecord('Never saved'))));

    expect(error.code).toBe('store.writeFailed');
    expect(await fs.readFile(dataFile(dir))).toEqual(before);
  });

  it('does not keep a change that could not be saved, so it never reaches the file later', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    let diskFull = false;
    const fileOps: FileOps = {
      rename: async (from, to) => {
        if (diskFull) throw diskError('ENOSPC', from);
        await fs.rename(from, to);
      },
    };
    const store = await openStore(dir, { fileOps });
    const context = contextFor(store);

    diskFull = true;
    const failed = await context.store.change((data) => data.events.push(eventRecord('Not saved'))).catch((e) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect((await ok(context, 'events:list')).map((e) => e.name)).toEqual([wtdc25.name]);

    diskFull = false;
    await ok(context, 'events:create', { ...wtdc25, name: 'Saved later', acronym: 'LATER' });
    const onDisk = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(onDisk.events.map((e: DelegationEvent) => e.name).sort()).toEqual(['Saved later', wtdc25.name].sort());
  });

  it('removes a temp file a real crash left behind on the next open, and loads the data intact', async () => {
    const dir = await tempDir();
    const before = await seedFolder(dir);
    const leftover = path.join(dir, `.delegation-desk.json.${randomUUID()}.tmp`);
    await fs.writeFile(leftover, '{"schemaVersion":1,"events":[{"id":"half-writ');

    const store = await openStore(dir);

    expect(await exists(leftover)).toBe(false);
    expect(store.data.events.map((e) => e.acronym)).toEqual(['WTDC-25']);
    expect(await fs.readFile(dataFile(dir))).toEqual(before);
  });
});

describe('saving', () => {
  it('retries a rename that Windows refuses for a moment (EBUSY, EPERM) and then saves', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const refusals = ['EBUSY', 'EPERM'];
    let attempts = 0;
    const store = await openStore(dir, {
      fileOps: {
        rename: async (from, to) => {
          attempts++;
          const code = refusals.shift();
          if (code) throw diskError(code, from);
          await fs.rename(from, to);
        },
      },
    });

    await ok(contextFor(store), 'events:create', { ...wtdc25, name: 'Saved after retries', acronym: 'RETRY' });

    expect(attempts).toBe(3);
    const onDisk = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(onDisk.events.map((e: DelegationEvent) => e.acronym)).toContain('RETRY');
  });

  it('lands every one of many concurrent changes, and the file stays valid JSON', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const context = contextFor(store);

    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ok(context, 'events:create', { ...wtdc25, acronym: `EV-${i}` })),
    );
    await store.close();

    const onDisk = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(onDisk.events.map((e: DelegationEvent) => e.id).sort()).toEqual(created.map((e) => e.id).sort());
    const reopened = await openStore(dir);
    expect(reopened.data.events).toHaveLength(40);
  });
});

describe('a damaged data file', () => {
  const damaged = [
    ['invalid JSON', '{"schemaVersion":1,"events":[{"id":"evt-1","name":"WTDC'],
    ['an empty (0-byte) file', ''],
  ] as const;

  it.each(damaged)('with %s is moved aside unchanged and the newest good backup is loaded', async (_what, bytes) => {
    const dir = await tempDir();
    const oldest = await seedFolder(await tempDir(), 'From the oldest backup');
    const older = await seedFolder(await tempDir(), 'From the newest good backup');
    await fs.mkdir(backupDir(dir));
    await fs.writeFile(path.join(backupDir(dir), 'delegation-desk-20250301T090000000Z-start.json'), oldest);
    await fs.writeFile(path.join(backupDir(dir), 'delegation-desk-20250302T090000000Z-start.json'), older);
    await fs.writeFile(path.join(backupDir(dir), 'delegation-desk-20250303T090000000Z-periodic.json'), '{"schemaVer');
    await fs.writeFile(dataFile(dir), bytes);

    const store = await openStore(dir, { now: () => new Date('2025-03-04T10:00:00.000Z') });

    const movedTo = 'delegation-desk.corrupt-20250304T100000000Z.json';
    expect(await fs.readFile(path.join(dir, movedTo), 'utf8')).toBe(bytes);
    expect(store.data.events.map((e) => e.name)).toEqual(['From the newest good backup']);
    expect(store.notices).toContainEqual({
      code: 'store.recoveredFromBackup',
      params: { movedTo, backup: 'delegation-desk-20250302T090000000Z-start.json' },
    });
    const onDisk = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(onDisk.events.map((e: DelegationEvent) => e.name)).toEqual(['From the newest good backup']);
  });

  it.each(damaged)('with %s and no backup starts empty, says so, and keeps the damaged file', async (_what, bytes) => {
    const dir = await tempDir();
    await fs.writeFile(dataFile(dir), bytes);

    const store = await openStore(dir, { now: () => new Date('2025-03-04T10:00:00.000Z') });

    const movedTo = 'delegation-desk.corrupt-20250304T100000000Z.json';
    expect(store.notices).toEqual([{ code: 'store.corruptNoBackup', params: { movedTo } }]);
    expect(store.data.events).toEqual([]);
    expect(await fs.readFile(path.join(dir, movedTo), 'utf8')).toBe(bytes);
    expect(JSON.parse(await fs.readFile(dataFile(dir), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('that parses but breaks the schema is treated as damaged and moved aside', async () => {
    const dir = await tempDir();
    const bytes = JSON.stringify({
      schemaVersion: 1,
      profile: {},
      settings: {},
      events: [{ id: 'evt-1', name: 'An event without dates', kind: 'conference' }],
      people: [],
      participations: [],
    });
    await fs.writeFile(dataFile(dir), bytes);

    const store = await openStore(dir);

    const moved = await corruptFilesIn(dir);
    expect(moved).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, moved[0]), 'utf8')).toBe(bytes);
    expect(store.notices.map((n) => n.code)).toEqual(['store.corruptNoBackup']);
    expect(store.data.events).toEqual([]);
  });

  it('opened read-only is refused with store.corrupt and left where it is', async () => {
    const dir = await tempDir();
    const bytes = '{"schemaVersion":1,"events":[';
    await fs.writeFile(dataFile(dir), bytes);

    const error = await appErrorFrom(Store.open(dir, { readOnly: true }));

    expect(error.code).toBe('store.corrupt');
    expect(await fs.readFile(dataFile(dir), 'utf8')).toBe(bytes);
    expect(await corruptFilesIn(dir)).toEqual([]);
  });
});

describe('a file written by a newer version', () => {
  it('is refused with store.newerVersion, left byte for byte as it was, and the folder is not left locked', async () => {
    const dir = await tempDir();
    const bytes = `${JSON.stringify({ schemaVersion: 99, events: [], letters: [{ id: 'l1' }] }, null, 1)}\n`;
    await fs.writeFile(dataFile(dir), bytes);

    const error = await appErrorFrom(Store.open(dir));

    expect(error.code).toBe('store.newerVersion');
    expect(error.params).toEqual({ found: 99, supported: SCHEMA_VERSION });
    expect(await fs.readFile(dataFile(dir), 'utf8')).toBe(bytes);
    expect(await corruptFilesIn(dir)).toEqual([]);

    const again = await appErrorFrom(Store.open(dir));
    expect(again.code).toBe('store.newerVersion');
  });
});

describe('migration of an unversioned (v0) file', () => {
  it('backs the original up, then writes schema v1 with ids and timestamps, keeping every value', async () => {
    const dir = await tempDir();
    const fixture = await fs.readFile(path.join(FIXTURES, 'v0-unversioned.json'));
    const original = JSON.parse(fixture.toString('utf8'));
    await fs.writeFile(dataFile(dir), fixture);
    const now = new Date('2025-06-01T12:00:00.000Z');

    const store = await openStore(dir, { now: () => now });

    const migrationBackups = (await listBackups(dir)).filter((f) => f.endsWith('-migration.json'));
    expect(migrationBackups).toHaveLength(1);
    expect(await fs.readFile(migrationBackups[0])).toEqual(fixture);

    const onDisk = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    for (const collection of ['events', 'people', 'participations'] as const) {
      expect(onDisk[collection]).toHaveLength(original[collection].length);
      original[collection].forEach((record: Record<string, unknown>, i: number) => {
        const migrated = onDisk[collection][i];
        expect(migrated).toMatchObject(record);
        expect(migrated.id).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(migrated.createdAt).toBe(record.createdAt ?? now.toISOString());
        expect(migrated.updatedAt).toBe(record.createdAt ?? now.toISOString());
      });
    }
    expect(onDisk.settings.youthMaxAge).toBe(29);
    expect(store.data.people.map((p) => p.familyName)).toEqual(['Aliyeva', 'Mammadov']);
    await store.close();

    await openStore(dir);
    expect((await listBackups(dir)).filter((f) => f.endsWith('-migration.json'))).toHaveLength(1);
  });
});

describe('rolling backups', () => {
  it('opening makes a start backup of the file as it was', async () => {
    const dir = await tempDir();
    const bytes = await seedFolder(dir);

    await openStore(dir);

    const backups = await listBackups(dir);
    expect(backups.map((f) => path.basename(f))).toEqual([expect.stringMatching(/-start\.json$/)]);
    expect(await fs.readFile(backups[0])).toEqual(bytes);
  });

  it(`keeps only the newest ${BACKUPS_KEPT}`, async () => {
    const dir = await tempDir();
    const bytes = await seedFolder(dir);
    await fs.mkdir(backupDir(dir));
    const old = Array.from({ length: 25 }, (_, i) => `delegation-desk-202401${String(i + 1).padStart(2, '0')}T080000000Z-periodic.json`);
    for (const name of old) await fs.writeFile(path.join(backupDir(dir), name), bytes);

    await openStore(dir, { now: () => new Date('2025-01-01T00:00:00.000Z') });

    const kept = (await listBackups(dir)).map((f) => path.basename(f));
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]).toBe('delegation-desk-20250101T000000000Z-start.json');
    expect(kept.slice(1)).toEqual(old.slice(-(BACKUPS_KEPT - 1)).reverse());
  });
});

describe('the data-folder lock', () => {
  it('keeps a second writer out, lets readers in, and is released on close', async () => {
    const dir = await tempDir();
    await seedFolder(dir);
    const writer = await openStore(dir);

    const refused = await appErrorFrom(Store.open(dir));
    expect(refused.code).toBe('store.locked');

    const reader = await openStore(dir, { readOnly: true });
    expect(reader.data.events.map((e) => e.acronym)).toEqual(['WTDC-25']);
    expect((await appErrorFrom(reader.change(() => undefined))).code).toBe('store.readOnly');

    await writer.close();
    const next = await openStore(dir);
    expect(next.readOnly).toBe(false);
  });
});

describe('deleting', () => {
  it('soft-deletes an event and its delegation: kept in the file with deletedAt, hidden from lists', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const context = contextFor(store);
    const event = await ok(context, 'events:create', wtdc25);
    const person = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    await ok(context, 'participations:create', { eventId: event.id, personId: person.id, role: 'head' });

    expect(await ok(context, 'events:delete', { id: event.id })).toEqual({ id: event.id });

    const onDisk = JSON.parse(await fs.readFile(dataFile(dir), 'utf8'));
    expect(onDisk.events).toEqual([expect.objectContaining({ id: event.id, deletedAt: expect.any(String) })]);
    expect(onDisk.participations).toEqual([expect.objectContaining({ deletedAt: expect.any(String) })]);
    expect(await ok(context, 'events:list')).toEqual([]);
    expect((await ok(context, 'people:list')).map((p) => p.eventCount)).toEqual([0]);
    expect(await call(context, 'events:get', { id: event.id })).toMatchObject({
      ok: false,
      error: { code: 'errors.notFound' },
    });
  });
});
