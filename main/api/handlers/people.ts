import type { Person } from '../../domain/model';
import type { Handlers } from './types';
import { findLive, live, newRecord, replaceFields, softDelete } from './context';

export const peopleHandlers: Pick<
  Handlers,
  'people:list' | 'people:get' | 'people:create' | 'people:update' | 'people:delete'
> = {
  'people:list': (_input, { store }) => {
    const counts = new Map<string, number>();
    for (const p of live(store.data.participations)) counts.set(p.personId, (counts.get(p.personId) ?? 0) + 1);
    return live(store.data.people)
      .map((person) => ({ ...person, eventCount: counts.get(person.id) ?? 0 }))
      .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
  },

  'people:get': ({ id }, { store }) => findLive(store.data.people, id),

  'people:create': (input, { store, now }) =>
    store.change((data) => {
      const person: Person = newRecord(input, now());
      data.people.push(person);
      return person;
    }),

  'people:update': ({ id, ...fields }, { store, now }) =>
    store.change((data) => replaceFields(data.people, id, fields, now())),

  'people:delete': ({ id }, { store, now }) =>
    store.change((data) => {
      const stamp = now();
      softDelete(findLive(data.people, id), stamp);
      for (const p of live(data.participations)) if (p.personId === id) softDelete(p, stamp);
      return { id };
    }),
};
