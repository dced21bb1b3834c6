import { ageOn } from './dates';
import type { Gender, Role } from './model';

export interface BalanceMember {
  role: Role;
  gender: Gender;
  birthDate?: string;
}

/** ITU's target for recent conferences: at least 35 % women, in the delegation and among its heads. */
export const WOMEN_TARGET = 0.35;

export interface Share {
  /** Members counted (women, or young people). */
  count: number;
  /** Members whose gender (or age) is known: the denominator. */
  known: number;
  /** Members whose gender (or date of birth) is not recorded: shown, never guessed. */
  unknown: number;
  /** count / known, or null when nobody is known. */
  share: number | null;
  /** The share aimed at, when there is one. */
  target?: number;
  /** How many more women would reach the target (0 when reached). */
  gap?: number;
}

/** The fewest women to add so that count/known reaches the target: (count + k) / (known + k) ≥ target. */
export function womenToReach(count: number, known: number, target: number): number {
  const needed = (target * known - count) / (1 - target);
  return Math.max(0, Math.ceil(needed - 1e-9));
}

export interface Balance {
  total: number;
  women: Share;
  womenInLeadership: Share;
  youth: Share & { maxAge: number };
}

const LEADERSHIP: ReadonlySet<Role> = new Set(['head', 'deputyHead']);

function share(count: number, known: number, unknown: number): Share {
  return { count, known, unknown, share: known === 0 ? null : count / known };
}

function womenShare(members: readonly BalanceMember[]): Share {
  const known = members.filter((m) => m.gender !== 'unspecified');
  const women = known.filter((m) => m.gender === 'female').length;
  return {
    ...share(women, known.length, members.length - known.length),
    target: WOMEN_TARGET,
    gap: womenToReach(women, known.length, WOMEN_TARGET),
  };
}

/**
 * Gender and youth balance of a delegation. Age is taken on the event's first day;
 * a member is young when aged `youthMaxAge` or less that day.
 */
export function computeBalance(members: readonly BalanceMember[], eventStart: string, youthMaxAge: number): Balance {
  const dated = members.filter((m) => m.birthDate);
  const young = dated.filter((m) => ageOn(m.birthDate!, eventStart) <= youthMaxAge).length;
  return {
    total: members.length,
    women: womenShare(members),
    womenInLeadership: womenShare(members.filter((m) => LEADERSHIP.has(m.role))),
    youth: { ...share(young, dated.length, members.length - dated.length), maxAge: youthMaxAge },
  };
}

/** The balance in counts, as `balance --json` prints it: shares are fractions of those whose gender (age) is known. */
export interface BalanceCounts {
  total: number;
  women: number;
  men: number;
  otherGender: number;
  unknownGender: number;
  womenShare: number | null;
  youth: number;
  unknownAge: number;
  youthShare: number | null;
  leadership: { total: number; women: number };
}

export function balanceCounts(members: readonly BalanceMember[], eventStart: string, youthMaxAge: number): BalanceCounts {
  const count = (gender: Gender) => members.filter((m) => m.gender === gender).length;
  const [women, men, otherGender, unknownGender] = [count('female'), count('male'), count('other'), count('unspecified')];
  const dated = members.filter((m) => m.birthDate);
  const youth = dated.filter((m) => ageOn(m.birthDate!, eventStart) <= youthMaxAge).length;
  const leaders = members.filter((m) => LEADERSHIP.has(m.role));
  const known = women + men + otherGender;
  return {
    total: members.length,
    women,
    men,
    otherGender,
    unknownGender,
    womenShare: known === 0 ? null : women / known,
    youth,
    unknownAge: members.length - dated.length,
    youthShare: dated.length === 0 ? null : youth / dated.length,
    leadership: { total: leaders.length, women: leaders.filter((m) => m.gender === 'female').length },
  };
}
