import { Link, getRouteApi } from '@tanstack/react-router';
import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../main/api/contract';
import { GENDERS, type Gender } from '../../../main/domain/enums';
import { SearchBox } from '../../components/SearchBox';
import { VirtualTable } from '../../components/VirtualTable';
import { foldWhenIdle } from '../../components/fold-when-idle';
import { matching, sortParam, sortingOf } from '../../components/lists';
import { useQuery } from '../../data';
import { collator, countryName, formatDate, formatNumber, sortedName } from '../../format';
import { messageKey } from '../../i18n';
import { ScreenTitle } from '../../components/ScreenTitle';

export interface PeopleFilters {
  q?: string;
  gender?: Gender;
  sort?: string;
}

const route = getRouteApi('/people');
const searchParts = (p: PersonSummary) => [p.title, p.givenName, p.familyName, p.organisation, p.function, p.email];

function usePeopleColumns(): ColumnDef<PersonSummary>[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const separator = t('common.listSeparator');
  return useMemo(() => {
    const names = collator(language);
    return [
      {
        id: 'name',
        meta: { width: '26%' },
        header: t('people.field.name'),
        accessorFn: (p) => p.familyName,
        sortingFn: (a, b) =>
          names.compare(a.original.familyName, b.original.familyName) || names.compare(a.original.givenName, b.original.givenName),
        cell: ({ row: { original: p } }) => (
          <>
            <Link to="/people/$personId" params={{ personId: p.id }}>
              <bdi>{sortedName(p, language, separator)}</bdi>
            </Link>
            {p.function && (
              <div className="muted small">
                <bdi>{p.function}</bdi>
              </div>
            )}
          </>
        ),
      },
      {
        id: 'gender',
        meta: { width: '11%' },
        header: t('people.field.gender'),
        accessorFn: (p) => p.gender,
        cell: ({ row: { original: p } }) => t(`people.gender.${p.gender}`),
      },
      {
        id: 'birthDate',
        meta: { width: '14%' },
        header: t('people.field.birthDate'),
        accessorFn: (p) => p.birthDate ?? '',
        cell: ({ row: { original: p } }) => formatDate(p.birthDate, language) || <span className="muted">{t('common.notRecorded')}</span>,
      },
      {
        id: 'nationality',
        meta: { width: '15%' },
        header: t('people.field.nationality'),
        accessorFn: (p) => countryName(p.nationality, language),
        sortingFn: (a, b) => names.compare(a.getValue<string>('nationality'), b.getValue<string>('nationality')),
      },
      {
        id: 'organisation',
        meta: { width: '24%' },
        header: t('people.field.organisation'),
        accessorFn: (p) => p.organisation,
        sortingFn: (a, b) => names.compare(a.original.organisation, b.original.organisation),
        cell: ({ row: { original: p } }) => <bdi>{p.organisation}</bdi>,
      },
      {
        id: 'events',
        meta: { width: '10%', className: 'number' },
        header: t('people.field.events'),
        accessorFn: (p) => p.eventCount,
        cell: ({ row: { original: p } }) => formatNumber(p.eventCount, language),
      },
    ];
  }, [t, language, separator]);
}

export function PeopleList() {
  const { t, i18n } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const people = useQuery('people:list');
  // The list follows the search box at each keystroke; the address catches up when typing pauses.
  const [typed, setTyped] = useState<string>();
  // The search box answers each key at once; the list follows as soon as React has a moment.
  const search = useDeferredValue(typed ?? filters.q ?? '');
  const setFilters = useCallback(
    (change: Partial<PeopleFilters>) => void navigate({ search: (previous) => ({ ...previous, ...change }), replace: true }),
    [navigate],
  );

  const all = people.data;
  useEffect(() => (all ? foldWhenIdle(all, searchParts) : undefined), [all]);
  const shown = useMemo(() => {
    const byGender = filters.gender ? (all ?? []).filter((p) => p.gender === filters.gender) : (all ?? []);
    return matching(byGender, search, searchParts);
  }, [all, filters.gender, search]);

  const keep = useMemo(() => {
    const ids = new Set(shown.map((record) => record.id));
    return (record: { id: string }) => ids.has(record.id);
  }, [shown]);

  const sorting = useMemo(() => sortingOf(filters.sort, 'name'), [filters.sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => setFilters({ sort: sortParam(typeof updater === 'function' ? updater(sorting) : updater) }),
    [setFilters, sorting],
  );
  const columns = usePeopleColumns();
  const table = useReactTable({
    data: all ?? [],
    columns,
    state: { sorting },
    onSortingChange,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => p.id,
  });

  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <section aria-labelledby="people-title">
      <div className="page-head">
        <ScreenTitle id="people-title">{t('people.title')}</ScreenTitle>
        <div className="actions">
          <Link className="button" to="/people/import">
            {t('people.importLink')}
          </Link>
          <Link className="button primary" to="/people/new">
            {t('people.new')}
          </Link>
        </div>
      </div>
      {people.error && (
        <p role="alert" className="form-error">
          {t(messageKey(people.error.code))}
        </p>
      )}
      {people.loading && <p>{t('app.loading')}</p>}
      {all?.length === 0 && <p className="empty">{t('people.empty')}</p>}
      {all && all.length > 0 && (
        <>
          <div className="filters" role="search" aria-label={t('people.searchLabel')}>
            <SearchBox
              value={filters.q ?? ''}
              label={t('search.label')}
              hint={t('people.searchHint')}
              onInput={setTyped}
              onSettle={(q) => {
                setFilters({ q: q || undefined });
                setTyped(undefined);
              }}
            />
            <label className="filter">
              <span>{t('people.field.gender')}</span>
              <select value={filters.gender ?? ''} onChange={(e) => setFilters({ gender: (e.target.value || undefined) as Gender | undefined })}>
                <option value="">{t('filters.all')}</option>
                {GENDERS.map((g) => (
                  <option key={g} value={g}>
                    {t(`people.gender.${g}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="count" aria-live="polite">
              {t('people.shown', { count: shown.length, shown: n(shown.length), total: n(all.length) })}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="empty">{t('search.noMatch')}</p>
          ) : (
            <VirtualTable table={table} keep={keep} label={t('people.title')} rowHeight={57} testId="people-table" />
          )}
        </>
      )}
    </section>
  );
}
