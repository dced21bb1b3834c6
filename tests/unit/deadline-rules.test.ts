// Deadlines derived from an event's first day: every preset against DOMAIN.md's worked examples,
// the letter's date replacing the estimate, and dates that never move with the laptop's time zone.
import { afterEach, describe, expect, it } from 'vitest';
import { boardOf, type BoardDeadline } from '../../main/domain/deadline-board';
import {
  effectiveRules, planRuleDeadlines, PRESET_RULES, ruleDate, rulesForEvent, seriesOf,
  type EventRuleOverrides, type ExistingDeadline, type PlanEvent, type RulePlan,
} from '../../main/domain/deadline-rules';
import { addDays, daysBetween, todayIso } from '../../main/domain/dates';

const WTDC25: PlanEvent = {
  id: 'wtdc25', kind: 'conference', acronym: 'WTDC-25', name: 'World Telecommunication Development Conference 2025',
  modality: 'inPerson', startDate: '2025-11-17',
};
const WRC23: PlanEvent = { id: 'wrc23', kind: 'conference', acronym: 'WRC-23', name: 'World Radiocommunication Conference 2023', modality: 'inPerson', startDate: '2023-11-20' };
const PP22: PlanEvent = { id: 'pp22', kind: 'conference', acronym: 'PP-22', name: 'Plenipotentiary Conference 2022', modality: 'inPerson', startDate: '2022-09-26' };
const COUNCIL: PlanEvent = { id: 'c25', kind: 'council', acronym: 'C25', name: 'Council 2025', modality: 'inPerson', startDate: '2025-06-17' };
const SG1: PlanEvent = { id: 'sg1', kind: 'studyGroup', acronym: '', name: 'ITU-D Study Group 1', modality: 'hybrid', startDate: '2025-05-12' };
const WTSA24: PlanEvent = { id: 'wtsa24', kind: 'assembly', acronym: 'WTSA-24', name: 'World Telecommunication Standardization Assembly', modality: 'inPerson', startDate: '2024-10-15' };

const rules = effectiveRules();

/** The dates a fresh plan gives, by rule id. */
function datesOf(event: PlanEvent, overrides?: EventRuleOverrides): Record<string, string> {
  const plan = planRuleDeadlines(event, [], { rules, overrides });
  return Object.fromEntries(plan.create.map((d) => [d.ruleId, d.date]));
}

/** What the store will do with a plan: create with new ids, move, tombstone. */
let nextId = 0;
function apply(existing: ExistingDeadline[], plan: RulePlan): ExistingDeadline[] {
  const removed = new Set(plan.remove);
  const moved = new Map(plan.update.map((u) => [u.id, u]));
  return [
    ...existing.map((d) => {
      if (removed.has(d.id)) return { ...d, deletedAt: '2025-01-01T00:00:00Z' };
      const u = moved.get(d.id);
      return u ? { ...d, date: u.date, estimated: u.estimated } : d;
    }),
    ...plan.create.map((d) => ({ id: `new${nextId++}`, eventId: d.eventId, kind: d.kind, date: d.date, ruleId: d.ruleId, estimated: d.estimated, done: false })),
  ];
}

function planned(event: PlanEvent, existing: ExistingDeadline[] = [], overrides?: EventRuleOverrides): ExistingDeadline[] {
  return apply(existing, planRuleDeadlines(event, existing, { rules, overrides }));
}

const live = (list: ExistingDeadline[]) => list.filter((d) => !d.deletedAt);
const byRule = (list: ExistingDeadline[], ruleId: string) => live(list).filter((d) => d.ruleId === ruleId);
const EMPTY: RulePlan = { create: [], update: [], remove: [] };

describe('ruleDate', () => {
  it('gives the worked examples of DOMAIN.md', () => {
    expect(ruleDate('2023-11-20', { days: 21 })).toBe('2023-10-30');
    expect(ruleDate('2022-09-26', { months: 8 })).toBe('2022-01-26');
    expect(ruleDate('2022-09-26', { months: 4 })).toBe('2022-05-26');
    expect(ruleDate('2025-11-17', { days: 21 })).toBe('2025-10-27');
  });

  it('clamps months to the end of a shorter month', () => {
    expect(ruleDate('2025-05-31', { months: 4 })).toBe('2025-01-31');
    expect(ruleDate('2024-06-30', { months: 4 })).toBe('2024-02-29');
    expect(ruleDate('2025-06-30', { months: 4 })).toBe('2025-02-28');
    expect(ruleDate('2025-03-31', { months: 1 })).toBe('2025-02-28');
    expect(ruleDate('2024-10-31', { months: 8 })).toBe('2024-02-29');
    expect(ruleDate('2025-12-31', { months: 1 })).toBe('2025-11-30');
  });

  it('counts the leap day', () => {
    expect(ruleDate('2024-03-29', { months: 1 })).toBe('2024-02-29');
    expect(ruleDate('2025-03-29', { months: 1 })).toBe('2025-02-28');
    expect(ruleDate('2024-03-10', { days: 12 })).toBe('2024-02-27');
    expect(ruleDate('2025-03-10', { days: 12 })).toBe('2025-02-26');
    expect(ruleDate('2024-03-20', { days: 21 })).toBe('2024-02-28');
    expect(ruleDate('2100-03-01', { days: 1 })).toBe('2100-02-28');
    expect(ruleDate('2000-03-01', { days: 1 })).toBe('2000-02-29');
  });

  it('crosses the year, and takes months before days', () => {
    expect(ruleDate('2026-01-05', { days: 21 })).toBe('2025-12-15');
    expect(ruleDate('2026-02-15', { months: 4 })).toBe('2025-10-15');
    // 31 March − 1 month = 28 February, − 1 day = 27 February (days first would give 28 February).
    expect(ruleDate('2025-03-31', { months: 1, days: 1 })).toBe('2025-02-27');
    expect(ruleDate('2025-03-31', {})).toBe('2025-03-31');
  });

  it('refuses a day that is not a calendar date', () => {
    expect(() => ruleDate('2025-02-29', { days: 1 })).toThrow('errors.dateInvalid');
    expect(() => ruleDate('17/11/2025', { days: 1 })).toThrow('errors.dateInvalid');
  });
});

describe('addDays and daysBetween', () => {
  it('count calendar days, leap days included', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-11-17', '2025-10-27')).toBe(-21);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    // Across the European and American daylight-saving changes: still whole days.
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
    expect(daysBetween('2025-10-01', '2025-11-30')).toBe(60);
  });
});

describe('presets', () => {
  it('cite a source, have distinct ids and offsets back in time', () => {
    expect(new Set(PRESET_RULES.map((r) => r.id)).size).toBe(PRESET_RULES.length);
    for (const rule of PRESET_RULES) {
      expect(rule.source.length, rule.id).toBeGreaterThan(10);
      expect(rule.source.length, rule.id).toBeLessThanOrEqual(120);
      expect((rule.before.days ?? 0) + (rule.before.months ?? 0), rule.id).toBeGreaterThan(0);
    }
  });

  it('give WRC-23 its contributions on 30 October 2023, credentials and visas, no fellowship', () => {
    expect(datesOf(WRC23)).toEqual({
      'conference.contributions': '2023-10-30',
      'visa.request': '2023-10-23',
      credentials: '2023-10-20',
    });
  });

  it('give PP-22 26 January and 26 May 2022, the 21-day cut-off, credentials and visas, no fellowship', () => {
    expect(datesOf(PP22)).toEqual({
      'conference.contributions': '2022-09-05',
      'pp.amendments': '2022-01-26',
      'pp.proposals': '2022-05-26',
      'visa.request': '2022-08-29',
      credentials: '2022-08-26',
    });
  });

  it('give WTDC-25 (opening 17 November 2025) its contributions on 27 October, a visa and a fellowship request, no credentials', () => {
    expect(datesOf(WTDC25)).toEqual({
      'conference.contributions': '2025-10-27',
      'visa.request': '2025-10-20',
      'fellowship.request': '2025-10-06',
    });
  });

  it('give WTSA-24 a fellowship estimate six weeks before (the letter said 2 September for 15 October)', () => {
    const dates = datesOf(WTSA24);
    expect(dates['fellowship.request']).toBe('2024-09-03');
    expect(dates['conference.contributions']).toBe('2024-09-24');
    expect(dates.credentials).toBeUndefined();
  });

  it('give Council contributions 14 days before', () => {
    expect(datesOf(COUNCIL)).toEqual({ 'council.contributions': '2025-06-03', 'visa.request': '2025-05-20' });
  });

  it('give ITU-D study groups 45 days (translated) and 12 days (latest)', () => {
    expect(datesOf(SG1)).toEqual({
      'studyGroup.translated': '2025-03-28',
      'studyGroup.latest': '2025-04-30',
      'visa.request': '2025-04-14',
      'fellowship.request': '2025-03-31',
    });
  });

  it('mark every derived deadline estimated, with its rule, text and source', () => {
    const plan = planRuleDeadlines(WTDC25, [], { rules });
    const contribution = plan.create.find((d) => d.ruleId === 'conference.contributions');
    expect(contribution).toEqual({
      eventId: 'wtdc25', ruleId: 'conference.contributions', kind: 'contribution', date: '2025-10-27',
      what: 'Submit contributions', source: expect.stringContaining('Res. 165') as string, estimated: true, done: false,
    });
    expect(plan.create.every((d) => d.estimated)).toBe(true);
  });

  it('give no deadline to a world day', () => {
    expect(datesOf({ ...WTDC25, kind: 'worldDay', acronym: 'WTISD-25' })).toEqual({});
  });
});

describe('series and modality', () => {
  it('recognise the series in any language, and in the name when there is no acronym', () => {
    expect(seriesOf({ acronym: 'CMR-23', name: '' })).toBe('WRC');
    expect(seriesOf({ acronym: 'ВКР-2023', name: '' })).toBe('WRC');
    expect(seriesOf({ acronym: 'PP-2026', name: '' })).toBe('PP');
    expect(seriesOf({ acronym: 'CMDT-25', name: '' })).toBe('WTDC');
    expect(seriesOf({ acronym: '', name: 'Conférence de plénipotentiaires (PP-26), Doha' })).toBe('PP');
    expect(seriesOf({ acronym: '', name: 'Plenipotentiary Conference' })).toBeNull();
    expect(seriesOf({ acronym: '', name: 'Reunión de la AR' })).toBe('RA');
    expect(seriesOf({ acronym: '', name: 'reunión de pp y ar' })).toBeNull();
  });

  it('give no fellowship to WRC or PP, whatever the language of the acronym, and credentials only to them', () => {
    for (const acronym of ['WRC-27', 'CMR-27', 'ВКР-27', 'PP-26', 'ПК-26']) {
      const found = rulesForEvent({ kind: 'conference', acronym, name: '', modality: 'inPerson' }, rules).map((r) => r.id);
      expect(found, acronym).not.toContain('fellowship.request');
      expect(found, acronym).toContain('credentials');
    }
    const wtdc = rulesForEvent({ kind: 'conference', acronym: 'CMDT-25', name: '', modality: 'inPerson' }, rules).map((r) => r.id);
    expect(wtdc).toContain('fellowship.request');
    expect(wtdc).not.toContain('credentials');
    expect(wtdc).not.toContain('pp.proposals');
  });

  it('give a visa deadline to in-person and hybrid events, not to virtual ones', () => {
    expect(datesOf({ ...WTDC25, modality: 'hybrid' })['visa.request']).toBe('2025-10-20');
    const virtual = datesOf({ ...WTDC25, modality: 'virtual' });
    expect(virtual['visa.request']).toBeUndefined();
    expect(virtual['conference.contributions']).toBe('2025-10-27');
  });

  it('remove the visa estimate when an event becomes virtual', () => {
    const first = planned(WTDC25);
    const after = planned({ ...WTDC25, modality: 'virtual' }, first);
    expect(byRule(after, 'visa.request')).toHaveLength(0);
    expect(byRule(after, 'conference.contributions')).toHaveLength(1);
  });
});

describe('planRuleDeadlines', () => {
  it('is idempotent: planning its own result gives nothing to do', () => {
    for (const event of [WTDC25, WRC23, PP22, COUNCIL, SG1]) {
      const once = planned(event);
      expect(live(once).length, event.id).toBeGreaterThan(0);
      expect(planRuleDeadlines(event, once, { rules }), event.id).toEqual(EMPTY);
    }
  });

  it('never duplicates a deadline when called twice', () => {
    const twice = planned(WTDC25, planned(WTDC25));
    expect(byRule(twice, 'conference.contributions')).toHaveLength(1);
    expect(live(twice)).toHaveLength(3);
  });

  it('lets a letter deadline of the same kind replace the estimate, which is not recreated', () => {
    const estimates = planned(WTDC25);
    const estimate = byRule(estimates, 'conference.contributions')[0];
    const letter: ExistingDeadline = { id: 'letter', eventId: 'wtdc25', kind: 'contribution', date: '2025-10-24', done: false };
    const plan = planRuleDeadlines(WTDC25, [...estimates, letter], { rules });
    expect(plan).toEqual({ create: [], update: [], remove: [estimate.id] });
    const after = apply([...estimates, letter], plan);
    expect(live(after).filter((d) => d.kind === 'contribution').map((d) => d.id)).toEqual(['letter']);
    expect(planRuleDeadlines(WTDC25, after, { rules })).toEqual(EMPTY);
  });

  it('creates no estimate where a letter or the user gave the date first, even done', () => {
    const letter: ExistingDeadline = { id: 'letter', eventId: 'wtdc25', kind: 'visa', date: '2025-10-01', done: true, estimated: false };
    const plan = planRuleDeadlines(WTDC25, [letter], { rules });
    expect(plan.create.map((d) => d.ruleId).sort()).toEqual(['conference.contributions', 'fellowship.request']);
  });

  it('brings the estimate back when the letter deadline is deleted', () => {
    const letter: ExistingDeadline = { id: 'letter', eventId: 'wtdc25', kind: 'contribution', date: '2025-10-24', done: false, deletedAt: '2025-02-01T00:00:00Z' };
    expect(planRuleDeadlines(WTDC25, [letter], { rules }).create.map((d) => d.ruleId)).toContain('conference.contributions');
  });

  it('lets a letter replace only the estimate nearest in date when a kind has several rules (PP)', () => {
    const estimates = planned(PP22);
    const may: ExistingDeadline = { id: 'may', eventId: 'pp22', kind: 'contribution', date: '2022-05-27', done: false };
    const after = planned(PP22, [...estimates, may]);
    expect(byRule(after, 'pp.proposals')).toHaveLength(0);
    expect(byRule(after, 'pp.amendments').map((d) => d.date)).toEqual(['2022-01-26']);
    expect(byRule(after, 'conference.contributions').map((d) => d.date)).toEqual(['2022-09-05']);

    // The same date given twice still replaces one estimate, not two.
    const again: ExistingDeadline = { ...may, id: 'may-again' };
    const twice = planned(PP22, [...estimates, may, again]);
    expect(byRule(twice, 'pp.amendments')).toHaveLength(1);
    expect(byRule(twice, 'conference.contributions')).toHaveLength(1);

    const january: ExistingDeadline = { id: 'jan', eventId: 'pp22', kind: 'contribution', date: '2022-01-20', done: false };
    const both = planned(PP22, [...estimates, may, january]);
    expect(byRule(both, 'pp.amendments')).toHaveLength(0);
    expect(byRule(both, 'conference.contributions')).toHaveLength(1);
  });

  it('lets a study group letter replace the 12-day or the 45-day estimate, whichever is nearer', () => {
    const late: ExistingDeadline = { id: 'late', eventId: 'sg1', kind: 'contribution', date: '2025-05-01', done: false };
    const early: ExistingDeadline = { id: 'early', eventId: 'sg1', kind: 'contribution', date: '2025-03-27', done: false };
    const created = (firm: ExistingDeadline) => planRuleDeadlines(SG1, [firm], { rules }).create.filter((d) => d.kind === 'contribution').map((d) => d.ruleId);
    expect(created(late)).toEqual(['studyGroup.translated']);
    expect(created(early)).toEqual(['studyGroup.latest']);
  });

  it('ignores the deadlines of other events and deadlines of another kind', () => {
    const other: ExistingDeadline = { id: 'other', eventId: 'wrc23', kind: 'contribution', date: '2025-10-27', done: false };
    const reply: ExistingDeadline = { id: 'reply', eventId: 'wtdc25', kind: 'reply', date: '2025-10-27', done: false };
    const foreignEstimate: ExistingDeadline = { id: 'fe', eventId: 'wrc23', kind: 'contribution', date: '2023-10-30', ruleId: 'conference.contributions', estimated: true, done: false };
    const plan = planRuleDeadlines(WTDC25, [other, reply, foreignEstimate], { rules });
    expect(plan.create).toHaveLength(3);
    expect(plan.remove).toEqual([]);
    expect(plan.update).toEqual([]);
  });

  it('moves estimates with the first day, but not a done one nor a date fixed for the event', () => {
    const overrides: EventRuleOverrides = { 'visa.request': { date: '2025-09-30' } };
    const first = planned(WTDC25, [], overrides);
    expect(byRule(first, 'visa.request')[0]).toMatchObject({ date: '2025-09-30', estimated: false });
    const done = first.map((d) => (d.ruleId === 'fellowship.request' ? { ...d, done: true } : d));

    const later = { ...WTDC25, startDate: '2025-12-01' };
    const plan = planRuleDeadlines(later, done, { rules, overrides });
    const contributionId = byRule(done, 'conference.contributions')[0].id;
    expect(plan).toEqual({ create: [], update: [{ id: contributionId, date: '2025-11-10', estimated: true }], remove: [] });
    expect(planRuleDeadlines(later, apply(done, plan), { rules, overrides })).toEqual(EMPTY);
  });

  it('puts back the rule date when the fixed date is dropped', () => {
    const fixed = planned(WTDC25, [], { 'conference.contributions': { date: '2025-10-15' } });
    const plan = planRuleDeadlines(WTDC25, fixed, { rules });
    expect(plan.update).toEqual([{ id: byRule(fixed, 'conference.contributions')[0].id, date: '2025-10-27', estimated: true }]);
  });

  it('drops an estimate switched off for the event, and creates none, but keeps a done one', () => {
    const off: EventRuleOverrides = { 'visa.request': { enabled: false }, 'fellowship.request': { enabled: false } };
    expect(datesOf(WTDC25, off)).toEqual({ 'conference.contributions': '2025-10-27' });
    const first = planned(WTDC25).map((d) => (d.ruleId === 'fellowship.request' ? { ...d, done: true } : d));
    const plan = planRuleDeadlines(WTDC25, first, { rules, overrides: off });
    expect(plan).toEqual({ create: [], update: [], remove: [byRule(first, 'visa.request')[0].id] });
  });

  it('removes open estimates whose rule no longer applies (kind changed, rule unknown)', () => {
    const first = planned(WTDC25);
    const asForum = planRuleDeadlines({ ...WTDC25, kind: 'forum' }, first, { rules });
    expect(asForum.remove).toEqual([byRule(first, 'conference.contributions')[0].id]);
    const stray: ExistingDeadline = { id: 'stray', eventId: 'wtdc25', kind: 'other', date: '2025-01-01', ruleId: 'gone.rule', estimated: true, done: false };
    expect(planRuleDeadlines(WTDC25, [...first, stray], { rules }).remove).toEqual(['stray']);
  });

  it('keeps one of two copies of the same estimate (after a merge)', () => {
    const first = planned(WTDC25);
    const copy = { ...byRule(first, 'conference.contributions')[0], id: 'copy' };
    const plan = planRuleDeadlines(WTDC25, [...first, copy], { rules });
    expect(plan).toEqual({ create: [], update: [], remove: ['copy'] });
  });

  it('follows app-wide edits of the presets (21 → 28 days; a rule switched off)', () => {
    const edited = effectiveRules({ 'conference.contributions': { days: 28 }, 'fellowship.request': { enabled: false }, 'pp.proposals': { months: 6 } });
    const plan = planRuleDeadlines(WTDC25, [], { rules: edited });
    expect(Object.fromEntries(plan.create.map((d) => [d.ruleId, d.date]))).toEqual({ 'conference.contributions': '2025-10-20', 'visa.request': '2025-10-20' });
    expect(planRuleDeadlines(PP22, [], { rules: edited }).create.find((d) => d.ruleId === 'pp.proposals')?.date).toBe('2022-03-26');
    // The presets themselves are untouched.
    expect(PRESET_RULES.find((r) => r.id === 'conference.contributions')?.before).toEqual({ days: 21 });
    expect(effectiveRules()).toHaveLength(PRESET_RULES.length);

    const first = planned(WTDC25);
    const moved = planRuleDeadlines(WTDC25, first, { rules: edited });
    expect(moved.update).toEqual([{ id: byRule(first, 'conference.contributions')[0].id, date: '2025-10-20', estimated: true }]);
    expect(moved.remove).toEqual([byRule(first, 'fellowship.request')[0].id]);
  });

  it('refuses a fixed date that is not a calendar date', () => {
    expect(() => planRuleDeadlines(WTDC25, [], { rules, overrides: { 'visa.request': { date: '2025-02-30' } } })).toThrow('errors.dateInvalid');
  });
});

interface Item extends BoardDeadline {
  id: string;
}

describe('boardOf', () => {
  const today = '2025-06-10';
  const item = (id: string, date: string, fields: Partial<Item> = {}): Item => ({ id, date, what: id, done: false, ...fields });

  it('groups at the boundaries: yesterday overdue, today to +7 this week, +8 to +30 this month, +31 later', () => {
    const board = boardOf([
      item('plus31', addDays(today, 31)), item('plus30', addDays(today, 30)), item('plus8', addDays(today, 8)),
      item('plus7', addDays(today, 7)), item('today', today), item('yesterday', addDays(today, -1)),
      item('done', today, { done: true }), item('deleted', today, { deletedAt: '2025-06-01T00:00:00Z' }),
      item('old', '2024-06-10'),
    ], today);
    const ids = (list: { id: string }[]) => list.map((d) => d.id);
    expect(ids(board.overdue)).toEqual(['old', 'yesterday']);
    expect(ids(board.week)).toEqual(['today', 'plus7']);
    expect(ids(board.month)).toEqual(['plus8', 'plus30']);
    expect(ids(board.later)).toEqual(['plus31']);
    expect(board.overdue.map((d) => d.daysLeft)).toEqual([-365, -1]);
    expect(board.week.map((d) => d.daysLeft)).toEqual([0, 7]);
    expect(board.month.map((d) => d.daysLeft)).toEqual([8, 30]);
    expect(board.later[0].daysLeft).toBe(31);
  });

  it('sorts by date then what, and counts across a leap day and a new year', () => {
    const board = boardOf([item('b', '2024-03-01', { what: 'Visa' }), item('a', '2024-03-01', { what: 'credentials' }), item('c', '2024-02-29')], '2024-02-28');
    expect(board.week.map((d) => [d.id, d.daysLeft])).toEqual([['c', 1], ['a', 2], ['b', 2]]);
    expect(boardOf([item('n', '2026-01-01')], '2025-12-31').week[0].daysLeft).toBe(1);
  });

  it('keeps the fields of each deadline and does not change the input', () => {
    const input = [item('x', '2025-06-12', { what: 'Register' })];
    const board = boardOf(input, today);
    expect(board.week[0]).toEqual({ id: 'x', date: '2025-06-12', what: 'Register', done: false, daysLeft: 2 });
    expect(input[0]).not.toHaveProperty('daysLeft');
  });

  it('sorts 5,000 deadlines quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => item(`d${i}`, addDays('2025-01-01', (i * 7919) % 730), { what: `Item ${i % 97}`, done: i % 10 === 0 }));
    const started = performance.now();
    const board = boardOf(many, today);
    const took = performance.now() - started;
    const all = [...board.overdue, ...board.week, ...board.month, ...board.later];
    expect(all).toHaveLength(4500);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].date <= all[i].date).toBe(true);
    expect(took).toBeLessThan(500);
  });
});

describe('time zones', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  function snapshot() {
    const existing = planned(PP22);
    const board = boardOf([{ date: '2025-04-06', what: 'a', done: false }, { date: '2025-03-30', what: 'b', done: false }], '2025-03-29');
    return {
      dates: [
        ruleDate('2023-11-20', { days: 21 }), ruleDate('2024-06-30', { months: 4 }), ruleDate('2024-03-10', { days: 12 }),
        ruleDate('2025-03-30', { days: 1 }), ruleDate('2025-11-02', { days: 1 }), ruleDate('2025-04-06', { months: 1 }),
      ],
      plan: planRuleDeadlines(WTDC25, [], { rules }).create.map((d) => d.date),
      moved: planRuleDeadlines({ ...PP22, startDate: '2022-10-03' }, existing, { rules }).update.map((u) => u.date),
      board: [board.overdue, board.week, board.month, board.later].map((group) => group.map((d) => d.daysLeft)),
    };
  }

  it('gives the same dates in Auckland and Los Angeles', () => {
    process.env.TZ = 'UTC';
    const utc = snapshot();
    expect(utc.dates).toEqual(['2023-10-30', '2024-02-29', '2024-02-27', '2025-03-29', '2025-11-01', '2025-03-06']);
    expect(utc.board).toEqual([[], [1], [8], []]);
    for (const zone of ['Pacific/Auckland', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      expect(snapshot(), zone).toEqual(utc);
    }
  });

  it("gives each zone its own today for the same instant (what is expected of 'today')", () => {
    const instant = new Date('2025-06-10T13:00:00Z');
    process.env.TZ = 'Pacific/Auckland';
    expect(todayIso(instant)).toBe('2025-06-11');
    process.env.TZ = 'America/Los_Angeles';
    expect(todayIso(instant)).toBe('2025-06-10');
  });
});
