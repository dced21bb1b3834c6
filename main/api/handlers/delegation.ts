import { computeBalance } from '../../domain/balance';
import { ROLES, type Participation } from '../../domain/model';
import { AppError } from '../../errors';
import type { Handlers } from './types';
import { findLive, live, newRecord, replaceFields, softDelete } from './context';

const roleOrder = (p: Participation) => ROLES.indexOf(p.role);

export const delegationHandlers: Pick<
  Handlers,
  'delegation:get' | 'participations:create' | 'participations:update' | 'participations:delete'
> = {
  'delegation:get': ({ eventId }, { store }) => {
    const { data } = store;
    const event = findLive(data.events, eventId);
    const people = new Map(live(data.people).map((p) => [p.id, p]));
    const members = live(data.participations)
      .filter((p) => p.eventId === eventId && people.has(p.personId))
      .map((participation) => ({ participation, person: people.get(participation.personId)! }))
      .sort(
        (a, b) =>
          roleOrder(a.participation) - roleOrder(b.participation) ||
          a.person.familyName.localeCompare(b.person.familyName) ||
          a.person.givenName.localeCompare(b.person.givenName),
      );
    const balance = computeBalance(
      members.map((m) => ({ role: m.participation.role, gender: m.person.gender, birthDate: m.person.birthDate })),
      event.startDate,
      data.settings.youthMaxAge,
    );
    return { event, members, balance };
  },

  'participations:create': (input, { store, now }) =>
    store.change((data) => {
      findLive(data.events, input.eventId);
      findLive(data.people, input.personId);
      const already = live(data.participations).some(
        (p) => p.eventId === input.eventId && p.personId === input.personId,
      );
      if (already) throw new AppError('errors.alreadyOnDelegation');
      const participation: Participation = newRecord(input, now());
      data.participations.push(participation);
      return participation;
    }),

  'participations:update': ({ id, ...fields }, { store, now }) =>
    store.change((data) => replaceFields(data.participations, id, fields, now())),

  'participations:delete': ({ id }, { store, now }) =>
    store.change((data) => {
      softDelete(findLive(data.participations, id), now());
      return { id };
    }),
};
