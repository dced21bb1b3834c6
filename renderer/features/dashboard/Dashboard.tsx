import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../main/domain/dates';
import { useQuery } from '../../data';
import { formatDateRange, venue } from '../../format';

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const events = useQuery('events:list');
  const people = useQuery('people:list');
  const today = todayIso();
  const upcoming = (events.data ?? []).filter((e) => e.endDate >= today).sort((a, b) => a.startDate.localeCompare(b.startDate));

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t('dashboard.upcoming')}</h2>
          {events.loading && !events.data ? (
            <p>{t('app.loading')}</p>
          ) : upcoming.length === 0 ? (
            <p className="empty">{t('dashboard.noUpcoming')}</p>
          ) : (
            <ul className="plain-list">
              {upcoming.map((e) => (
                <li key={e.id}>
                  <a href={`#/events/${e.id}`}>
                    <bdi>{e.acronym || e.name}</bdi>
                  </a>{' '}
                  <span className="muted">
                    {formatDateRange(e.startDate, e.endDate, i18n.language)}
                    {e.city && <> · {venue(e.city, e.country, i18n.language, t('common.listSeparator'))}</>}
                    {' · '}
                    {t('dashboard.delegationSize', { count: e.delegationSize })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="totals-title">
          <h2 id="totals-title">{t('dashboard.totals')}</h2>
          <p>{t('dashboard.eventCount', { count: events.data?.length ?? 0 })}</p>
          <p>{t('dashboard.peopleCount', { count: people.data?.length ?? 0 })}</p>
        </section>
        <section className="card card-coming" aria-labelledby="coming-title">
          <h2 id="coming-title">{t('dashboard.comingTitle')}</h2>
          <p>{t('dashboard.comingText')}</p>
        </section>
      </div>
    </section>
  );
}
