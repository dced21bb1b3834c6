// Importing a letter: read (nothing written), review, confirm (invitation, event, deadlines and the original
// in one go), the same letter recognised, the event linked in any language and never created twice.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LetterReading } from '../../main/api/contract';
import { FIXTURES } from '../letters/score';
import { call, contextFor, ok, openStore, tempDir, testHost } from './helpers';

const seed = (name: string) => readFileSync(path.join(FIXTURES, 'seeds', name));
const CL_24_44 = 'fr_CL-24-44_wtpf26-calendar-experts.txt';
const DM_24_1010 = 'fr_DM-24-1010_wtdc25-invitation-observers.txt';

async function setup() {
  const dataDir = await tempDir();
  const store = await openStore(dataDir);
  return { dataDir, store, context: contextFor(store) };
}

const readInput = (fileName: string, bytes: Buffer) => ({ fileName, content: bytes.toString('base64') });

/** Confirms a reading as proposed: the event linked if one matches, else created from the letter. */
function confirmAsProposed(reading: LetterReading, event?: { link: string } | null) {
  const { proposal: p } = reading;
  const created = p.event.startDate && p.event.endDate && p.event.name
    ? { create: { name: p.event.name, acronym: p.event.acronym ?? '', kind: p.event.kind, startDate: p.event.startDate, endDate: p.event.endDate, city: p.event.city ?? '', country: p.event.country ?? undefined } }
    : null;
  return {
    draftId: reading.draftId,
    invitation: {
      reference: p.invitation.reference ?? '', letterDate: p.invitation.letterDate, subject: p.invitation.subject ?? '',
      language: p.invitation.language, contactEmail: p.invitation.contactEmail ?? '', replyBy: p.invitation.replyBy,
    },
    event: event !== undefined ? event : p.matches[0] ? { link: p.matches[0].id } : created,
    deadlines: p.deadlines.map(({ date, what, kind }) => ({ date, what, kind })),
  };
}

describe('importing a letter', () => {
  it('reads a letter into a proposal and writes nothing', async () => {
    const { dataDir, store, context } = await setup();
    const seq = store.seq;
    const reading = await ok(context, 'letters:read', readInput(CL_24_44, seed(CL_24_44)));
    expect(reading.proposal.invitation).toMatchObject({ reference: 'CL-24/44', letterDate: '2024-07-09', sender: 'SG', replyStatus: 'toDo', replyBy: '2024-08-26' });
    expect(reading.proposal.event).toMatchObject({ acronym: 'FMPT-26', acronymEnglish: 'WTPF-26', kind: 'forum', startDate: null });
    expect(reading.proposal.deadlines).toHaveLength(9);
    expect(reading.proposal.deadlines.find((d) => d.date === '2024-08-26')?.kind).toBe('nomination');
    const snippet = reading.proposal.snippets.reference!;
    expect(reading.proposal.text.slice(snippet.start, snippet.end)).toBe('CL-24/44');
    expect(store.seq).toBe(seq);
    expect(existsSync(path.join(dataDir, 'attachments'))).toBe(false);
  });

  it('confirms into an invitation, its new event and its deadlines with their source, and keeps the original', async () => {
    const { dataDir, context } = await setup();
    const reading = await ok(context, 'letters:read', readInput(DM_24_1010, seed(DM_24_1010)));
    const saved = await ok(context, 'letters:confirm', confirmAsProposed(reading));
    const event = await ok(context, 'events:get', { id: saved.eventId! });
    expect(event).toMatchObject({ acronym: 'CMDT-25', startDate: '2025-11-17', endDate: '2025-11-28', city: 'Bakou', country: 'AZ', kind: 'conference' });
    const [letter] = await ok(context, 'invitations:list', { eventId: event.id });
    expect(letter).toMatchObject({ reference: 'DM-24/1010', fileName: DM_24_1010, format: 'txt', eventName: event.name });
    const original = await fs.readFile(path.join(dataDir, 'attachments', letter.attachment));
    expect(original.equals(seed(DM_24_1010))).toBe(true);

    const calendar = await ok(context, 'letters:read', readInput(CL_24_44, seed(CL_24_44)));
    const withDeadlines = await ok(context, 'letters:confirm', confirmAsProposed(calendar, null));
    expect(withDeadlines.eventId).toBeNull();
    const deadlines = await ok(context, 'deadlines:list', {});
    const fromLetters = deadlines.filter((d) => !d.ruleId);
    expect(fromLetters.map((d) => d.date)).toEqual(['2024-08-05', '2024-08-26', '2024-11-04', '2024-12-20', '2025-03-31', '2025-06-16', '2025-11-03', '2025-12-19', '2026-04-13']);
    expect(new Set(fromLetters.map((d) => d.source))).toEqual(new Set(['CL-24/44']));
    // The event DM-24/1010 created has the deadlines its rules give, from its first day, marked estimated.
    expect(deadlines.filter((d) => d.ruleId).map((d) => [d.ruleId, d.date, d.estimated, d.eventId])).toEqual([
      ['fellowship.request', '2025-10-06', true, event.id],
      ['visa.request', '2025-10-20', true, event.id],
      ['conference.contributions', '2025-10-27', true, event.id],
    ]);
  });

  it('recognises the same letter imported twice, and refuses to record it again', async () => {
    const { context } = await setup();
    const first = await ok(context, 'letters:read', readInput(DM_24_1010, seed(DM_24_1010)));
    const saved = await ok(context, 'letters:confirm', confirmAsProposed(first));
    const again = await ok(context, 'letters:read', readInput('copy.txt', seed(DM_24_1010)));
    expect(again.duplicate).toMatchObject({ id: saved.invitationId, reference: 'DM-24/1010' });
    const refused = await call(context, 'letters:confirm', confirmAsProposed(again));
    expect(refused.ok ? null : refused.error.code).toBe('errors.letterAlreadyImported');
    expect(await ok(context, 'invitations:list', {})).toHaveLength(1);
  });

  it('links a letter to the event already recorded under its English acronym, never creating it twice', async () => {
    const { context } = await setup();
    const wtdc = await ok(context, 'events:create', { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', kind: 'conference', startDate: '2025-11-17', endDate: '2025-11-28' });
    const reading = await ok(context, 'letters:read', readInput(DM_24_1010, seed(DM_24_1010)));
    expect(reading.proposal.matches.map((e) => e.id)).toEqual([wtdc.id]);
    await ok(context, 'letters:confirm', confirmAsProposed(reading));
    expect(await ok(context, 'events:list')).toHaveLength(1);
  });

  it('says a bad file clearly and writes nothing; an expired review is said too', async () => {
    const { store, context } = await setup();
    const empty = await call(context, 'letters:read', readInput('empty.txt', Buffer.alloc(0)));
    expect(empty.ok ? null : empty.error.code).toBe('letters.empty');
    const binary = await call(context, 'letters:read', readInput('photo.txt', Buffer.from([0, 1, 2, 255, 0, 0, 3, 4, 0])));
    expect(binary.ok ? null : binary.error.code).toBe('letters.notText');
    const expired = await call(context, 'letters:confirm', { draftId: crypto.randomUUID(), invitation: {}, event: null, deadlines: [] });
    expect(expired.ok ? null : expired.error.code).toBe('letters.draftExpired');
    expect(store.seq).toBe(0);
  });

  it('records nothing, and leaves no original behind, when the confirmation is refused', async () => {
    const { dataDir, context } = await setup();
    const reading = await ok(context, 'letters:read', readInput(DM_24_1010, seed(DM_24_1010)));
    const refused = await call(context, 'letters:confirm', { ...confirmAsProposed(reading), event: { link: crypto.randomUUID() } });
    expect(refused.ok).toBe(false);
    expect(await ok(context, 'invitations:list', {})).toEqual([]);
    expect(await fs.readdir(path.join(dataDir, 'attachments'))).toEqual([]);
  });

  it('opens the original with the system, from the data folder only; the file of a letter cannot be changed', async () => {
    const { dataDir, store } = await setup();
    const opened: string[] = [];
    const context = contextFor(store, { ...testHost, openPath: async (file) => (opened.push(file), true) });
    const reading = await ok(context, 'letters:read', readInput(DM_24_1010, seed(DM_24_1010)));
    const { invitationId } = await ok(context, 'letters:confirm', confirmAsProposed(reading));
    expect(await ok(context, 'invitations:openOriginal', { id: invitationId })).toEqual({ opened: true });
    expect(path.dirname(opened[0])).toBe(path.join(dataDir, 'attachments'));
    expect(readFileSync(opened[0]).equals(seed(DM_24_1010))).toBe(true);
    await ok(context, 'invitations:update', { id: invitationId, attachment: '../../etc/passwd', replyStatus: 'replied' } as never);
    const letter = await ok(context, 'invitations:get', { id: invitationId });
    expect(letter).toMatchObject({ replyStatus: 'replied', attachment: path.basename(opened[0]) });
  });

  it('marks a deadline done, and lists the letters awaiting a reply by reply-by date', async () => {
    const { context } = await setup();
    for (const name of [CL_24_44, 'fr_CL-19-73_wtisd2020.txt']) {
      const reading = await ok(context, 'letters:read', readInput(name, seed(name)));
      await ok(context, 'letters:confirm', confirmAsProposed(reading));
    }
    const waiting = await ok(context, 'invitations:list', { replyStatus: 'toDo' });
    expect(waiting.map((l) => [l.reference, l.replyBy])).toEqual([['CL-19/73', '2020-02-14'], ['CL-24/44', '2024-08-26']]);
    const [first] = await ok(context, 'deadlines:list', {});
    await ok(context, 'deadlines:update', { id: first.id, done: true });
    expect((await ok(context, 'deadlines:list', {})).map((d) => d.id)).not.toContain(first.id);
    expect((await ok(context, 'deadlines:list', { includeDone: true })).map((d) => d.id)).toContain(first.id);
  });
});
