import { z } from 'zod';
import { personInput, personPatchInput } from '../../domain/inputs';
import { LIMITS, recordId, type Person } from '../../domain/model';
import { fold } from '../../domain/text';
import { idInput } from '../../domain/inputs';
import { personFields, type DelegationEvent, type Participation } from '../../domain/model';
import { passportKey } from '../../domain/passport';
import { countBy, crudChannels, defineChannel } from '../channel';
import { none } from './app';

/** A row of the People list: what it shows and searches, not the whole record (5,000 of them travel). */
export type PersonSummary = Pick<
  Person,
  'id' | 'title' | 'givenName' | 'familyName' | 'gender' | 'birthDate' | 'nationality' | 'organisation' | 'function' | 'email'
> & { eventCount: number };

/**
 * A person as the screens get them: the passport number is never sent with the record, only its last
 * characters ("•••• 4521"); `people:passport` gives it when the user asks.
 */
export type PersonRecord = Omit<Readonly<Person>, 'passportNumber'> & { passportMasked: string };

export function masked({ passportNumber, ...person }: Readonly<Person>): PersonRecord {
  return { ...person, passportMasked: passportNumber ? `•••• ${passportNumber.slice(-Math.min(4, Math.floor(passportNumber.length / 2)))}` : '' };
}

export interface PersonEvent {
  participation: Readonly<Participation>;
  event: Readonly<DelegationEvent>;
}

const { 'people:get': _fullPerson, 'people:create': create, 'people:update': update, ...otherPeopleChannels } = crudChannels('people', 'people', {
  create: personInput,
  patch: personPatchInput,
});
const maskedPeople = {
  ...otherPeopleChannels,
  'people:create': defineChannel(create.input, async (values, context): Promise<PersonRecord> => masked(await create.handler(values, context))),
  'people:update': defineChannel(update.input, async (values, context): Promise<PersonRecord> => masked(await update.handler(values, context))),
};

/** What the person picker shows of a match: enough to tell namesakes apart. */
export interface PersonMatch {
  id: string;
  title: string;
  givenName: string;
  familyName: string;
  organisation: string;
  function: string;
  birthYear?: number;
}

export interface PersonSearch {
  matches: PersonMatch[];
  /** Every match, of which `matches` are the first `limit`. */
  total: number;
}

// Records are replaced, never changed, on every write: a folded text cached by record stays right.
const searchText = new WeakMap<object, string>();
function textOf(person: Readonly<Person>): string {
  let text = searchText.get(person);
  if (text === undefined) {
    text = fold([person.title, person.givenName, person.familyName, person.organisation, person.function, person.email].join(' '));
    searchText.set(person, text);
  }
  return text;
}

const startsWith = (person: Readonly<Person>, word: string | undefined) =>
  word !== undefined && (fold(person.familyName).startsWith(word) || fold(person.givenName).startsWith(word));

const searchInput = z.object({
  query: z.string().max(LIMITS.name),
  /** People already on this event's delegation are left out. */
  excludeEventId: recordId.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const peopleChannels = {
  'people:list': defineChannel(none, (_input, { read }): PersonSummary[] => {
    const counts = countBy(read.participations.list(), (p) => p.personId);
    return read.people
      .list()
      .map((p) => ({
        id: p.id,
        title: p.title,
        givenName: p.givenName,
        familyName: p.familyName,
        gender: p.gender,
        birthDate: p.birthDate,
        nationality: p.nationality,
        organisation: p.organisation,
        function: p.function,
        email: p.email,
        eventCount: counts.get(p.id) ?? 0,
      }))
      .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
  }),
  /**
   * Every word typed must appear in the name, organisation, function or e-mail, ignoring case and
   * accents ("jean" finds "Mr Jean Dupont"); a name that starts with the words comes first.
   */
  'people:search': defineChannel(searchInput, ({ query, excludeEventId, limit }, { read }): PersonSearch => {
    const words = fold(query).split(' ').filter(Boolean);
    const taken = new Set(excludeEventId ? read.participations.where('eventId', excludeEventId).map((p) => p.personId) : []);
    const found = read.people
      .list()
      .filter((p) => !taken.has(p.id) && words.every((w) => textOf(p).includes(w)))
      .map((person) => ({ person, rank: startsWith(person, words[0]) ? 0 : 1 }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          a.person.familyName.localeCompare(b.person.familyName) ||
          a.person.givenName.localeCompare(b.person.givenName),
      );
    const matches = found.slice(0, limit).map(({ person: p }) => ({
      id: p.id,
      title: p.title,
      givenName: p.givenName,
      familyName: p.familyName,
      organisation: p.organisation,
      function: p.function,
      ...(p.birthDate && { birthYear: Number(p.birthDate.slice(0, 4)) }),
    }));
    return { matches, total: found.length };
  }),
  ...maskedPeople,
  'people:get': defineChannel(idInput, ({ id }, { read }): PersonRecord => masked(read.people.get(id))),
  /**
   * Two records of one person become one: `keepId` stays, taking what it lacks from the other; the other's
   * delegations move to it (where both were on an event, the kept one's entry stays). A backup is made
   * first: restoring it undoes the merge.
   */
  'people:merge': defineChannel(
    z.object({ keepId: recordId, mergeId: recordId }).refine((v) => v.keepId !== v.mergeId, { error: 'errors.mergeSame', path: ['mergeId'] }),
    async ({ keepId, mergeId }, { read, store, change }) => {
      read.people.get(keepId);
      read.people.get(mergeId);
      const backup = await store.backupBefore('merge');
      return change((tx) => {
        const keep = tx.people.get(keepId);
        const other = tx.people.get(mergeId);
        const missing: Record<string, unknown> = {};
        for (const field of Object.keys(personFields) as (keyof typeof personFields)[]) {
          const mine = keep[field];
          const theirs = other[field];
          const empty = mine === undefined || mine === '' || (field === 'gender' && mine === 'unspecified');
          if (empty && theirs !== undefined && theirs !== '' && theirs !== 'unspecified') missing[field] = theirs;
        }
        if (Object.keys(missing).length > 0) tx.people.update(keepId, missing);
        const onEvents = new Set(tx.participations.where('personId', keepId).filter((p) => !p.deletedAt).map((p) => p.eventId));
        let moved = 0;
        for (const { id: _id, createdAt: _c, updatedAt: _u, seq: _s, deletedAt, personId: _p, ...values } of tx.participations.where('personId', mergeId)) {
          if (deletedAt || onEvents.has(values.eventId)) continue;
          tx.participations.create({ ...values, personId: keepId });
          moved += 1;
        }
        tx.people.delete(mergeId);
        return { keepId, backup, moved };
      });
    },
  ),
  /** Other records that are likely the same person: same names, same e-mail, or same passport number. */
  'people:duplicates': defineChannel(idInput, ({ id }, { read }): PersonMatch[] => {
    const person = read.people.get(id);
    const name = `${fold(person.givenName)}|${fold(person.familyName)}`;
    const email = person.email ? fold(person.email) : null;
    const passport = passportKey(person.passportNumber);
    return read.people
      .list()
      .filter((p) => p.id !== id
        && (`${fold(p.givenName)}|${fold(p.familyName)}` === name || (email !== null && fold(p.email) === email) || (passport !== null && passportKey(p.passportNumber) === passport)))
      .map((p) => ({ id: p.id, title: p.title, givenName: p.givenName, familyName: p.familyName, organisation: p.organisation, function: p.function, ...(p.birthDate && { birthYear: Number(p.birthDate.slice(0, 4)) }) }));
  }),
  /** The passport number itself, when the user asks to see it. */
  'people:passport': defineChannel(idInput, ({ id }, { read }) => ({ passportNumber: read.people.get(id).passportNumber })),
  /** Every event a person was or will be on, with their role and registration, the latest first. */
  'people:events': defineChannel(idInput, ({ id }, { read }): PersonEvent[] =>
    read.participations
      .where('personId', id)
      .filter((p) => !p.deletedAt)
      .flatMap((participation) => {
        const event = read.events.find(participation.eventId);
        return event && !event.deletedAt ? [{ participation, event }] : [];
      })
      .sort((a, b) => b.event.startDate.localeCompare(a.event.startDate))),
};
