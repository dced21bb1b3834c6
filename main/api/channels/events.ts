import { eventInput, eventPatchInput } from '../../domain/inputs';
import type { DelegationEvent } from '../../domain/model';
import { countBy, crudChannels, defineChannel } from '../channel';
import { planEventDeadlines } from '../rule-deadlines';
import { none } from './app';

export type EventSummary = Readonly<DelegationEvent> & { delegationSize: number };

export const eventChannels = {
  'events:list': defineChannel(none, (_input, { read }): EventSummary[] => {
    const sizes = countBy(read.participations.list(), (p) => p.eventId);
    return read.events
      .list()
      .map((event) => ({ ...event, delegationSize: sizes.get(event.id) ?? 0 }))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name));
  }),
  ...crudChannels('events', 'events', { create: eventInput, patch: eventPatchInput }),
  // An event's rule-derived deadlines come with it, and move with its dates and kind.
  'events:create': defineChannel(eventInput, (values, { change }) =>
    change((tx): Readonly<DelegationEvent> => {
      const event = tx.events.create(values);
      planEventDeadlines(tx, event.id);
      return event;
    })),
  'events:update': defineChannel(eventPatchInput, ({ id, ...patch }, { change }) =>
    change((tx): Readonly<DelegationEvent> => {
      const event = tx.events.update(id, patch);
      planEventDeadlines(tx, event.id);
      return event;
    })),
};
