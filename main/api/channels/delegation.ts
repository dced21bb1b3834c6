import { z } from 'zod';
import { BENCHMARKS, composition, computeBalance, type Balance, type Composition } from '../../domain/balance';
import { acronymKey } from '../../domain/letters/acronyms';
import type { ReadView } from '../../store/model';
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

/** The same delegation's share of women at the earlier editions of this kind of event (same acronym, any year). */
export interface TrendPoint {
  eventId: string;
  label: string;
  startDate: string;
  womenShare: number | null;
}

export interface Delegation {
  event: Readonly<DelegationEvent>;
  members: DelegationMember[];
  balance: Balance;
  composition: Composition;
  benchmark: { edition: string; share: number } | null;
  trend: TrendPoint[];
  /** Heads of delegation not cancelled: exactly one is expected. */
  heads: number;
}

const roleOrder = (p: Participation) => ROLES.indexOf(p.role);

/** The series an acronym belongs to, in English: 'CMDT-25' → 'WTDC'; null without an acronym. */
function seriesOf(acronym: string): string | null {
  if (!acronym) return null;
  return acronymKey(acronym).replace(/-\d{2,4}$/, '') || null;
}

/** The women's share of this delegation at every edition of the series, oldest first, this one included. */
function trendOf(read: ReadView, event: Readonly<DelegationEvent>, series: string, target: number): TrendPoint[] {
  return read.events
    .list()
    .filter((e) => e.startDate <= event.startDate && seriesOf(e.acronym) === series)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .slice(-8)
    .map((e) => {
      const members = read.participations.where('eventId', e.id).filter((p) => !p.deletedAt && p.registrationStatus !== 'cancelled')
        .flatMap((p) => {
          const person = read.people.find(p.personId);
          return person ? [{ role: p.role, gender: person.gender, birthDate: person.birthDate }] : [];
        });
      return { eventId: e.id, label: e.acronym, startDate: e.startDate, womenShare: computeBalance(members, e.startDate, 29, target).women.share };
    });
}

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
    const counted = members
      .filter((m) => m.participation.registrationStatus !== 'cancelled')
      .map((m) => ({ role: m.participation.role, gender: m.person.gender, birthDate: m.person.birthDate }));
    const target = read.settings.womenTargetPercent / 100;
    const balance = computeBalance(counted, event.startDate, read.settings.youthMaxAge, target);
    const series = seriesOf(event.acronym);
    const heads = members.filter((m) => m.participation.role === 'head' && m.participation.registrationStatus !== 'cancelled').length;
    return {
      event, members, balance, heads,
      composition: composition(counted, event.startDate),
      benchmark: series ? BENCHMARKS[series] ?? null : null,
      trend: series ? trendOf(read, event, series, target) : [],
    };
  }),
  ...participationChanges,
};
