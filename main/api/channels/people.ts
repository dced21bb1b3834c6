import { personInput, personPatchInput } from '../../domain/inputs';
import type { Person } from '../../domain/model';
import { countBy, crudChannels, defineChannel } from '../channel';
import { none } from './app';

export type PersonSummary = Readonly<Person> & { eventCount: number };

export const peopleChannels = {
  'people:list': defineChannel(none, (_input, { read }): PersonSummary[] => {
    const counts = countBy(read.participations.list(), (p) => p.personId);
    return read.people
      .list()
      .map((person) => ({ ...person, eventCount: counts.get(person.id) ?? 0 }))
      .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
  }),
  ...crudChannels('people', 'people', { create: personInput, patch: personPatchInput }),
};
