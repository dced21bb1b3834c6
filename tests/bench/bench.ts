// npm run bench [-- --json]: a large participation file, timed. Medians of several runs after a warm-up.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../main/api/dispatch';
import type { Context } from '../../main/api/handlers/context';
import { EVENT_KINDS, GENDERS, ROLES } from '../../main/domain/enums';
import { DATA_FILE, SCHEMA_VERSION, type Database } from '../../main/store/schema';
import { Store } from '../../main/store/store';

const SIZE = { events: 200, people: 5_000, participations: 20_000 };
const RUNS = 7;
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

function largeDatabase(): { data: Database; largestEventId: string } {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const stamp = new Date('2026-01-01T00:00:00Z').toISOString();
  const meta = () => ({ id: randomUUID(), createdAt: stamp, updatedAt: stamp });
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
    const event = participations.length < 1_000 ? largest : pick(events);
    const person = pick(people);
    if (seen.has(event.id + person.id)) continue;
    seen.add(event.id + person.id);
    participations.push({ ...meta(), eventId: event.id, personId: person.id, role: pick(ROLES), attendance: 'inPerson', registrationStatus: 'confirmed' });
  }
  return {
    data: { schemaVersion: SCHEMA_VERSION, profile: { administration: 'Ministry', address: '', signatoryName: '', signatoryTitle: '', documentLanguage: 'en' }, settings: { youthMaxAge: 29 }, events, people, participations },
    largestEventId: largest.id,
  };
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const results: { name: string; value: number; unit: string; label: string }[] = [];
const report = (name: string, label: string, value: number, unit: string) =>
  results.push({ name, label, value: Math.round(value * 10) / 10, unit });

const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
try {
  const { data, largestEventId } = largeDatabase();
  writeFileSync(path.join(dir, DATA_FILE), JSON.stringify(data, null, 1));
  report('file.size', 'data file size', statSync(path.join(dir, DATA_FILE)).size / 2 ** 20, 'MiB');

  report('load.large', `open and validate (${SIZE.events} events, ${SIZE.people} people, ${SIZE.participations} participations)`, await median(async () => (await Store.open(dir)).close()), 'ms');

  const store = await Store.open(dir);
  const context: Context = { store, host: { version: 'bench', shell: 'web', openExternal: async () => false }, now: () => new Date() };
  let n = 0;
  const person = store.data.people[0];
  report('save.oneChange', 'save after one change (until on disk)', await median(() =>
    dispatch('people:update', { ...person, birthDate: person.birthDate, familyName: `Family-${n++}` }, context),
  ), 'ms');
  const size = store.data.participations.filter((p) => p.eventId === largestEventId).length;
  report('balance.largestEvent', `delegation and balance of the largest event (${size} members)`, await median(() =>
    dispatch('delegation:get', { eventId: largestEventId }, context),
  ), 'ms');
  report('list.people', 'people list', await median(() => dispatch('people:list', undefined, context)), 'ms');
  globalThis.gc?.();
  report('heap.used', 'heap used with the file loaded', process.memoryUsage().heapUsed / 2 ** 20, 'MiB');
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (json) for (const { name, value, unit } of results) console.log(JSON.stringify({ name, value, unit }));
else {
  console.log(`Delegation Desk bench — median of ${RUNS} runs after a warm-up, Node ${process.version}`);
  for (const r of results) console.log(`${r.label.padEnd(92)} ${String(r.value).padStart(8)} ${r.unit}`);
}
