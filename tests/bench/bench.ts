// npm run bench [-- --json]: a large participation file, timed. Medians of several runs after a warm-up.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../main/api/dispatch';
import type { Context } from '../../main/api/channel';
import { EVENT_KINDS, GENDERS, ROLES } from '../../main/domain/enums';
import { DATA_FILE, SCHEMA_VERSION, type Database } from '../../main/store/schema';
import { Store } from '../../main/store/store';

const LARGE = { events: 200, people: 5_000, participations: 20_000 };
/** A ten-year ministry file. */
const XLARGE = { events: 1_000, people: 20_000, participations: 100_000 };
type Size = typeof LARGE;
const RUNS = 7;
const SAVES = 200;
const json = process.argv.includes('--json');

/** A deterministic generator, so that every run measures the same file. */
function random(seed: number) {
  // mulberry32: 32-bit integer arithmetic only, so the sequence never degenerates.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function database(SIZE: Size): { data: Database; largestEventId: string } {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const stamp = new Date('2026-01-01T00:00:00Z').toISOString();
  const meta = () => ({ id: randomUUID(), createdAt: stamp, updatedAt: stamp, seq: 0 });
  const day = (year: number, offset: number) => new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);

  const events = Array.from({ length: SIZE.events }, (_, i) => {
    const start = Math.floor(rnd() * 330);
    return {
      ...meta(), name: `Event ${i}`, acronym: `EV-${i}`, kind: pick(EVENT_KINDS), organiser: 'ITU', city: 'Geneva',
      country: 'CH' as const, startDate: day(2020 + (i % 8), start), endDate: day(2020 + (i % 8), start + 10),
      modality: 'inPerson' as const, website: '', status: 'attending' as const, notes: '',
    };
  });
  const people = Array.from({ length: SIZE.people }, (_, i) => ({
    ...meta(), title: '', givenName: `Given${i}`, familyName: `Family${i}`, gender: pick(GENDERS),
    birthDate: rnd() < 0.9 ? day(1950 + Math.floor(rnd() * 55), Math.floor(rnd() * 365)) : undefined,
    organisation: 'Ministry', function: 'Engineer', email: `person${i}@example.org`, phone: '',
  }));
  // One large conference (like a WRC delegation), the rest spread over the other events.
  const largest = events[0];
  const seen = new Set<string>();
  const participations: Database['participations'] = [];
  while (participations.length < SIZE.participations) {
    const event = participations.length < SIZE.participations / 20 ? largest : pick(events);
    const person = pick(people);
    if (seen.has(event.id + person.id)) continue;
    seen.add(event.id + person.id);
    participations.push({ ...meta(), eventId: event.id, personId: person.id, role: pick(ROLES), attendance: 'inPerson', registrationStatus: 'confirmed' });
  }
  return {
    data: { schemaVersion: SCHEMA_VERSION, fileId: randomUUID(), seq: 0, profile: { administration: 'Ministry', address: '', signatoryName: '', signatoryTitle: '', documentLanguage: 'en' }, settings: { youthMaxAge: 29 }, events, people, participations },
    largestEventId: largest.id,
  };
}

async function timings(count: number, run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const median = async (run: () => Promise<unknown>) => at(await timings(RUNS, run), 0.5);

const results: { name: string; value: number; unit: string; label: string }[] = [];
const report = (name: string, label: string, value: number, unit: string) =>
  results.push({ name, label, value: Math.round(value * 10) / 10, unit });

const host = { version: 'bench', shell: 'web' as const, openExternal: async () => false };

/** Writes a file of the given size as the app stores it, then times load and saves against it. */
async function measure(size: Size, suffix: '' | '.xlarge') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
  try {
    const { data, largestEventId } = database(size);
    const file = path.join(dir, DATA_FILE);
    writeFileSync(file, JSON.stringify(data));
    const what = `${size.events} events, ${size.people} people, ${size.participations} participations`;
    const name = (base: string) => (suffix ? base.replace('.large', '') + suffix : base);
    report(name('file.size'), `data file size (${what})`, statSync(file).size / 2 ** 20, 'MiB');

    const floor = await median(async () => JSON.parse(await readFile(file, 'utf8')));
    report(suffix ? `floor.parse${suffix}` : 'floor.parse', `floor: readFile + JSON.parse of the same file`, floor, 'ms');
    report(suffix ? `load${suffix}` : 'load.large', `open, check and index (${what})`, await median(async () => (await Store.open(dir)).close()), 'ms');

    const store = await Store.open(dir);
    const context: Context = { store, host, now: () => new Date() };
    const people = store.view().people.list();
    let n = 0;
    const saves = await timings(SAVES, () => dispatch('people:update', { id: people[n % people.length].id, familyName: `Family-${n++}` }, context));
    report(suffix ? `save${suffix}` : 'save.oneChange', `save after one change, until on disk (median of ${SAVES})`, at(saves, 0.5), 'ms');
    report(suffix ? `save${suffix}.p95` : 'save.oneChange.p95', `save after one change, 95th percentile`, at(saves, 0.95), 'ms');
    if (!suffix) {
      const members = store.view().participations.where('eventId', largestEventId).length;
      report('balance.largestEvent', `delegation and balance of the largest event (${members} members)`, await median(() =>
        dispatch('delegation:get', { eventId: largestEventId }, context),
      ), 'ms');
      report('list.people', 'people list', await median(() => dispatch('people:list', undefined, context)), 'ms');
      globalThis.gc?.();
      report('heap.used', 'heap used with the file loaded', process.memoryUsage().heapUsed / 2 ** 20, 'MiB');
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor of a save: one small append made durable. */
async function fsyncFloor() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
  const handle = await open(path.join(dir, 'floor.journal'), 'a');
  try {
    const line = `${'x'.repeat(300)}\n`;
    report('floor.fsync', 'floor: append one small line and fdatasync', at(await timings(SAVES, async () => {
      await handle.write(line);
      await handle.datasync();
    }), 0.5), 'ms');
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await fsyncFloor();
await measure(LARGE, '');
if (!process.argv.includes('--large-only')) await measure(XLARGE, '.xlarge');

if (json) for (const { name, value, unit } of results) console.log(JSON.stringify({ name, value, unit }));
else {
  console.log(`Delegation Desk bench — medians after a warm-up, Node ${process.version}`);
  for (const r of results) console.log(`${r.name.padEnd(24)} ${r.label.padEnd(86)} ${String(r.value).padStart(8)} ${r.unit}`);
}
