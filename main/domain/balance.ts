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

function womenShare(members: readonly BalanceMember[], target: number): Share {
  const known = members.filter((m) => m.gender !== 'unspecified');
  const women = known.filter((m) => m.gender === 'female').length;
  return {
    ...share(women, known.length, members.length - known.length),
    target,
    gap: womenToReach(women, known.length, target),
  };
}

/**
 * Gender and youth balance of a delegation. Age is taken on the event's first day;
 * a member is young when aged `youthMaxAge` or less that day.
 */
export function computeBalance(members: readonly BalanceMember[], eventStart: string, youthMaxAge: number, womenTarget = WOMEN_TARGET): Balance {
  const dated = members.filter((m) => m.birthDate);
  const young = dated.filter((m) => ageOn(m.birthDate!, eventStart) <= youthMaxAge).length;
  return {
    total: members.length,
    women: womenShare(members, womenTarget),
    womenInLeadership: womenShare(members.filter((m) => LEADERSHIP.has(m.role)), womenTarget),
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

/** Published shares of women among delegates, by conference (DOMAIN.md): what a delegation compares itself with. */
export const BENCHMARKS: Record<string, { edition: string; share: number }> = {
  WRC: { edition: 'WRC-23', share: 0.22 },
  PP: { edition: 'PP-22', share: 0.33 },
  WTSA: { edition: 'WTSA-20', share: 0.3 },
};

export const AGE_BANDS = ['under25', '25to29', '30to34', '35to49', '50plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The delegation's make-up: gender by role, and age bands on the event's first day. */
export interface Composition {
  byRole: { role: Role; female: number; male: number; other: number; unspecified: number }[];
  byAge: Record<AgeBand, number>;
}

export function composition(members: readonly BalanceMember[], eventStart: string): Composition {
  const roles = [...new Set(members.map((m) => m.role))];
  const byRole = roles.map((role) => {
    const of = members.filter((m) => m.role === role);
    const count = (gender: Gender) => of.filter((m) => m.gender === gender).length;
    return { role, female: count('female'), male: count('male'), other: count('other'), unspecified: count('unspecified') };
  });
  const byAge = Object.fromEntries(AGE_BANDS.map((band) => [band, 0])) as Record<AgeBand, number>;
  for (const m of members) {
    if (!m.birthDate) { byAge.unknown += 1; continue; }
    const age = ageOn(m.birthDate, eventStart);
    byAge[age < 25 ? 'under25' : age < 30 ? '25to29' : age < 35 ? '30to34' : age < 50 ? '35to49' : '50plus'] += 1;
  }
  return { byRole, byAge };
}
