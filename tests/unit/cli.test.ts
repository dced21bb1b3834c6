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

function cli(args: string[], dataDirEnv: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DELEGATION_DESK_DATA_DIR: dataDirEnv, LANG: 'en_US.UTF-8' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
  return JSON.parse(await fs.readFile(path.join(dir, DATA_FILE), 'utf8')).events;
}

describe.concurrent('the CLI', () => {
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
      expect(add.stderr).toContain('The data folder is already open');
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
  });

  it('exits 64 with the usage on an unknown command', async ({ expect }) => {
    const dir = await tempDir();

    const run = await cli(['events', 'frobnicate'], dir);

    expect(run.code).toBe(64);
    expect(run.stderr).toContain('Unknown command: events frobnicate');
    expect(run.stderr).toContain('events add --name N');
  });
});
