// Deadlines: listed (for the dashboard of dates, an event's timeline, the CLI), written by the user, and
// exported as a calendar. Every write re-plans the event's rule-derived estimates in the same transaction.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { icsFileName, calendarFile } from '../../calendar/ics';
import { addDays, todayIso } from '../../domain/dates';
import { LANGUAGES } from '../../domain/enums';
import { createSchema, patchSchema, recordId } from '../../domain/fields';
import { idInput } from '../../domain/inputs';
import { deadlineFields, type Deadline } from '../../domain/model';
import { createTranslator } from '../../i18n';
import type { ReadView } from '../../store/model';
import { defineChannel } from '../channel';
import { deliverFile } from '../deliver';
import { planEventDeadlines } from '../rule-deadlines';

export type DeadlineSummary = Readonly<Deadline> & {
  eventName: string;
  eventAcronym: string;
  /** What it is linked to, by name: a contribution's title, a person's names. */
  contributionTitle: string;
  personName: string;
};

// Which rule a deadline comes from, and whether it is an estimate, are the app's to say.
const { ruleId: _ruleId, estimated: _estimated, ...userDeadlineFields } = deadlineFields;

const listInput = z.object({
  eventId: recordId.optional(),
  includeDone: z.boolean().optional(),
  /** Only those due within this many days from today (overdue ones included). */
  within: z.number().int().min(0).max(3_650).optional(),
}).optional();

function deadlinesOf(read: ReadView, input: z.output<typeof listInput>, today: string): DeadlineSummary[] {
  const all = input?.eventId ? read.deadlines.where('eventId', input.eventId) : read.deadlines.list();
  const last = input?.within === undefined ? null : addDays(today, input.within);
  const events = new Map<string, { name: string; acronym: string }>();
  const eventOf = (id: string | undefined) => {
    if (!id) return undefined;
    if (!events.has(id)) events.set(id, read.events.find(id) ?? { name: '', acronym: '' });
    return events.get(id);
  };
  return all
    .filter((d) => (input?.includeDone || !d.done) && (last === null || d.date <= last))
    .map((d) => {
      const person = d.personId ? read.people.find(d.personId) : undefined;
      return {
        ...d,
        eventName: eventOf(d.eventId)?.name ?? '',
        eventAcronym: eventOf(d.eventId)?.acronym ?? '',
        contributionTitle: d.contributionId ? (read.contributions.find(d.contributionId)?.title ?? '') : '',
        personName: person ? `${person.givenName} ${person.familyName}` : '',
      };
    })
    // ISO dates sort as plain strings: no collation needed on the hot path of the dashboard.
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.what < b.what ? -1 : a.what > b.what ? 1 : 0));
}

/** A deadline's "what" in a language: a rule's own words where it comes from a rule, else as recorded. */
export function deadlineWhat(t: TFunction, d: { what: string; ruleId: string }): string {
  return d.ruleId ? t(`rules.${d.ruleId}`, d.what) : d.what;
}

export const deadlineChannels = {
  'deadlines:list': defineChannel(listInput, (input, { read, now }): DeadlineSummary[] => deadlinesOf(read, input, todayIso(now()))),
  'deadlines:get': defineChannel(idInput, ({ id }, { read }): Readonly<Deadline> => read.deadlines.get(id)),
  'deadlines:create': defineChannel(createSchema(userDeadlineFields), (values, { change }) =>
    change((tx): Readonly<Deadline> => {
      const created = tx.deadlines.create({ ...values, ruleId: '', estimated: false });
      planEventDeadlines(tx, created.eventId);
      return created;
    })),
  'deadlines:update': defineChannel(z.intersection(idInput, patchSchema(userDeadlineFields)), ({ id, ...patch }, { change }) =>
    change((tx): Readonly<Deadline> => {
      const before = tx.deadlines.get(id);
      // A rule's date the user changed is theirs: it stays where they put it, and is no longer an estimate.
      const moved = before.ruleId !== '' && patch.date !== undefined && patch.date !== before.date;
      const updated = tx.deadlines.update(id, moved ? { ...patch, estimated: false } : patch);
      planEventDeadlines(tx, updated.eventId);
      return tx.deadlines.find(id) ?? updated;
    })),
  'deadlines:delete': defineChannel(idInput, ({ id }, { change }) =>
    change((tx) => {
      const deadline = tx.deadlines.get(id);
      tx.deadlines.delete(id);
      // A rule's deadline dismissed by the user: the rule is off for that event, not recreated next time.
      const event = deadline.ruleId && deadline.eventId ? tx.events.find(deadline.eventId) : undefined;
      if (event && !event.rulesOff.includes(deadline.ruleId)) tx.events.update(event.id, { rulesOff: [...event.rulesOff, deadline.ruleId] });
      planEventDeadlines(tx, deadline.eventId);
      return { id };
    })),
  /** The open deadlines (of one event, or all) as an .ics calendar, with a reminder at the lead time set in Settings. */
  'deadlines:exportIcs': defineChannel(
    z.object({ eventId: recordId.optional(), language: z.enum(LANGUAGES) }),
    async ({ eventId, language }, context) => {
      const { read, now } = context;
      const t = createTranslator(language);
      const event = eventId ? read.events.get(eventId) : undefined;
      const items = deadlinesOf(read, { eventId, includeDone: true }, todayIso(now())).map((d) => {
        const what = deadlineWhat(t, d);
        const about = d.eventAcronym || d.eventName;
        return {
          id: d.id,
          date: d.date,
          title: about ? `${about}: ${what}` : what,
          description: [d.source && t(d.ruleId ? 'deadlines.ruleSource' : 'letters.deadline.source', { source: d.source }), d.estimated && t('deadlines.estimated')].filter(Boolean).join('\n'),
          revision: d.seq,
          updatedAt: d.updatedAt,
          done: d.done,
          categories: [t(`letters.deadlineKind.${d.kind}`)],
        };
      });
      const name = event ? `${event.acronym || event.name} — ${t('deadlines.calendarName')}` : t('deadlines.calendarName');
      const text = calendarFile(items, { calendarName: name, leadDays: read.settings.reminderLeadDays });
      const fileName = icsFileName(event ? `${event.acronym || event.name}-deadlines` : 'deadlines');
      return { ...(await deliverFile(context.host, fileName, new TextEncoder().encode(text))), count: items.length };
    },
  ),
};
