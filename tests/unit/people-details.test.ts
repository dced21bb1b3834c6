// People and their participation in detail: the passport kept out of sight until asked for, warned about
// when it expires too soon, duplicates by passport, one head per delegation, travel and visa details.
import { describe, expect, it } from 'vitest';
import { balanceCounts } from '../../main/domain/balance';
import { addMonths } from '../../main/domain/dates';
import { call, contextFor, ok, openStore, tempDir } from './helpers';

async function setup() {
  const store = await openStore(await tempDir());
  const context = contextFor(store);
  const event = await ok(context, 'events:create', { name: 'World Radiocommunication Conference', acronym: 'WRC-27', kind: 'conference', startDate: '2027-10-18', endDate: '2027-11-12' });
  return { store, context, event };
}

describe('a person\'s passport', () => {
  it('is never sent with the person, in a list or a delegation, only when asked for; a save without it keeps it', async () => {
    const { context, event } = await setup();
    const amina = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva', passportNumber: 'C01234521', passportExpires: '2030-01-01' });
    expect(amina).not.toHaveProperty('passportNumber');
    expect(amina.passportMasked).toBe('•••• 4521');
    await ok(context, 'participations:create', { eventId: event.id, personId: amina.id, role: 'head' });
    const [listed] = await ok(context, 'people:list');
    const { members } = await ok(context, 'delegation:get', { eventId: event.id });
    for (const shown of [await ok(context, 'people:get', { id: amina.id }), listed, members[0].person]) {
      expect(JSON.stringify(shown)).not.toContain('C01234521');
    }
    expect(await ok(context, 'people:passport', { id: amina.id })).toEqual({ passportNumber: 'C01234521' });
    await ok(context, 'people:update', { id: amina.id, organisation: 'Ministry' });
    expect(await ok(context, 'people:passport', { id: amina.id })).toEqual({ passportNumber: 'C01234521' });
  });

  it('is warned about when it expires before the event ends, or within six months after it', async () => {
    const { context, event } = await setup();
    const expiries = { early: '2027-11-01', soon: '2028-03-01', fine: '2029-01-01' };
    for (const [name, passportExpires] of Object.entries(expiries)) {
      const person = await ok(context, 'people:create', { givenName: name, familyName: 'Test', passportExpires });
      await ok(context, 'participations:create', { eventId: event.id, personId: person.id, role: 'delegate' });
    }
    const { members } = await ok(context, 'delegation:get', { eventId: event.id });
    const warnings = Object.fromEntries(members.map((m) => [m.person.givenName, m.passportWarning]));
    expect(warnings).toEqual({ early: 'expiresBeforeEventEnds', soon: 'expiresWithinSixMonths', fine: null });
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('tells apart nobody: the same number written differently is pointed out as a likely duplicate', async () => {
    const { context } = await setup();
    await ok(context, 'people:create', { givenName: 'Rashad', familyName: 'Mammadov', passportNumber: 'AB 123-456' });
    const second = await call(context, 'people:create', { givenName: 'R.', familyName: 'Mammadov', passportNumber: 'ab123456' });
    expect(second.ok && second.warnings?.map((w) => w.code)).toEqual(['warnings.duplicatePassport']);
    const refused = await call(context, 'people:create', { givenName: 'X', familyName: 'Y', passportIssued: '2025-01-01', passportExpires: '2024-01-01' });
    expect(refused.ok ? null : refused.error.issues?.map((i) => i.path)).toEqual(['passportExpires']);
  });
});

describe('a delegation', () => {
  it('counts its heads of delegation (not the cancelled ones): exactly one is expected', async () => {
    const { context, event } = await setup();
    const delegation = () => ok(context, 'delegation:get', { eventId: event.id });
    expect((await delegation()).heads).toBe(0);
    const [a, b] = [await ok(context, 'people:create', { givenName: 'A', familyName: 'One' }), await ok(context, 'people:create', { givenName: 'B', familyName: 'Two' })];
    await ok(context, 'participations:create', { eventId: event.id, personId: a.id, role: 'head' });
    const second = await ok(context, 'participations:create', { eventId: event.id, personId: b.id, role: 'head' });
    expect((await delegation()).heads).toBe(2);
    await ok(context, 'participations:update', { id: second.id, registrationStatus: 'cancelled' });
    expect((await delegation()).heads).toBe(1);
  });

  it('keeps each member\'s protocol category, visa, fellowship, travel dates and credentials; a departure before arrival is refused', async () => {
    const { context, event } = await setup();
    const person = await ok(context, 'people:create', { givenName: 'Leyla', familyName: 'Hasanova' });
    const member = await ok(context, 'participations:create', { eventId: event.id, personId: person.id, role: 'head' });
    const saved = await ok(context, 'participations:update', {
      id: member.id, vip: 'MIN', visa: 'letterRequested', fellowship: 'partial', fellowshipStatus: 'requested',
      arrival: '2027-10-16', departure: '2027-11-13', credentials: 'true' as never, notes: 'Arrives with the minister.',
    });
    expect(saved).toMatchObject({ vip: 'MIN', visa: 'letterRequested', fellowship: 'partial', credentials: true, arrival: '2027-10-16' });
    const refused = await call(context, 'participations:update', { id: member.id, departure: '2027-10-01' });
    expect(refused.ok ? null : refused.error.issues?.map((i) => i.path)).toEqual(['departure']);
    const events = await ok(context, 'people:events', { id: person.id });
    expect(events.map((e) => [e.event.acronym, e.participation.role])).toEqual([['WRC-27', 'head']]);
  });
});

describe('the balance in counts', () => {
  it('counts each gender, the unknown apart, shares of the known, youth on the first day, and the leadership', () => {
    const members = [
      { role: 'head' as const, gender: 'female' as const, birthDate: '2000-01-01' },
      { role: 'deputyHead' as const, gender: 'male' as const, birthDate: '1970-01-01' },
      { role: 'delegate' as const, gender: 'other' as const },
      { role: 'delegate' as const, gender: 'unspecified' as const, birthDate: '1999-06-01' },
    ];
    expect(balanceCounts(members, '2027-10-18', 29)).toEqual({
      total: 4, women: 1, men: 1, otherGender: 1, unknownGender: 1, womenShare: 1 / 3,
      youth: 2, unknownAge: 1, youthShare: 2 / 3, leadership: { total: 2, women: 1 },
    });
  });
});

describe('merging two records of one person', () => {
  it('keeps one, fills what it lacks from the other, moves its delegations, and can be undone from the backup it made', async () => {
    const { store, context, event } = await setup();
    const other = await ok(context, 'events:create', { name: 'Council', acronym: 'C27', kind: 'council', startDate: '2027-06-01', endDate: '2027-06-10' });
    const keep = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva', email: 'amina@example.org' });
    const twin = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'ALIYEVA', gender: 'female', birthDate: '1990-04-02', passportNumber: 'C01234521', email: 'other@example.org' });
    await ok(context, 'participations:create', { eventId: event.id, personId: keep.id, role: 'head' });
    await ok(context, 'participations:create', { eventId: event.id, personId: twin.id, role: 'delegate' });
    await ok(context, 'participations:create', { eventId: other.id, personId: twin.id, role: 'adviser' });

    const merged = await ok(context, 'people:merge', { keepId: keep.id, mergeId: twin.id });
    expect(merged.moved).toBe(1);
    const kept = await ok(context, 'people:get', { id: keep.id });
    expect(kept).toMatchObject({ gender: 'female', birthDate: '1990-04-02', email: 'amina@example.org', passportMasked: '•••• 4521' });
    expect((await call(context, 'people:get', { id: twin.id })).ok).toBe(false);
    const events = await ok(context, 'people:events', { id: keep.id });
    expect(events.map((e) => [e.event.acronym, e.participation.role]).sort()).toEqual([['C27', 'adviser'], ['WRC-27', 'head']]);
    expect((await ok(context, 'people:list')).length).toBe(1);

    const refused = await call(context, 'people:merge', { keepId: keep.id, mergeId: keep.id });
    expect(refused.ok ? null : refused.error.issues?.map((i) => i.code)).toEqual(['errors.mergeSame']);

    await store.restore(merged.backup);
    expect((await ok(context, 'people:list')).map((p) => p.familyName).sort()).toEqual(['ALIYEVA', 'Aliyeva']);
  });
});

describe('the balance beside the delegation', () => {
  it('uses the target set in the settings, gives the benchmark of its conference, its make-up, and its trend over the editions', async () => {
    const { context, event } = await setup();
    const earlier = await ok(context, 'events:create', { name: 'World Radiocommunication Conference', acronym: 'CMR-23', kind: 'conference', startDate: '2023-11-20', endDate: '2023-12-15' });
    const people = [] as { id: string }[];
    for (const [gender, birthDate] of [['female', '2004-01-01'], ['male', '1960-01-01'], ['male', undefined], ['unspecified', '1990-05-05']] as const) {
      people.push(await ok(context, 'people:create', { givenName: gender, familyName: 'Test', gender, birthDate }));
    }
    await ok(context, 'participations:create', { eventId: event.id, personId: people[0].id, role: 'head' });
    for (const p of people.slice(1)) await ok(context, 'participations:create', { eventId: event.id, personId: p.id, role: 'delegate' });
    await ok(context, 'participations:create', { eventId: earlier.id, personId: people[1].id, role: 'head' });

    await ok(context, 'settings:update', { womenTargetPercent: 50 });
    const d = await ok(context, 'delegation:get', { eventId: event.id });
    expect(d.balance.women).toMatchObject({ count: 1, known: 3, target: 0.5, gap: 1 });
    expect(d.benchmark).toEqual({ edition: 'WRC-23', share: 0.22 });
    expect(d.composition.byRole).toEqual(expect.arrayContaining([
      { role: 'head', female: 1, male: 0, other: 0, unspecified: 0 },
      { role: 'delegate', female: 0, male: 2, other: 0, unspecified: 1 },
    ]));
    expect(d.composition.byAge).toEqual({ under25: 1, '25to29': 0, '30to34': 0, '35to49': 1, '50plus': 1, unknown: 1 });
    expect(d.trend.map((p) => [p.label, p.womenShare])).toEqual([['CMR-23', 0], ['WRC-27', 1 / 3]]);
  });
});
