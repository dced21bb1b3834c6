import { Link, getRouteApi } from '@tanstack/react-router';
import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../main/api/contract';
import { todayIso } from '../../../main/domain/dates';
import { EVENT_STATUSES, type EventStatus } from '../../../main/domain/enums';
import { SearchBox } from '../../components/SearchBox';
import { VirtualTable } from '../../components/VirtualTable';
import { matching, sortParam, sortingOf } from '../../components/lists';
import { useQuery } from '../../data';
import { WHEN, whenOf, type When } from './when';
import { collator, countryName, formatDateRange, formatNumber, venue } from '../../format';
import { messageKey } from '../../i18n';
import { ScreenTitle } from '../../components/ScreenTitle';

export interface EventFilters {
  q?: string;
  status?: EventStatus;
  when?: When;
  sort?: string;
}

const route = getRouteApi('/events');

function useEventColumns(): ColumnDef<EventSummary>[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const separator = t('common.listSeparator');
  return useMemo(() => {
    const names = collator(language);
    return [
      {
        id: 'name',
        meta: { width: '34%' },
        header: t('events.field.name'),
        accessorFn: (e) => e.name,
        sortingFn: (a, b) => names.compare(a.original.acronym || a.original.name, b.original.acronym || b.original.name),
        cell: ({ row: { original: e } }) => (
          <>
            <Link to="/events/$eventId" params={{ eventId: e.id }}>
              <bdi>{e.name}</bdi>
            </Link>
            {e.acronym && (
              <span className="muted">
                {' '}
                (<bdi>{e.acronym}</bdi>)
              </span>
            )}
          </>
        ),
      },
      {
        id: 'dates',
        meta: { width: '22%' },
        header: t('events.field.dates'),
        accessorFn: (e) => e.startDate,
        cell: ({ row: { original: e } }) => formatDateRange(e.startDate, e.endDate, language),
      },
      {
        id: 'venue',
        meta: { width: '20%' },
        header: t('events.field.venue'),
        accessorFn: (e) => venue(e.city, e.country, language, separator),
        sortingFn: (a, b) => names.compare(a.getValue<string>('venue'), b.getValue<string>('venue')),
        cell: ({ getValue }) => <bdi>{getValue<string>()}</bdi>,
      },
      {
        id: 'status',
        meta: { width: '13%' },
        header: t('events.field.status'),
        accessorFn: (e) => EVENT_STATUSES.indexOf(e.status),
        cell: ({ row: { original: e } }) => <span className={`badge status-${e.status}`}>{t(`events.status.${e.status}`)}</span>,
      },
      {
        id: 'delegation',
        meta: { width: '11%', className: 'number' },
        header: t('events.field.delegation'),
        accessorFn: (e) => e.delegationSize,
        cell: ({ row: { original: e } }) => formatNumber(e.delegationSize, language),
      },
    ];
  }, [t, language, separator]);
}

export function EventList() {
  const { t, i18n } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const events = useQuery('events:list');
  const [typed, setTyped] = useState<string>();
  // The search box answers each key at once; the list follows as soon as React has a moment.
  const search = useDeferredValue(typed ?? filters.q ?? '');
  const setFilters = useCallback(
    (change: Partial<EventFilters>) => void navigate({ search: (previous) => ({ ...previous, ...change }), replace: true }),
    [navigate],
  );

  const all = events.data;
  const language = i18n.language;
  const shown = useMemo(() => {
    const today = todayIso();
    const kept = (all ?? []).filter(
      (e) => (!filters.status || e.status === filters.status) && (!filters.when || whenOf(e, today) === filters.when),
    );
    return matching(kept, search, (e) => [e.name, e.acronym, e.city, countryName(e.country, language), e.organiser]);
  }, [all, filters.status, filters.when, search, language]);

  const keep = useMemo(() => {
    const ids = new Set(shown.map((record) => record.id));
    return (record: { id: string }) => ids.has(record.id);
  }, [shown]);

  const sorting = useMemo(() => sortingOf(filters.sort, '-dates'), [filters.sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => setFilters({ sort: sortParam(typeof updater === 'function' ? updater(sorting) : updater) }),
    [setFilters, sorting],
  );
  const table = useReactTable({
    data: all ?? [],
    columns: useEventColumns(),
    state: { sorting },
    onSortingChange,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (e) => e.id,
  });

  const n = (value: number) => formatNumber(value, language);
  return (
    <section aria-labelledby="events-title">
      <div className="page-head">
        <ScreenTitle id="events-title">{t('events.title')}</ScreenTitle>
        <Link className="button primary" to="/events/new">
          {t('events.new')}
        </Link>
      </div>
      {events.error && (
        <p role="alert" className="form-error">
          {t(messageKey(events.error.code))}
        </p>
      )}
      {events.loading && <p>{t('app.loading')}</p>}
      {all?.length === 0 && <p className="empty">{t('events.empty')}</p>}
      {all && all.length > 0 && (
        <>
          <div className="filters" role="search" aria-label={t('events.searchLabel')}>
            <SearchBox
              value={filters.q ?? ''}
              label={t('search.label')}
              hint={t('events.searchHint')}
              onInput={setTyped}
              onSettle={(q) => {
                setFilters({ q: q || undefined });
                setTyped(undefined);
              }}
            />
            <label className="filter">
              <span>{t('events.field.status')}</span>
              <select value={filters.status ?? ''} onChange={(e) => setFilters({ status: (e.target.value || undefined) as EventStatus | undefined })}>
                <option value="">{t('filters.all')}</option>
                {EVENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`events.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span>{t('events.when.label')}</span>
              <select value={filters.when ?? ''} onChange={(e) => setFilters({ when: (e.target.value || undefined) as When | undefined })}>
                <option value="">{t('filters.all')}</option>
                {WHEN.map((w) => (
                  <option key={w} value={w}>
                    {t(`events.when.${w}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="count" aria-live="polite">
              {t('events.shown', { count: shown.length, shown: n(shown.length), total: n(all.length) })}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="empty">{t('search.noMatch')}</p>
          ) : (
            <VirtualTable table={table} keep={keep} label={t('events.title')} rowHeight={45} testId="events-table" />
          )}
        </>
      )}
    </section>
  );
}
