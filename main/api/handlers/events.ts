import type { DelegationEvent } from '../../domain/model';
import type { Handlers } from './types';
import { findLive, live, newRecord, replaceFields, softDelete } from './context';

export const eventHandlers: Pick<
  Handlers,
  'events:list' | 'events:get' | 'events:create' | 'events:update' | 'events:delete'
> = {
  'events:list': (_input, { store }) => {
    const sizes = new Map<string, number>();
    for (const p of live(store.data.participations)) sizes.set(p.eventId, (sizes.get(p.eventId) ?? 0) + 1);
    return live(store.data.events)
      .map((event) => ({ ...event, delegationSize: sizes.get(event.id) ?? 0 }))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name));
  },

  'events:get': ({ id }, { store }) => findLive(store.data.events, id),

  'events:create': (input, { store, now }) =>
    store.change((data) => {
      const event: DelegationEvent = newRecord(input, now());
      data.events.push(event);
      return event;
    }),

  'events:update': ({ id, ...fields }, { store, now }) =>
    store.change((data) => replaceFields(data.events, id, fields, now())),

  'events:delete': ({ id }, { store, now }) =>
    store.change((data) => {
      const stamp = now();
      softDelete(findLive(data.events, id), stamp);
      for (const p of live(data.participations)) if (p.eventId === id) softDelete(p, stamp);
      return { id };
    }),
};
