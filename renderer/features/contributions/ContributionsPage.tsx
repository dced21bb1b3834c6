// The contributions the delegation drafts: a board with a column per status (each card moved on to
// the next one), or a plain list; filtered by event and status, the filters and view in the address.
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionSummary } from '../../../main/api/contract';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from '../../../main/domain/enums';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useQuery } from '../../data';
import { formatNumber } from '../../format';
import { messageKey } from '../../i18n';
import { ContributionCard, ContributionTable } from './ContributionCard';
import { ContributionDetail } from './ContributionDetail';
import { eventLabel, NewContribution } from './ContributionForm';

export interface ContributionFilters {
  eventId?: string;
  status?: ContributionStatus;
  view?: 'board' | 'list';
}

const route = getRouteApi('/contributions');
const VIEWS = ['board', 'list'] as const;

function Board({ contributions, statuses, openId, onOpen }: { contributions: ContributionSummary[]; statuses: readonly ContributionStatus[]; openId?: string; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="contributions-board-title">
      <h2 id="contributions-board-title" className="visually-hidden">
        {t('contributions.board')}
      </h2>
      <div className="contribution-board">
        {statuses.map((status) => {
          const cards = contributions.filter((c) => c.status === status);
          return (
            <section key={status} className={`board-column column-${status}`} aria-labelledby={`column-${status}`} data-testid={`column-${status}`}>
              <h3 id={`column-${status}`}>
                {t(`contributions.status.${status}`)} <span className="badge">{formatNumber(cards.length, i18n.language)}</span>
              </h3>
              {cards.length > 0 && (
                <ul className="plain-list">
                  {cards.map((c) => (
                    <ContributionCard key={c.id} contribution={c} open={openId === c.id} onOpen={onOpen} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

export function ContributionsPage() {
  const { t, i18n } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const setFilters = useCallback(
    (change: Partial<ContributionFilters>) => void navigate({ search: (previous) => ({ ...previous, ...change }), replace: true }),
    [navigate],
  );
  const events = useQuery('events:list');
  const contributions = useQuery('contributions:list', { eventId: filters.eventId, status: filters.status });
  const [openId, setOpenId] = useState<string>();
  const view = filters.view ?? 'board';
  const allEvents = useMemo(() => [...(events.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)), [events.data]);
  const list = contributions.data;
  const statuses = filters.status ? [filters.status] : CONTRIBUTION_STATUSES;
  const toggle = (id: string) => setOpenId((current) => (current === id ? undefined : id));
  // Closed: focus goes back to the title that opened it (or to the screen's heading once deleted).
  const close = (deleted: boolean) => {
    const opener = deleted ? null : document.querySelector<HTMLElement>(`[data-opens="${openId}"]`);
    setOpenId(undefined);
    (opener ?? document.getElementById('contributions-title'))?.focus();
  };

  return (
    <section aria-labelledby="contributions-title" className="contributions-page">
      <ScreenTitle id="contributions-title">{t('contributions.title')}</ScreenTitle>
      <p className="muted">{t('contributions.intro')}</p>
      <div className="filters">
        <label className="filter">
          <span>{t('contributions.field.eventId')}</span>
          <select value={filters.eventId ?? ''} onChange={(e) => setFilters({ eventId: e.target.value || undefined })}>
            <option value="">{t('filters.all')}</option>
            {allEvents.map((e) => (
              <option key={e.id} value={e.id}>
                {eventLabel(e)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('contributions.field.status')}</span>
          <select value={filters.status ?? ''} onChange={(e) => setFilters({ status: (e.target.value || undefined) as ContributionStatus | undefined })}>
            <option value="">{t('filters.all')}</option>
            {CONTRIBUTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`contributions.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="view-switch" role="group" aria-label={t('contributions.view')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setFilters({ view: v === 'board' ? undefined : v })}>
              {t(`contributions.${v}`)}
            </button>
          ))}
        </div>
        {list && (
          <p className="count" aria-live="polite">
            {t('contributions.count', { shown: formatNumber(list.length, i18n.language) })}
          </p>
        )}
      </div>

      <NewContribution events={allEvents} preselected={filters.eventId} />

      {contributions.error && (
        <p role="alert" className="form-error">
          {t(messageKey(contributions.error.code))}
        </p>
      )}
      {contributions.loading && <p>{t('app.loading')}</p>}
      {openId && <ContributionDetail key={openId} id={openId} events={allEvents} onClose={close} />}
      {list && list.length === 0 && <p className="empty">{t('contributions.none')}</p>}
      {list && list.length > 0 && view === 'board' && <Board contributions={list} statuses={statuses} openId={openId} onOpen={toggle} />}
      {list && list.length > 0 && view === 'list' && <ContributionTable contributions={list} openId={openId} onOpen={toggle} />}
    </section>
  );
}
