// A child process makes changes and is SIGKILLed at random moments (mid-append, mid-snapshot,
// mid-backup). After each kill the folder opens at once, every acknowledged change is there, and no
// change is there in part. `npm run test:kill` runs 500 kills; `npm test` runs 50.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../main/store/store';

const KILLS = Number(process.env.DD_KILLS ?? 50);
const ROOT = path.resolve(import.meta.dirname, '../..');
let work: string;
let writer: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'delegation-desk-kill-'));
  writer = path.join(work, 'writer.mjs');
  // One bundle, so that each child starts in milliseconds rather than compiling TypeScript.
  await build({
    entryPoints: [path.join(ROOT, 'tests/kill/writer.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const random = (max: number) => Math.floor(Math.random() * max);

/** Starts the writer, kills it a random moment after its first acknowledgement; returns the markers it acknowledged. */
function runAndKill(dataDir: string, start: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), random(60));
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself: ${err}`));
      resolve(out.split('\n').filter((line) => /^\d+$/.test(line)).map(Number));
    });
  });
}

describe('a writer killed at random moments', () => {
  it(`loses no acknowledged change and leaves no change in part (${KILLS} kills)`, async () => {
    const dataDir = path.join(work, 'data');
    const acknowledged = new Set<number>();
    let next = 1;
    for (let kill = 0; kill < KILLS; kill++) {
      for (const marker of await runAndKill(dataDir, next)) acknowledged.add(marker);

      const started = performance.now();
      const store = await Store.open(dataDir, { kind: 'cli' });
      // The dead writer's lock is taken over at once, not after the 15 s stale time.
      expect(performance.now() - started).toBeLessThan(3_000);
      const read = store.view();
      const events = new Map(read.events.list().map((e) => [Number(e.notes), e]));
      const people = new Map(read.people.list().map((p) => [Number(p.familyName), p]));
      for (const marker of acknowledged) expect(events.has(marker), `acknowledged change ${marker} is missing`).toBe(true);
      for (const [marker, event] of events) {
        const person = people.get(marker);
        expect(person, `change ${marker} is there in part (event without person)`).toBeDefined();
        expect(read.participations.where('eventId', event.id).map((p) => p.personId)).toEqual([person!.id]);
      }
      expect(people.size).toBe(events.size);
      expect(store.notices.filter((n) => n.level === 'error')).toEqual([]);
      next = Math.max(next, ...events.keys()) + 1;
      await store.close();
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS);
  }, 60_000 + KILLS * 1_000);
});
