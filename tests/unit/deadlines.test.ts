// Deadlines come from letters (which win), from the rules of the event's kind, and from the user: the
// estimates follow the event, give way to a real date, and stay as the user changed or dismissed them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { call, contextFor, downloaded, ok, openStore, tempDir, wtdc25 } from './helpers';

const FRENCH = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../locales/fr/app.json'), 'utf8'));

async function setup() {
  const store = await openStore(await tempDir());
  const context = contextFor(store);
  const event = await ok(context, 'events:create', wtdc25);
  const list = async () => (await ok(context, 'deadlines:list', { eventId: event.id, includeDone: true })).map((d) => [d.ruleId || d.source, d.date, d.estimated]);
  return { store, context, event, list };
}

describe('rule-derived deadlines in the data file', () => {
  it('are created with the event, move with its first day, and go when the kind no longer has them', async () => {
    const { context, event, list } = await setup();
    expect(await list()).toEqual([
      ['fellowship.request', '2025-10-06', true],
      ['visa.request', '2025-10-20', true],
      ['conference.contributions', '2025-10-27', true],
    ]);
    await ok(context, 'events:update', { id: event.id, startDate: '2025-11-24', endDate: '2025-12-05' });
    expect(await list()).toEqual([
      ['fellowship.request', '2025-10-13', true],
      ['visa.request', '2025-10-27', true],
      ['conference.contributions', '2025-11-03', true],
    ]);
    await ok(context, 'events:update', { id: event.id, modality: 'virtual', kind: 'worldDay' });
    expect(await list()).toEqual([]);
  });

  it('give way to a letter\'s or the user\'s date of the same kind, not duplicated, and come back if it goes', async () => {
    const { context, event, list } = await setup();
    const real = await ok(context, 'deadlines:create', { eventId: event.id, date: '2025-10-24', what: 'Contributions (CL-25/10)', kind: 'contribution', source: 'CL-25/10' });
    expect(await list()).toEqual([
      ['fellowship.request', '2025-10-06', true],
      ['visa.request', '2025-10-20', true],
      ['CL-25/10', '2025-10-24', false],
    ]);
    await ok(context, 'deadlines:delete', { id: real.id });
    expect((await list()).map(([rule]) => rule)).toContain('conference.contributions');
  });

  it('keep the date the user gave an estimate, and stay dismissed once deleted', async () => {
    const { context, event, list } = await setup();
    const deadlines = await ok(context, 'deadlines:list', { eventId: event.id });
    const visa = deadlines.find((d) => d.ruleId === 'visa.request')!;
    const fellowship = deadlines.find((d) => d.ruleId === 'fellowship.request')!;
    await ok(context, 'deadlines:update', { id: visa.id, date: '2025-10-01' });
    await ok(context, 'deadlines:delete', { id: fellowship.id });
    await ok(context, 'events:update', { id: event.id, startDate: '2025-11-18' });
    expect(await list()).toEqual([
      ['visa.request', '2025-10-01', false],
      ['conference.contributions', '2025-10-28', true],
    ]);
    expect((await ok(context, 'events:get', { id: event.id })).rulesOff).toEqual(['fellowship.request']);
  });

  it('follow the rules as edited in Settings (21 days made 28; a rule switched off)', async () => {
    const { context, list } = await setup();
    await ok(context, 'settings:update', { ruleEdits: [{ ruleId: 'conference.contributions', days: 28 }, { ruleId: 'visa.request', enabled: false }] });
    expect(await list()).toEqual([
      ['fellowship.request', '2025-10-06', true],
      ['conference.contributions', '2025-10-20', true],
    ]);
  });

  it('name what they are linked to: a contribution, a person', async () => {
    const { context, event } = await setup();
    const contribution = await ok(context, 'contributions:create', { eventId: event.id, title: 'Proposal on Resolution 37' });
    const person = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    const linked = await ok(context, 'deadlines:create', { eventId: event.id, date: '2025-09-15', what: 'Internal review', kind: 'other', contributionId: contribution.id, personId: person.id });
    const listed = (await ok(context, 'deadlines:list', { eventId: event.id })).find((d) => d.id === linked.id);
    expect(listed).toMatchObject({ contributionTitle: 'Proposal on Resolution 37', personName: 'Amina Aliyeva', eventAcronym: 'WTDC-25' });
  });

  it('cannot be given a rule or marked estimated by the renderer', async () => {
    const { context, event } = await setup();
    const created = await ok(context, 'deadlines:create', { eventId: event.id, date: '2025-09-01', what: 'Nominate', kind: 'nomination', ruleId: 'visa.request', estimated: true } as never);
    expect(created).toMatchObject({ ruleId: '', estimated: false });
  });
});

describe('the calendar export', () => {
  it('is read by ical.js: one all-day event per deadline, stable UIDs, the reminder at the lead time set', async () => {
    const { context, event } = await setup();
    await ok(context, 'settings:update', { reminderLeadDays: 10 });
    const first = await ok(context, 'deadlines:exportIcs', { eventId: event.id, language: 'fr' });
    const calendar = new ICAL.Component(ICAL.parse(downloaded(first).toString('utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.startDate.isDate, e.summary])).toEqual([
      ['2025-10-06', true, `WTDC-25: ${FRENCH.rules.fellowship.request}`],
      ['2025-10-20', true, expect.stringContaining('WTDC-25: ')],
      ['2025-10-27', true, expect.stringContaining('WTDC-25: ')],
    ]);
    expect(first.fileName).toBe('WTDC-25-deadlines.ics');
    const alarm = calendar.getAllSubcomponents('vevent')[0].getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P10D');

    // Exported again after a change: the same UIDs, so a calendar updates its entries.
    const visa = (await ok(context, 'deadlines:list', { eventId: event.id })).find((d) => d.ruleId === 'visa.request')!;
    await ok(context, 'deadlines:update', { id: visa.id, done: true });
    const again = new ICAL.Component(ICAL.parse(downloaded(await ok(context, 'deadlines:exportIcs', { eventId: event.id, language: 'fr' })).toString('utf8')));
    expect(again.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
  });
});

describe('contributions', () => {
  it('move from idea to published with a dated history, and show the event\'s contribution deadline', async () => {
    const { context, event } = await setup();
    const made = await ok(context, 'contributions:create', { eventId: event.id, title: 'Proposal on Resolution 37', agendaItem: '8', type: 'proposal', coSigners: ['SN', 'CI'] });
    expect(made.history).toEqual([{ status: 'idea', at: expect.any(String) }]);
    for (const status of ['drafting', 'internalReview', 'approved', 'submitted'] as const) await ok(context, 'contributions:update', { id: made.id, status });
    const refused = await call(context, 'contributions:update', { id: made.id, status: 'published' });
    expect(refused.ok ? null : refused.error.issues).toEqual([{ path: 'documentNumber', code: 'errors.publishedNeedsNumber' }]);
    await ok(context, 'contributions:update', { id: made.id, status: 'published', documentNumber: 'WTDC-25/42' });
    const [listed] = await ok(context, 'contributions:list', { eventId: event.id });
    expect(listed.history.map((h) => h.status)).toEqual(['idea', 'drafting', 'internalReview', 'approved', 'submitted', 'published']);
    expect(listed).toMatchObject({ eventAcronym: 'WTDC-25', coSigners: ['SN', 'CI'], deadline: { date: '2025-10-27', estimated: true } });
    const bad = await call(context, 'contributions:create', { eventId: event.id, title: 'x', coSigners: ['XX'] } as never);
    expect(bad.ok).toBe(false);
  });

  it('keep their files under attachments/ with generated names, the user\'s name in the record', async () => {
    const { store, context, event } = await setup();
    const made = await ok(context, 'contributions:create', { eventId: event.id, title: 'Draft' });
    const attached = await ok(context, 'contributions:attach', { id: made.id, fileName: '../../Projet final.DOCX', content: Buffer.from('PK draft').toString('base64') });
    const [kept] = attached.attachments;
    expect(kept.fileName).toBe('../../Projet final.DOCX');
    expect(kept.name).toMatch(/^[0-9a-f-]{36}\.docx$/);
    expect(readFileSync(path.join(store.dataDir, 'attachments', kept.name), 'utf8')).toBe('PK draft');
    const opened = await call(context, 'contributions:openAttachment', { id: made.id, name: '../delegation-desk.json' });
    expect(opened.ok ? null : opened.error.code).toBe('letters.noOriginal');
    expect((await ok(context, 'contributions:detach', { id: made.id, name: kept.name })).attachments).toEqual([]);
  });
});
