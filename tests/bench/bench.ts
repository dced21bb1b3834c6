// npm run bench [-- --json]: a large participation file, timed. Medians of several runs after a warm-up.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../main/api/dispatch';
import type { Context } from '../../main/api/channel';
import type { DeadlineSummary, Output } from '../../main/api/contract';
import { extractLetter } from '../../main/domain/letters/extract';
import { letterFiles } from '../../main/letters/letter-files';
import { sheetFiles } from '../../main/people-io/sheet-files';
import { documentFiles } from '../../main/documents/document-files';
import { DATA_FILE } from '../../main/store/schema';
import { Store } from '../../main/store/store';
import { LARGE, XLARGE, database, type Size } from './large-file';
import { boardOf } from '../../main/domain/deadline-board';
import { todayIso } from '../../main/domain/dates';

const RUNS = 7;
const SAVES = 200;
const json = process.argv.includes('--json');

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
    const context: Context = { store, host, now: () => new Date(), letters: letterFiles, sheets: sheetFiles, documents: documentFiles };
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
      report('search.people', 'people search over the whole registry (two words, main side)', await median(() =>
        dispatch('people:search', { query: 'given12 fam' }, context),
      ), 'ms');
      const view = store.view();
      report('dates.board', `dashboard of dates: open deadlines listed and grouped (${view.deadlines.list().length} deadlines, ${view.contributions.list().length} contributions)`, await median(async () =>
        boardOf((await dispatch('deadlines:list', {}, context) as { ok: true; value: DeadlineSummary[] }).value, todayIso()),
      ), 'ms');
      report('contributions.list', 'contributions list with each event\'s next contribution deadline', await median(() => dispatch('contributions:list', {}, context)), 'ms');
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

/** People: a 5,000-row sheet imported through the channel, and the balance of a 300-person delegation. */
async function peopleSheets() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
  const store = await Store.open(dir);
  const context: Context = { store, host, now: () => new Date(), letters: letterFiles, sheets: sheetFiles, documents: documentFiles };
  try {
    const event = await dispatch('events:create', { name: 'Bench', acronym: 'B-26', kind: 'conference', startDate: '2026-06-01', endDate: '2026-06-10' }, context);
    if (!event.ok) throw new Error(event.error.code);
    const eventId = (event.value as { id: string }).id;
    const rows = ['Given name;Family name;Gender;Date of birth;E-mail;Role'];
    for (let i = 0; i < 5000; i++) rows.push(`Given${i};Family${i};${i % 2 ? 'F' : 'M'};${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 9};p${i}@example.org;${i % 10 ? 'Delegate' : 'Adviser'}`);
    const content = Buffer.from(rows.join('\n')).toString('base64');
    const start = performance.now();
    const imported = await dispatch('people:import', { fileName: 'people.csv', content }, context);
    if (!imported.ok) throw new Error(imported.error.code);
    report('people.import5000', 'import of a 5,000-row CSV (read, check, one transaction)', performance.now() - start, 'ms');
    const people = store.view().people.list().slice(0, 300);
    await store.change((tx) => {
      for (const person of people) tx.participations.create({ eventId, personId: person.id, role: 'delegate', attendance: 'inPerson', registrationStatus: 'confirmed', visa: 'notNeeded', credentials: false, notes: '' });
    });
    report('balance.300', 'delegation and balance of a 300-person delegation', await median(() => dispatch('delegation:get', { eventId }, context)), 'ms');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Letters: the extraction of the largest seed, and 50 PDF letters imported one after the other as the CLI does. */
async function letters() {
  const fixtures = path.resolve(import.meta.dirname, '../fixtures/letters');
  const seed = readFileSync(path.join(fixtures, 'seeds/fr_CL-24-44_wtpf26-calendar-experts.txt'), 'utf8');
  report('letter.extract', `extraction of seed CL-24/44 (${Math.round(seed.length / 1024)} KB)`, at(await timings(50, async () => extractLetter(seed)), 0.5), 'ms');
  const pdfs = readdirSync(path.join(fixtures, 'pdf'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.pdf')).sort().slice(0, 50).map((file) => path.join(fixtures, 'pdf', file));
  const start = performance.now();
  await letterFiles.read(readFileSync(pdfs[0]), 'first.pdf');
  report('letter.pdfFirstRead', 'first PDF read (loads pdf.js)', performance.now() - start, 'ms');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
  const store = await Store.open(dir);
  const context: Context = { store, host, now: () => new Date(), letters: letterFiles, sheets: sheetFiles, documents: documentFiles };
  try {
    const importStart = performance.now();
    for (const file of pdfs) {
      const reading = await dispatch('letters:read', { fileName: path.basename(file), content: readFileSync(file).toString('base64') }, context);
      if (!reading.ok) throw new Error(`${file}: ${reading.error.code}`);
      const { draftId, proposal, duplicate } = reading.value as Output<'letters:read'>;
      if (duplicate) continue;
      const confirmed = await dispatch('letters:confirm', {
        draftId, invitation: { reference: proposal.invitation.reference ?? '' }, event: proposal.matches[0] ? { link: proposal.matches[0].id } : null,
        deadlines: proposal.deadlines.map(({ date, what, kind }) => ({ date, what, kind })),
      }, context);
      if (!confirmed.ok) throw new Error(`${file}: ${confirmed.error.code}`);
    }
    report('letter.import50.pdf', `import of ${pdfs.length} PDF letters (read, extract, confirm; pdf.js loaded)`, performance.now() - importStart, 'ms');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await fsyncFloor();
await measure(LARGE, '');
if (!process.argv.includes('--large-only')) await measure(XLARGE, '.xlarge');
// Last, so that pdf.js and exceljs in memory do not weigh on the figures of the data file.
await peopleSheets();
await letters();

if (json) for (const { name, value, unit } of results) console.log(JSON.stringify({ name, value, unit }));
else {
  console.log(`Delegation Desk bench — medians after a warm-up, Node ${process.version}`);
  for (const r of results) console.log(`${r.name.padEnd(24)} ${r.label.padEnd(86)} ${String(r.value).padStart(8)} ${r.unit}`);
}
