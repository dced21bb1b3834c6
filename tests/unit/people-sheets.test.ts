// A ministry's sheet into the registry and an event's delegation: a preview first, rows with problems named
// by their line, one transaction, duplicates linked not created; the delegation out again and back in unchanged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, contextFor, ok, openStore, tempDir } from './helpers';

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
      const bytes = Buffer.from(plain.content, 'base64');
      if (format === 'csv') {
        const text = bytes.toString('utf8');
        expect(text.startsWith('\uFEFF')).toBe(true);
        expect(text).not.toContain('A1000000');
        expect(text).toContain(`'=HYPERLINK`);
      }
      const withPassports = await ok(context, 'people:export', { eventId: event.id, format, passports: true });
      if (format === 'csv') expect(Buffer.from(withPassports.content, 'base64').toString('utf8')).toContain('A1000000');

      const back = await ok(context, 'people:importPreview', { fileName: plain.fileName, content: plain.content });
      expect(back.rows.filter((r) => r.issues.length > 0)).toEqual([]);
      expect(back.rows.every((r) => r.duplicateOf !== null)).toBe(true);
      const reimported = await ok(context, 'people:import', { fileName: plain.fileName, content: plain.content, eventId: event.id });
      expect(reimported).toMatchObject({ created: 0, linked: 37, addedToEvent: 0 });
    }
    const person = await ok(context, 'people:get', { id: someone.id });
    expect(person.organisation).toBe('=HYPERLINK("http://evil.example","click")');
  });
});
