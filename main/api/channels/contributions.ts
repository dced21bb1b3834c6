// Contributions the delegation drafts: created, moved along idea → … → published (each step dated in
// their history, kept by main), listed with the event's next contribution deadline.
import { z } from 'zod';
import { fromBase64 } from '../../domain/base64';
import { CONTRIBUTION_STATUSES, LIMITS } from '../../domain/enums';
import { keptExtension } from '../../domain/file-name';
import { AppError } from '../../errors';
import { createSchema, patchSchema, recordId } from '../../domain/fields';
import { fileInput, idInput } from '../../domain/inputs';
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
  /** A draft or annex kept with the contribution: copied under attachments/ first, then recorded. */
  'contributions:attach': defineChannel(z.object({ id: recordId, ...fileInput('contributions.fileTooLarge') }), async ({ id, fileName, content }, { store, letters, change, read }) => {
    read.contributions.get(id);
    const name = await letters.save(store.dataDir, fromBase64(content), keptExtension(fileName));
    try {
      return await change((tx): Readonly<Contribution> => {
        const contribution = tx.contributions.get(id);
        return tx.contributions.update(id, { attachments: [...contribution.attachments, { name, fileName }] });
      });
    } catch (error) {
      await letters.remove(store.dataDir, name);
      throw error;
    }
  }),
  /** Takes a file off the contribution; the copy stays on disk for the backups that still name it. */
  'contributions:detach': defineChannel(z.object({ id: recordId, name: z.string().max(LIMITS.fileName) }), ({ id, name }, { change }) =>
    change((tx): Readonly<Contribution> => {
      const contribution = tx.contributions.get(id);
      return tx.contributions.update(id, { attachments: contribution.attachments.filter((a) => a.name !== name) });
    })),
  /** Opens a kept file with the system's program for it. */
  'contributions:openAttachment': defineChannel(z.object({ id: recordId, name: z.string().max(LIMITS.fileName) }), async ({ id, name }, { read, store, host, letters }) => {
    const kept = read.contributions.get(id).attachments.find((a) => a.name === name);
    const file = kept ? letters.pathOf(store.dataDir, kept.name) : null;
    if (!file) throw new AppError('letters.noOriginal');
    return { opened: host.openPath ? await host.openPath(file) : false };
  }),
};
