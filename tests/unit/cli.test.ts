// The command line runs the same handlers as the app, for scripts and quick checks. Each test spawns
// the real CLI (about a second each), so there are few of them and they run concurrently.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { Store } from '../../main/store/store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA_FILE = 'delegation-desk.json';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delegation-desk-cli-'));
  dirs.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `slowReader` reads its stdout only after a while, as `| less` or a busy pipe would. */
function cli(args: string[], dataDirEnv: string, { slowReader = false } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DELEGATION_DESK_DATA_DIR: dataDirEnv, LANG: 'en_US.UTF-8' },
    });
    let stdout = '';
    let stderr = '';
    const read = () => child.stdout.on('data', (chunk) => (stdout += chunk));
    if (slowReader) {
      child.stdout.pause();
      setTimeout(() => read().resume(), 1500);
    } else {
      read();
    }
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const wtdc = {
  name: 'World Telecommunication Development Conference 2025',
  acronym: 'WTDC-25',
  kind: 'conference' as const,
  organiser: 'ITU',
  city: 'Baku',
  startDate: '2025-11-17',
  endDate: '2025-11-28',
  modality: 'inPerson' as const,
  website: '',
  status: 'invited' as const,
  notes: '',
  agenda: '',
  rulesOff: [] as string[],
};

const addWtdc = [
  'events', 'add',
  '--name', 'World Telecommunication Development Conference 2025',
  '--acronym', 'WTDC-25',
  '--kind', 'conference',
  '--start', '2025-11-17',
  '--end', '2025-11-28',
  '--city', 'Baku',
  '--country', 'az',
];

async function savedEvents(dir: string): Promise<{ id: string; acronym: string }[]> {
  const reader = await Store.open(dir, { readOnly: true });
  await reader.close();
  return reader.view().events.list();
}

// Each test runs several CLI processes one after the other; on two cores with a cold tsx cache (a fresh
// clone in CI) a chain takes well over the default 15 s.
describe.concurrent('the CLI', { timeout: 60_000 }, () => {
  it('import-people names each refused row by its line in the file; people export writes the delegation; --strict writes nothing', async ({ expect }) => {
    const dir = await tempDir();
    const french = path.join(ROOT, 'tests/fixtures/people/fr-utf8.csv');
    await cli(addWtdc, dir);
    const strict = await cli(['import-people', french, '--event', 'WTDC-25', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('3 rows have a problem: nothing was written');
    const imported = await cli(['import-people', french, '--event', 'WTDC-25'], dir);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('37 people added, 0 already recorded, 37 put on the delegation, 3 rows refused.');
    expect(imported.stderr.match(/^Line \d+:/gm)).toHaveLength(3);
    const out = path.join(dir, 'wtdc.xlsx');
    const exported = await cli(['people', 'export', '--event', 'WTDC-25', '--out', out], dir);
    expect(exported).toMatchObject({ code: 0, stdout: `37 rows written to ${out}.\n` });
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('balance --json prints the counts and shares, cancelled members left out', async ({ expect }) => {
    const dir = await tempDir();
    const add = await cli(addWtdc, dir);
    const store = await Store.open(dir);
    await store.change((tx) => {
      const people = [['female', '2000-05-01'], ['male', '1970-01-01'], ['unspecified', undefined], ['female', '1980-01-01']] as const;
      people.forEach(([gender, birthDate], i) => {
        const person = tx.people.create({ title: '', givenName: `P${i}`, familyName: 'Test', gender, birthDate, organisation: '', function: '', email: '', phone: '', biography: '', passportName: '', placeOfBirth: '', passportNumber: '' });
        tx.participations.create({
          eventId: add.stdout.trim(), personId: person.id, role: i === 0 ? 'head' : 'delegate', attendance: 'inPerson',
          registrationStatus: i === 3 ? 'cancelled' : 'confirmed', visa: 'notNeeded', credentials: false, notes: '',
        });
      });
    });
    await store.close();
    const balance = await cli(['balance', '--event', 'WTDC-25', '--json'], dir);
    expect(balance.code).toBe(0);
    expect(JSON.parse(balance.stdout)).toEqual({
      total: 3, women: 1, men: 1, otherGender: 0, unknownGender: 1, womenShare: 0.5,
      youth: 1, unknownAge: 1, youthShare: 0.5, leadership: { total: 1, women: 1 },
    });
  });

  it('parse-letter prints what a letter says, as JSON, from text or PDF, and writes nothing', async ({ expect }) => {
    const dir = await tempDir();
    const letters = path.join(ROOT, 'tests/fixtures/letters');
    const expected = JSON.parse(await fs.readFile(path.join(letters, 'seeds/fr_DM-24-1010_wtdc25-invitation-observers.expected.json'), 'utf8'));
    const [text, pdf, bad] = await Promise.all([
      cli(['parse-letter', path.join(letters, 'seeds/fr_DM-24-1010_wtdc25-invitation-observers.txt')], dir),
      cli(['parse-letter', path.join(letters, 'pdf/seeds/fr_DM-24-1010_wtdc25-invitation-observers.pdf')], dir),
      cli(['parse-letter', path.join(letters, 'files/binary.txt')], dir),
    ]);
    expect(text.code).toBe(0);
    expect(Object.keys(JSON.parse(text.stdout))).toEqual(['reference', 'letterDate', 'language', 'eventName', 'eventAcronym', 'venue', 'startDate', 'endDate', 'deadlines', 'contactEmail']);
    expect(JSON.parse(text.stdout)).toEqual(expected);
    expect(pdf.code).toBe(0);
    expect(JSON.parse(pdf.stdout)).toEqual(expected);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('is not text');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('import-letter records each letter with its event and deadlines, prints the ids, and recognises a letter read twice', async ({ expect }) => {
    const dir = await tempDir();
    const seeds = path.join(ROOT, 'tests/fixtures/letters/seeds');
    const files = ['fr_CL-19-73_wtisd2020.txt', 'fr_CL-24-44_wtpf26-calendar-experts.txt'].map((f) => path.join(seeds, f));
    const imported = await cli(['import-letter', ...files, path.join(ROOT, 'tests/fixtures/letters/files/empty.txt')], dir);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('empty.txt');
    const lines = imported.stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(lines.map(([letter, event]) => [/^[0-9a-f-]{36}$/.test(letter), event === '-'])).toEqual([[true, false], [true, true]]);
    const list = await cli(['invitations', 'list', '--json'], dir);
    expect(JSON.parse(list.stdout).map((l: { reference: string; openDeadlines: number }) => [l.reference, l.openDeadlines]))
      .toEqual([['CL-19/73', 1], ['CL-24/44', 9]]);
    const again = await cli(['import-letter', files[0]], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Already recorded (as CL-19/73)');
    expect(again.stdout.split('\t')[0]).toBe(lines[0][0]);
  });

  it('adds an event and prints its id; events list --json and check then see it', async ({ expect }) => {
    const dir = await tempDir();

    const add = await cli(addWtdc, dir);
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const id = add.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const list = await cli(['events', 'list', '--json'], dir);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({
        id,
        acronym: 'WTDC-25',
        kind: 'conference',
        startDate: '2025-11-17',
        endDate: '2025-11-28',
        city: 'Baku',
        country: 'AZ',
        delegationSize: 0,
      }),
    ]);

    const check = await cli(['check'], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('The data file is valid: 1 events, 0 people, 0 participations.');

    // --event takes the acronym as the user writes it, in any case, or the id.
    const [byAcronym, byId, unknown] = await Promise.all([
      cli(['events', 'show', '--event', 'wtdc-25', '--json'], dir),
      cli(['events', 'show', '--event', id], dir),
      cli(['events', 'show', '--event', 'WRC-27'], dir),
    ]);
    expect(byAcronym.code).toBe(0);
    expect(JSON.parse(byAcronym.stdout)).toMatchObject({ event: { id }, members: [], balance: { total: 0 } });
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain('WTDC-25');
    expect(byId.stdout).toContain('Women: No one to count yet');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No event with the id or acronym WRC-27.');
  });

  it('refuses to write while the data folder is open elsewhere, and still reads', async ({ expect }) => {
    const dir = await tempDir();
    const app = await Store.open(dir);
    try {
      const add = await cli(addWtdc, dir);
      expect(add.code).toBe(75);
      expect(add.stderr).toContain('The data folder is already open in the Delegation Desk app (since 20');
      const list = await cli(['events', 'list', '--json'], dir);
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('uses --data-dir over DELEGATION_DESK_DATA_DIR', async ({ expect }) => {
    const fromEnv = await tempDir();
    const fromFlag = await tempDir();

    const add = await cli([...addWtdc, '--data-dir', fromFlag], fromEnv);

    expect(add.code).toBe(0);
    expect((await savedEvents(fromFlag)).map((e) => e.id)).toEqual([add.stdout.trim()]);
    expect(await fs.readdir(fromEnv)).toEqual([]);
  });

  it('check refuses a damaged file with a message, and leaves it where it is', async ({ expect }) => {
    const dir = await tempDir();
    const bytes = '{"schemaVersion":1,"events":[{"id":"evt-1",';
    await fs.writeFile(path.join(dir, DATA_FILE), bytes);

    const check = await cli(['check'], dir);

    expect(check.code).not.toBe(0);
    expect(check.stderr).toContain('The data file is damaged and cannot be read.');
    expect(await fs.readdir(dir)).toEqual([DATA_FILE]);
    expect(await fs.readFile(path.join(dir, DATA_FILE), 'utf8')).toBe(bytes);
  });

  it('events add refuses a last day before the first day, in words, and saves nothing', async ({ expect }) => {
    const dir = await tempDir();

    const add = await cli(['events', 'add', '--name', 'Backwards', '--kind', 'forum', '--start', '2025-11-28', '--end', '2025-11-17'], dir);

    expect(add.code).toBe(1);
    expect(add.stdout).toBe('');
    expect(add.stderr).toContain('endDate: The last day is before the first day.');
    expect(await savedEvents(dir)).toEqual([]);
    expect(await fs.readdir(dir)).not.toContain(DATA_FILE);
  });

  it('check exits non-zero with the reason for a file that is not ours, and a writing command says what it did on stderr', async ({ expect }) => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, DATA_FILE), '{}');

    const check = await cli(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('The data file is not a Delegation Desk file.');
    expect(await fs.readdir(dir)).toEqual([DATA_FILE]);

    const add = await cli(addWtdc, dir);
    expect(add.code).toBe(0);
    expect(add.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    expect(add.stderr).toMatch(/kept aside as delegation-desk\.foreign-\d{8}T\d{9}Z\.json/);
    expect((await cli(['check'], dir)).code).toBe(0);
  });

  it('check exits non-zero when the data file is missing from a folder with backups, or its journal is damaged', async ({ expect }) => {
    const missing = await tempDir();
    expect((await cli(addWtdc, missing)).code).toBe(0);
    await fs.rm(path.join(missing, DATA_FILE));
    const check = await cli(['check'], missing);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('The data file is missing, but this folder has backups.');

    const damaged = await tempDir();
    const store = await Store.open(damaged);
    for (const acronym of ['A', 'B', 'C']) await store.change((tx) => tx.events.create({ ...wtdc, acronym }));
    await store.flush();
    const journal = path.join(damaged, 'delegation-desk.journal');
    const lines = (await fs.readFile(journal, 'utf8')).split('\n');
    lines[1] = lines[1].replace('"B"', '"X"');
    await store.close().catch(() => undefined);
    // close() folded the journal into the snapshot: write the damaged journal back over an older snapshot.
    await fs.writeFile(journal, lines.join('\n'));
    const snapshot = JSON.parse(await fs.readFile(path.join(damaged, DATA_FILE), 'utf8'));
    snapshot.seq = 0;
    snapshot.events = [];
    await fs.writeFile(path.join(damaged, DATA_FILE), JSON.stringify(snapshot));
    const checkJournal = await cli(['check'], damaged);
    expect(checkJournal.code).toBe(1);
    expect(checkJournal.stderr).toContain('the 1 changes before the damage can be read, the 1 after it cannot');
    expect(checkJournal.stdout).toContain('1 events');
  });

  it('writes all of a long output into a slow pipe (events list --json past 64 KiB)', async ({ expect }) => {
    const dir = await tempDir();
    const store = await Store.open(dir);
    await store.change((tx) => {
      for (let i = 0; i < 400; i++) tx.events.create({ ...wtdc, acronym: `EV-${i}`, notes: 'n'.repeat(200) });
    });
    await store.close();

    const list = await cli(['events', 'list', '--json'], dir, { slowReader: true });

    expect(list.code).toBe(0);
    expect(list.stdout.length).toBeGreaterThan(128 * 1024);
    expect(JSON.parse(list.stdout)).toHaveLength(400);
  });

  it('takes over at once a lock left by a process that died on this machine', async ({ expect }) => {
    const dir = await tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('close', resolve));
    await fs.mkdir(path.join(dir, 'delegation-desk.lock'));
    await fs.writeFile(
      path.join(dir, 'delegation-desk.lock-owner.json'),
      JSON.stringify({ kind: 'app', pid: dead.pid, hostname: os.hostname(), since: new Date().toISOString() }),
    );

    const add = await cli(addWtdc, dir);

    expect(add.code).toBe(0);
    expect(await savedEvents(dir)).toHaveLength(1);
  });

  it('exits 64 with the usage on an unknown command', async ({ expect }) => {
    const dir = await tempDir();

    const run = await cli(['events', 'frobnicate'], dir);

    expect(run.code).toBe(64);
    expect(run.stderr).toContain('Unknown command: events frobnicate');
    expect(run.stderr).toContain('events add --name N');
  });
});

describe('deadlines and contributions on the command line', () => {
  it('gives an event its rule-derived deadlines at once, lists them as JSON, exports a calendar and lists contributions', async ({ expect }) => {
    const dir = await tempDir();
    const added = await cli(['events', 'add', '--name', 'World Telecommunication Development Conference', '--acronym', 'WTDC-25', '--kind', 'conference', '--start', '2025-11-17', '--end', '2025-11-28'], dir);
    expect(added.code).toBe(0);
    const eventId = added.stdout.trim();
    const listed = await cli(['deadlines', 'list', '--json', '--event', 'wtdc-25'], dir);
    expect(listed.code).toBe(0);
    const deadlines = JSON.parse(listed.stdout);
    expect(deadlines.find((d: { kind: string }) => d.kind === 'contribution')).toEqual({
      id: expect.any(String), date: '2025-10-27', what: 'Submit contributions', kind: 'contribution', eventId,
      source: expect.stringContaining('Res. 165'), estimated: true, done: false,
    });
    for (const d of deadlines) expect(Object.keys(d).sort()).toEqual(['date', 'done', 'estimated', 'eventId', 'id', 'kind', 'source', 'what']);
    // --within counts from today: deadlines of 2025 are past, so all of them are within any window.
    expect(JSON.parse((await cli(['deadlines', 'list', '--json', '--within', '0'], dir)).stdout)).toHaveLength(deadlines.length);
    expect((await cli(['deadlines', 'list', '--within', 'soon'], dir)).code).toBe(64);

    const out = path.join(dir, 'wtdc.ics');
    const exported = await cli(['export', 'ics', '--event', 'WTDC-25', '--out', out], dir);
    expect(exported.code).toBe(0);
    const ics = await fs.readFile(out, 'utf8');
    expect(ics).toContain(`UID:${deadlines[0].id}@delegation-desk`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20251027');
    expect((await cli(['export', 'ics', '--out', out], dir)).code).toBe(1); // never over an existing file

    expect(JSON.parse((await cli(['contributions', 'list', '--json'], dir)).stdout)).toEqual([]);
  });
});

describe('documents on the command line', () => {
  it('export nomination names what is missing (exit 1), then writes the letter with its reference', async ({ expect }) => {
    const dir = await tempDir();
    const added = await cli(['events', 'add', '--name', 'World Telecommunication Development Conference', '--acronym', 'WTDC-25', '--kind', 'conference', '--start', '2025-11-17', '--end', '2025-11-28'], dir);
    const out = path.join(dir, 'nomination.docx');
    const refused = await cli(['export', 'nomination', '--event', 'WTDC-25', '--lang', 'fr', '--out', out], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No signatory (Settings)');
    expect(refused.stderr).toContain('No one on the delegation yet');
    expect((await cli(['export', 'nomination', '--event', 'WTDC-25', '--lang', 'xx', '--out', out], dir)).code).toBe(64);

    const store = await Store.open(dir);
    await store.change((tx) => {
      tx.profile.update({ administration: 'Ministère du Numérique', signatoryName: 'Awa Ndiaye', referencePattern: 'MN/{year}/{seq:3}' });
      const person = tx.people.create({ title: '', givenName: 'Aïssatou', familyName: 'Diallo', gender: 'female', organisation: '', function: '', email: '', phone: '', biography: '', passportName: '', placeOfBirth: '', passportNumber: '' });
      tx.participations.create({ eventId: added.stdout.trim(), personId: person.id, role: 'head', attendance: 'inPerson', registrationStatus: 'notStarted', visa: 'notNeeded', credentials: false, notes: '' });
    });
    await store.close();
    const written = await cli(['export', 'nomination', '--event', 'WTDC-25', '--lang', 'fr', '--out', out], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^MN\/\d{4}\/001 written to /);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });
});
