// Deadlines derived from an event's first day (DOMAIN.md, "Deadline rules"). A date printed in a
// letter, or typed by the user, always wins: the rule's estimate then gives way to it.
import { AppError } from '../errors';
import { addDays, addMonths, daysBetween, isIsoDate } from './dates';
import type { DeadlineKind, EventKind, Modality } from './enums';
import { acronymKey, englishAcronym } from './letters/acronyms';

export interface RuleOffset {
  days?: number;
  months?: number;
}

export interface DeadlineRule {
  /** Stable: stored on each deadline it derives, and the UI's translation key. */
  id: string;
  kind: DeadlineKind;
  before: RuleOffset;
  appliesTo: readonly EventKind[];
  /** English acronym series the rule is limited to ('PP'). */
  series?: readonly string[];
  excludeSeries?: readonly string[];
  /** Nobody travels to a virtual event. */
  inPersonOnly?: boolean;
  /** English text stored on the deadline, as a fallback for the UI's translation by rule id. */
  what: string;
  source: string;
}

const MEETINGS: readonly EventKind[] = ['conference', 'assembly', 'forum', 'council', 'studyGroup', 'regionalMeeting', 'other'];

/**
 * PP has three contribution deadlines: 8 months (amendments to the Constitution/Convention), 4 months
 * (other proposals) and, as the last cut-off, the 21 days of Res. 165, which covers PP as it covers
 * WRC, WTDC and WTSA (DOMAIN.md lists PP under it). So the 21-day rule is not excluded for PP.
 * The older 14-day rule (Res. 165, Guadalajara 2010) is not a preset: editing 21 to 14 gives it.
 */
export const PRESET_RULES: readonly DeadlineRule[] = [
  {
    id: 'conference.contributions', kind: 'contribution', before: { days: 21 }, appliesTo: ['conference', 'assembly'],
    what: 'Submit contributions', source: 'Res. 165 (Rev. Dubai, 2018): 21 days before the opening',
  },
  {
    id: 'pp.amendments', kind: 'contribution', before: { months: 8 }, appliesTo: ['conference'], series: ['PP'],
    what: 'Submit proposals amending the Constitution or Convention', source: 'CS Art. 55, CV Art. 42: 8 months before (PP-22: 26 Jan 2022)',
  },
  {
    id: 'pp.proposals', kind: 'contribution', before: { months: 4 }, appliesTo: ['conference'], series: ['PP'],
    what: 'Submit other proposals', source: 'General Rules of conferences: 4 months before (PP-22: 26 May 2022)',
  },
  {
    id: 'studyGroup.translated', kind: 'contribution', before: { days: 45 }, appliesTo: ['studyGroup'],
    what: 'Submit contributions to be translated', source: 'ITU-D Res. 1: 45 days before the meeting',
  },
  {
    id: 'studyGroup.latest', kind: 'contribution', before: { days: 12 }, appliesTo: ['studyGroup'],
    what: 'Submit contributions (last day)', source: 'ITU-D Res. 1: 12 days before; later ones wait for the next meeting',
  },
  {
    id: 'council.contributions', kind: 'contribution', before: { days: 14 }, appliesTo: ['council'],
    what: 'Submit contributions to Council', source: 'Council practice: 14 days before (Council 2023 additional session)',
  },
  {
    id: 'visa.request', kind: 'visa', before: { days: 28 }, appliesTo: MEETINGS, inPersonOnly: true,
    what: 'Request visa support letters', source: 'ITU-T: at least 4 weeks before; ITU-D: processing up to 21 days',
  },
  {
    id: 'fellowship.request', kind: 'fellowship', before: { days: 42 }, excludeSeries: ['WRC', 'PP'],
    appliesTo: ['conference', 'assembly', 'forum', 'studyGroup', 'regionalMeeting'],
    what: 'Send fellowship requests', source: 'As printed; typically 4–6 weeks before (WTSA-24: 2 Sep 2024 for 15 Oct)',
  },
  {
    id: 'credentials', kind: 'credentials', before: { months: 1 }, appliesTo: ['conference'], series: ['WRC', 'PP'],
    what: 'Send credentials (the original)', source: 'CV Art. 31; about 1 month before, original by registered mail (WRC-12)',
  },
];

/** The date `before` the first day: months first, clamped to the month's end (31 May − 4 months = 31 January), then days. */
export function ruleDate(firstDay: string, before: RuleOffset): string {
  if (!isIsoDate(firstDay)) throw new AppError('errors.dateInvalid');
  return addDays(addMonths(firstDay, -(before.months ?? 0)), -(before.days ?? 0));
}

/** The English series of an event, 'CMDT-25' → 'WTDC'; without an acronym, one written in capitals in its name. */
export function seriesOf(event: { acronym: string; name: string }): string | null {
  if (event.acronym.trim()) return acronymKey(event.acronym).replace(/-\d{2,4}$/, '') || null;
  // Only words written in capitals: 'ar' in a Spanish name is not the RA's French acronym.
  const word = event.name.split(/[\s(),;:/«»"]+/).find((w) => /\p{Lu}/u.test(w) && w === w.toUpperCase() && englishAcronym(w));
  return word ? acronymKey(word).replace(/-\d{2,4}$/, '') : null;
}

/** App-wide edits of the presets, by rule id. */
export type RuleEdits = Record<string, { enabled?: boolean; days?: number; months?: number }>;
/** Per event, by rule id: switch a rule off, or fix its date. `enabled: true` cannot bring in a rule that does not apply. */
export type EventRuleOverrides = Record<string, { enabled?: boolean; date?: string }>;

/** The presets with the user's edits; rules switched off are left out. */
export function effectiveRules(edits: RuleEdits = {}): DeadlineRule[] {
  return PRESET_RULES.flatMap((rule) => {
    const edit = edits[rule.id];
    if (!edit) return [rule];
    if (edit.enabled === false) return [];
    if (edit.days === undefined && edit.months === undefined) return [rule];
    return [{ ...rule, before: { days: edit.days ?? rule.before.days, months: edit.months ?? rule.before.months } }];
  });
}

export interface RuleEvent {
  kind: EventKind;
  acronym: string;
  name: string;
  modality: Modality;
}

export function rulesForEvent(event: RuleEvent, rules: readonly DeadlineRule[]): DeadlineRule[] {
  const series = seriesOf(event);
  return rules.filter((rule) =>
    rule.appliesTo.includes(event.kind)
    && (!rule.series || (series !== null && rule.series.includes(series)))
    && !(series !== null && rule.excludeSeries?.includes(series))
    && !(rule.inPersonOnly && event.modality === 'virtual'));
}

/** What the plan reads of a stored deadline. */
export interface ExistingDeadline {
  id: string;
  eventId?: string;
  kind: DeadlineKind;
  date: string;
  /** Set on the deadlines a rule derived; absent on those from a letter or the user. */
  ruleId?: string;
  estimated?: boolean;
  done: boolean;
  deletedAt?: string;
}

export interface NewRuleDeadline {
  eventId: string;
  ruleId: string;
  kind: DeadlineKind;
  date: string;
  what: string;
  source: string;
  /** False when the event's override fixed the date. */
  estimated: boolean;
  done: false;
}

export interface RulePlan {
  create: NewRuleDeadline[];
  update: { id: string; date: string; estimated: boolean }[];
  remove: string[];
}

export interface PlanEvent extends RuleEvent {
  id: string;
  startDate: string;
}

/**
 * What to create, move and remove so that the event has one deadline per applicable rule, except
 * where a letter's (or the user's) deadline of the same kind has taken its place.
 *
 * - A deadline with a ruleId belongs to the plan; one without is firm and is never touched.
 * - A done deadline is history: never moved, never removed, and it still fills its rule's place
 *   (so a rule switched off or replaced leaves done deadlines where they are).
 * - A firm deadline replaces the one rule of its kind whose date is nearest to it (the first rule
 *   on a tie): a letter giving 26 May for PP-22 replaces the 4-month estimate, not the 8-month one.
 *   Nearest-per-firm-deadline (rather than a matching) means the same date given twice replaces one
 *   estimate, not two.
 * - Tombstones are ignored: deleting a firm deadline brings the estimate back. An estimate the user
 *   dismisses must be recorded as an override (`enabled: false`), or the next plan recreates it.
 * - The plan is idempotent: applied, the next plan is empty.
 */
export function planRuleDeadlines(
  event: PlanEvent,
  existing: readonly ExistingDeadline[],
  options: { rules: readonly DeadlineRule[]; overrides?: EventRuleOverrides },
): RulePlan {
  const overrides = options.overrides ?? {};
  const applicable = rulesForEvent(event, options.rules)
    .filter((rule) => overrides[rule.id]?.enabled !== false)
    .map((rule) => {
      const fixed = overrides[rule.id]?.date;
      if (fixed !== undefined && !isIsoDate(fixed)) throw new AppError('errors.dateInvalid');
      return { rule, date: fixed ?? ruleDate(event.startDate, rule.before), estimated: fixed === undefined };
    });

  const mine = existing.filter((d) => d.eventId === event.id && !d.deletedAt);
  const replaced = new Set<string>();
  for (const firm of mine) {
    if (firm.ruleId) continue;
    let nearest: (typeof applicable)[number] | undefined;
    for (const candidate of applicable) {
      if (candidate.rule.kind !== firm.kind) continue;
      if (!nearest || Math.abs(daysBetween(candidate.date, firm.date)) < Math.abs(daysBetween(nearest.date, firm.date))) nearest = candidate;
    }
    if (nearest) replaced.add(nearest.rule.id);
  }

  const plan: RulePlan = { create: [], update: [], remove: [] };
  const derived = mine.filter((d) => d.ruleId);
  for (const { rule, date, estimated } of applicable) {
    const own = derived.filter((d) => d.ruleId === rule.id);
    const open = own.filter((d) => !d.done);
    // Keep one open deadline (the first), unless a firm one replaced the rule or a done one fills it.
    const keep = replaced.has(rule.id) || open.length < own.length ? undefined : open[0];
    for (const d of open) if (d !== keep) plan.remove.push(d.id);
    if (keep && (keep.date !== date || (keep.estimated ?? false) !== estimated)) plan.update.push({ id: keep.id, date, estimated });
    if (own.length === 0 && !replaced.has(rule.id)) {
      plan.create.push({ eventId: event.id, ruleId: rule.id, kind: rule.kind, date, what: rule.what, source: rule.source, estimated, done: false });
    }
  }
  const live = new Set(applicable.map((a) => a.rule.id));
  for (const d of derived) if (!d.done && !live.has(d.ruleId!)) plan.remove.push(d.id);
  return plan;
}
