// The balance panel tells a delegation how many women and young people it sends: people whose
// gender or date of birth is not recorded are shown as unknown, never guessed.
import { describe, expect, it } from 'vitest';
import type { Input } from '../../main/api/contract';
import { computeBalance, womenToReach, type BalanceMember } from '../../main/domain/balance';
import { ageOn, isIsoDate } from '../../main/domain/dates';
import { contextFor, ok, openStore, tempDir, wtdc25 } from './helpers';

const FIRST_DAY = '2025-11-17';

function member(fields: Partial<BalanceMember> = {}): BalanceMember {
  return { role: 'delegate', gender: 'unspecified', ...fields };
}

describe('ageOn', () => {
  it('counts the birthday itself as the new age', () => {
    expect(ageOn('1995-11-17', '2025-11-17')).toBe(30);
    expect(ageOn('1995-11-18', '2025-11-17')).toBe(29);
    expect(ageOn('1995-12-01', '2025-11-17')).toBe(29);
    expect(ageOn('1995-01-01', '2025-11-17')).toBe(30);
  });

  it('ages someone born on 29 February on 1 March in common years', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
  });
});

describe('isIsoDate', () => {
  it.each(['2025-11-17', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-17', '17/11/2025', '2025-11-17T00:00:00Z', ''])(
    'refuses %s',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
    },
  );
});

describe('computeBalance', () => {
  it('gives no share at all for an empty delegation', () => {
    const balance = computeBalance([], FIRST_DAY, 29);
    expect(balance.total).toBe(0);
    expect(balance.women).toEqual({ count: 0, known: 0, unknown: 0, share: null, target: 0.35, gap: 0 });
    expect(balance.womenInLeadership).toEqual({ count: 0, known: 0, unknown: 0, share: null, target: 0.35, gap: 0 });
    expect(balance.youth).toEqual({ count: 0, known: 0, unknown: 0, share: null, maxAge: 29 });
  });

  it('leaves members of unrecorded gender out of the women share and counts them as unknown', () => {
    const balance = computeBalance(
      [member({ gender: 'female' }), member({ gender: 'male' }), member({ gender: 'other' }), member({ gender: 'unspecified' })],
      FIRST_DAY,
      29,
    );
    expect(balance.total).toBe(4);
    expect(balance.women).toEqual({ count: 1, known: 3, unknown: 1, share: 1 / 3, target: 0.35, gap: 1 });
  });

  it('gives no women share when nobody’s gender is recorded', () => {
    const balance = computeBalance([member(), member()], FIRST_DAY, 29);
    expect(balance.women).toEqual({ count: 0, known: 0, unknown: 2, share: null, target: 0.35, gap: 0 });
  });

  it('leaves members without a date of birth out of the youth share and counts them as unknown', () => {
    const balance = computeBalance(
      [member({ birthDate: '2000-05-05' }), member({ birthDate: '1970-05-05' }), member()],
      FIRST_DAY,
      29,
    );
    expect(balance.youth).toEqual({ count: 1, known: 2, unknown: 1, share: 0.5, maxAge: 29 });
  });

  it('takes age on the event’s first day: turning 30 that day is not young at 29, turning 29 is', () => {
    const turning30 = member({ birthDate: '1995-11-17' });
    const turning29 = member({ birthDate: '1996-11-17' });
    const turning30Tomorrow = member({ birthDate: '1995-11-18' });

    expect(computeBalance([turning30], FIRST_DAY, 29).youth.count).toBe(0);
    expect(computeBalance([turning29], FIRST_DAY, 29).youth.count).toBe(1);
    expect(computeBalance([turning30Tomorrow], FIRST_DAY, 29).youth.count).toBe(1);
  });

  it('counts women in leadership among heads and deputy heads only', () => {
    const balance = computeBalance(
      [
        member({ role: 'head', gender: 'male' }),
        member({ role: 'deputyHead', gender: 'female' }),
        member({ role: 'deputyHead', gender: 'unspecified' }),
        member({ role: 'delegate', gender: 'female' }),
        member({ role: 'youthDelegate', gender: 'female' }),
        member({ role: 'observer', gender: 'female' }),
      ],
      FIRST_DAY,
      29,
    );
    expect(balance.womenInLeadership).toEqual({ count: 1, known: 2, unknown: 1, share: 0.5, target: 0.35, gap: 0 });
    expect(balance.women).toEqual({ count: 4, known: 5, unknown: 1, share: 0.8, target: 0.35, gap: 0 });
  });

  it('says how many more women would reach the 35 % target', () => {
    const men = (n: number) => Array.from({ length: n }, () => member({ gender: 'male' }));
    const women = (n: number) => Array.from({ length: n }, () => member({ gender: 'female' }));
    // 3 of 10 (30 %): one more woman gives 4 of 11 (36 %).
    expect(computeBalance([...women(3), ...men(7)], FIRST_DAY, 29).women).toMatchObject({ share: 0.3, gap: 1 });
    // 0 of 20: 11 more give 11 of 31 (35.5 %), 10 give 10 of 30 (33 %).
    expect(computeBalance(men(20), FIRST_DAY, 29).women.gap).toBe(11);
    // Exactly 35 % (7 of 20) reaches it.
    expect(computeBalance([...women(7), ...men(13)], FIRST_DAY, 29).women.gap).toBe(0);
    // 13 of 40: 14 of 41 is 34.1 %, 15 of 42 is 35.7 %.
    expect(womenToReach(13, 40, 0.35)).toBe(2);
  });

  it('ages someone born on 29 February correctly at an event around 1 March', () => {
    const leapling = member({ birthDate: '1996-02-29' });
    expect(computeBalance([leapling], '2026-02-28', 29).youth.count).toBe(1);
    expect(computeBalance([leapling], '2026-03-01', 29).youth.count).toBe(0);
  });

  it('uses the threshold the user set', () => {
    const members = [member({ birthDate: '1991-01-01' }), member({ birthDate: '1990-11-18' }), member({ birthDate: '1990-11-17' })];
    expect(computeBalance(members, FIRST_DAY, 29).youth).toMatchObject({ count: 0, known: 3, maxAge: 29 });
    expect(computeBalance(members, FIRST_DAY, 34).youth).toMatchObject({ count: 2, known: 3, maxAge: 34 });
    expect(computeBalance(members, FIRST_DAY, 35).youth).toMatchObject({ count: 3, known: 3, maxAge: 35 });
  });
});

describe('delegation:get', () => {
  it('returns the delegation of WTDC-25 in role order with its balance, from saved data', async () => {
    const store = await openStore(await tempDir());
    const context = contextFor(store);
    const event = await ok(context, 'events:create', wtdc25);
    const other = await ok(context, 'events:create', { ...wtdc25, acronym: 'PP-26', startDate: '2026-11-09', endDate: '2026-11-27' });
    const add = async (person: Input<'people:create'>, role: BalanceMember['role'], eventId = event.id) => {
      const created = await ok(context, 'people:create', person);
      return ok(context, 'participations:create', { eventId, personId: created.id, role });
    };
    await add({ givenName: 'Leyla', familyName: 'Huseynova', gender: 'female', birthDate: '1995-11-17' }, 'delegate');
    await add({ givenName: 'Rustam', familyName: 'Mammadov', gender: 'male', birthDate: '1996-11-17' }, 'deputyHead');
    await add({ givenName: 'Amina', familyName: 'Aliyeva', gender: 'female', birthDate: '1979-04-02' }, 'head');
    await add({ givenName: 'Sam', familyName: 'Karimli' }, 'expert');
    const removed = await add({ givenName: 'Nigar', familyName: 'Rzayeva', gender: 'female', birthDate: '2001-03-03' }, 'youthDelegate');
    await ok(context, 'participations:delete', { id: removed.id });
    await add({ givenName: 'Elnur', familyName: 'Guliyev', gender: 'male', birthDate: '2002-01-01' }, 'observer', other.id);

    const delegation = await ok(context, 'delegation:get', { eventId: event.id });

    expect(delegation.event).toMatchObject({ acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28' });
    expect(delegation.members.map((m) => [m.participation.role, m.person.familyName])).toEqual([
      ['head', 'Aliyeva'],
      ['deputyHead', 'Mammadov'],
      ['delegate', 'Huseynova'],
      ['expert', 'Karimli'],
    ]);
    expect(delegation.balance).toEqual({
      total: 4,
      women: { count: 2, known: 3, unknown: 1, share: 2 / 3, target: 0.35, gap: 0 },
      womenInLeadership: { count: 1, known: 2, unknown: 0, share: 0.5, target: 0.35, gap: 0 },
      youth: { count: 1, known: 3, unknown: 1, share: 1 / 3, maxAge: 29 },
    });

    // A cancelled registration is still listed, but not counted: that person will not be there.
    const cancelled = await add({ givenName: 'Aysel', familyName: 'Babayeva', gender: 'female', birthDate: '2000-01-01' }, 'delegate');
    await ok(context, 'participations:update', { id: cancelled.id, registrationStatus: 'cancelled' });
    const withCancelled = await ok(context, 'delegation:get', { eventId: event.id });
    expect(withCancelled.members).toHaveLength(5);
    expect(withCancelled.balance).toEqual(delegation.balance);

    await ok(context, 'settings:update', { youthMaxAge: 30 });
    const after = await ok(context, 'delegation:get', { eventId: event.id });
    expect(after.balance.youth).toEqual({ count: 2, known: 3, unknown: 1, share: 2 / 3, maxAge: 30 });
  });
});
