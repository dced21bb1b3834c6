// From an event's page: what its nomination letter lacks first, then the letter, each with the next
// outgoing reference of the year, never given twice.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../main/store/store';
import { call, contextFor, downloaded, ok, openStore, tempDir, wtdc25 } from './helpers';

async function setup() {
  const store = await openStore(await tempDir());
  const context = contextFor(store);
  const event = await ok(context, 'events:create', wtdc25);
  return { store, context, event };
}

const documentXml = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);

describe('an event\'s documents', () => {
  it('say what the nomination letter lacks, and refuse to write it until it is fixed', async () => {
    const { context, event } = await setup();
    const first = await ok(context, 'documents:list', { eventId: event.id });
    expect(first.documents).toEqual([
      { kind: 'nomination', missing: [{ code: 'noAdministration' }, { code: 'noSignatory' }, { code: 'noMembers' }] },
      { kind: 'experts', missing: [{ code: 'noAdministration' }, { code: 'noSignatory' }, { code: 'noExperts' }] },
    ]);
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

  it('nominate the experts in answer to the call: its reference and deadline, each expert\'s entity, e-mail and biography', async () => {
    const { store, context, event } = await setup();
    await ok(context, 'profile:update', { administration: 'Ministère du Numérique', signatoryName: 'Awa Ndiaye', referencePattern: 'MN/{year}/{seq:3}' });
    const expert = await ok(context, 'people:create', { givenName: 'Karim', familyName: 'Benali', organisation: 'ARTP', email: 'k.benali@artp.sn', biography: 'Ingénieur des télécommunications, vingt ans de régulation du spectre.' });
    await ok(context, 'participations:create', { eventId: event.id, personId: expert.id, role: 'expert' });
    const letter = await ok(context, 'invitations:update', { id: (await seedCall(store, event.id)).id, reference: 'CL-24/44', letterDate: '2024-07-22' });
    expect(letter.reference).toBe('CL-24/44');
    const written = await ok(context, 'documents:experts', { eventId: event.id, language: 'fr', date: '2024-08-20' });
    expect(written).toMatchObject({ fileName: 'WTDC-25-experts-fr.docx', reference: 'MN/2024/001' });
    const xml = documentXml(downloaded(written));
    for (const expected of ['CL-24/44', '22 juillet 2024', '26 août 2024', 'BENALI', 'ARTP', 'k.benali@artp.sn', 'vingt ans de régulation du spectre', 'Biographie']) expect(xml).toContain(expected);

    // Read back by LibreOffice, in French and in Arabic: one page, the expert's e-mail and biography in the text.
    if (!existsSync('/usr/bin/soffice')) return console.warn('LibreOffice read-back SKIPPED: /usr/bin/soffice absent');
    const dir = await tempDir();
    const arabic = await ok(context, 'documents:experts', { eventId: event.id, language: 'ar', date: '2024-08-20' });
    writeFileSync(path.join(dir, 'fr.docx'), downloaded(written));
    writeFileSync(path.join(dir, 'ar.docx'), downloaded(arabic));
    execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'fr.docx'), path.join(dir, 'ar.docx')], { timeout: 60_000, stdio: 'pipe' });
    for (const language of ['fr', 'ar']) {
      const pdf = path.join(dir, `${language}.pdf`);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
      expect(text).toContain('k.benali@artp.sn');
      expect(text).toContain('vingt ans de régulation du spectre');
      expect(text).toContain(language === 'fr' ? 'Biographie' : 'السيرة');
    }
  }, 90_000);
});

/** A call for experts recorded as CL-24/44 would be: a letter of the event and its nomination deadline. */
async function seedCall(store: Store, eventId: string) {
  return store.change((tx) => {
    const invitation = tx.invitations.create({ reference: 'CL-24/44', eventId, replyStatus: 'toDo', subject: 'Appel à experts', addressees: '', contactEmail: '', notes: '', fileName: 'cl.txt', attachment: '', contentHash: '' });
    tx.deadlines.create({ eventId, invitationId: invitation.id, date: '2024-08-26', what: 'Désigner les experts', kind: 'nomination', source: 'CL-24/44', done: false, ruleId: '', estimated: false });
    return invitation;
  });
}
