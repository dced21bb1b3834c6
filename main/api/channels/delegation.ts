import { z } from 'zod';
import { computeBalance, type Balance } from '../../domain/balance';
import { participationInput, participationPatchInput } from '../../domain/inputs';
import { ROLES, recordId, type DelegationEvent, type Participation } from '../../domain/model';
import { passportWarning, type PassportWarning } from '../../domain/passport';
import { masked, type PersonRecord } from './people';
import { crudChannels, defineChannel } from '../channel';

export interface DelegationMember {
  participation: Readonly<Participation>;
  person: PersonRecord;
  passportWarning: PassportWarning | null;
}

export interface Delegation {
  event: Readonly<DelegationEvent>;
  members: DelegationMember[];
  balance: Balance;
  /** Heads of delegation not cancelled: exactly one is expected. */
  heads: number;
}

const roleOrder = (p: Participation) => ROLES.indexOf(p.role);

const { 'participations:get': _get, ...participationChanges } = crudChannels('participations', 'participations', {
  create: participationInput,
  patch: participationPatchInput,
});

export const delegationChannels = {
  'delegation:get': defineChannel(z.object({ eventId: recordId }), ({ eventId }, { read }): Delegation => {
    const event = read.events.get(eventId);
    const members = read.participations
      .where('eventId', eventId)
      .flatMap((participation) => {
        const person = read.people.find(participation.personId);
        return person ? [{ participation, person: masked(person), passportWarning: passportWarning(person.passportExpires, event.endDate) }] : [];
      })
      .sort(
        (a, b) =>
          roleOrder(a.participation) - roleOrder(b.participation) ||
          a.person.familyName.localeCompare(b.person.familyName) ||
          a.person.givenName.localeCompare(b.person.givenName),
      );
    // Cancelled members are listed apart and not counted: they will not be there.
    const balance = computeBalance(
      members
        .filter((m) => m.participation.registrationStatus !== 'cancelled')
        .map((m) => ({ role: m.participation.role, gender: m.person.gender, birthDate: m.person.birthDate })),
      event.startDate,
      read.settings.youthMaxAge,
    );
    const heads = members.filter((m) => m.participation.role === 'head' && m.participation.registrationStatus !== 'cancelled').length;
    return { event, members, balance, heads };
  }),
  ...participationChanges,
};
