// The renderer's pure rules, run against real change notices from a real store: which screens reload
// after a change, how dates are typed in each language, and how lists are searched.
import { describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../main/store/status';
import { searchTextOf, matching } from '../../renderer/components/lists';
import { dateOrder, formatInputDate, parseInputDate, toLatinDigits } from '../../renderer/dates';
import { isAffected } from '../../renderer/invalidation';
import { contextFor, ok, openStore, tempDir, wtdc25 } from './helpers';

describe('change notices reload only the screens that depend on the records written', () => {
  it('names each write by collection, id and the records it points to', async () => {
    const store = await openStore(await tempDir());
    const context = contextFor(store);
    const notices: ChangeNotice[] = [];
    store.onChange((notice) => notices.push(notice));
    const wtdc = await ok(context, 'events:create', wtdc25);
    const pp = await ok(context, 'events:create', { ...wtdc25, acronym: 'PP-26', startDate: '2026-11-09', endDate: '2026-11-27' });
    const amina = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    const leyla = await ok(context, 'people:create', { givenName: 'Leyla', familyName: 'Hasanova' });
    notices.length = 0;

    await ok(context, 'participations:create', { eventId: wtdc.id, personId: amina.id, role: 'head' });
    const added = notices.at(-1)!;
    expect(added.writes).toEqual([{ name: 'participations', id: expect.any(String), refs: { eventId: wtdc.id, personId: amina.id } }]);
    expect(isAffected(['delegation:get', { eventId: wtdc.id }], added)).toBe(true);
    expect(isAffected(['delegation:get', { eventId: pp.id }], added)).toBe(false);
    expect(isAffected(['events:list', null], added)).toBe(true);
    expect(isAffected(['people:list', null], added)).toBe(true);
    expect(isAffected(['people:get', { id: amina.id }], added)).toBe(false);
    expect(isAffected(['settings:get', null], added)).toBe(false);
    expect(isAffected(['app:status', null], added)).toBe(true);

    await ok(context, 'people:update', { id: leyla.id, organisation: 'ARCEP' });
    const renamed = notices.at(-1)!;
    expect(isAffected(['people:get', { id: leyla.id }], renamed)).toBe(true);
    expect(isAffected(['people:get', { id: amina.id }], renamed)).toBe(false);
    expect(isAffected(['events:get', { id: wtdc.id }], renamed)).toBe(false);
    expect(isAffected(['events:list', null], renamed)).toBe(false);

    await ok(context, 'events:update', { id: pp.id, city: 'Doha' });
    const moved = notices.at(-1)!;
    expect(isAffected(['delegation:get', { eventId: pp.id }], moved)).toBe(true);
    expect(isAffected(['delegation:get', { eventId: wtdc.id }], moved)).toBe(false);
    expect(isAffected(['people:list', null], moved)).toBe(false);
  });

  it('reloads everything when the whole data was replaced, and an unknown channel on any write', () => {
    expect(isAffected(['people:get', { id: 'x' }], { seq: 3, writes: [], reload: true })).toBe(true);
    expect(isAffected(['invitations:openOriginal', null], { seq: 3, writes: [{ name: 'people', id: 'x' }] })).toBe(true);
    expect(isAffected(['people:list', null], { seq: 3, writes: [] })).toBe(false);
  });
});

describe('date fields in the UI language', () => {
  it('write a date the way each language does, and read it back', () => {
    expect(dateOrder('en')).toEqual(['month', 'day', 'year']);
    expect(dateOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(dateOrder('zh')).toEqual(['year', 'month', 'day']);
    expect(formatInputDate('2026-11-03', 'fr')).toBe('03/11/2026');
    expect(formatInputDate('2026-11-03', 'ru')).toBe('03.11.2026');
    for (const language of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) {
      expect(parseInputDate(formatInputDate('2024-02-29', language), language)).toBe('2024-02-29');
    }
  });

  it('read what people type: any separator, one-digit days, ISO dates, Arabic-Indic and full-width digits', () => {
    expect(parseInputDate('3/11/2026', 'fr')).toBe('2026-11-03');
    expect(parseInputDate('3/11/2026', 'en')).toBe('2026-03-11');
    expect(parseInputDate('3-11-2026', 'es')).toBe('2026-11-03');
    expect(parseInputDate('2026-11-03', 'en')).toBe('2026-11-03');
    expect(parseInputDate('٣/١١/٢٠٢٦', 'ar')).toBe('2026-11-03');
    expect(parseInputDate('２０２６/１１/０３', 'zh')).toBe('2026-11-03');
    expect(toLatinDigits('۱۹۹۸')).toBe('1998');
    expect(parseInputDate('', 'fr')).toBe('');
  });

  it('refuse what is not a real date', () => {
    expect(parseInputDate('31/02/2026', 'fr')).toBeNull();
    expect(parseInputDate('29/02/2025', 'fr')).toBeNull();
    expect(parseInputDate('12/3/26', 'en')).toBeNull();
    expect(parseInputDate('13/13/2026', 'fr')).toBeNull();
    expect(parseInputDate('tomorrow', 'en')).toBeNull();
  });
});

describe('list search', () => {
  const people = [
    { givenName: 'Jean', familyName: 'Dupont', organisation: 'Ministère du Numérique' },
    { givenName: 'Élodie', familyName: 'Jeanneret', organisation: 'ARCEP' },
    { givenName: 'Лейла', familyName: 'Гусейнова', organisation: '' },
    { givenName: '明', familyName: '王', organisation: '工业和信息化部' },
  ];
  const parts = (p: (typeof people)[number]) => [p.givenName, p.familyName, p.organisation];
  const names = (search: string) => matching(people, search, parts).map((p) => p.familyName);

  it('ignores case and accents and finds every word, in every script', () => {
    expect(names('JEAN')).toEqual(['Dupont', 'Jeanneret']);
    expect(names('elodie')).toEqual(['Jeanneret']);
    expect(names('numerique jean')).toEqual(['Dupont']);
    expect(names('лейла')).toEqual(['Гусейнова']);
    expect(names('信息')).toEqual(['王']);
    expect(names('  ')).toHaveLength(4);
    expect(names('nobody')).toEqual([]);
  });

  it('folds a record once, and again only when it is replaced by a new answer', () => {
    const record = { givenName: 'Zoë', familyName: 'X', organisation: '' };
    expect(searchTextOf(record, parts)).toBe('zoe x');
    const changed = { ...record, givenName: 'Anaïs' };
    expect(searchTextOf(changed, parts)).toBe('anais x');
  });
});
