// A ministry's sheet into the registry and an event's delegation: a preview first, rows with problems named
// by their line, one transaction, duplicates linked not created; the delegation out again and back in unchanged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGET_FIELDS } from '../../main/domain/sheet-fields';
import { call, contextFor, downloaded, ok, openStore, tempDir, testHost } from './helpers';

const FRENCH = readFileSync(path.resolve(import.meta.dirname, '../fixtures/people/fr-utf8.csv'));
const sheet = (fileName: string, bytes: Uint8Array) => ({ fileName, content: Buffer.from(bytes).toString('base64') });

async function setup() {
  const store = await openStore(await tempDir());
  const context = contextFor(store);
  const event = await ok(context, 'events:create', { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', kind: 'conference', startDate: '2025-11-17', endDate: '2025-11-28' });
  return { store, context, event };
}

describe('importing people from a sheet', () => {
  it('previews every row with its problems and writes nothing; then imports the good rows into the event in one go', async () => {
    const { store, context, event } = await setup();
    const seq = store.seq;
    const preview = await ok(context, 'people:importPreview', sheet('délégation.csv', FRENCH));
    expect(preview.mapping).not.toContain(null);
    expect(preview.rows).toHaveLength(40);
    const bad = preview.rows.filter((r) => r.issues.length > 0).map((r) => r.line);
    expect(bad).toHaveLength(3);
    expect(JSON.stringify(preview)).not.toContain('A1000000');
    expect(store.seq).toBe(seq);

    const result = await ok(context, 'people:import', { ...sheet('délégation.csv', FRENCH), eventId: event.id });
    expect(result).toMatchObject({ created: 37, linked: 0, addedToEvent: 37 });
    expect(result.rejected.map((r) => r.line)).toEqual(bad);
    const delegation = await ok(context, 'delegation:get', { eventId: event.id });
    expect(delegation.members).toHaveLength(37);
    expect(delegation.heads).toBe(1);
    expect(delegation.balance.women.known).toBeGreaterThan(0);
  });

  it('writes nothing at all with --strict when a row is bad, and never creates a person twice', async () => {
    const { context, event } = await setup();
    const strict = await call(context, 'people:import', { ...sheet('d.csv', FRENCH), eventId: event.id, strict: true });
    expect(strict.ok ? null : strict.error).toMatchObject({ code: 'peopleImport.rejectedStrict', params: { count: 3 } });
    expect(await ok(context, 'people:list')).toEqual([]);
    await ok(context, 'people:import', sheet('d.csv', FRENCH));
    const again = await ok(context, 'people:import', { ...sheet('d.csv', FRENCH), eventId: event.id });
    expect(again).toMatchObject({ created: 0, linked: 37, addedToEvent: 37 });
    expect(await ok(context, 'people:list')).toHaveLength(37);
  });

  it('exports the delegation (passports only when asked, formulas neutralised), and the export reads back as the same people', async () => {
    const { context, event } = await setup();
    await ok(context, 'people:import', { ...sheet('d.csv', FRENCH), eventId: event.id });
    const someone = (await ok(context, 'people:list'))[0];
    await ok(context, 'people:update', { id: someone.id, organisation: '=HYPERLINK("http://evil.example","click")' });
    for (const format of ['csv', 'xlsx'] as const) {
      const plain = await ok(context, 'people:export', { eventId: event.id, format });
      expect(plain).toMatchObject({ fileName: `WTDC-25-delegation.${format}`, rows: 37 });
      const bytes = downloaded(plain);
      if (format === 'csv') {
        const text = bytes.toString('utf8');
        expect(text.startsWith('\uFEFF')).toBe(true);
        expect(text).not.toContain('A1000000');
        expect(text).toContain(`'=HYPERLINK`);
      }
      const withPassports = await ok(context, 'people:export', { eventId: event.id, format, passports: true });
      if (format === 'csv') expect(downloaded(withPassports).toString('utf8')).toContain('A1000000');

      const content = bytes.toString('base64');
      const back = await ok(context, 'people:importPreview', { fileName: plain.fileName, content });
      expect(back.rows.filter((r) => r.issues.length > 0)).toEqual([]);
      expect(back.rows.every((r) => r.duplicateOf !== null)).toBe(true);
      const reimported = await ok(context, 'people:import', { fileName: plain.fileName, content, eventId: event.id });
      expect(reimported).toMatchObject({ created: 0, linked: 37, addedToEvent: 0 });
    }
    const person = await ok(context, 'people:get', { id: someone.id });
    expect(person.organisation).toBe('=HYPERLINK("http://evil.example","click")');
  });
});

describe('correcting rows in the preview', () => {
  it('reads each correction into its row (into an added column when the file has none for that field) and imports the row', async () => {
    const { context, event } = await setup();
    const before = await ok(context, 'people:importPreview', sheet('d.csv', FRENCH));
    const bad = before.rows.filter((r) => r.issues.length > 0);
    expect(bad.map((r) => r.cells)).toEqual([{ givenName: '' }, { birthDate: '31/02/1990' }, { role: expect.any(String) }]);
    const edits = [
      { line: bad[0].line, field: 'givenName' as const, value: 'Ousmane' },
      { line: bad[1].line, field: 'birthDate' as const, value: '28/02/1990' },
      { line: bad[2].line, field: 'role' as const, value: 'Délégué' },
    ];
    const after = await ok(context, 'people:importPreview', { ...sheet('d.csv', FRENCH), edits });
    expect(after.rows.filter((r) => r.issues.length > 0)).toEqual([]);
    expect(after.headers).toEqual(before.headers);
    expect(after.mapping).toEqual(before.mapping);
    expect(after.rows.find((r) => r.line === bad[1].line)?.values.birthDate).toBe('1990-02-28');

    const done = await ok(context, 'people:import', { ...sheet('d.csv', FRENCH), edits, eventId: event.id });
    expect(done).toMatchObject({ created: 40, addedToEvent: 40, rejected: [] });
    const people = await ok(context, 'people:list');
    expect(people.find((p) => p.familyName === 'Gaye')?.givenName).toBe('Ousmane');
  });

  it('adds a column for a field the file leaves out', async () => {
    const { context } = await setup();
    const csv = Buffer.from('Prénom;Sexe\nAmina;F\n', 'utf8');
    const before = await ok(context, 'people:importPreview', sheet('n.csv', csv));
    expect(before.rows[0].issues).toEqual([{ field: 'familyName', code: 'peopleImport.nameMissing' }]);
    const after = await ok(context, 'people:importPreview', { ...sheet('n.csv', csv), edits: [{ line: 2, field: 'familyName', value: 'Traoré' }] });
    expect(after.rows[0]).toMatchObject({ issues: [], values: { givenName: 'Amina', familyName: 'Traoré', gender: 'female' } });
    expect(after.headers).toEqual(['Prénom', 'Sexe']);
  });

  it('never shows a passport number among the cells to correct', async () => {
    const { context } = await setup();
    const csv = Buffer.from(`Prénom;Nom;Numéro de passeport\nAmina;Traoré;${'X'.repeat(60)}\n`, 'utf8');
    const preview = await ok(context, 'people:importPreview', sheet('p.csv', csv));
    expect(preview.rows[0].issues).toEqual([{ field: 'passportNumber', code: 'peopleImport.tooLong', params: { max: 40 } }]);
    expect(preview.rows[0].cells).toEqual({});
    expect(JSON.stringify(preview)).not.toContain('XXXXXXXX');
  });
});

describe('the template', () => {
  it.each(['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const)('in %s is headed in that language and reads back with every column recognised', async (language) => {
    const { context } = await setup();
    for (const format of ['xlsx', 'csv'] as const) {
      const template = await ok(context, 'people:template', { language, format });
      expect(template.fileName).toMatch(new RegExp(`-template-${language}\\.${format}$`));
      const bytes = downloaded(template);
      if (format === 'csv' && language !== 'en') expect(bytes.toString('utf8')).not.toContain('Given name');
      // A template holds no one: the app says so rather than reading it as people.
      const empty = await call(context, 'people:importPreview', { fileName: template.fileName, content: bytes.toString('base64') });
      expect(empty.ok ? null : empty.error.code).toBe('peopleImport.empty');
      const filled = format === 'csv'
        ? Buffer.concat([bytes, Buffer.from('Amina,Traoré\r\n', 'utf8')])
        : null;
      if (filled) {
        const read = await ok(context, 'people:importPreview', { fileName: template.fileName, content: filled.toString('base64') });
        expect(read.mapping).toEqual([...TARGET_FIELDS]);
        expect(read.rows[0].values).toMatchObject({ givenName: 'Amina', familyName: 'Traoré' });
      }
    }
  });
});

describe('saving an export where the host has a save dialog (the desktop app)', () => {
  it('hands the bytes to the dialog and sends none back; a cancelled dialog writes nothing', async () => {
    const store = await openStore(await tempDir());
    const saved: { name: string; bytes: Uint8Array }[] = [];
    let answer: string | null = 'chosen.xlsx';
    const context = contextFor(store, { ...testHost, saveFile: async (name, bytes) => (saved.push({ name, bytes }), answer) });
    const event = await ok(context, 'events:create', { name: 'Conférence mondiale', acronym: 'CMDT-25 / Bakou', kind: 'conference', startDate: '2025-11-17', endDate: '2025-11-28' });
    expect(await ok(context, 'people:export', { eventId: event.id, format: 'xlsx' })).toEqual({ delivery: 'saved', fileName: 'chosen.xlsx', rows: 0 });
    expect(saved[0].name).toBe('CMDT-25-Bakou-delegation.xlsx');
    expect(saved[0].bytes.byteLength).toBeGreaterThan(0);
    answer = null;
    expect(await ok(context, 'people:export', { eventId: event.id, format: 'csv' })).toEqual({ delivery: 'cancelled', fileName: 'CMDT-25-Bakou-delegation.csv', rows: 0 });
  });
});
