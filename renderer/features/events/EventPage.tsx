import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegation, DelegationMember } from '../../../main/api/contract';
import { REGISTRATION_STATUSES, ROLES, type RegistrationStatus, type Role } from '../../../main/domain/enums';
import { useAnnounceError } from '../../components/forms';
import { SearchBox } from '../../components/SearchBox';
import { useStatus } from '../../components/Status';
import { matching } from '../../components/lists';
import { useMutation, useQuery } from '../../data';
import { formatDateRange, formatNumber, venue } from '../../format';
import { AddMember } from './AddMember';
import { BalancePanel } from './BalancePanel';
import { EventDocuments } from './EventDocuments';
import { ExportDelegation } from './ExportDelegation';
import { MemberTable } from './DelegationTable';
import { EventLetters } from '../letters/EventLetters';
import { ScreenTitle } from '../../components/ScreenTitle';

export interface DelegationFilters {
  q?: string;
  role?: Role;
  registration?: RegistrationStatus;
}

const route = getRouteApi('/events/$eventId');
const searchParts = (m: DelegationMember) => [m.person.title, m.person.givenName, m.person.familyName, m.person.organisation, m.person.function, m.person.email];

function EventHeader({ event }: { event: Delegation['event'] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const announceError = useAnnounceError();
  const place = venue(event.city, event.country, i18n.language, t('common.listSeparator'));

  const remove = async () => {
    if (!(await confirm(t('events.deleteConfirm', { name: event.acronym || event.name }), t('common.delete')))) return;
    try {
      await mutate('events:delete', { id: event.id });
    } catch (error) {
      return announceError(error);
    }
    announce(t('events.deleted'));
    void navigate({ to: '/events' });
  };

  return (
    <header className="page-head event-head">
      <div>
        <ScreenTitle id="event-title">
          <bdi>{event.name}</bdi>
          {event.acronym && (
            <span className="muted">
              {' '}
              (<bdi>{event.acronym}</bdi>)
            </span>
          )}
        </ScreenTitle>
        <p className="event-facts">
          <span>{formatDateRange(event.startDate, event.endDate, i18n.language)}</span>
          <span>
            <bdi>{place || t('events.venueUnknown')}</bdi>
          </span>
          <span>{t(`events.kind.${event.kind}`)}</span>
          <span>{t(`events.modality.${event.modality}`)}</span>
          <span className={`badge status-${event.status}`}>{t(`events.status.${event.status}`)}</span>
          {event.website && (
            <a href={event.website} rel="noreferrer" dir="ltr" className="no-print">
              {t('events.visit')}
            </a>
          )}
        </p>
        {event.notes && (
          <p className="notes" dir="auto">
            {event.notes}
          </p>
        )}
      </div>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('common.print')}
        </button>
        <Link className="button" to="/events/$eventId/edit" params={{ eventId: event.id }}>
          {t('common.edit')}
        </Link>
        <Link className="button" to="/people/import" search={{ eventId: event.id }}>
          {t('people.importLink')}
        </Link>
        <Link className="button" to="/deadlines" search={{ eventId: event.id }}>
          {t('deadlines.timeline')}
        </Link>
        <Link className="button" to="/contributions" search={{ eventId: event.id }}>
          {t('nav.contributions')}
        </Link>
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('common.delete')}
        </button>
      </div>
    </header>
  );
}

function DelegationSection({ delegation }: { delegation: Delegation }) {
  const { t, i18n } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const [typed, setTyped] = useState<string>();
  // The search box answers each key at once; the list follows as soon as React has a moment.
  const search = useDeferredValue(typed ?? filters.q ?? '');
  const setFilters = useCallback(
    (change: Partial<DelegationFilters>) => void navigate({ search: (previous) => ({ ...previous, ...change }), replace: true }),
    [navigate],
  );
  const n = (value: number) => formatNumber(value, i18n.language);

  const { active, cancelled } = useMemo(() => {
    const isCancelled = (m: DelegationMember) => m.participation.registrationStatus === 'cancelled';
    return { active: delegation.members.filter((m) => !isCancelled(m)), cancelled: delegation.members.filter(isCancelled) };
  }, [delegation.members]);
  const shown = useMemo(() => {
    const kept = active.filter(
      (m) => (!filters.role || m.participation.role === filters.role) && (!filters.registration || m.participation.registrationStatus === filters.registration),
    );
    return matching(kept, search, searchParts) as DelegationMember[];
  }, [active, filters.role, filters.registration, search]);
  const filtered = Boolean(search || filters.role || filters.registration);

  return (
    <div className="event-body">
      <section className="card delegation" aria-labelledby="delegation-title">
        <h2 id="delegation-title" tabIndex={-1}>
          {t('delegation.title')} <span className="muted">({n(active.length)})</span>
        </h2>
        {active.length === 0 && <p className="empty">{t('delegation.empty')}</p>}
        {active.length > 0 && delegation.heads !== 1 && (
          <p className="warning-text heads-notice">
            {delegation.heads === 0 ? t('delegation.noHead') : t('delegation.severalHeads', { shown: n(delegation.heads) })}
          </p>
        )}
        {active.length > 0 && (
          <div className="filters no-print" role="search" aria-label={t('delegation.searchLabel')}>
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
              <span>{t('delegation.field.role')}</span>
              <select value={filters.role ?? ''} onChange={(e) => setFilters({ role: (e.target.value || undefined) as Role | undefined })}>
                <option value="">{t('filters.all')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`delegation.role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span>{t('delegation.field.registrationStatus')}</span>
              <select
                value={filters.registration ?? ''}
                onChange={(e) => setFilters({ registration: (e.target.value || undefined) as RegistrationStatus | undefined })}
              >
                <option value="">{t('filters.all')}</option>
                {REGISTRATION_STATUSES.filter((s) => s !== 'cancelled').map((s) => (
                  <option key={s} value={s}>
                    {t(`delegation.registration.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            {filtered && (
              <p className="count" aria-live="polite">
                {t('delegation.shown', { count: shown.length, shown: n(shown.length), total: n(active.length) })}
              </p>
            )}
          </div>
        )}
        {active.length > 0 &&
          (shown.length === 0 ? (
            <p className="empty">{t('search.noMatch')}</p>
          ) : (
            <MemberTable members={shown} label={t('delegation.title')} testId="delegation-table" />
          ))}
        <AddMember eventId={delegation.event.id} />
        {delegation.members.length > 0 && <ExportDelegation eventId={delegation.event.id} />}
        {cancelled.length > 0 && (
          <section className="cancelled" aria-labelledby="cancelled-title">
            <h3 id="cancelled-title">
              {t('delegation.cancelledTitle')} <span className="muted">({n(cancelled.length)})</span>
            </h3>
            <p className="muted small">{t('delegation.cancelledHelp')}</p>
            <MemberTable members={cancelled} label={t('delegation.cancelledTitle')} testId="cancelled-table" />
          </section>
        )}
      </section>
      <div className="balance-column">
        <BalancePanel delegation={delegation} cancelled={cancelled.length} />
      </div>
    </div>
  );
}

export function EventPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const delegation = useQuery('delegation:get', { eventId: id });

  if (delegation.error) return <p role="alert">{t('events.notFound')}</p>;
  if (!delegation.data) return <p>{t('app.loading')}</p>;

  return (
    <article aria-labelledby="event-title" className="event-page">
      <EventHeader event={delegation.data.event} />
      <DelegationSection delegation={delegation.data} />
      <EventDocuments eventId={id} />
      <EventLetters eventId={id} />
    </article>
  );
}
