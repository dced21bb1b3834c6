// From an event's page: what its nomination letter lacks first, then the letter, each with the next
// outgoing reference of the year, never given twice.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, contextFor, downloaded, ok, openStore, tempDir, wtdc25 } from './helpers';

async function setup() {
  const context = contextFor(await openStore(await tempDir()));
  const event = await ok(context, 'events:create', wtdc25);
  return { context, event };
}

const documentXml = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);

describe('an event\'s documents', () => {
  it('say what the nomination letter lacks, and refuse to write it until it is fixed', async () => {
    const { context, event } = await setup();
    const first = await ok(context, 'documents:list', { eventId: event.id });
    expect(first.documents).toEqual([{ kind: 'nomination', missing: [{ code: 'noAdministration' }, { code: 'noSignatory' }, { code: 'noMembers' }] }]);
    const refused = await call(context, 'documents:nomination', { eventId: event.id, language: 'fr' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'documents.notReady', params: { count: 3 } });
    expect((await ok(context, 'documents:list', { eventId: event.id })).issued).toEqual([]);
  });

  it('write the letter with the next reference of the year, recorded as issued; the head\'s names as recorded', async () => {
    const { context, event } = await setup();
    await ok(context, 'profile:update', { administration: 'Ministère du Numérique', signatoryName: 'Awa Ndiaye', signatoryTitle: 'Ministre', place: 'Dakar', referencePattern: 'MN/{year}/{seq:3}', documentLanguage: 'fr' });
    const head = await ok(context, 'people:create', { givenName: 'Aïssatou', familyName: 'Diallo', function: 'Directrice générale', email: 'a.diallo@numerique.gouv.sn' });
    await ok(context, 'participations:create', { eventId: event.id, personId: head.id, role: 'head' });
    expect((await ok(context, 'documents:list', { eventId: event.id })).documents[0].missing).toEqual([]);

    const letter = await ok(context, 'documents:nomination', { eventId: event.id, language: 'fr', date: '2025-10-03' });
    expect(letter).toMatchObject({ delivery: 'download', fileName: 'WTDC-25-nomination-fr.docx', reference: 'MN/2025/001' });
    const xml = documentXml(downloaded(letter));
    expect(xml).toContain('MN/2025/001');
    expect(xml).toContain('DIALLO');
    expect(xml).toContain('Aïssatou');
    expect(xml).toContain('3 octobre 2025');

    const again = await ok(context, 'documents:nomination', { eventId: event.id, language: 'ar', date: '2025-12-30' });
    expect(again.reference).toBe('MN/2025/002');
    expect((await ok(context, 'documents:nomination', { eventId: event.id, language: 'en', date: '2026-01-05' })).reference).toBe('MN/2026/001');
    const { issued } = await ok(context, 'documents:list', { eventId: event.id });
    expect(issued.map((d) => [d.reference, d.language])).toEqual([['MN/2026/001', 'en'], ['MN/2025/002', 'ar'], ['MN/2025/001', 'fr']]);
  });
});
