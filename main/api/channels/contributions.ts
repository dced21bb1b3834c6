// Contributions the delegation drafts: created, moved along idea → … → published (each step dated in
// their history, kept by main), listed with the event's next contribution deadline.
import { z } from 'zod';
import { CONTRIBUTION_STATUSES } from '../../domain/enums';
import { createSchema, patchSchema, recordId } from '../../domain/fields';
import { idInput } from '../../domain/inputs';
import { contributionFields, type Contribution, type Deadline } from '../../domain/model';
import type { ReadView } from '../../store/model';
import { defineChannel } from '../channel';

// The history is main's record of what happened; attachments are added through their own channel.
const { history: _history, attachments: _attachments, ...editableFields } = contributionFields;

export type ContributionSummary = Readonly<Contribution> & {
  eventName: string;
  eventAcronym: string;
  /** The event's next open contribution deadline (a letter's date, or the rule's estimate). */
  deadline: Pick<Deadline, 'id' | 'date' | 'what' | 'ruleId' | 'estimated'> | null;
};

const listInput = z.object({ eventId: recordId.optional(), status: z.enum(CONTRIBUTION_STATUSES).optional() }).optional();

function nextContributionDeadline(read: ReadView, eventId: string, cache: Map<string, ContributionSummary['deadline']>) {
  if (!cache.has(eventId)) {
    const open = read.deadlines.where('eventId', eventId).filter((d) => d.kind === 'contribution' && !d.done);
    const first = open.sort((a, b) => a.date.localeCompare(b.date))[0];
    cache.set(eventId, first ? { id: first.id, date: first.date, what: first.what, ruleId: first.ruleId, estimated: first.estimated } : null);
  }
  return cache.get(eventId)!;
}

export function contributionsOf(read: ReadView, input: z.output<typeof listInput>): ContributionSummary[] {
  const all = input?.eventId ? read.contributions.where('eventId', input.eventId) : read.contributions.list();
  const deadlines = new Map<string, ContributionSummary['deadline']>();
  return all
    .filter((c) => !input?.status || c.status === input.status)
    .map((c) => {
      const event = read.events.find(c.eventId);
      return { ...c, eventName: event?.name ?? '', eventAcronym: event?.acronym ?? '', deadline: nextContributionDeadline(read, c.eventId, deadlines) };
    })
    .sort((a, b) => (a.deadline?.date ?? '9999').localeCompare(b.deadline?.date ?? '9999') || a.title.localeCompare(b.title));
}

export const contributionChannels = {
  'contributions:list': defineChannel(listInput, (input, { read }): ContributionSummary[] => contributionsOf(read, input)),
  'contributions:get': defineChannel(idInput, ({ id }, { read }): Readonly<Contribution> => read.contributions.get(id)),
  'contributions:create': defineChannel(createSchema(editableFields), (values, { change }) =>
    change((tx): Readonly<Contribution> =>
      tx.contributions.create({ ...values, history: [{ status: values.status, at: tx.now.toISOString() }], attachments: [] }))),
  'contributions:update': defineChannel(z.intersection(idInput, patchSchema(editableFields)), ({ id, ...patch }, { change }) =>
    change((tx): Readonly<Contribution> => {
      const before = tx.contributions.get(id);
      const moved = patch.status !== undefined && patch.status !== null && patch.status !== before.status;
      const history = moved ? [...before.history, { status: patch.status!, at: tx.now.toISOString() }].slice(-100) : undefined;
      return tx.contributions.update(id, history ? { ...patch, history } : patch);
    })),
  'contributions:delete': defineChannel(idInput, ({ id }, { change }) => change((tx) => (tx.contributions.delete(id), { id }))),
};
